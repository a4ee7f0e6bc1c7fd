package io.github.camelkusto.kql.functions.builtin;

/**
 * A term of {@code contains}/{@code has} prepared once for a batch of texts, so that the search of each text
 * neither allocates nor folds case beyond what it must. Case-insensitive, the rule is {@code String.regionMatches}
 * with {@code ignoreCase} after a first character whose lower case is the term's first character's (as before
 * this class). Three ways to search, the same answers:
 * <ul>
 *   <li>a term of ASCII characters no other character folds to (digits, punctuation, space) matches only
 *       itself: {@code String.indexOf}, which the JVM vectorises;</li>
 *   <li>any other ASCII term: a scan comparing each text character with both cases of the term's, falling back
 *       to {@code regionMatches} from the first non-ASCII text character of a candidate (the Kelvin sign folds to
 *       {@code k}, the dotted capital I to {@code i});</li>
 *   <li>a term with non-ASCII characters: the first-character test and {@code regionMatches} at every place.</li>
 * </ul>
 */
final class Needle {
    /** ASCII characters that some other character matches case-insensitively (letters, and nothing else today). */
    private static final boolean[] FOLDED_ASCII = foldedAscii();

    private final String term;
    private final boolean ignoreCase;
    /** Case-insensitive ASCII term: each character's lower and upper case; null for the other two ways. */
    private final char[] lower;
    private final char[] upper;
    private final boolean exact;
    private final boolean startsAlnum;
    private final boolean endsAlnum;

    Needle(String term, boolean ignoreCase) {
        this.term = term;
        this.ignoreCase = ignoreCase;
        int len = term.length();
        boolean ascii = true;
        boolean folds = false;
        for (int i = 0; i < len; i++) {
            char c = term.charAt(i);
            ascii &= c < 0x80;
            folds |= c >= 0x80 || FOLDED_ASCII[c];
        }
        exact = !ignoreCase || !folds;
        if (ignoreCase && folds && ascii) {
            lower = new char[len];
            upper = new char[len];
            for (int i = 0; i < len; i++) {
                lower[i] = Character.toLowerCase(term.charAt(i));
                upper[i] = Character.toUpperCase(term.charAt(i));
            }
        } else {
            lower = null;
            upper = null;
        }
        startsAlnum = len > 0 && Character.isLetterOrDigit(term.charAt(0));
        endsAlnum = len > 0 && Character.isLetterOrDigit(term.charAt(len - 1));
    }

    /** The first place at or after {@code from} where the term is in {@code text}, or -1. */
    int indexIn(String text, int from) {
        if (term.isEmpty()) {
            return from <= text.length() ? from : -1;
        }
        if (exact) {
            return text.indexOf(term, from);
        }
        return lower != null ? asciiIndexIn(text, from) : generalIndexIn(text, from);
    }

    /**
     * Whether the term is in {@code text} at term boundaries ({@code has}; only the start or end one for
     * hasprefix/hassuffix): the text must not continue a run of letters or digits the term starts or ends.
     */
    boolean isTermIn(String text, boolean atStart, boolean atEnd) {
        int len = term.length();
        if (len == 0) {
            return true;
        }
        for (int at = indexIn(text, 0); at >= 0; at = indexIn(text, at + 1)) {
            boolean startOk = !atStart || !startsAlnum || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + len;
            boolean endOk = !atEnd || !endsAlnum || end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private int asciiIndexIn(String text, int from) {
        char firstLower = lower[0];
        char firstUpper = upper[0];
        for (int i = from, last = text.length() - term.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == firstLower || c == firstUpper || c >= 0x80 && Character.toLowerCase(c) == firstLower)
                    && restMatches(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the term's characters after the first match the text's after {@code at}. */
    private boolean restMatches(String text, int at) {
        for (int j = 1, len = term.length(); j < len; j++) {
            char c = text.charAt(at + j);
            if (c != lower[j] && c != upper[j]) {
                return c >= 0x80 && text.regionMatches(true, at + j, term, j, len - j);
            }
        }
        return true;
    }

    private int generalIndexIn(String text, int from) {
        int len = term.length();
        char first = term.charAt(0);
        char firstLower = Character.toLowerCase(first);
        char firstUpper = Character.toUpperCase(first);
        for (int i = from, last = text.length() - len; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == firstLower || c == firstUpper || Character.toLowerCase(c) == firstLower)
                    && text.regionMatches(true, i + 1, term, 1, len - 1)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The ASCII characters another character is equal to under the case-insensitive rule: the upper case, the
     * lower case of the upper case (regionMatches) or the lower case (the first-character test) of that other
     * character.
     */
    private static boolean[] foldedAscii() {
        boolean[] folded = new boolean[0x80];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            char up = Character.toUpperCase(ch);
            for (char f : new char[] {up, Character.toLowerCase(up), Character.toLowerCase(ch)}) {
                if (f < 0x80 && f != ch) {
                    folded[f] = true;
                }
            }
        }
        return folded;
    }
}
