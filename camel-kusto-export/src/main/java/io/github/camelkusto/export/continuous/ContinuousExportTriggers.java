package io.github.camelkusto.export.continuous;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelkusto.export.command.ContinuousExportDefinition;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Camel Quartz trigger per enabled continuous export, firing every {@code intervalBetweenRuns} (the first
 * time soon after it is scheduled: at start, and when the export is created, altered or enabled). Each firing runs
 * the export once; Quartz runs one firing of a trigger at a time ({@code stateful}), and a run that finds the export
 * running does nothing. Needs camel-quartz on the classpath, resolved by its URI scheme.
 */
public final class ContinuousExportTriggers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousExportTriggers.class);
    /** The Quartz group of the triggers: {@code quartz://kustoContinuousExport/<name>}. */
    public static final String GROUP = "kustoContinuousExport";

    private final CamelContext camel;
    private final ContinuousExports exports;
    private final Map<String, Consumer> triggers = new HashMap<>();

    public ContinuousExportTriggers(CamelContext camel, ContinuousExports exports) {
        this.camel = camel;
        this.exports = exports;
    }

    /** Schedules every export there is, and each one created, altered, enabled, disabled or dropped later. */
    public void start() {
        for (ContinuousExportDefinition definition : exports.definitions()) {
            schedule(definition.name(), Optional.of(definition));
        }
        exports.setOnChange(this::schedule);
    }

    /** Replaces the export's trigger by one for {@code definition}; none when it is gone or disabled. */
    synchronized void schedule(String name, Optional<ContinuousExportDefinition> definition) {
        Consumer old = triggers.remove(name);
        if (old != null) {
            ServiceHelper.stopAndShutdownService(old);
        }
        if (definition.isEmpty() || definition.get().disabled()) {
            return;
        }
        String uri = "quartz://" + GROUP + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "?stateful=true&trigger.repeatCount=-1&trigger.repeatInterval="
                + definition.get().intervalBetweenRuns().toMillis();
        try {
            Endpoint endpoint = camel.getEndpoint(uri);
            Consumer consumer = endpoint.createConsumer(exchange -> run(name));
            ServiceHelper.startService(consumer);
            triggers.put(name, consumer);
            LOG.info("Continuous export {} runs every {}", name, definition.get().intervalBetweenRuns());
        } catch (Exception e) {
            throw new IllegalStateException("cannot schedule continuous export '" + name + "' with " + uri
                    + " (is camel-quartz on the classpath?): " + e.getMessage(), e);
        }
    }

    private void run(String name) {
        try {
            exports.runOnce(name);
        } catch (RuntimeException e) {
            // recorded as a failure of the export (.show continuous-export failures); the next firing retries
            LOG.debug("Scheduled run of continuous export {} failed: {}", name, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        for (Consumer consumer : List.copyOf(triggers.values())) {
            ServiceHelper.stopAndShutdownService(consumer);
        }
        triggers.clear();
    }
}
