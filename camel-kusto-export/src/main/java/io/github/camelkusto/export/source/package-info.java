/**
 * Step 3 of the data flow, the query: the {@code QuerySource} SPI, which turns a query into a schema and partitions
 * of row batches (streamed, never all in memory), and its default, the embedded kql-engine. Uses the kql-engine
 * only; no Camel, and no other part of the component.
 */
package io.github.camelkusto.export.source;
