package io.github.camelkusto.export.artifact;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;

/**
 * Run by {@link MemoryBoundExportTest} in a JVM with a small heap: exports {@code rows} generated rows as csv
 * into {@code folder} with two parallel writers, and prints one line per artifact ({@code path,records,bytes})
 * and then {@code peakHeap=<bytes> seconds=<s>}.
 */
public final class MemoryBoundExportMain {
    private MemoryBoundExportMain() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        long sizeLimit = Long.parseLong(args[2]);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        try {
            ArtifactSpec spec = ArtifactSpec.text(ExportFormat.CSV, false, sizeLimit, IncludeHeaders.NONE,
                    TextEncoding.UTF8_NO_BOM, new ArtifactNaming("big", "csv")).withDistribution(Distribution.PER_NODE);
            List<ExportedArtifact> artifacts = new RollingArtifactWriter(spec,
                    List.of(new LocalFolderTarget(new LocalFolderLocation(folder))), pool, 2,
                    RollingArtifactWriter.DEFAULT_CHUNK_SIZE).write(GeneratedQueryResult.rows(rows, 4));
            double seconds = (System.nanoTime() - start) / 1e9;
            for (ExportedArtifact a : artifacts) {
                System.out.println(a.path() + "," + a.numRecords() + "," + a.sizeInBytes());
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getPeakUsage)
                    .mapToLong(u -> u.getUsed()).sum();
            System.out.printf("peakHeap=%d seconds=%.1f%n", peak, seconds);
        } finally {
            pool.shutdownNow();
        }
    }
}
