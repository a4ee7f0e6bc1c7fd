package io.github.camelkusto.kql.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A prepared term finds what the plain rule finds: {@code regionMatches} (ignoring case or not) at each place
 * whose first character passes the first-character test, over texts and terms mixing ASCII, letters that fold
 * to ASCII from outside it (the Kelvin sign, the dotted capital I, the dotless i, the long s), Latin-1, Greek,
 * Cyrillic and surrogate pairs.
 */
class NeedleTest {
    private static final String ALPHABET = "aAbBkKsSiI0129 .-_;\u212A\u0130\u0131\u017F\u00E4\u00C4\u00DF\u00B5"
            + "\u039C\u03BC\u0416\u0436\uD83D\uDE00\uD801\uDC00\uD801\uDC28";

    /** The rule: the first place at or after {@code from} where the term starts, or -1. */
    private static int reference(String text, String term, int from, boolean ignoreCase) {
        if (term.isEmpty()) {
            return from <= text.length() ? from : -1;
        }
        if (!ignoreCase) {
            return text.indexOf(term, from);
        }
        char firstLower = Character.toLowerCase(term.charAt(0));
        char firstUpper = Character.toUpperCase(term.charAt(0));
        for (int i = from; i <= text.length() - term.length(); i++) {
            char c = text.charAt(i);
            if ((c == firstLower || c == firstUpper || Character.toLowerCase(c) == firstLower)
                    && text.regionMatches(true, i + 1, term, 1, term.length() - 1)) {
                return i;
            }
        }
        return -1;
    }

    private static String random(Random random, String alphabet, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** One check of a term in a text, ignoring case or not. */
    private interface Check {
        void check(String term, String text, boolean ignoreCase);
    }

    /** {@code check} over {@code rounds} random terms (every other one of ASCII only) and texts, both ways of case. */
    private static void forRandomTermsAndTexts(long seed, int rounds, Check check) {
        Random random = new Random(seed);
        for (int round = 0; round < rounds; round++) {
            String term = random(random, round % 2 == 0 ? "aAbBkKsSi0129 .-" : ALPHABET, 3);
            String text = random(random, ALPHABET, 12);
            for (boolean ignoreCase : new boolean[] {true, false}) {
                check.check(term, text, ignoreCase);
            }
        }
    }

    @Test
    void findsWhatTheCaseInsensitiveRuleFindsAtEveryPlace() {
        forRandomTermsAndTexts(18, 200_000, (term, text, ignoreCase) -> {
            Needle needle = new Needle(term, ignoreCase);
            for (int from = 0; from <= text.length() + 1; from++) {
                assertThat(needle.indexIn(text, from)).as("%s in %s from %d, ignoring case %s", term, text, from,
                        ignoreCase).isEqualTo(reference(text, term, from, ignoreCase));
            }
        });
    }

    @Test
    void aCaselessTermMatchesOnlyItself() {
        Needle digits = new Needle("12-3", true);
        assertThat(digits.indexIn("x12-312-3", 0)).isEqualTo(1);
        assertThat(digits.indexIn("x12-312-3", 2)).isEqualTo(5);
        assertThat(digits.indexIn("12_3", 0)).isEqualTo(-1);
    }

    @Test
    void anAsciiLetterMatchesTheLettersThatFoldToIt() {
        assertThat(new Needle("kelvin", true).indexIn("5 \u212Aelvin", 0)).isEqualTo(2);
        assertThat(new Needle("is", true).indexIn("th\u0130\u017F", 0)).isEqualTo(2);
    }

    @Test
    void aTermIsAtTermBoundariesOnlyWhereNoLetterOrDigitContinuesIt() {
        Needle term = new Needle("abc", true);
        assertThat(term.isTermIn("xabc abc", true, true)).isTrue();
        assertThat(term.isTermIn("xabc abcd", true, true)).isFalse();
        assertThat(term.isTermIn("\u00E9abc", true, true)).isFalse();
        assertThat(term.isTermIn("ABC", true, true)).isTrue();
        assertThat(term.isTermIn("xabc", false, true)).isTrue();
        assertThat(term.isTermIn("abcx", true, false)).isTrue();
        assertThat(new Needle("-", true).isTermIn("a-b", true, true)).isTrue();
        assertThat(new Needle("", true).isTermIn("", true, true)).isTrue();
    }

    /** The rule of has: a place of the term where no letter or digit continues a run the term starts (ends). */
    private static boolean referenceHas(String text, String term, boolean ignoreCase, boolean atStart,
            boolean atEnd) {
        if (term.isEmpty()) {
            return true;
        }
        for (int at = reference(text, term, 0, ignoreCase); at >= 0; at = reference(text, term, at + 1, ignoreCase)) {
            int end = at + term.length();
            boolean continuedBefore = at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))
                    && Character.isLetterOrDigit(term.charAt(0));
            boolean continuedAfter = end < text.length() && Character.isLetterOrDigit(text.charAt(end))
                    && Character.isLetterOrDigit(term.charAt(term.length() - 1));
            if (!(atStart && continuedBefore) && !(atEnd && continuedAfter)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTermOfItsOwnRowIsSearchedByTheSameRuleWithoutPreparing() {
        forRandomTermsAndTexts(19, 100_000, (term, text, ignoreCase) -> {
            for (int from = 0; from <= text.length() + 1; from++) {
                assertThat(Needle.indexOf(text, term, from, ignoreCase)).as("%s in %s from %d, ignoring case %s",
                        term, text, from, ignoreCase).isEqualTo(reference(text, term, from, ignoreCase));
            }
            for (int bounds = 0; bounds < 4; bounds++) {
                boolean atStart = (bounds & 1) != 0;
                boolean atEnd = (bounds & 2) != 0;
                assertThat(Needle.has(text, term, ignoreCase, atStart, atEnd)).as("%s has %s (%s, %s), ignoring case"
                        + " %s", text, term, atStart, atEnd, ignoreCase)
                        .isEqualTo(referenceHas(text, term, ignoreCase, atStart, atEnd))
                        .isEqualTo(new Needle(term, ignoreCase).isTermIn(text, atStart, atEnd));
            }
        });
    }
}
