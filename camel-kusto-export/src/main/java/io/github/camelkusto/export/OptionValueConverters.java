package io.github.camelkusto.export;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportProperties;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import org.apache.camel.Converter;

/**
 * The enum-typed options from their text, spelled as in a {@code .export ... with (...)} clause ({@code firstFile},
 * {@code per_shard}, {@code UTF8NoBOM}; case-insensitive), with the clause's message for a value that is not one.
 */
@Converter(generateLoader = true)
public final class OptionValueConverters {

    private OptionValueConverters() {
    }

    @Converter
    public static IncludeHeaders toIncludeHeaders(String value) {
        return ExportProperties.choice("includeHeaders", value, IncludeHeaders.class);
    }

    @Converter
    public static TextEncoding toTextEncoding(String value) {
        return ExportProperties.choice("encoding", value, TextEncoding.class);
    }

    @Converter
    public static CompressionType toCompressionType(String value) {
        return ExportProperties.choice("compressionType", value, CompressionType.class);
    }

    @Converter
    public static Distribution toDistribution(String value) {
        return ExportProperties.choice("distribution", value, Distribution.class);
    }

    @Converter
    public static DatetimePrecision toDatetimePrecision(String value) {
        return ExportProperties.choice("parquetDatetimePrecision", value, DatetimePrecision.class);
    }
}
