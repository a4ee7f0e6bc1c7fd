package io.github.camelkusto.export;

import io.github.camelkusto.export.cluster.ClusterCredentialType;
import io.github.camelkusto.export.cluster.Pushdown;
import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportProperties;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.InvalidPropertyException;
import io.github.camelkusto.export.command.KustoName;
import io.github.camelkusto.export.command.TextEncoding;
import org.apache.camel.Converter;

/**
 * The enum-typed options from their text, spelled as in a {@code .export ... with (...)} clause ({@code firstFile},
 * {@code per_shard}, {@code UTF8NoBOM}; case-insensitive), with the message the option gets in an export for a value that is not one.
 */
@Converter(generateLoader = true)
public final class OptionValueConverters {

    private OptionValueConverters() {
    }

    private static <E extends Enum<E> & KustoName> E option(String property, String value, Class<E> type) {
        try {
            return ExportProperties.choice(property, value, type);
        } catch (InvalidPropertyException e) {
            throw CommandParser.optionError(property, e);
        }
    }

    @Converter
    public static IncludeHeaders toIncludeHeaders(String value) {
        return option("includeHeaders", value, IncludeHeaders.class);
    }

    @Converter
    public static TextEncoding toTextEncoding(String value) {
        return option("encoding", value, TextEncoding.class);
    }

    @Converter
    public static CompressionType toCompressionType(String value) {
        return option("compressionType", value, CompressionType.class);
    }

    @Converter
    public static Distribution toDistribution(String value) {
        return option("distribution", value, Distribution.class);
    }

    @Converter
    public static DatetimePrecision toDatetimePrecision(String value) {
        return option("parquetDatetimePrecision", value, DatetimePrecision.class);
    }

    @Converter
    public static Pushdown toPushdown(String value) {
        return option("pushdown", value, Pushdown.class);
    }

    @Converter
    public static ClusterCredentialType toClusterCredentialType(String value) {
        return option("clusterCredentialType", value, ClusterCredentialType.class);
    }
}
