package io.github.camelkusto.export.command;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The client request properties a command sets with {@code set name [= value];} statements before its query, as
 * ADX's "Request properties" documents them. Values are typed by the property: Boolean, Long, Duration (timespans)
 * or, for the properties that mean nothing here, the value's text.
 * <p>
 * Honoured here: {@code query_fanout_nodes_percent} and {@code query_fanout_threads_percent} (writer parallelism,
 * see {@link #fanOutWriters}). {@code servertimeout} is parsed and exposed ({@link #serverTimeout}) for the part
 * that bounds a command's run time; the others are accepted and ignored.
 *
 * @param values by canonical (lower-case) name, in the order set
 */
public record RequestProperties(Map<String, Object> values) {
    public static final RequestProperties NONE = new RequestProperties(Map.of());
    public static final String FANOUT_NODES_PERCENT = "query_fanout_nodes_percent";
    public static final String FANOUT_THREADS_PERCENT = "query_fanout_threads_percent";
    public static final String SERVER_TIMEOUT = "servertimeout";

    public RequestProperties {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code servertimeout}, when set. */
    public Optional<Duration> serverTimeout() {
        return Optional.ofNullable((Duration) values.get(SERVER_TIMEOUT));
    }

    public OptionalInt fanOutNodesPercent() {
        return percent(FANOUT_NODES_PERCENT);
    }

    public OptionalInt fanOutThreadsPercent() {
        return percent(FANOUT_THREADS_PERCENT);
    }

    /** Whether a fan-out property asks for fewer writers than the full fan-out. */
    public boolean limitsFanOut() {
        return fanOutNodesPercent().orElse(100) < 100 || fanOutThreadsPercent().orElse(100) < 100;
    }

    /**
     * The writers a distributed export may run when the full fan-out is {@code writers}: ADX's fan-out is nodes x
     * threads per node, and here the writers of one process are both, so the two percentages multiply. Rounded up
     * to a whole writer, at least one (ADX rounds up to a whole CPU, so 0 is safe).
     */
    public int fanOutWriters(int writers) {
        long nodes = fanOutNodesPercent().orElse(100);
        long threads = fanOutThreadsPercent().orElse(100);
        return (int) Math.max(1, (writers * nodes * threads + 9_999) / 10_000);
    }

    private OptionalInt percent(String name) {
        Long value = (Long) values.get(name);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
