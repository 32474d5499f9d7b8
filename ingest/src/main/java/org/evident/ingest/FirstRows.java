package org.evident.ingest;

/**
 * Remembers the first row at which each key was seen, for duplicate checks over millions of
 * rows: keys are 64-bit hashes held in an open-addressing table of primitive longs, about 32
 * bytes a key instead of the hundred or so a HashMap of Strings takes.
 */
final class FirstRows {
    private static final long EMPTY = 0;
    private long[] keys = new long[1 << 10];
    private long[] rows = new long[1 << 10];
    private int size;

    /** Records {@code row} for {@code key} if it is new and returns 0; else returns the first row. */
    long putIfAbsent(String key, long row) {
        long hash = hash(key);
        int mask = keys.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == hash) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = hash;
        rows[i] = row;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldRows.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = (int) (oldKeys[j] ^ (oldKeys[j] >>> 32)) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                rows[i] = oldRows[j];
            }
        }
    }

    /**
     * A 64-bit hash of the key (FNV-1a over its characters, then mixed). Two different keys
     * sharing a hash would wrongly be called duplicates; at a million keys the chance of any such
     * pair is about 3 in 100 million. Zero is reserved for empty slots.
     */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
