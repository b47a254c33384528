package io.cxkit.journey.paths;

import java.util.Arrays;

/**
 * The counts of {@link PathVariants}: an open-addressing hash table from a path (a sequence of
 * touchpoint ids) to a count. The paths are stored once each, back to back in one {@code int[]};
 * finding or counting a path that is already there allocates nothing, and a new path costs its
 * length in ints (the arrays grow by doubling).
 */
final class PathTable {
    private int[] slots = new int[16]; // entry + 1; 0 = empty
    private int[] ids = new int[64]; // every path's ids, back to back
    private int used;
    private int[] start = new int[8];
    private int[] length = new int[8];
    private int[] hash = new int[8];
    private long[] count = new long[8];
    private int size;

    int size() {
        return size;
    }

    long count(int entry) {
        return count[entry];
    }

    int length(int entry) {
        return length[entry];
    }

    /** Id {@code i} of the entry's path. */
    int id(int entry, int i) {
        return ids[start[entry] + i];
    }

    /** Adds {@code c} to the count of path {@code p[from, to)}, adding the path if it is new. */
    void add(int[] p, int from, int to, long c) {
        int e = index(p, from, to); // before reading the field: index() may grow the arrays
        count[e] += c;
    }

    /** The entry of path {@code p[from, to)}, or -1. */
    int find(int[] p, int from, int to) {
        int h = hashOf(p, from, to);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) {
                return -1;
            }
            if (hash[e] == h && same(e, p, from, to)) {
                return e;
            }
        }
    }

    private int index(int[] p, int from, int to) {
        int found = find(p, from, to);
        if (found >= 0) {
            return found;
        }
        int n = to - from;
        if (used + n > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(used + n, ids.length * 2));
        }
        System.arraycopy(p, from, ids, used, n);
        if (size == count.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            length = Arrays.copyOf(length, cap);
            hash = Arrays.copyOf(hash, cap);
            count = Arrays.copyOf(count, cap);
        }
        start[size] = used;
        length[size] = n;
        hash[size] = hashOf(p, from, to);
        used += n;
        if (2 * (size + 1) > slots.length) {
            rehash(slots.length * 2);
        }
        insert(size);
        return size++;
    }

    private boolean same(int e, int[] p, int from, int to) {
        return length[e] == to - from && Arrays.equals(ids, start[e], start[e] + length[e], p, from, to);
    }

    private void insert(int e) {
        int mask = slots.length - 1;
        int s = hash[e] & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = e + 1;
    }

    private void rehash(int n) {
        slots = new int[n];
        for (int e = 0; e < size; e++) {
            insert(e);
        }
    }

    private static int hashOf(int[] p, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = h * 0x9E3779B9 + p[i];
        }
        return h ^ (h >>> 16);
    }
}
