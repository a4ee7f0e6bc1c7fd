package io.github.camelkusto.examples;

import java.io.PrintStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.Deadline;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * A progress line on stderr while an export runs in this process: a spinner, how long it has run, and its live
 * progress as {@code .show operations} reports it (artifacts committed, records and bytes written). Redrawn in
 * place with carriage returns, so only for a terminal; it appears once the export has run {@link #DELAY_MILLIS}
 * (short exports print nothing) and is erased when it ends.
 */
final class ExportProgress implements AutoCloseable {
    /** A system property that shortens the delay, for tests whose export is fast on a quiet machine. */
    static final long DELAY_MILLIS = Long.getLong("kusto-export.progress-delay-millis", 1_000);
    private static final long REFRESH_MILLIS = 250;
    private static final String SPINNER = "|/-\\";
    private static final String RUNNING = ".show operations | where State == 'InProgress' | top 1 by StartedOn desc"
            + " | project Duration, Status";

    private final CamelContext context;
    private final ScheduledExecutorService timer;
    private final PrintStream err;
    private int ticks;
    private int shown;
    private boolean closed;

    private ExportProgress(CamelContext context, ProducerTemplate template, String endpoint, PrintStream err) {
        this.context = context;
        this.err = err;
        this.timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "ExportProgress");
        timer.scheduleWithFixedDelay(() -> draw(template.requestBody(endpoint, RUNNING, ResultTable.class)),
                DELAY_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Draws progress while the caller runs an export through {@code endpoint}; nothing when not on a terminal. */
    static AutoCloseable start(boolean terminal, CamelContext context, ProducerTemplate template, String endpoint,
            PrintStream err) {
        return terminal ? new ExportProgress(context, template, endpoint, err) : () -> { };
    }

    private synchronized void draw(ResultTable running) {
        if (closed || running.rowCount() == 0) {
            return;
        }
        String line = SPINNER.charAt(ticks++ % SPINNER.length()) + " exporting for "
                + Deadline.describe((java.time.Duration) running.value(0, "Duration")) + ": "
                + running.value(0, "Status");
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    @Override
    public synchronized void close() {
        closed = true;
        context.getExecutorServiceManager().shutdownNow(timer);
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
        }
    }
}
