package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Assigns each row of a batch the id of its group (by the values of the key columns), new groups numbered in
 * order of first appearance, and keeps the key values of each group. Fast paths: no key (one group), a single
 * long-stored key (open addressing over the primitive values), a single string key; other keys hash lists of
 * boxed values.
 */
abstract class GroupTable {
    protected final VectorBuilder[] keys;
    protected int groups;

    GroupTable(List<KqlType> keyTypes) {
        keys = new VectorBuilder[keyTypes.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = new VectorBuilder(keyTypes.get(k), 16);
        }
    }

    static GroupTable create(List<KqlType> keyTypes) {
        if (keyTypes.isEmpty()) {
            return new Single();
        }
        if (keyTypes.size() == 1 && VectorBuilder.storage(keyTypes.get(0)) == VectorBuilder.Storage.LONG) {
            return new LongKey(keyTypes);
        }
        if (keyTypes.size() == 1 && keyTypes.get(0) == KqlType.STRING) {
            return new StringKey(keyTypes);
        }
        return new General(keyTypes);
    }

    int groupCount() {
        return groups;
    }

    /** Fills {@code ids[0..rows)} with the group of each row. */
    abstract void assign(Vector[] keyValues, int rows, int[] ids);

    /**
     * Fills {@code ids[0..rows)} with the existing group of each row, -1 where there is none. Read-only: once
     * built, a table may be probed by several threads at once (join's build side).
     */
    abstract void find(Vector[] keyValues, int rows, int[] ids);

