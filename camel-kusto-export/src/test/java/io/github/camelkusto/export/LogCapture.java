package io.github.camelkusto.export;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures every log event of every logger, down to DEBUG, as text: message, thrown stack trace and all. */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<String> events = new ArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    private LogCapture() {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
    }

    static LogCapture install() {
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
        return capture;
    }

    @Override
    public synchronized void append(LogEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(": ")
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        events.add(text.toString());
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        context.reconfigure(); // back to log4j2-test.xml
        stop();
    }
}
