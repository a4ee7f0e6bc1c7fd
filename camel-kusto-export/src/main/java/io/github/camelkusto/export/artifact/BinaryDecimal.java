package io.github.camelkusto.export.artifact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import io.github.camelkusto.kql.KustoException;

/** Kusto decimals in binary formats (parquet, avro): DECIMAL(38, 18), an unscaled two's complement integer. */
final class BinaryDecimal {
    static final int PRECISION = 38;
    static final int SCALE = 18;

    private BinaryDecimal() {
    }

    /**
     * The value at scale 18, unscaled, as big-endian two's complement bytes (as few as hold it).
     *
     * @throws KustoException naming the column and format when the value has more than 38 digits at scale 18
     */
    static byte[] unscaledBytes(BigDecimal value, String column, String format) {
        BigInteger unscaled = value.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue();
        if (unscaled.abs().toString().length() > PRECISION) {
            throw new KustoException("decimal value " + value.toPlainString() + " of column '" + column
                    + "' does not fit " + format + " DECIMAL(" + PRECISION + ", " + SCALE + ")");
        }
        return unscaled.toByteArray();
    }
}
