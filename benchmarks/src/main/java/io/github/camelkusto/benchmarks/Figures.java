package io.github.camelkusto.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.sun.management.OperatingSystemMXBean;

/**
 * Times a task several times and keeps the median; prints rows of figures side by side with a ratio. Medians
 * and ratios, not single times: the machines these run on are small and noisy.
 */
final class Figures {
    private final String title;
    private final String ours;
    private final String theirs;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Each target set in this run ("suite: row: ratio vs target"), printed together at the end. */
    private static final List<String> TARGETS = new ArrayList<>();
    private static int targetsMissed;

    Figures(String title, String ours, String theirs) {
        this.title = title;
        this.ours = ours;
        this.theirs = theirs;
    }

    /** Work done before each timed run, not timed: clearing an output folder. */
    interface Setup {
        void run() throws Exception;
    }

    /** Bytes the Java threads allocated in the last timed run of {@link #medianSeconds}. */
    static long lastRunAllocated;

    /** The median wall time of {@code runs} runs of {@code task} (after the warm-up runs), in seconds. */
    static double medianSeconds(int runs, Callable<?> task) throws Exception {
        return medianSeconds(runs, () -> { }, task);
    }

    /** The median wall time of {@code runs} runs of {@code task}, each after an untimed {@code setup}. */
    static double medianSeconds(int runs, Setup setup, Callable<?> task) throws Exception {
        WarmUp.run(setup, task);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            setup.run();
            TimedRun run = TimedRun.start();
            task.call();
            TimedRun.Cost cost = run.stop("run " + (i + 1));
            seconds[i] = cost.seconds();
            lastRunAllocated = cost.allocatedBytes();
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load average over the last minute, for the figures of a shared machine. */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** A row of throughputs: {@code rows} rows processed in the given seconds by each side. */
    void throughput(String name, long rowCount, double oursSeconds, double theirsSeconds) {
        rows.add(new String[] {name, rate(rowCount / oursSeconds), rate(rowCount / theirsSeconds),
            String.format(Locale.ROOT, "%.2fx", theirsSeconds / oursSeconds)});
    }

    /** A row of bandwidths: bytes moved in the given seconds by each side (they may differ slightly). */
    void bandwidth(String name, long theirsBytes, long oursBytes, double oursSeconds, double theirsSeconds) {
        double oursRate = oursBytes / oursSeconds;
        double theirsRate = theirsBytes / theirsSeconds;
        rows.add(new String[] {name, megabytes(oursRate), megabytes(theirsRate),
            String.format(Locale.ROOT, "%.2fx", oursRate / theirsRate)});
    }

    /** A row of latencies (lower is better); the ratio is still "how many times as fast as theirs". */
    void latency(String name, double oursSeconds, double theirsSeconds) {
        rows.add(new String[] {name, millis(oursSeconds), millis(theirsSeconds),
            String.format(Locale.ROOT, "%.2fx", theirsSeconds / oursSeconds)});
    }

    /** A row of two figures that are not a comparison (no ratio): the scale suite's throughput and heap. */
    void row(String name, String oursFigure, String theirsFigure) {
        rows.add(new String[] {name, oursFigure, theirsFigure, "-"});
    }

    /** A row for a query or format one side refuses: named, with the reason, and no ratio. */
    void unsupported(String name, String side, String reason) {
        rows.add(new String[] {name, side.equals(ours) ? "not supported" : "", side.equals(theirs) ? "not supported"
                : "", "-"});
        notes.add(name + ": " + side + ": " + reason.lines().findFirst().orElse(""));
    }

    /**
     * The last row's ratio must be at least {@code minimumRatio} (issue 18's targets): the row says whether it
     * holds, and {@link #printTargets} lists them all.
     */
    void target(String suite, double minimumRatio) {
        String[] row = rows.get(rows.size() - 1);
        double ratio = Double.parseDouble(row[3].replace("x", ""));
        boolean holds = ratio >= minimumRatio;
        String verdict = String.format(Locale.ROOT, ">= %sx %s", trim(minimumRatio), holds ? "holds" : "MISSED");
        rows.set(rows.size() - 1, new String[] {row[0], row[1], row[2], row[3], verdict});
        TARGETS.add(String.format(Locale.ROOT, "%-7s %-52s %8s  %s", holds ? "holds" : "MISSED", suite + ": " + row[0],
                row[3], verdict.substring(0, verdict.lastIndexOf(' '))));
        targetsMissed += holds ? 0 : 1;
    }

    /** A target that is not a ratio (the scale suite's): whether it holds, and the figures that say so. */
    static void requirement(String suite, String what, boolean holds, String figures) {
        TARGETS.add(String.format(Locale.ROOT, "%-7s %-52s %s", holds ? "holds" : "MISSED", suite + ": " + what,
                figures));
        targetsMissed += holds ? 0 : 1;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Every target of this run, and how many it missed. */
    static void printTargets() {
        if (TARGETS.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Targets (ratio of this run against the target): " + (TARGETS.size() - targetsMissed)
                + " of " + TARGETS.size() + " hold");
        TARGETS.forEach(line -> System.out.println("  " + line));
    }

    /** A line printed under the rows. */
    void note(String note) {
        notes.add(note);
    }

    void print() {
        System.out.println();
        System.out.println(title);
        String format = "  %-36s %18s %18s %8s  %s%n";
        boolean targets = rows.stream().anyMatch(row -> row.length > 4);
        System.out.printf(Locale.ROOT, format, "", ours, theirs, "ratio", targets ? "target" : "");
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, format, row[0], row[1], row[2], row[3], row.length > 4 ? row[4] : "");
        }
        if (rows.stream().anyMatch(row -> !row[3].equals("-"))) {
            System.out.println("  (ratio = " + ours + "'s speed / " + theirs + "'s speed: above 1 means faster)");
        }
        notes.forEach(note -> System.out.println("  " + note));
    }

    private static String rate(double rowsPerSecond) {
        return String.format(Locale.ROOT, "%.2f M rows/s", rowsPerSecond / 1e6);
    }

    private static String megabytes(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
    }

    private static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }
}
