package io.github.camelkusto.export.command;

import io.github.camelkusto.kql.types.KqlType;

/**
 * One partition of an external table: {@code name:type = expression} in {@code partition by (...)}. The expression
 * is a column ({@code Tenant}), {@code hash(Column, n)}, {@code bin(Column, span)} or a
 * {@code startofday|startofweek|startofmonth|startofyear(Column)}; it is kept as KQL text so that the engine computes
 * every partition value (the same {@code hash} and {@code bin} as in a query).
 *
 * @param column     the table column the expression reads
 * @param expression the KQL expression, e.g. {@code bin(Timestamp, 1d)}
 * @param daily      whether every value is a whole day (a day-multiple bin or a startof* function): the default
 *                   path then writes the date alone
 */
public record ExternalTablePartition(String name, KqlType type, String column, String expression, boolean daily) {
}
