/**
 * Azure Data Explorer clusters (and Fabric Eventhouses) as the query engine, through Microsoft's kusto-data SDK:
 * the connection ({@code ClusterConnection}: cluster URI, database, an Azure Identity credential, throttling retried
 * with backoff, ADX errors as {@code ClusterException}s with their code, secrets masked), the pushdown decision and
 * the {@code .export} text a bare query is pushed down as, and the seam through which client-side exports get their
 * {@code QuerySource} ({@code ClusterQuerySources}). Uses the command, source, storage and operation parts.
 */
package io.github.camelkusto.export.cluster;
