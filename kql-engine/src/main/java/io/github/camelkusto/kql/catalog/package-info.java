/**
 * API: databases and their tables ({@code KustoDatabase}, {@code Table}: extents of column batches, with
 * ingestion time) and the data-folder loader ({@code DataFolderLoader}: csv, tsv, json lines, parquet and schema
 * files). Uses {@code data}, {@code types} and {@code format}.
 */
package io.github.camelkusto.kql.catalog;
