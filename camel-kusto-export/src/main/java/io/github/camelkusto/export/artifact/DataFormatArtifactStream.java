package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * Artifacts encoded by a Camel DataFormat ({@link DataFormatSettings}): rows are collected into a batch
 * ({@link RowMaps}), and each full batch is marshalled straight into the artifact's sink (through gzip when
 * compressed): memory holds one batch and what the data format itself buffers, never an artifact. A data format
 * that appends gets batches until its artifact reaches the size limit (an artifact may pass it by up to a batch;
 * a record is never split); any other gets one batch per artifact.
 */
final class DataFormatArtifactStream extends ArtifactStream {
    private final DataFormatSettings format;
    private final RowMaps rows;
    private final int chunkSize;
    private Open current;

    /** The artifact being written: counted before compression (raw) and as stored. */
    private static final class Open {
        final ExportRun.NewArtifact started;
        final CountingOutputStream stored;
        /** Never closed by a data format: closing it only flushes. */
        final CountingOutputStream raw;
        /** Where the data format writes: tells the sink's failures from the data format's own. */
        final SinkGuard guarded;
        final OutputStream compressor;
        long records;
        long reportedStored;

        Open(ExportRun.NewArtifact started, ExportRun run, int chunkSize) {
            this.started = started;
            this.stored = new CountingOutputStream(started.sink());
            this.compressor = run.spec.compressed()
                    ? new GzipMembers(stored, run.gzip.compressors(), chunkSize, run.gzip.membersPerWriter())
                    : null;
            this.raw = new CountingOutputStream(compressor != null ? compressor : stored);
            this.guarded = new SinkGuard(raw);
        }
    }

    DataFormatArtifactStream(ExportRun run, int chunkSize, String folder) {
        super(run, folder);
        this.format = run.spec.dataFormat().orElseThrow();
        this.rows = new RowMaps(run.schema, format.limits());
        this.chunkSize = chunkSize;
    }

    @Override
    void write(Batch batch) throws IOException {
        for (int row = 0, count = batch.rowCount(); row < count; row++) {
            if (rows.add(batch, row)) {
                marshal(rows.take());
                run.checkpoint();
            }
        }
    }

    @Override
    void finish() throws IOException {
        if (!rows.isEmpty()) {
            marshal(rows.take());
        }
        if (current != null) {
            commit();
        }
    }

    @Override
    void discard() {
        rows.take();
        if (current != null) {
            try {
                current.started.sink().close();
            } catch (IOException ignored) {
                // the export already failed or was canceled; an uncommitted artifact is invisible either way
            }
            current = null;
        }
    }

    private void marshal(List<Map<String, Object>> batch) throws IOException {
        if (current == null) {
            current = new Open(run.start(folder), run, chunkSize);
        }
        Exchange exchange = new DefaultExchange(format.context());
        exchange.getIn().setHeader(Exchange.FILE_NAME, current.started.name());
        exchange.getIn().setBody(batch);
        try {
            format.dataFormat().marshal(exchange, batch, current.guarded);
        } catch (Exception e) {
            if (current.guarded.failure != null) {
                throw current.guarded.failure; // the artifact's storage failed, not the data format
            }
            throw failed(e);
        }
        current.raw.flush();
        current.records += batch.size();
        report(batch.size());
        if (!format.appends() || current.raw.count() >= run.spec.sizeLimit()) {
            commit();
        }
    }

    /** Passes bytes on and keeps the sink's failure, whatever the data format wraps it in. */
    private static final class SinkGuard extends java.io.FilterOutputStream {
        IOException failure;

        SinkGuard(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // a data format that closes its stream leaves the artifact open
        }
    }

    private KustoException failed(Exception e) {
        return new KustoException(format + " could not marshal a batch of rows into artifact "
                + current.started.name() + ": " + KustoException.reason(e), e);
    }

    private void report(long records) {
        long stored = current.stored.count();
        run.monitor.written(records, stored - current.reportedStored);
        current.reportedStored = stored;
    }

    private void commit() throws IOException {
        Open artifact = current;
        if (artifact.compressor != null) {
            artifact.compressor.close(); // the last gzip members; the sink stays open until commit
        }
        artifact.stored.flush();
        String path = artifact.started.sink().commit(artifact.records);
        current = null; // only now: an artifact whose commit failed is still discarded
        run.monitor.written(0, artifact.stored.count() - artifact.reportedStored);
        run.committed(artifact.started, new ExportedArtifact(path, artifact.records, artifact.stored.count()));
    }
}
