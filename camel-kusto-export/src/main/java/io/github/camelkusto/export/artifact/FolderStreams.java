package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One writer's artifact streams, one per folder its rows were routed to (a plain export has one, the export's own
 * location). Rows are never buffered per folder: each batch's rows go to their folder's stream at once. At most
 * {@code maxOpen} streams are open; routing to one more commits the artifact of the least recently used folder
 * (its later rows start a new artifact there), so memory stays bounded by maxOpen x chunk size however many
 * partitions the data has. Not thread-safe: each writer has its own.
 */
final class FolderStreams {
    /** Open partitions per writer: 16 chunks of 1 MB at most, while a day-partitioned month stays mostly open. */
    static final int DEFAULT_MAX_OPEN = 16;

    private final ExportRun run;
    private final int chunkSize;
    private final int maxOpen;
    private final LinkedHashMap<String, ArtifactStream> open = new LinkedHashMap<>(16, 0.75f, true);

    FolderStreams(ExportRun run, int chunkSize, int maxOpen) {
        this.run = run;
        this.chunkSize = chunkSize;
        this.maxOpen = maxOpen;
    }

    void write(RowRouter.Routed routed) throws IOException {
        ArtifactStream stream = open.get(routed.folder());
        if (stream == null) {
            if (open.size() >= maxOpen) {
                Iterator<Map.Entry<String, ArtifactStream>> eldest = open.entrySet().iterator();
                ArtifactStream evicted = eldest.next().getValue();
                eldest.remove();
                try {
                    evicted.finish();
                } finally {
                    evicted.discard();
                }
            }
            stream = ArtifactStream.of(run, chunkSize, routed.folder());
            open.put(routed.folder(), stream);
        }
        stream.write(routed.rows());
    }

    /** Commits every open artifact. */
    void finish() throws IOException {
        List<ArtifactStream> streams = new ArrayList<>(open.values());
        open.clear();
        IOException failure = null;
        for (ArtifactStream stream : streams) {
            try {
                stream.finish();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            } finally {
                stream.discard();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Discards every artifact still open: the export failed or was canceled. */
    void discard() {
        open.values().forEach(ArtifactStream::discard);
        open.clear();
    }
}
