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
 * Preparing a term only picks the way (the cases of an ASCII character come from a shared table), so a term that
 * changes from row to row (a column) is searched by the static {@link #indexOf} and {@link #has} without
 * allocating anything.
 */
final class Needle {
    /** The ways to search, see the class comment. */
    private static final int EXACT = 0;
    private static final int ASCII = 1;
    private static final int GENERAL = 2;
    /** ASCII characters that some other character matches case-insensitively (letters, and nothing else today). */
    private static final boolean[] FOLDED_ASCII = foldedAscii();
    /** {@code Character.toLowerCase} and {@code toUpperCase} of each ASCII character. */
    private static final char[] ASCII_LOWER = asciiCases(false);
    private static final char[] ASCII_UPPER = asciiCases(true);

    private final String term;
    private final int way;

    Needle(String term, boolean ignoreCase) {
        this.term = term;
        this.way = way(term, ignoreCase);
    }

    /** The first place at or after {@code from} where the term is in {@code text}, or -1. */
    int indexIn(String text, int from) {
        return indexIn(text, term, way, from);
    }

    /**
     * Whether the term is in {@code text} at term boundaries ({@code has}; only the start or end one for
     * hasprefix/hassuffix): the text must not continue a run of letters or digits the term starts or ends.
     */
    boolean isTermIn(String text, boolean atStart, boolean atEnd) {
        return isTermIn(text, term, way, atStart, atEnd);
    }

    /** {@link #indexIn} of a term used once (a row's own): the same answer, nothing allocated. */
    static int indexOf(String text, String term, int from, boolean ignoreCase) {
        return indexIn(text, term, way(term, ignoreCase), from);
    }

    /** {@link #isTermIn} of a term used once (a row's own): the same answer, nothing allocated. */
    static boolean has(String text, String term, boolean ignoreCase, boolean atStart, boolean atEnd) {
        return isTermIn(text, term, way(term, ignoreCase), atStart, atEnd);
    }

    private static int way(String term, boolean ignoreCase) {
        boolean ascii = true;
        boolean folds = false;
        for (int i = 0, len = term.length(); i < len; i++) {
            char c = term.charAt(i);
            ascii &= c < 0x80;
            folds |= c >= 0x80 || FOLDED_ASCII[c];
        }
        return !ignoreCase || !folds ? EXACT : ascii ? ASCII : GENERAL;
    }

    private static int indexIn(String text, String term, int way, int from) {
        if (term.isEmpty()) {
            return from <= text.length() ? from : -1;
        }
        return switch (way) {
            case EXACT -> text.indexOf(term, from);
            case ASCII -> asciiIndexIn(text, term, from);
            default -> generalIndexIn(text, term, from);
        };
    }

    private static boolean isTermIn(String text, String term, int way, boolean atStart, boolean atEnd) {
        int len = term.length();
        if (len == 0) {
            return true;
        }
        boolean startsAlnum = Character.isLetterOrDigit(term.charAt(0));
        boolean endsAlnum = Character.isLetterOrDigit(term.charAt(len - 1));
        for (int at = indexIn(text, term, way, 0); at >= 0; at = indexIn(text, term, way, at + 1)) {
            boolean startOk = !atStart || !startsAlnum || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + len;
            boolean endOk = !atEnd || !endsAlnum || end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static int asciiIndexIn(String text, String term, int from) {
        char firstLower = ASCII_LOWER[term.charAt(0)];
        char firstUpper = ASCII_UPPER[term.charAt(0)];
        for (int i = from, last = text.length() - term.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == firstLower || c == firstUpper || c >= 0x80 && Character.toLowerCase(c) == firstLower)
                    && restMatches(text, term, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the (ASCII) term's characters after the first match the text's after {@code at}. */
    private static boolean restMatches(String text, String term, int at) {
        for (int j = 1, len = term.length(); j < len; j++) {
            char c = text.charAt(at + j);
            char t = term.charAt(j);
            if (c != ASCII_LOWER[t] && c != ASCII_UPPER[t]) {
                return c >= 0x80 && text.regionMatches(true, at + j, term, j, len - j);
            }
        }
        return true;
    }

    private static int generalIndexIn(String text, String term, int from) {
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

    private static char[] asciiCases(boolean upper) {
        char[] cases = new char[0x80];
        for (char c = 0; c < 0x80; c++) {
            cases[c] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
        }
        return cases;
    }
}
