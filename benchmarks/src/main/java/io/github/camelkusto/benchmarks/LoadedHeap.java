package io.github.camelkusto.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The heap of a JVM whose tables were just loaded, made like a long-running route's before timed runs. */
final class LoadedHeap {

    private LoadedHeap() {
    }

    /**
     * The heap as a long-running route's is once its tables are loaded: the tables in the old generation, the
     * heap's size kept, and the young generation through collections. A full collection settles the tables (or
     * the first queries pay for copying them between young spaces); G1 shrinks the heap after one (a 4 GB heap gave
     * 1.3 GB back to the system here), so MaxHeapFreeRatio, a manageable flag, is raised for it. Then short-lived
     * garbage until two young collections: young regions freshly taken from the grown heap have never been
     * touched, and the first queries' allocations faulted their pages in (7,000-12,000 faults, 0.1-0.3 s of
     * system CPU a run of filter + project) where a route that has run for a while reuses resident ones.
     */
    static void settle() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
        vm.setVMOption("MaxHeapFreeRatio", "100");
        try {
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", maxFree);
        }
        long young = youngCollections();
        long allocated = 0;
        while (youngCollections() < young + 2 && allocated < Runtime.getRuntime().maxMemory()) {
            byte[] garbage = new byte[1 << 20];
            allocated += garbage.length;
        }
        System.err.printf(Locale.ROOT, "  heap settled: %d MB of short-lived garbage for %d young collections%n",
                allocated >> 20, youngCollections() - young);
    }

    private static long youngCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().contains("Young")).mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
