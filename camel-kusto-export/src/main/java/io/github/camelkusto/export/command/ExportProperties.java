package io.github.camelkusto.export.command;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.github.camelkusto.export.kql.Suggestions;

/**
 * The validated {@code with (...)} properties of an export. Values outside ADX's rules are refused by the
 * {@link Builder}, whose messages name the property and the valid values.
 */
public record ExportProperties(
        long sizeLimit,
        IncludeHeaders includeHeaders,
        Optional<String> fileExtension,
        Optional<String> namePrefix,
        TextEncoding encoding) {

    public static final long MB = 1024L * 1024L;
    public static final long DEFAULT_SIZE_LIMIT = 100 * MB;
    public static final long MIN_SIZE_LIMIT = 100 * MB;
    public static final long MAX_SIZE_LIMIT = 4096 * MB;

    /** Every property ADX defines, in the order of its documentation. */
    static final List<String> KNOWN = List.of("sizeLimit", "includeHeaders", "fileExtension", "namePrefix",
            "encoding", "compressionType", "distribution", "distributed", "persistDetails", "parquetRowGroupSize",
            "parquetDatetimePrecision");
    /** The properties this version acts on; the others are refused rather than silently ignored. */
    static final Set<String> SUPPORTED = Set.of("sizeLimit", "includeHeaders", "fileExtension", "namePrefix",
            "encoding");

    public static ExportProperties defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The canonical spelling of a property name, matched case-insensitively. */
    public static Optional<String> canonicalName(String name) {
        return KNOWN.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
    }

    /** Collects property values one by one; each {@code set} validates its value. */
    public static final class Builder {
        private long sizeLimit = DEFAULT_SIZE_LIMIT;
        private IncludeHeaders includeHeaders = IncludeHeaders.NONE;
        private String fileExtension;
        private String namePrefix;
        private TextEncoding encoding = TextEncoding.UTF8_NO_BOM;
        private final Set<String> assigned = new LinkedHashSet<>();

        /** Whether the property has been set (so a later, weaker source such as a URI option must not). */
        public boolean isSet(String name) {
            return canonicalName(name).map(assigned::contains).orElse(false);
        }

        /**
         * Sets a property from a command literal or an option: {@code value} is a String, Long or Boolean.
         *
         * @throws InvalidPropertyException naming the property, when the name is unknown, repeated, not
         *                                  supported yet, or the value is not valid for it
         */
        public Builder set(String name, Object value) {
            String canonical = canonicalName(name).orElseThrow(() -> new InvalidPropertyException(
                    "unknown property '" + name + "'" + Suggestions.didYouMean(name, KNOWN)
                            + " (valid properties: " + String.join(", ", KNOWN) + ")", true));
            if (!assigned.add(canonical)) {
                throw new InvalidPropertyException("property '" + canonical + "' is given more than once", true);
            }
            if (!SUPPORTED.contains(canonical)) {
                throw new InvalidPropertyException("property '" + canonical + "' is not supported yet"
                        + " (supported: " + String.join(", ", SUPPORTED.stream().sorted().toList()) + ")", true);
            }
            switch (canonical) {
                case "sizeLimit" -> sizeLimit = sizeLimit(value);
                case "includeHeaders" -> includeHeaders = oneOf(canonical, value, IncludeHeaders.values(),
                        IncludeHeaders::kustoName);
                case "fileExtension" -> fileExtension = fileExtension(value);
                case "namePrefix" -> namePrefix = namePrefix(value);
                case "encoding" -> encoding = oneOf(canonical, value, TextEncoding.values(), TextEncoding::kustoName);
                default -> throw new IllegalStateException(canonical);
            }
            return this;
        }

        public ExportProperties build() {
            return new ExportProperties(sizeLimit, includeHeaders, Optional.ofNullable(fileExtension),
                    Optional.ofNullable(namePrefix), encoding);
        }

        private static long sizeLimit(Object value) {
            long limit;
            if (value instanceof Long l) {
                limit = l;
            } else if (value instanceof String s && s.trim().matches("\\d{1,18}")) {
                limit = Long.parseLong(s.trim());
            } else {
                throw invalidValue("property 'sizeLimit' must be a number of bytes, not " + describe(value));
            }
            if (limit < MIN_SIZE_LIMIT || limit > MAX_SIZE_LIMIT) {
                throw invalidValue("property 'sizeLimit' must be between " + MIN_SIZE_LIMIT
                        + " (100 MB) and " + MAX_SIZE_LIMIT + " (4 GB) bytes, not " + limit);
            }
            return limit;
        }

        private static <E extends Enum<E>> E oneOf(String property, Object value, E[] choices,
                Function<E, String> kustoName) {
            if (value instanceof String s) {
                for (E choice : choices) {
                    if (kustoName.apply(choice).equalsIgnoreCase(s.trim())) {
                        return choice;
                    }
                }
            }
            throw invalidValue("property '" + property + "' must be one of "
                    + String.join(", ", Arrays.stream(choices).map(kustoName).toList()) + ", not " + describe(value));
        }

        private static String fileExtension(Object value) {
            if (!(value instanceof String s) || !s.matches("\\.?[A-Za-z0-9_.-]{1,32}")) {
                throw invalidValue("property 'fileExtension' must be letters, digits, '_', '-' or"
                        + " '.' (at most 32), not " + describe(value));
            }
            return s.startsWith(".") ? s.substring(1) : s;
        }

        private static String namePrefix(Object value) {
            if (!(value instanceof String s) || s.isEmpty() || s.startsWith("/") || s.endsWith("/")
                    || s.contains("//") || s.contains("\\") || s.contains("..") || s.length() > 512) {
                throw invalidValue("property 'namePrefix' must be a non-empty name or relative path"
                        + " (no leading or trailing '/', no '..' or '\\', at most 512 characters), not "
                        + describe(value));
            }
            return s;
        }

        private static InvalidPropertyException invalidValue(String message) {
            return new InvalidPropertyException(message, false);
        }

        private static String describe(Object value) {
            return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        }
    }

    @Override
    public String toString() {
        return "sizeLimit=" + sizeLimit + ", includeHeaders=" + includeHeaders
                + fileExtension.map(e -> ", fileExtension=" + e).orElse("") + namePrefix.map(p -> ", namePrefix=" + p).orElse("") + ", encoding=" + encoding;
    }
}
