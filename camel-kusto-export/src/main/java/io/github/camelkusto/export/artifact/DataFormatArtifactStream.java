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

    private OpenArtifact current;
    /** Counts the current artifact's bytes before compression; closing it only flushes. */
    private CountingOutputStream raw;
    /** Where the data format writes: tells the sink's failures from the data format's own. */
    private SinkGuard guarded;

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
            current.discard();
            current = null;
        }
    }

    private void marshal(List<Map<String, Object>> batch) throws IOException {
        if (current == null) {
            current = new OpenArtifact(run.start(folder), run, chunkSize);
            raw = new CountingOutputStream(current.out);
            guarded = new SinkGuard(raw);
        }
        Exchange exchange = new DefaultExchange(format.context());
        exchange.getIn().setHeader(Exchange.FILE_NAME, current.started.name());
        exchange.getIn().setBody(batch);
        try {
            format.dataFormat().marshal(exchange, batch, guarded);
        } catch (Exception e) {
            if (guarded.failure != null) {
                throw guarded.failure; // the artifact's storage failed, not the data format
            }
            throw failed(e);
        }
        raw.flush();
        current.records += batch.size();
        current.report(run, batch.size());
        if (!format.appends() || raw.count() >= run.spec.sizeLimit()) {
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

    private void commit() throws IOException {
        current.commit(run);
        current = null; // only now: an artifact whose commit failed is still discarded
    }
}
