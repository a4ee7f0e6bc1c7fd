package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Page statistics order text by its bytes, unsigned, the way parquet orders UTF8 (and the JDK compares arrays). */
class PlainPagesCompareBytesTest {
    @Test
    void rangesCompareAsUnsignedBytesWhateverTheirLengthsAndCommonPrefixes() {
        Random random = new Random(18);
        byte[] bytes = new byte[4096];
        for (int round = 0; round < 100_000; round++) {
            random.nextBytes(bytes);
            int aLength = random.nextInt(40);
            int bLength = random.nextInt(40);
            int a = random.nextInt(bytes.length - aLength);
            int b = random.nextInt(bytes.length - bLength);
            // a common prefix of any length (often longer than 8 bytes), then bytes above and below 0x80
            System.arraycopy(bytes, a, bytes, b, Math.min(random.nextInt(40), Math.min(aLength, bLength)));

            assertThat(Integer.signum(PlainPages.compareBytes(bytes, a, aLength, b, bLength)))
                    .as("round %d", round)
                    .isEqualTo(Integer.signum(Arrays.compareUnsigned(bytes, a, a + aLength, bytes, b, b + bLength)));
        }
    }
}
