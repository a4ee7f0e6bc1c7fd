package io.github.camelkusto.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import io.github.camelkusto.export.command.CommandCorpusTestAccess;

/**
 * Hostile command texts, one per seed, so that a failing seed names its input: deep nesting of every kind,
 * long literals of every quoting, long operator chains and pipes, random bytes and Unicode, and valid corpus
 * commands cut and poked. Up to {@value #MAX_CHARS} characters; every query reads table {@code T(x:long,
 * s:string, d:dynamic)}. No input holds a real secret.
 */
final class HostileInputs {
    static final int MAX_CHARS = 1 << 20;
    private static final List<String> VALID = CommandCorpusTestAccess.validTexts();
    private static final String[][] NESTINGS = {
            {"(", ")"}, {"[", "]"}, {"abs(", ")"}, {"strcat('a', ", ")"}, {"iff(true, ", ", 0)"},
            {"case(false, 1, ", ")"}, {"dynamic([", "])"}, {"toscalar(print ", ")"}, {"-", ""}, {"not(", ")"},
            {"d[", "]"}, {"pack_array(", ")"}, {"x in (", ")"}, {"tostring(", ")"}};
    private static final String[] CHAINS = {
            " or x == 1", " and x > 0", " + x", " * 2", " - 1", " / 3", ".a", "[0]", " | where x > 0",
            " | take 5", " | extend z = x", " | project x", " | sort by x", " | summarize count() by x",
            ", x", " == x", "|", "(", ")"};
    private static final String[] QUOTINGS = {"'%s'", "\"%s\"", "@'%s'", "@\"%s\"", "h'%s'", "h\"%s\"", "h@'%s'",
            "H@\"%s\"", "'%s", "\"%s", "@'%s", "h'%s"};
    private static final String[] TOKENS = {"T", "x", "s", "d", "|", "where", "extend", "project", "summarize",
            "by", "(", ")", "[", "]", "{", "}", ",", ";", "let", "=", "==", "<|", ".export", "to", "csv", "with",
            "'a'", "\"b\"", "h'c'", "@'d'", "1", "1.5", "0x", "1e400", "datetime(", "dynamic(", "and", "or", "not",
            "!", "-", "+", "*", "/", "%", ".", "..", "between", "in", "has", "matches", "regex", "toscalar",
            "join", "on", "$left", "union", "range", "from", "step", "print", "datatable", ":", "long", "string",
            "mv-expand", "parse", "extract(", "replace_regex(", "\\", "\u202e", "\u0000", "\ud800", "\n"};

    private HostileInputs() {
    }

    /** The input of {@code seed}: the same text for the same seed, on any machine. */
    static String input(long seed) {
        Random random = new Random(seed);
        String text = switch (random.nextInt(8)) {
            case 0 -> query(random, nesting(random));
            case 1 -> longLiteral(random);
            case 2 -> query(random, "x" + chain(random));
            case 3 -> "T" + repeat(CHAINS[8 + random.nextInt(6)], size(random));
            case 4 -> randomText(random);
            case 5 -> cutAndPoked(random);
            case 6 -> tokenSoup(random);
            default -> ".export to csv ('out') <| " + query(random, nesting(random));
        };
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    /** A short, printable view of {@code text} for a failure message: the start, the end, the length. */
    static String shortened(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Cs}]", "?");
        return printable.length() <= 120 ? printable
                : printable.substring(0, 60) + " ... " + printable.substring(printable.length() - 40) + " ("
                        + text.length() + " chars)";
    }

    /** Mostly small, sometimes large, now and then up to a megabyte. */
    private static int size(Random random) {
        int kind = random.nextInt(10);
        return kind < 6 ? 1 + random.nextInt(300) : kind < 9 ? 300 + random.nextInt(20_000)
                : 20_000 + random.nextInt(MAX_CHARS / 8);
    }

    private static String query(Random random, String expression) {
        return (random.nextBoolean() ? "T | where " : "T | extend y = ") + expression;
    }

    private static String nesting(Random random) {
        String[] pair = NESTINGS[random.nextInt(NESTINGS.length)];
        int depth = size(random);
        String closes = repeat(pair[1], random.nextInt(4) == 0 ? random.nextInt(depth + 1) : depth);
        return repeat(pair[0], depth) + "x" + closes;
    }

    private static String chain(Random random) {
        return repeat(CHAINS[random.nextInt(CHAINS.length)], size(random));
    }

    /** A literal of any quoting, written where connection strings, property values or query literals go. */
    private static String longLiteral(Random random) {
        StringBuilder content = new StringBuilder();
        int length = size(random) * (random.nextBoolean() ? 1 : 5);
        String alphabet = "abcXYZ019 ;=?&/\\'\"@h\t";
        for (int i = 0; i < length; i++) {
            content.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String literal = String.format(QUOTINGS[random.nextInt(QUOTINGS.length)], content);
        return switch (random.nextInt(4)) {
            case 0 -> ".export to csv (" + literal + ") <| T";
            case 1 -> ".export to csv (" + literal + " x, 'out') <| T";
            case 2 -> ".export to csv ('out') with (namePrefix=" + literal + ") <| T";
            default -> "T | where s == " + literal;
        };
    }

    private static String randomText(Random random) {
        int length = size(random);
        if (random.nextBoolean()) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x80);
            if (Character.isValidCodePoint(c)) {
                text.appendCodePoint(c);
            }
        }
        return (random.nextBoolean() ? ".export to csv ('out') <| " : "") + text;
    }

    /** A valid corpus command cut somewhere, with tokens put at random places. */
    private static String cutAndPoked(Random random) {
        String valid = VALID.get(random.nextInt(VALID.size()));
        StringBuilder text = new StringBuilder(valid.substring(0, random.nextInt(valid.length() + 1)));
        for (int i = random.nextInt(4); i > 0; i--) {
            text.insert(random.nextInt(text.length() + 1), TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    private static String tokenSoup(Random random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "T | " : "");
        for (int i = size(random) / 4 + 1; i > 0; i--) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(3) == 0 ? "" : " ");
        }
        return text.toString();
    }

    private static String repeat(String unit, int times) {
        return unit.repeat(Math.max(0, Math.min(times, MAX_CHARS / Math.max(1, unit.length()))));
    }
}
