package io.github.camelkusto.export.artifact;

import java.io.IOException;

import io.github.camelkusto.kql.data.Batch;

/**
 * One writer's artifacts, written one after another: rows go in, artifacts are cut at the size limit and
 * committed. Not thread-safe: each writer thread has its own.
 */
abstract class ArtifactStream {
    protected final ExportRun run;

    ArtifactStream(ExportRun run) {
        this.run = run;
    }

    static ArtifactStream of(ExportRun run, int chunkSize) {
        return switch (run.spec.format()) {
            case CSV, TSV, JSON -> new TextArtifactStream(run, chunkSize);
            case PARQUET -> new ParquetArtifactStream(run);
            case AVRO -> new AvroArtifactStream(run, chunkSize);
        };
    }

    /** Writes every row of {@code batch}. */
    abstract void write(Batch batch) throws IOException;

    /** Commits the artifact being written, if any. */
    abstract void finish() throws IOException;

    /** Discards the artifact being written, if any: the export failed or was canceled. */
    abstract void discard();
}
