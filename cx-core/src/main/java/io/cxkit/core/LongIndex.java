package io.cxkit.core;

import java.util.Arrays;

/**
 * Dense indexes for {@code long} keys (packed tuples such as a Markov state of touchpoint ids, an
 * edge between two states, or a customer and a period): the first key seen gets index 0, the next
 * new key index 1, and so on. Finding or adding a key allocates nothing once the table has grown
 * (open addressing over an {@code int[]} of indexes, keys kept once in a {@code long[]}), so the
 * columnar analyses keep per-key state in parallel primitive arrays indexed by it. Every
 * {@code long} is a valid key.
 *
 * <pre>{@code
 * LongIndex ix = new LongIndex();
 * ix.indexOf(42L);   // 0
 * ix.indexOf(-7L);   // 1
 * ix.indexOf(42L);   // 0 again
 * ix.find(5L);       // -1: never added
 * ix.key(1);         // -7
 * }</pre>
 *
 * <p>Not thread-safe: one writer, or readers only after the last write. This is the long-keyed
 * sibling of {@link NameDictionary}.
 */
public final class LongIndex {
    private long[] keys = new long[8];
    private int[] table = new int[16]; // index + 1; 0 = empty
    private int size;

    /** An empty index. */
    public LongIndex() {
    }

    /**
     * The index of a key, adding it when it is new.
     *
     * @param key the key
     * @return its index, in [0, size())
     * @throws IllegalStateException if the index already holds 2<sup>30</sup> keys
     */
    public int indexOf(long key) {
        int mask = table.length - 1;
        for (int slot = hash(key) & mask;; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (i < 0) {
                return add(key, slot);
            }
            if (keys[i] == key) {
                return i;
            }
        }
    }

    /**
     * The index of a key, or −1 when it was never added.
     *
     * @param key the key
     * @return its index or −1
     */
    public int find(long key) {
        int mask = table.length - 1;
        for (int slot = hash(key) & mask;; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (i < 0) {
                return -1;
            }
            if (keys[i] == key) {
                return i;
            }
        }
    }

    /**
     * The key with the given index.
     *
     * @param index an index in [0, size())
     * @return the key
     * @throws IndexOutOfBoundsException if the index was never given out
     */
    public long key(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("key index must be in [0, " + size + "): " + index);
        }
        return keys[index];
    }

    /**
     * How many keys there are.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    private int add(long key, int slot) {
        if (size == 1 << 30) {
            throw new IllegalStateException("a long index holds at most 2^30 keys; " + key + " is one more");
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[size] = key;
        table[slot] = size + 1;
        size++;
        if (2 * size > table.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hash(keys[i]) & mask;
            while (t[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = i + 1;
        }
        table = t;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * Returns e.g. {@code LongIndex[3 keys]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "LongIndex[" + size + " keys]";
    }
}
