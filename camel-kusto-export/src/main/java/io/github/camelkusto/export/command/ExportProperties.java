package io.github.camelkusto.export.command;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelkusto.kql.Printable;
import io.github.camelkusto.kql.Suggestions;

/**
 * The validated {@code with (...)} properties of an export, as ADX defines them. The {@link Builder} refuses a
 * value outside ADX's rules, and {@link Builder#build} a combination that does not fit the format; messages name
 * the property and the valid values.
 *
 * @param persistDetails         empty when not given: the default depends on async (true) or sync (false)
 * @param useNativeParquetWriter ADX's native parquet writer (its default): long, datetime and timespan columns in
 *                               DELTA_BINARY_PACKED pages; false: PLAIN pages, for readers without delta encodings
 */
public record ExportProperties(
        long sizeLimit,
        IncludeHeaders includeHeaders,
        Optional<String> fileExtension,
        Optional<String> namePrefix,
        TextEncoding encoding,
        Optional<CompressionType> compressionType,
        Distribution distribution,
        Optional<Boolean> persistDetails,
        int parquetRowGroupSize,
        DatetimePrecision parquetDatetimePrecision,
        boolean useNativeParquetWriter) {

    public static final long MB = 1024L * 1024L;
    public static final long DEFAULT_SIZE_LIMIT = 100 * MB;
    /** ADX documents 100 MB to 4 GB; smaller artifacts are what people ask for to get small files, so any size goes. */
    public static final long MIN_SIZE_LIMIT = 1;
    public static final long MAX_SIZE_LIMIT = 4096 * MB;
    public static final int DEFAULT_PARQUET_ROW_GROUP_SIZE = 100_000;

    /** Every property ADX defines, in the order of its documentation. */
    public static final List<String> NAMES = List.of("sizeLimit", "includeHeaders", "fileExtension", "namePrefix",
            "encoding", "compressionType", "distribution", "distributed", "persistDetails", "parquetRowGroupSize",
            "parquetDatetimePrecision", "useNativeParquetWriter");

    public static Builder builder() {
        return new Builder();
    }

    /** The canonical spelling of a property name, matched case-insensitively. */
    public static Optional<String> canonicalName(String name) {
        return NAMES.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
    }

    /** Whether a property means anything for {@code format}: options that do not are not filled in. */
    public static boolean appliesTo(String property, ExportFormat format) {
        return switch (property) {
            case "includeHeaders" -> format == ExportFormat.CSV || format == ExportFormat.TSV;
            case "encoding" -> format.isText();
            // Avro's datetime is always timestamp-micros and it has no row groups: these stay parquet's.
            case "parquetRowGroupSize", "parquetDatetimePrecision", "useNativeParquetWriter" ->
                    format == ExportFormat.PARQUET;
            default -> true;
        };
    }

    /**
     * The constant of {@code type} spelled {@code value} (case-insensitively), as the property {@code property}
     * takes it in a {@code with (...)} clause: how an endpoint option of that type is converted from its text.
     *
     * @throws InvalidPropertyException naming the property and its valid values
     */
    public static <E extends Enum<E> & KustoName> E choice(String property, String value, Class<E> type) {
        return Builder.oneOf(property, value, type);
    }

    /** Collects property values one by one, each checked on its own; {@link #build} checks them together. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        /** Whether the property has been set (so a later, weaker source such as a URI option must not). */
        public boolean isSet(String name) {
            return canonicalName(name).map(values::containsKey).orElse(false);
        }

        /**
         * Sets a property from a command literal or an option: {@code value} is a String (identifiers and string
         * literals), a Long or Integer, or a Boolean.
         *
         * @throws InvalidPropertyException naming the property, when the name is unknown or repeated, or the
         *                                  value is not valid for it
         */
        public Builder set(String name, Object value) {
            String property = canonicalName(name).orElseThrow(() -> new InvalidPropertyException(
                    "unknown property '" + name + "'" + Suggestions.didYouMean(name, NAMES)
                            + " (valid properties: " + String.join(", ", NAMES) + ")", name, true));
            if (values.containsKey(property)) {
                throw new InvalidPropertyException("property '" + property + "' is given more than once", property,
                        true);
            }
            values.put(property, switch (property) {
                case "sizeLimit" -> sizeLimit(value);
                case "includeHeaders" -> oneOf(property, value, IncludeHeaders.class);
                case "fileExtension" -> fileExtension(value);
                case "namePrefix" -> namePrefix(value);
                case "encoding" -> oneOf(property, value, TextEncoding.class);
                case "compressionType" -> oneOf(property, value, CompressionType.class);
                case "distribution" -> oneOf(property, value, Distribution.class);
                // useNativeParquetWriter: ADX's choice between its two parquet writers; true (ADX's default now)
                // writes long columns in delta pages, false only plain and dictionary pages, for older readers.
                case "distributed", "persistDetails", "useNativeParquetWriter" -> bool(property, value);
                case "parquetRowGroupSize" -> rowGroupSize(value);
                case "parquetDatetimePrecision" -> oneOf(property, value, DatetimePrecision.class);
                default -> throw new IllegalStateException(property);
            });
            return this;
        }

        /**
         * The properties of an export to {@code format}, {@code compressed} or not.
         *
         * @throws InvalidPropertyException when a property does not apply to the format or two properties conflict
         */
        public ExportProperties build(ExportFormat format, boolean compressed) {
            for (String property : values.keySet()) {
                if (!appliesTo(property, format)) {
                    throw new InvalidPropertyException("property '" + property + "' applies to "
                            + applicableFormats(property) + " exports only, not " + format, property, true);
                }
            }
            CompressionType codec = (CompressionType) values.get("compressionType");
            if (codec != null) {
                checkCodec(codec, format, compressed);
            }
            Distribution distribution = (Distribution) values.get("distribution");
            Boolean distributed = (Boolean) values.get("distributed");
            if (distribution != null && distributed != null && distributed != (distribution != Distribution.SINGLE)) {
                throw invalid("property 'distributed' = " + distributed + " conflicts with distribution = '"
                        + distribution + "' (distributed=false means distribution='single')", "distributed");
            }
            if (distribution == null) {
                distribution = Boolean.FALSE.equals(distributed) ? Distribution.SINGLE : Distribution.PER_SHARD;
            }
            return new ExportProperties(
                    (Long) values.getOrDefault("sizeLimit", DEFAULT_SIZE_LIMIT),
                    (IncludeHeaders) values.getOrDefault("includeHeaders", IncludeHeaders.NONE),
                    Optional.ofNullable((String) values.get("fileExtension")),
                    Optional.ofNullable((String) values.get("namePrefix")),
                    (TextEncoding) values.getOrDefault("encoding", TextEncoding.UTF8_NO_BOM),
                    Optional.ofNullable(codec),
                    distribution,
                    Optional.ofNullable((Boolean) values.get("persistDetails")),
                    (Integer) values.getOrDefault("parquetRowGroupSize", DEFAULT_PARQUET_ROW_GROUP_SIZE),
                    (DatetimePrecision) values.getOrDefault("parquetDatetimePrecision",
                            DatetimePrecision.MILLISECOND),
                    (Boolean) values.getOrDefault("useNativeParquetWriter", true));
        }

        private static String applicableFormats(String property) {
            return switch (property) {
                case "includeHeaders" -> "csv and tsv";
                case "encoding" -> "csv, tsv and json";
                default -> "parquet";
            };
        }

        /** The codecs of each format's files; a text format's gzip also needs {@code .export compressed}. */
        private static final Map<ExportFormat, List<CompressionType>> CODECS = Map.of(
                ExportFormat.PARQUET, List.of(CompressionType.SNAPPY, CompressionType.GZIP, CompressionType.ZSTD,
                        CompressionType.LZ4_RAW, CompressionType.BROTLI),
                ExportFormat.AVRO, List.of(CompressionType.SNAPPY, CompressionType.DEFLATE, CompressionType.ZSTD,
                        CompressionType.NULL));

        private static void checkCodec(CompressionType codec, ExportFormat format, boolean compressed) {
            List<CompressionType> codecs = CODECS.get(format);
            if (codecs != null && !codecs.contains(codec)) {
                throw invalid("property 'compressionType' must be one of " + codecs.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + " for " + format + " exports, not '"
                        + codec + "'", "compressionType");
            }
            if (format.isText()) {
                if (codec != CompressionType.GZIP) {
                    throw invalid("property 'compressionType' must be gzip for " + format + " exports, not '" + codec
                            + "' (a parquet or avro codec)", "compressionType");
                }
                if (!compressed) {
                    throw invalid("property 'compressionType' needs '.export compressed' for " + format
                            + " exports", "compressionType");
                }
            }
        }

        private static long sizeLimit(Object value) {
            long limit = wholeNumber("sizeLimit", value);
            if (limit < MIN_SIZE_LIMIT || limit > MAX_SIZE_LIMIT) {
                throw invalid("property 'sizeLimit' must be between " + MIN_SIZE_LIMIT + " and " + MAX_SIZE_LIMIT
                        + " (4 GB) bytes, not " + limit, "sizeLimit");
            }
            return limit;
        }

        private static int rowGroupSize(Object value) {
            long size = wholeNumber("parquetRowGroupSize", value);
            if (size < 1 || size > Integer.MAX_VALUE) {
                throw invalid("property 'parquetRowGroupSize' must be between 1 and " + Integer.MAX_VALUE
                        + " records, not " + size, "parquetRowGroupSize");
            }
            return (int) size;
        }

        private static long wholeNumber(String property, Object value) {
            if (value instanceof Long || value instanceof Integer) {
                return ((Number) value).longValue();
            }
            throw invalid("property '" + property + "' must be a whole number, not " + describe(value), property);
        }

        private static boolean bool(String property, Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw invalid("property '" + property + "' must be true or false, not " + describe(value), property);
        }

        private static <E extends Enum<E> & KustoName> E oneOf(String property, Object value, Class<E> type) {
            if (type.isInstance(value)) {
                return type.cast(value); // an endpoint option, converted (and checked) by choice(...) already
            }
            if (value instanceof String s) {
                Optional<E> choice = KustoName.lookup(type, s);
                if (choice.isPresent()) {
                    return choice.get();
                }
            }
            throw invalid("property '" + property + "' must be one of " + String.join(", ", KustoName.spellings(type))
                    + ", not " + describe(value), property);
        }

        private static String fileExtension(Object value) {
            if (!(value instanceof String s) || !s.matches("\\.?[A-Za-z0-9_-][A-Za-z0-9_.-]{0,31}")) {
                throw invalid("property 'fileExtension' must be 1 to 32 letters, digits, '_', '-' or '.', not "
                        + describe(value), "fileExtension");
            }
            return s.startsWith(".") ? s.substring(1) : s;
        }

        /**
         * A name or relative path that names what a reader sees: no blank part, no part starting with '.' (a
         * hidden file or folder, or '..'), no control or format character (U+202E would show
         * {@code invoice\u202Efdp.exe} as "invoiceexe.pdf").
         */
        private static String namePrefix(Object value) {
            if (!(value instanceof String s) || s.startsWith("/") || s.endsWith("/") || s.contains("\\")
                    || s.length() > 512 || s.chars().anyMatch(Printable::isInvisible)
                    || Arrays.stream(s.split("/", -1)).anyMatch(p -> p.isBlank() || p.startsWith("."))) {
                throw invalid("property 'namePrefix' must be a name or relative path: no blank part, no part"
                        + " starting with '.', no leading or trailing '/', no '\\', no control or format"
                        + " characters, at most 512 characters; not " + describe(value), "namePrefix");
            }
            return s;
        }

        private static InvalidPropertyException invalid(String message, String property) {
            return new InvalidPropertyException(message, property, false);
        }

        /** A value as the user wrote it, control characters escaped so that a message stays on one line. */
        private static String describe(Object value) {
            return value instanceof String s ? "'" + Printable.escapeControls(s) + "'" : String.valueOf(value);
        }
    }

    @Override
    public String toString() {
        return "sizeLimit=" + sizeLimit + ", includeHeaders=" + includeHeaders
                + fileExtension.map(e -> ", fileExtension=" + e).orElse("")
                + namePrefix.map(p -> ", namePrefix=" + p).orElse("") + ", encoding=" + encoding
                + compressionType.map(c -> ", compressionType=" + c).orElse("") + ", distribution=" + distribution
                + persistDetails.map(p -> ", persistDetails=" + p).orElse("")
                + ", parquetRowGroupSize=" + parquetRowGroupSize + ", parquetDatetimePrecision="
                + parquetDatetimePrecision + (useNativeParquetWriter ? "" : ", useNativeParquetWriter=false");
    }
}
