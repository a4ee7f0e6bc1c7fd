/**
 * API for the component's writers: readers of csv, tsv, json lines and parquet files into batches, and the
 * parquet page codecs ({@code ParquetCodecs}) that the exporter's parquet writer shares.
 */
package io.github.camelkusto.kql.format;
