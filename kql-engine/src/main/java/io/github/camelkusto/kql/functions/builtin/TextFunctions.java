package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.types.KqlValues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Text functions over lists: replace_strings (each lookup in turn, in what earlier ones left unreplaced), has_any_index (the index of the first listed value that is a term of the text), parse_csv
 * (the first record of CSV text as an array of strings), and parse_version (up to four dot-separated parts of at
 * most eight digits as one comparable decimal), extract_json (the value at a JSONPath of JSON text, as text).
 */
public final class TextFunctions implements FunctionLibrary {
    private static final int VERSION_PARTS = 4;
    private static final int VERSION_PART_DIGITS = 8;

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(Overloads.of("replace_strings").add(STRING, RowWise.of(STRING,
                (text, lookups, rewrites) -> replaceStrings((String) text, (JsonNode) lookups, (JsonNode) rewrites)),
                STRING, DYNAMIC, DYNAMIC));
        registry.register(Overloads.of("has_any_index").add(LONG, RowWise.of(LONG,
                (text, values) -> hasAnyIndex((String) text, (JsonNode) values)), STRING, DYNAMIC));
        registry.register(Overloads.of("parse_csv").add(DYNAMIC, RowWise.of(DYNAMIC, text -> parseCsv((String) text)),
                STRING));
        for (String name : new String[] {"extract_json", "extractjson"}) {
            registry.register(new TypedResult(name, 2, Overloads.of(name).add(STRING, RowWise.of(STRING,
                    (path, json) -> extractJson((String) path, (String) json)), STRING, STRING)));
        }
        registry.register(Overloads.of("parse_version").add(DECIMAL, RowWise.of(DECIMAL,
                text -> parseVersion((String) text)), STRING));
    }

    /**
     * Each lookup in turn replaces its occurrences in the text that no earlier lookup replaced; a replacement
     * that is no string keeps the matched text (still protected from later lookups), as the replace_strings()
     * page shows ({@code ['is', 'This']} turns "This is" into "Thwas was").
     */
    private static String replaceStrings(String text, JsonNode lookups, JsonNode rewrites) {
        if (!lookups.isArray() || !rewrites.isArray()) {
            return null;
        }
        java.util.List<String> pieces = new java.util.ArrayList<>(java.util.List.of(text));
        java.util.List<Boolean> done = new java.util.ArrayList<>(java.util.List.of(false));
        for (int k = 0; k < lookups.size(); k++) {
            String lookup = lookups.get(k).asText();
            if (lookup.isEmpty()) {
                continue;
            }
            JsonNode rewrite = k < rewrites.size() ? rewrites.get(k) : null;
            String replacement = rewrite != null && rewrite.isTextual() ? rewrite.asText() : lookup;
            java.util.List<String> nextPieces = new java.util.ArrayList<>();
            java.util.List<Boolean> nextDone = new java.util.ArrayList<>();
            for (int p = 0; p < pieces.size(); p++) {
                String piece = pieces.get(p);
                if (done.get(p)) {
                    nextPieces.add(piece);
                    nextDone.add(true);
                    continue;
                }
                int from = 0;
                for (int at = piece.indexOf(lookup); at >= 0; at = piece.indexOf(lookup, from)) {
                    nextPieces.add(piece.substring(from, at));
                    nextDone.add(false);
                    nextPieces.add(replacement);
                    nextDone.add(true);
                    from = at + lookup.length();
                }
                nextPieces.add(piece.substring(from));
                nextDone.add(false);
            }
            pieces = nextPieces;
            done = nextDone;
        }
        return String.join("", pieces);
    }

    private static Long hasAnyIndex(String text, JsonNode values) {
        if (!values.isArray()) {
            return null;
        }
        for (int k = 0; k < values.size(); k++) {
            String term = KqlValues.toKustoString(values.get(k));
            if (!term.isEmpty() && StringFunctions.has(text, term, true, true, true)) {
                return (long) k;
            }
        }
        return -1L;
    }

    private static JsonNode parseCsv(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            ArrayNode out = KqlValues.NODES.arrayNode();
            for (CSVRecord record : parser) {
                record.forEach(out::add);
                break;
            }
            return out;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    private static BigDecimal parseVersion(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length == 0 || parts.length > VERSION_PARTS) {
            return null;
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.TEN.pow(VERSION_PART_DIGITS);
        for (int i = 0; i < VERSION_PARTS; i++) {
            String part = i < parts.length ? parts[i] : "0";
            if (part.isEmpty() || part.length() > VERSION_PART_DIGITS || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            value = value.multiply(base).add(new BigInteger(part));
        }
        return new BigDecimal(value);
    }

    private static final java.util.regex.Pattern JSON_PATH_STEP =
            java.util.regex.Pattern.compile("\\.([^.\\[]+)|\\['([^']*)'\\]|\\[\"([^\"]*)\"\\]|\\[(\\d+)\\]");

    /** The value at a JSONPath ({@code $.a.b}, {@code $['a']}, {@code $.a[0]}) of JSON text; null when absent. */
    private static String extractJson(String path, String json) {
        JsonNode at;
        try {
            at = KqlValues.parseDynamic(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
        if (!path.startsWith("$")) {
            return null;
        }
        java.util.regex.Matcher m = JSON_PATH_STEP.matcher(path.substring(1));
        int end = 0;
        while (at != null && m.find()) {
            if (m.start() != end) {
                return null;
            }
            end = m.end();
            at = m.group(4) != null ? at.get(Integer.parseInt(m.group(4)))
                    : at.get(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (at == null || at.isNull() || end != path.length() - 1) {
            return null;
        }
        return at.isTextual() ? at.asText() : at.toString();
    }
}
