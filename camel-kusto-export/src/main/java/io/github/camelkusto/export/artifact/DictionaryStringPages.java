package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.github.camelkusto.kql.data.ObjectVector;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;

/**
 * A UTF8 (BYTE_ARRAY) column of repeated strings in RLE_DICTIONARY pages: each value is a dictionary id (a String
 * instance seen recently is found by identity, others through a hash map), the page's ids run-length/bit-packed by
 * parquet-java's encoder after their bit width, and the chunk's one dictionary page holds the distinct values PLAIN
 * encoded. parquet-java's column writer did the same through several interfaces per value, about a third of the
 * export's CPU when profiled. When the dictionary would grow past parquet-java's default dictionary page size, the
 * rest of the chunk falls back to {@link PlainStringPages}, as parquet-java does; the next row group starts a new
 * dictionary. Min and max compare the bytes unsigned, each distinct value of a page once.
 */
final class DictionaryStringPages extends PlainPages {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_DICTIONARY_BYTES = ParquetProperties.DEFAULT_DICTIONARY_PAGE_SIZE;
    /** Recently seen String instances, by hash, with their ids: most repeated cells are the same instance. */
    private static final int RECENT = 256;
    private static final int STRIDE = 256;

    private final PlainStringPages fallback;
    private boolean plain;

    private final Map<String, Integer> ids = new HashMap<>();
    private final String[] recent = new String[RECENT];
    private final int[] recentIds = new int[RECENT];
    /** The dictionary page's values: PLAIN, each a 4-byte length then the UTF-8 bytes. */
    private byte[] dictionary = new byte[4 * 1024];
    private int dictionaryBytes;
    private int[] entryAt = new int[64];
    private int[] entryLength = new int[64];
    private int entries;

    /** The open page's ids, and the page each id was last seen in (its min and max are compared once a page). */
    private int[] pageIds = new int[1024];
    private int idCount;
    private int[] seenInPage = new int[64];
    private int page = 1;
    private int minId;
    private int maxId;

    DictionaryStringPages(ColumnDescriptor column) {
        super(column);
        this.fallback = new PlainStringPages(column);
        resetStatistics();
    }

    @Override
    void startRowGroup(PageWriter rowGroupPages) {
        super.startRowGroup(rowGroupPages);
        fallback.startRowGroup(rowGroupPages);
        plain = false;
        ids.clear();
        Arrays.fill(recent, null);
        dictionaryBytes = 0;
        entries = 0;
    }

    void write(ObjectVector v, int from, int to) throws IOException {
        if (plain) {
            fallback.write(v, from, to);
            return;
        }
        Object[] storage = v.values();
        int mask = v.mask();
        for (int start = from; start < to; start += STRIDE) {
            int end = Math.min(to, start + STRIDE);
            for (int row = start; row < end; row++) {
                Object value = storage[row & mask];
                if (value == null) {
                    absent();
                    continue;
                }
                int id = id((String) value);
                if (id < 0) { // the dictionary is full: the rest of the chunk in plain pages
                    fallBack();
                    fallback.write(v, row, to);
                    return;
                }
                add(id);
                present();
            }
            endPageIfFull();
        }
    }

    /** The value's dictionary id, added if new; -1 when it would not fit the dictionary page. */
    private int id(String value) {
        int slot = value.hashCode() & (RECENT - 1);
        String seen = recent[slot];
        if (seen == value || value.equals(seen)) {
            return recentIds[slot];
        }
        Integer known = ids.get(value);
        int id;
        if (known != null) {
            id = known;
        } else {
            id = addEntry(value);
            if (id < 0) {
                return id;
            }
        }
        recent[slot] = value;
        recentIds[slot] = id;
        return id;
    }

    private int addEntry(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int needed = dictionaryBytes + Integer.BYTES + utf8.length;
        if (needed > MAX_DICTIONARY_BYTES) {
            return -1;
        }
        if (dictionary.length < needed) {
            dictionary = Arrays.copyOf(dictionary, Math.max(needed, dictionary.length * 2));
        }
        if (entries == entryAt.length) {
            entryAt = Arrays.copyOf(entryAt, entries * 2);
            entryLength = Arrays.copyOf(entryLength, entries * 2);
            seenInPage = Arrays.copyOf(seenInPage, entries * 2);
        }
        INTS.set(dictionary, dictionaryBytes, utf8.length);
        System.arraycopy(utf8, 0, dictionary, dictionaryBytes + Integer.BYTES, utf8.length);
        entryAt[entries] = dictionaryBytes + Integer.BYTES;
        entryLength[entries] = utf8.length;
        seenInPage[entries] = 0;
        dictionaryBytes = needed;
        ids.put(value, entries);
        return entries++;
    }

    private void add(int id) {
        if (idCount == pageIds.length) {
            pageIds = Arrays.copyOf(pageIds, idCount * 2);
        }
        pageIds[idCount++] = id;
        unencoded += entryLength[id];
        if (seenInPage[id] != page) {
            seenInPage[id] = page;
            if (minId < 0 || compare(id, minId) < 0) {
                minId = id;
            }
            if (maxId < 0 || compare(id, maxId) > 0) {
                maxId = id;
            }
        }
    }

    private int compare(int a, int b) {
        return compareBytes(dictionary, entryAt[a], entryLength[a], entryAt[b], entryLength[b]);
    }

    /** Ends the dictionary-encoded pages of this chunk with its dictionary page. */
    private void fallBack() throws IOException {
        endOpenPage();
        writeDictionaryPage();
        plain = true;
    }

    private void writeDictionaryPage() throws IOException {
        if (entries > 0) { // a copy: the buffer is reused by the next row group
            pages().writeDictionaryPage(new DictionaryPage(
                    BytesInput.from(Arrays.copyOf(dictionary, dictionaryBytes)), entries, Encoding.PLAIN));
        }
    }

    @Override
    void flush() throws IOException {
        if (plain) {
            fallback.flush();
        } else {
            endOpenPage();
            writeDictionaryPage();
        }
    }

    @Override
    long bufferedSize() {
        return super.bufferedSize() + (long) idCount * Integer.BYTES + dictionaryBytes + fallback.bufferedSize();
    }

    @Override
    BytesInput pageValues() throws IOException {
        int bitWidth = BytesUtils.getWidthFromMaxInt(Math.max(0, entries - 1));
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 1024,
                Math.max(1024, idCount * Integer.BYTES), HeapByteBufferAllocator.getInstance());
        for (int i = 0; i < idCount; i++) {
            encoder.writeInt(pageIds[i]);
        }
        return BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), encoder.toBytes());
    }

    @Override
    Encoding valueEncoding() {
        return Encoding.RLE_DICTIONARY;
    }

    @Override
    Statistics<?> statistics() {
        if (minId < 0) {
            return byteArrayStatistics(dictionary, -1, 0, -1, 0);
        }
        return byteArrayStatistics(dictionary, entryAt[minId], entryLength[minId], entryAt[maxId],
                entryLength[maxId]);
    }

    @Override
    void resetStatistics() {
        minId = -1;
        maxId = -1;
        idCount = 0;
        page++;
    }
}
