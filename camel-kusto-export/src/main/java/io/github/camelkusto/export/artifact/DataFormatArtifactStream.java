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
 * a record is never split); any other gets one batch per artifact. What it is given follows its
 * {@link DataFormatInput}: the batch of row maps, the batch as Avro records, or one Avro record at a time
 * ({@link AvroDatumFile}).
 */
final class DataFormatArtifactStream extends ArtifactStream {
    private final DataFormatSettings format;
    private final RowMaps rows;
    private final int chunkSize;
    /** The rows as Avro records, for the Avro data formats; else null. */
    private final AvroRecords avro;
    /** The container file of a data format that marshals one Avro datum at a time; else null. */
    private final AvroDatumFile datums;

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
        this.avro = format.input() == DataFormatInput.ROW_MAPS ? null : new AvroRecords(run.schema);
        this.datums = format.input() == DataFormatInput.AVRO_DATUMS ? new AvroDatumFile(format, avro) : null;
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
        if (datums != null) {
            datums.close();
        }
    }

    @Override
    void discard() {
        rows.take();
        if (current != null) {
            current.discard();
            current = null;
        }
        if (datums != null) {
            datums.close();
        }
    }

    private void marshal(List<Map<String, Object>> batch) throws IOException {
        if (current == null) {
            current = new OpenArtifact(run.start(folder), run, chunkSize);
            raw = new CountingOutputStream(current.out);
            guarded = new SinkGuard(raw);
            if (datums != null) {
                datums.open(guarded);
            }
        }
        Exchange exchange = new DefaultExchange(format.context());
        exchange.getIn().setHeader(Exchange.FILE_NAME, current.started.name());
        try {
            switch (format.input()) {
                case ROW_MAPS -> marshal(exchange, batch);
                case AVRO_RECORDS -> marshal(exchange, avro.records(batch));
                case AVRO_DATUMS -> datums.append(exchange, batch);
            }
        } catch (Exception e) {
            if (guarded.failure != null) {
                throw guarded.failure; // the artifact's storage failed, not the data format
            }
            if (e instanceof KustoException named) {
                throw named; // a value that does not fit the Avro schema, named already
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

    private void marshal(Exchange exchange, List<?> body) throws Exception {
        exchange.getIn().setBody(body);
        format.dataFormat().marshal(exchange, body, guarded);
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
                + current.started.name() + " (given " + format.input().body() + "): " + KustoException.reason(e), e);
    }

    private void commit() throws IOException {
        if (datums != null) {
            datums.end();
        }
        current.commit(run);
        current = null; // only now: an artifact whose commit failed is still discarded
    }
}
