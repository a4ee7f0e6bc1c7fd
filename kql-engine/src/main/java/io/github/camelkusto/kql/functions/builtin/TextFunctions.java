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
 * Text functions over lists: replace_strings (every lookup replaced in one pass, the first listed lookup winning
 * at a position), has_any_index (the index of the first listed value that is a term of the text), parse_csv
 * (the first record of CSV text as an array of strings), and parse_version (up to four dot-separated parts of at
 * most eight digits as one comparable decimal).
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
        registry.register(Overloads.of("parse_version").add(DECIMAL, RowWise.of(DECIMAL,
                text -> parseVersion((String) text)), STRING));
    }

    /**
     * At each position the first lookup that matches there is replaced, and the scan goes on after it; a
     * replacement that is no string keeps the matched text (the replace_strings() page).
     */
    private static String replaceStrings(String text, JsonNode lookups, JsonNode rewrites) {
        if (!lookups.isArray() || !rewrites.isArray()) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int matched = -1;
            for (int k = 0; k < lookups.size(); k++) {
                String lookup = lookups.get(k).asText();
                if (!lookup.isEmpty() && text.startsWith(lookup, i)) {
                    matched = k;
                    break;
                }
            }
            if (matched < 0) {
                out.append(text.charAt(i++));
                continue;
            }
            String lookup = lookups.get(matched).asText();
            JsonNode rewrite = matched < rewrites.size() ? rewrites.get(matched) : null;
            out.append(rewrite != null && rewrite.isTextual() ? rewrite.asText() : lookup);
            i += lookup.length();
        }
        return out.toString();
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
}
