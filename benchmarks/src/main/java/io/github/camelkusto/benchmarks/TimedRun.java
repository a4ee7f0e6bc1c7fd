package io.github.camelkusto.benchmarks;

import java.util.Locale;
import java.util.Map;

/**
 * One timed run's measurement: its wall time, and what it cost this JVM, printed to stderr as a line of figures
 * (and, with {@code -Dbenchmark.threads=true}, its busiest threads). CPU time barely depends on what else the machine
 * runs: it tells a slower run from a busier machine; its kernel share, page faults and bytes allocated tell heap
 * pages faulted in from work done, and the JIT's time tells a compiler sharing the cores.
 */
final class TimedRun {
    /** Whether each timed run prints its busiest threads ({@code -Dbenchmark.threads=true}). */
    private static final boolean THREADS = Boolean.getBoolean("benchmark.threads");

    private final long cpuNanos = Figures.processCpuNanos();
    private final long systemMillis = ProcessCpu.systemMillis();
    private final long faults = ProcessCpu.minorFaults();
    private final long jitMillis = WarmUp.jitMillis();
    private final Map<Long, Long> allocated = ProcessCpu.allocatedBytes();
    private final Map<String, long[]> threads = THREADS ? ProcessCpu.threadMillis() : null;
    private final long start = System.nanoTime();

    /** What a run cost: wall and CPU seconds, and the bytes its Java threads allocated. */
    record Cost(double seconds, double cpuSeconds, long allocatedBytes) {
    }

    private TimedRun() {
    }

    /** Starts measuring a run: call right before it. */
    static TimedRun start() {
        return new TimedRun();
    }

    /** Ends the measurement right after the run, prints its line as {@code label}, and returns its cost. */
    Cost stop(String label) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (Figures.processCpuNanos() - cpuNanos) / 1e9;
        long allocatedBytes = ProcessCpu.allocatedSince(allocated);
        System.err.printf(Locale.ROOT, "    %s: %.0f ms wall, %.0f ms CPU of this JVM (%d ms system, %d page faults,"
                + " %d ms JIT), %.0f MB allocated%n", label, seconds * 1000, cpuSeconds * 1000,
                ProcessCpu.systemMillis() - systemMillis, ProcessCpu.minorFaults() - faults,
                WarmUp.jitMillis() - jitMillis, allocatedBytes / 1e6);
        if (THREADS) {
            System.err.println("      busiest threads (user+system ms): "
                    + ProcessCpu.busiestThreads(threads, ProcessCpu.threadMillis(), 6));
        }
        return new Cost(seconds, cpuSeconds, allocatedBytes);
    }
}
