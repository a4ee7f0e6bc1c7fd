package io.github.camelkusto.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The untimed runs before a case's timed ones: a fixed count ({@code --warmups N}; one by default, so that the timed
 * runs are a fresh JVM's second and later, as the independent check timed them), or
 * ({@code --warmups settled}) as many as the JIT takes to settle, as a long-running route meets the case: until
 * {@value #QUIET_RUNS} runs in a row in which the JVM compiled for at most {@value #SETTLED_SHARE_PERCENT}% of their
 * wall time (or {@value #SETTLED_MILLIS} ms), at most {@value #MAX_SETTLING_RUNS} runs. Our parquet export still
 * compiled for 0.4-0.6 s in its sixth run (parquet-java's per-page and per-file code, run a few hundred times per
 * export, crosses C2's thresholds export after export), on the same two cores as the export. DuckDB compiles
 * nothing: its side always gets the fixed count.
 */
final class WarmUp {
    static final int MAX_SETTLING_RUNS = 30;
    static final int SETTLED_SHARE_PERCENT = 2;
    static final int SETTLED_MILLIS = 5;
    static final int QUIET_RUNS = 3;
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /** The fixed count; the least in settled mode. */
    static int count = 1;
    static boolean untilSettled;

    private WarmUp() {
    }

    /** What a case's warm-up did: the wall seconds of each run, in order. */
    record Runs(List<Double> seconds) {
        /** The second run's wall time (the first after one warm-up), or NaN when there was no second warm-up run. */
        double second() {
            return seconds.size() > 1 ? seconds.get(1) : Double.NaN;
        }

        @Override
        public String toString() {
            return seconds.size() + " warm-up run(s)";
        }
    }

    /** Our side's warm-up: {@link #count} runs, or until the JIT has settled in settled mode. */
    static Runs run(Figures.Setup setup, Callable<?> task) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Long> jit = new ArrayList<>();
        while (seconds.size() < count || untilSettled && seconds.size() < MAX_SETTLING_RUNS
                && !settled(seconds, jit)) {
            setup.run();
            long jitBefore = jitMillis();
            long start = System.nanoTime();
            task.call();
            seconds.add((System.nanoTime() - start) / 1e9);
            jit.add(jitMillis() - jitBefore);
        }
        if (untilSettled) {
            StringBuilder line = new StringBuilder("    warm-up: " + seconds.size() + " runs (ms wall/JIT):");
            for (int i = 0; i < seconds.size(); i++) {
                line.append(String.format(Locale.ROOT, " %.0f/%d", seconds.get(i) * 1000, jit.get(i)));
            }
            System.err.println(line);
        }
        return new Runs(seconds);
    }

    /** DuckDB's warm-up (its caches; no JIT): {@link #count} runs. */
    static void fixed(Figures.Setup setup, Callable<?> task) throws Exception {
        for (int i = 0; i < count; i++) {
            setup.run();
            task.call();
        }
    }

    /**
     * Whether the last {@value #QUIET_RUNS} runs together compiled for at most {@value #SETTLED_SHARE_PERCENT}% of
     * their wall time (or {@value #SETTLED_MILLIS} ms): one quiet run is not enough, C2's compilations come in bursts
     * (a 70 ms query compiled 1 ms in one run and 200 ms in the next).
     */
    private static boolean settled(List<Double> seconds, List<Long> jit) {
        if (seconds.size() < QUIET_RUNS) {
            return false;
        }
        double wallMillis = 0;
        long jitMillis = 0;
        for (int i = seconds.size() - QUIET_RUNS; i < seconds.size(); i++) {
            wallMillis += seconds.get(i) * 1000;
            jitMillis += jit.get(i);
        }
        return jitMillis <= Math.max(SETTLED_MILLIS, wallMillis * SETTLED_SHARE_PERCENT / 100);
    }

    /** The JIT's compilation time so far, in ms (all compiler threads), or 0 where the JVM does not say. */
    static long jitMillis() {
        return JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    /** How the warm-up is set, for the run's title: "1 warm-up run" or "warm-up runs until the JIT settled". */
    static String describe() {
        return untilSettled ? "warm-up runs until the JIT settled (at most " + MAX_SETTLING_RUNS + ")"
                : count + " warm-up run(s)";
    }
}
