package io.github.camelkusto.export.artifact;

/**
 * One committed artifact: a row of the export's result table.
 *
 * @param path        full URL or file path, without secrets
 * @param numRecords  records (rows) in the artifact
 * @param sizeInBytes bytes of the artifact as stored (after compression, if any)
 */
public record ExportedArtifact(String path, long numRecords, long sizeInBytes) {
}
