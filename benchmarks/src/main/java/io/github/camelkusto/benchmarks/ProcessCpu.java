package io.github.camelkusto.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a timed run cost this process beyond its wall time: the kernel's share of its CPU and the page faults
 * behind it (heap pages touched for the first time, which the kernel maps in and zeroes), and the bytes its Java
 * threads allocated (which the heap must find pages for). Linux figures from /proc; -1 elsewhere.
 */
final class ProcessCpu {
    /** Clock ticks per second of /proc's CPU times: 100 on Linux (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;
    private static final Path STAT = Path.of("/proc/self/stat");

    private ProcessCpu() {
    }

    /** This process's system CPU time in ms (stime), or -1 where there is none. */
    static long systemMillis() {
        try {
            return times(STAT)[1];
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /** The minor page faults of this process so far (minflt: pages the kernel mapped in and zeroed), or -1. */
    static long minorFaults() {
        try {
            return Long.parseLong(fields(STAT)[10 - 3]);
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /** The fields of a /proc stat file from field 3 (state) on: the command name before it may hold spaces. */
    private static String[] fields(Path stat) throws IOException {
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).split(" ");
    }

    /** User and system ms of a /proc stat file (fields 14 and 15). */
    private static long[] times(Path stat) throws IOException {
        String[] fields = fields(stat);
        return new long[] {Long.parseLong(fields[14 - 3]) * 1000 / TICKS_PER_SECOND,
            Long.parseLong(fields[15 - 3]) * 1000 / TICKS_PER_SECOND};
    }

    /** User and system ms of each thread of this process, by "name/tid" (empty where there is no /proc). */
    static Map<String, long[]> threadMillis() {
        Map<String, long[]> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    out.put(name + "/" + task.getFileName(), times(task.resolve("stat")));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no per-thread figures
        }
        return out;
    }

    /** The threads that used the most CPU between two {@link #threadMillis} snapshots: "name user+system ms". */
    static String busiestThreads(Map<String, long[]> before, Map<String, long[]> after, int limit) {
        List<Map.Entry<String, long[]>> deltas = new ArrayList<>();
        after.forEach((thread, t) -> {
            long[] b = before.getOrDefault(thread, new long[2]);
            long[] d = {t[0] - b[0], t[1] - b[1]};
            if (d[0] + d[1] > 0) {
                deltas.add(Map.entry(thread.substring(0, thread.lastIndexOf('/')), d));
            }
        });
        deltas.sort((x, y) -> Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, long[]> e : deltas.subList(0, Math.min(limit, deltas.size()))) {
            out.append(String.format(Locale.ROOT, "%s%s %d+%d", out.length() == 0 ? "" : ", ", e.getKey(),
                    e.getValue()[0], e.getValue()[1]));
        }
        return out.toString();
    }

    /** The bytes allocated so far by each live Java thread, by thread id. */
    static Map<Long, Long> allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], Math.max(bytes[i], 0));
        }
        return out;
    }

    /** The bytes allocated since an {@link #allocatedBytes()} snapshot by the threads alive now. */
    static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedBytes().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }
}