    /** The key columns, one row per group. */
    Vector[] keyVectors() {
        Vector[] out = new Vector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            out[k] = keys[k].build();
        }
        return out;
    }

    protected int newGroup(Vector[] keyValues, int row) {
        for (int k = 0; k < keys.length; k++) {
            keys[k].appendFrom(keyValues[k], row);
        }
        return groups++;
    }

    /** summarize without by: one group, present even when there is no row. */
    private static final class Single extends GroupTable {
        Single() {
            super(List.of());
            groups = 1;
        }

        @Override
        void assign(Vector[] keyValues, int rows, int[] ids) {
            Arrays.fill(ids, 0, rows, 0);
        }

        @Override
        void find(Vector[] keyValues, int rows, int[] ids) {
            Arrays.fill(ids, 0, rows, 0);
        }
    }

    /**
     * Open addressing on the long storage of one key; null is a group of its own. Keys in {@code [0, 65536)}
     * (codes, durations, small ids) skip the hash: their group is found in an array indexed by the key.
     */
    private static final class LongKey extends GroupTable {
        private static final int SMALL_KEYS = 1 << 16;
        /** The group + 1 of each small key (0: none yet); allocated at the first small key. */
        private int[] small;
        private long[] slotsKey = new long[1024];
        private int[] slotsId = new int[1024];
        private int used;
        private int nullGroup = -1;

        LongKey(List<KqlType> keyTypes) {
            super(keyTypes);
            Arrays.fill(slotsId, -1);
        }

        @Override
        void assign(Vector[] keyValues, int rows, int[] ids) {
            LongVector v = (LongVector) keyValues[0];
            long[] values = v.values();
            int mask = v.mask();
            boolean nulls = v.hasNulls();
            for (int i = 0; i < rows; i++) {
                if (nulls && v.isNull(i)) {
                    if (nullGroup < 0) {
                        nullGroup = newGroup(keyValues, i);
                    }
                    ids[i] = nullGroup;
                    continue;
                }
                long key = values[i & mask];
                if (key >>> 16 == 0) {
                    int[] direct = small != null ? small : (small = new int[SMALL_KEYS]);
                    int id = direct[(int) key] - 1;
                    if (id < 0) {
                        id = newGroup(keyValues, i);
                        direct[(int) key] = id + 1;
                    }
                    ids[i] = id;
                    continue;
                }
                long[] keysBySlot = slotsKey;
                int[] idsBySlot = slotsId;
                int cap = keysBySlot.length - 1;
                int slot = hash(key) & cap;
                while (true) {
                    int id = idsBySlot[slot];
                    if (id >= 0 && keysBySlot[slot] == key) {
                        ids[i] = id;
                        break;
                    }
                    if (id < 0) {
                        id = newGroup(keyValues, i);
                        slotsKey[slot] = key;
                        slotsId[slot] = id;
                        ids[i] = id;
                        if (++used * 2 > slotsKey.length) {
                            grow();
                        }
                        break;
                    }
                    slot = (slot + 1) & cap;
                }
            }
        }

        @Override
        void find(Vector[] keyValues, int rows, int[] ids) {
            LongVector v = (LongVector) keyValues[0];
            long[] values = v.values();
            int mask = v.mask();
            int cap = slotsKey.length - 1;
            for (int i = 0; i < rows; i++) {
                if (v.isNull(i)) {
                    ids[i] = nullGroup;
                    continue;
                }
                long key = values[i & mask];
                if (key >>> 16 == 0) {
                    ids[i] = small == null ? -1 : small[(int) key] - 1;
                    continue;
                }
                int slot = hash(key) & cap;
                int id;
                while ((id = slotsId[slot]) >= 0 && slotsKey[slot] != key) {
                    slot = (slot + 1) & cap;
                }
                ids[i] = id;
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        private void grow() {
            long[] oldKeys = slotsKey;
            int[] oldIds = slotsId;
            slotsKey = new long[oldKeys.length * 2];
            slotsId = new int[oldKeys.length * 2];
            Arrays.fill(slotsId, -1);
            int cap = slotsKey.length - 1;
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldIds[s] >= 0) {
                    int slot = hash(oldKeys[s]) & cap;
                    while (slotsId[slot] >= 0) {
                        slot = (slot + 1) & cap;
                    }
                    slotsKey[slot] = oldKeys[s];
                    slotsId[slot] = oldIds[s];
                }
            }
        }
    }

    private static final class StringKey extends GroupTable {
        private final HashMap<Object, Integer> ids = new HashMap<>();

        StringKey(List<KqlType> keyTypes) {
            super(keyTypes);
        }

        @Override
        void assign(Vector[] keyValues, int rows, int[] out) {
            Vector v = keyValues[0];
            for (int i = 0; i < rows; i++) {
                Object key = v.getObject(i);
                Integer id = ids.get(key);
                if (id == null) {
                    id = newGroup(keyValues, i);
                    ids.put(key, id);
                }
                out[i] = id;
            }
        }

        @Override
        void find(Vector[] keyValues, int rows, int[] out) {
            Vector v = keyValues[0];
            for (int i = 0; i < rows; i++) {
                Integer id = ids.get(v.getObject(i));
                out[i] = id == null ? -1 : id;
            }
        }
    }

    private static final class General extends GroupTable {
        private final Map<List<Object>, Integer> ids = new HashMap<>();

        General(List<KqlType> keyTypes) {
            super(keyTypes);
        }

        @Override
        void assign(Vector[] keyValues, int rows, int[] out) {
            for (int i = 0; i < rows; i++) {
                List<Object> key = new ArrayList<>(keyValues.length);
                for (Vector v : keyValues) {
                    key.add(v.box(i));
                }
                Integer id = ids.get(key);
                if (id == null) {
                    id = newGroup(keyValues, i);
                    ids.put(key, id);
                }
                out[i] = id;
            }
        }

        @Override
        void find(Vector[] keyValues, int rows, int[] out) {
            List<Object> key = new ArrayList<>(keyValues.length);
            for (int i = 0; i < rows; i++) {
                key.clear();
                for (Vector v : keyValues) {
                    key.add(v.box(i));
                }
                Integer id = ids.get(key);
                out[i] = id == null ? -1 : id;
            }
        }
    }
}
