package io.cxkit.journey.paths;

import io.cxkit.core.QuantileSketch;
import java.util.Arrays;

/**
 * The edges of a {@link TransitionGraph}: an open-addressing hash table from a packed
 * {@code (from, to)} node pair to a dense edge index, with the edges' counts and time sketches in
 * parallel arrays. Memory is proportional to the edges that occurred (not to nodes²), and finding
 * or adding an edge allocates nothing once the table has grown to size.
 */
final class EdgeTable {
    private static final long EMPTY = -1L;
    private long[] slots = filled(16);
    private int[] slotEdge = new int[16];
    private long[] keys = new long[8];
    private long[] counts = new long[8];
    private QuantileSketch[] times = new QuantileSketch[8];
    private int size;

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    static long key(int from, int to) {
        return (long) from << 32 | (to & 0xFFFFFFFFL);
    }

    static int from(long key) {
        return (int) (key >>> 32);
    }

    static int to(long key) {
        return (int) key;
    }

    int size() {
        return size;
    }

    /** The index of edge {@code key}, or -1. */
    int find(long key) {
        int mask = slots.length - 1;
        for (int s = hash(key) & mask; ; s = (s + 1) & mask) {
            long k = slots[s];
            if (k == EMPTY) {
                return -1;
            }
            if (k == key) {
                return slotEdge[s];
            }
        }
    }

    /** The index of edge {@code key}, adding it with count 0 if new. */
    int index(long key) {
        int found = find(key);
        if (found >= 0) {
            return found;
        }
        if (size == keys.length) {
            int cap = keys.length * 2;
            keys = Arrays.copyOf(keys, cap);
            counts = Arrays.copyOf(counts, cap);
            times = Arrays.copyOf(times, cap);
        }
        if (2 * (size + 1) > slots.length) {
            rehash(slots.length * 2);
        }
        keys[size] = key;
        insert(key, size);
        return size++;
    }

    private void insert(long key, int edge) {
        int mask = slots.length - 1;
        int s = hash(key) & mask;
        while (slots[s] != EMPTY) {
            s = (s + 1) & mask;
        }
        slots[s] = key;
        slotEdge[s] = edge;
    }

    private void rehash(int n) {
        slots = filled(n);
        slotEdge = new int[n];
        for (int e = 0; e < size; e++) {
            insert(keys[e], e);
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    long key(int edge) {
        return keys[edge];
    }

    long count(int edge) {
        return counts[edge];
    }

    void add(int edge, long c) {
        counts[edge] += c;
    }

    QuantileSketch times(int edge) {
        return times[edge];
    }

    /** The edge's time sketch, created if it has none. */
    QuantileSketch timesOrNew(int edge) {
        QuantileSketch s = times[edge];
        if (s == null) {
            s = QuantileSketch.create();
            times[edge] = s;
        }
        return s;
    }

    void setTimes(int edge, QuantileSketch s) {
        times[edge] = s;
    }

    /** Edge indexes in (from, to) order: the order results and encodings list edges in. */
    int[] sorted() {
        Integer[] order = new Integer[size];
        for (int e = 0; e < size; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] out = new int[size];
        for (int e = 0; e < size; e++) {
            out[e] = order[e];
        }
        return out;
    }
}
