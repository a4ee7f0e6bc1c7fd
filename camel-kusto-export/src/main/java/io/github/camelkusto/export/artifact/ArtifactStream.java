package io.github.camelkusto.export.artifact;

import java.io.IOException;

import io.github.camelkusto.kql.data.Batch;

/**
 * One writer's artifacts, written one after another: rows go in, artifacts are cut at the size limit and
 * committed. Not thread-safe: each writer thread has its own.
 */
abstract class ArtifactStream {
    protected final ExportRun run;
    /** The folder its artifacts go under (a partition's path), empty for the export's own location. */
    protected final String folder;

    ArtifactStream(ExportRun run, String folder) {
        this.run = run;
        this.folder = folder;
    }

    static ArtifactStream of(ExportRun run, int chunkSize) {
        return of(run, chunkSize, "");
    }

    static ArtifactStream of(ExportRun run, int chunkSize, String folder) {
        if (run.spec.dataFormat().isPresent()) {
            return new DataFormatArtifactStream(run, chunkSize, folder);
        }
        return switch (run.spec.format()) {
            case CSV, TSV, JSON -> new TextArtifactStream(run, chunkSize, folder);
            case PARQUET -> new ParquetArtifactStream(run, folder);
            case AVRO -> new AvroArtifactStream(run, chunkSize, folder);
        };
    }

    /** Writes every row of {@code batch}. */
    abstract void write(Batch batch) throws IOException;

    /** Commits the artifact being written, if any. */
    abstract void finish() throws IOException;

    /** Discards the artifact being written, if any: the export failed or was canceled. */
    abstract void discard();
}
