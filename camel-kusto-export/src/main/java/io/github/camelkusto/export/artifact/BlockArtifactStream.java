package io.github.camelkusto.export.artifact;

import java.io.Closeable;
import java.io.IOException;

import io.github.camelkusto.kql.data.Batch;

/**
 * Artifacts written by a file format library that buffers rows into blocks and writes each block out whole
 * (parquet's row groups, avro's data blocks), into the artifact's sink through a {@link CountingOutputStream}.
 * After each block that went out the progress is reported, and the artifact ends (the library's {@code close}
 * writes the last block and the footer) once its size reached the limit: a record is never split, and an artifact
 * may exceed the limit by up to a block.
 *
 * @param <W> the library's writer of one artifact
 */
abstract class BlockArtifactStream<W extends Closeable> extends ArtifactStream {
    private Open<W> current;

    private static final class Open<W> {
        final ExportRun.NewArtifact started;
        final CountingOutputStream out;
        final W writer;
        long records;
        long reportedRecords;
        long reportedBytes;

        Open(ExportRun.NewArtifact started, CountingOutputStream out, W writer) {
            this.started = started;
            this.out = out;
            this.writer = writer;
        }
    }

    BlockArtifactStream(ExportRun run, String folder) {
        super(run, folder);
    }

    /**
     * The writer of a new artifact writing into {@code out}; {@code batch} and {@code firstRow} are the artifact's
     * first rows, for writers that tune themselves to the data.
     */
    abstract W open(ExportRun.NewArtifact started, CountingOutputStream out, Batch batch, int firstRow)
            throws IOException;

    /**
     * Appends rows of {@code batch} from {@code row} on and returns how many (at least one): stopping after a block
     * went out, so that the artifact can end there.
     */
    abstract int append(W writer, Batch batch, int row) throws IOException;

    @Override
    final void write(Batch batch) throws IOException {
        for (int row = 0, rows = batch.rowCount(); row < rows; ) {
            if (current == null) {
                ExportRun.NewArtifact started = run.start(folder);
                CountingOutputStream out = new CountingOutputStream(started.sink());
                current = new Open<>(started, out, open(started, out, batch, row));
                current.reportedBytes = out.count(); // the format's header
                run.monitor.written(0, current.reportedBytes);
            }
            int appended = append(current.writer, batch, row);
            row += appended;
            current.records += appended;
            long written = current.out.count();
            if (written != current.reportedBytes) { // a block went out
                report();
                if (written >= run.spec.sizeLimit()) {
                    commit();
                }
                run.checkpoint();
            }
        }
    }

    @Override
    final void finish() throws IOException {
        if (current != null) {
            commit();
        }
    }

    @Override
    final void discard() {
        if (current != null) {
            try {
                current.started.sink().close(); // the writer's buffered block is dropped with it
            } catch (IOException ignored) {
                // the export already failed or was canceled; an uncommitted artifact is invisible either way
            }
            current = null;
        }
    }

    private void report() {
        long written = current.out.count();
        run.monitor.written(current.records - current.reportedRecords, written - current.reportedBytes);
        current.reportedRecords = current.records;
        current.reportedBytes = written;
    }

    private void commit() throws IOException {
        current.writer.close(); // the last block and the footer
        String path = current.started.sink().commit(current.records);
        report();
        Open<W> artifact = current;
        current = null;
        run.committed(artifact.started, new ExportedArtifact(path, artifact.records, artifact.out.count()));
    }
}
