package io.github.camelkusto.export.command;

/**
 * The codec of compressed artifacts: gzip for text formats; snappy, gzip, zstd, lz4_raw or brotli for parquet;
 * snappy, deflate, zstd or null (no compression, Avro's name for it) for avro.
 */
public enum CompressionType implements KustoName {
    SNAPPY("snappy"),
    GZIP("gzip"),
    ZSTD("zstd"),
    LZ4_RAW("lz4_raw"),
    BROTLI("brotli"),
    DEFLATE("deflate"),
    NULL("null");

    private final String kustoName;

    CompressionType(String kustoName) {
        this.kustoName = kustoName;
    }

    @Override
    public String kustoName() {
        return kustoName;
    }

    @Override
    public String toString() {
        return kustoName;
    }
}
