package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.OutputStream;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.kql.KustoException;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;

/** The export command's avro compression types as Avro block codecs. */
final class AvroCompression {
    private AvroCompression() {
    }

    static CodecFactory codec(CompressionType type) {
        return switch (type) {
            case NULL -> CodecFactory.nullCodec();
            case DEFLATE -> CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
            case SNAPPY -> CodecFactory.snappyCodec();
            case ZSTD -> CodecFactory.zstandardCodec(CodecFactory.DEFAULT_ZSTANDARD_LEVEL);
            default -> throw new IllegalArgumentException("not an avro codec: " + type);
        };
    }

    /**
     * Throws when {@code type} cannot be written here: snappy and zstd load native libraries (snappy-java,
     * zstd-jni), so a block of a probe file is compressed once up front, before the export writes anything.
     */
    static void checkAvailable(CompressionType type) {
        Schema text = Schema.create(Schema.Type.STRING);
        try (DataFileWriter<Object> probe = new DataFileWriter<>(new GenericDatumWriter<>(text))) {
            probe.setCodec(codec(type)).create(text, OutputStream.nullOutputStream()).append("probe");
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new KustoException("avro compressionType '" + type + "' is not available in this runtime ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
