package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;

import io.github.camelkusto.kql.format.BlockCompressor;
import io.github.camelkusto.kql.format.ParquetCodecs;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** Pages compressed by native snappy are the snappy blocks aircompressor's decompressor (the reader's) reads. */
class NativeSnappyTest {
    @Test
    void pagesOfSeveralPartsAndSizesDecompressToTheirBytes() throws Exception {
        assumeTrue(NativeSnappy.AVAILABLE, "snappy-java's native library does not load here");
        var compressor = new BlockCompressor(CompressionCodecName.SNAPPY, new NativeSnappy());
        var decompressor = new ParquetCodecs().getDecompressor(CompressionCodecName.SNAPPY);
        for (int rows : new int[] {0, 1, 20_000, 3, 70_000}) { // buffers grow, then are reused for smaller pages
            StringBuilder text = new StringBuilder();
            for (int row = 0; row < rows; row++) {
                text.append("request ").append(row).append(" served ☃\n");
            }
            byte[] values = text.toString().getBytes(StandardCharsets.UTF_8);
            byte[] levels = {4, 0, 0, 0, 3, 2, 1, 1};
            byte[] page = new byte[levels.length + values.length];
            System.arraycopy(levels, 0, page, 0, levels.length);
            System.arraycopy(values, 0, page, levels.length, values.length);

            BytesInput compressed = compressor.compress(BytesInput.concat(BytesInput.from(levels),
                    BytesInput.from(values)));

            assertThat(compressed.size()).isLessThan(page.length + 32L);
            assertThat(decompressor.decompress(BytesInput.copy(compressed), page.length).toByteArray())
                    .isEqualTo(page);
        }
    }
}
