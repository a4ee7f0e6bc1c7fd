/**
 * API: what a query reads and returns. {@code QueryResult} (a schema and partitions; each {@code Partition}
 * opens a {@code BatchStream} of {@code Batch}es of typed column {@code Vector}s), {@code ResultTable} (a small
 * result held in rows), {@code Schema} and {@code Column}. Uses {@code types} only.
 */
package io.github.camelkusto.kql.data;
