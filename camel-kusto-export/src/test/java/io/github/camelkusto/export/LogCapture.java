package io.github.camelkusto.export;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log event of every logger, down to DEBUG, as text: message, thrown stack trace and all. Both
 * logging systems of the JVM: log4j (where SLF4J goes: Camel, the Azure SDK) and java.util.logging at every level
 * (where {@link System.Logger} goes: the JDK's own HTTP client, which storage uses).
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<String> events = new ArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel = julRoot.getLevel();
    private final Handler julHandler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            add(record.getLoggerName() + ": " + formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.start();
        Configuration configuration = capture.context.getConfiguration();
        configuration.addAppender(capture);
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            logger.setLevel(Level.DEBUG);
            logger.addAppender(capture, Level.DEBUG, null);
        }
        configuration.getRootLogger().setLevel(Level.DEBUG);
        configuration.getRootLogger().addAppender(capture, Level.DEBUG, null);
        capture.context.updateLoggers();
        capture.julHandler.setLevel(java.util.logging.Level.ALL);
        capture.julRoot.setLevel(java.util.logging.Level.ALL);
        capture.julRoot.addHandler(capture.julHandler);
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(": ")
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        add(text.toString());
    }

    private synchronized void add(String text) {
        events.add(text);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(julLevel);
        context.reconfigure(); // back to log4j2-test.xml
        stop();
    }
}
