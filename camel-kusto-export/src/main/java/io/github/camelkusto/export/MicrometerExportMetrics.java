package io.github.camelkusto.export;

import java.time.Duration;
import java.util.Set;

import io.github.camelkusto.export.operation.ExportListener;
import io.github.camelkusto.export.operation.OperationSnapshot;
import io.github.camelkusto.export.operation.OperationState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Metrics per export in the application's Micrometer registry: the one camel-micrometer uses (bean
 * {@value #CAMEL_METRICS_REGISTRY}), else the {@link MeterRegistry} of the Camel registry (Spring Boot's).
 * Only loaded when Micrometer is on the class path ({@link KustoExportComponent} checks first). Tags: the Camel
 * context, the route that asked ({@code route}) and, where it says how an export ended, its {@code state}.
 */
final class MicrometerExportMetrics implements ExportListener {
    /** camel-micrometer's MicrometerConstants.METRICS_REGISTRY_NAME. */
    static final String CAMEL_METRICS_REGISTRY = "metricsRegistry";
    static final String EXPORTS = "kusto.export.exports";
    static final String DURATION = "kusto.export.duration";
    static final String RECORDS = "kusto.export.records";
    static final String BYTES = "kusto.export.bytes";
    static final String ARTIFACTS = "kusto.export.artifacts";
    static final String RETRIES = "kusto.export.retries";
    static final String FAILURES = "kusto.export.failures";
    private static final String ROUTE_PREFIX = "camel-route:";

    private final MeterRegistry registry;
    private final String camelContext;

    private MicrometerExportMetrics(MeterRegistry registry, String camelContext) {
        this.registry = registry;
        this.camelContext = camelContext;
    }

    /**
     * The metrics of {@code context}'s registry, or {@link ExportListener#NONE} when it has no MeterRegistry. Of
     * several (Spring Boot may hold a composite and the registries it publishes to), the composite.
     */
    static ExportListener of(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(CAMEL_METRICS_REGISTRY, MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
            registry = found.size() == 1 ? found.iterator().next() : found.stream()
                    .filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
        }
        return registry == null ? NONE : new MicrometerExportMetrics(registry, context.getName());
    }

    @Override
    public void started(OperationSnapshot operation) {
        Counter.builder(EXPORTS).description("Exports started").tags(tags(operation)).register(registry)
                .increment();
    }

    @Override
    public void ended(OperationSnapshot operation, Duration took, long retries) {
        Tags tags = tags(operation);
        Tags ended = tags.and("state", operation.state().name());
        Timer.builder(DURATION).description("How long exports ran, by the state they ended in").tags(ended)
                .register(registry).record(took);
        count(RECORDS, "Records written by exports", tags, operation.records());
        count(BYTES, "Bytes stored by exports, after compression", tags, operation.bytes());
        count(ARTIFACTS, "Artifacts committed by exports", tags, operation.artifacts());
        count(RETRIES, "Storage requests of exports tried again", tags, retries);
        if (operation.state() != OperationState.Completed) {
            count(FAILURES, "Exports that did not complete (Failed, Canceled, Abandoned)", ended, 1);
        }
    }

    private void count(String name, String description, Tags tags, long amount) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment(amount);
    }

    private Tags tags(OperationSnapshot operation) {
        String principal = operation.origin().principal();
        String route = principal.startsWith(ROUTE_PREFIX) ? principal.substring(ROUTE_PREFIX.length()) : principal;
        return Tags.of("camelContext", camelContext, "route", route);
    }
}
