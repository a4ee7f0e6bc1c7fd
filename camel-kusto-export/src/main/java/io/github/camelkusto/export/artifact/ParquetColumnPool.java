package io.github.camelkusto.export.artifact;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The column chunks of an export's finished parquet files, kept for its next files: each set of them holds, grown
 * to the size the data needs, what a file's columns write into (page buffers, value buffers, a compressor with its
 * buffers and hash table). An export writes many files one after another (per_shard: one per 65,536-row extent),
 * and making all of that anew per file and column was most of the parquet export's allocation when profiled (2.7 of
 * 5.7 GB in the page store's buffers alone), fresh heap that the kernel faults in and zeroes while the JVM grows
 * its young generation: the JVM's system CPU above its user CPU in an export's first runs, and most of what
 * compressed pages cost over uncompressed ones. A set is taken by one file at a time and given back when the file
 * ended well; at most {@code maxIdle} sets wait, the others are dropped. Thread-safe.
 */
final class ParquetColumnPool {
    /** What a set of column chunks was made for: a file's codec and which of its columns have dictionary pages. */
    record Key(CompressionCodecName codec, boolean[] dictionary) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && codec == key.codec && Arrays.equals(dictionary, key.dictionary);
        }

        @Override
        public int hashCode() {
            return 31 * codec.hashCode() + Arrays.hashCode(dictionary);
        }

        @Override
        public String toString() {
            return codec + " " + Arrays.toString(dictionary);
        }
    }

    /** One file's column chunks, in the schema's order, and the rows' encoder they share. */
    record Columns(Key key, ParquetRows rows, ParquetColumnChunk[] chunks) {
    }

    private final int maxIdle;
    private final ArrayDeque<Columns> idle = new ArrayDeque<>();

    ParquetColumnPool(int maxIdle) {
        this.maxIdle = maxIdle;
    }

    /** A waiting set made for {@code key}, or a new one from {@code create}. */
    Columns take(Key key, Supplier<Columns> create) {
        synchronized (idle) {
            for (Iterator<Columns> waiting = idle.iterator(); waiting.hasNext(); ) {
                Columns columns = waiting.next();
                if (columns.key().equals(key)) {
                    waiting.remove();
                    return columns;
                }
            }
        }
        return create.get();
    }

    /** Keeps {@code columns} for a next file (its last file ended well and holds no reference to them). */
    void give(Columns columns) {
        synchronized (idle) {
            if (idle.size() >= maxIdle) {
                idle.pollLast(); // the least recently given back
            }
            idle.push(columns);
        }
    }
}
