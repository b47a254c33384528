package io.cxkit.core;

/**
 * Sorts the ids of a {@link NameDictionary} by their names (the order of
 * {@link NameDictionary#compare}) with a most-significant-first radix sort over eight bytes of the
 * names at a time: each window of eight bytes (zero-padded past a name's end) is one unsigned
 * {@code long} key, the keys are sorted by a least-significant-first radix sort on their bytes
 * (passes over bytes that all keys share are skipped), and each run of equal keys is sorted on by
 * the next window. Within a run of equal keys the names that end inside the window are prefixes
 * of the others, so they come first, shorter first. Bytes are mapped so that the keys order as
 * {@code String.compareTo} does: UTF-16 puts the characters U+E000–U+FFFF (UTF-8 lead bytes EE
 * and EF) after the supplementary ones (lead bytes F0–F4).
 */
final class NameSort {
    /** Below this many ids a run is sorted by insertion on its keys. */
    private static final int SMALL = 48;
    private final byte[] bytes;
    /** The dictionary's per-id ints: name {@code id} starts at {@code meta[STRIDE id]}, ends at {@code meta[STRIDE (id + 1)]}. */
    private final int[] meta;
    private long[] keys = new long[0];
    private long[] keyScratch = new long[0];
    private int[] idScratch = new int[0];
    private int[] idScratch2 = new int[0];

    NameSort(byte[] bytes, int[] meta) {
        this.bytes = bytes;
        this.meta = meta;
    }

    /** Sorts {@code ids[from, to)}, distinct valid ids. */
    void sort(int[] ids, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        keys = new long[n];
        keyScratch = new long[n];
        idScratch = new int[n];
        idScratch2 = new int[n];
        sortWindow(ids, from, to, 0);
    }

    /** Sorts {@code ids[from, to)}, whose names agree on the first {@code 8 * window} bytes. */
    private void sortWindow(int[] ids, int from, int to, int window) {
        int at = 8 * window;
        int n = to - from;
        long[] k = keys;
        for (int i = 0; i < n; i++) {
            k[i] = key(ids[from + i], at);
        }
        if (n <= SMALL) {
            insertion(ids, from, n);
        } else {
            radix(ids, from, n);
        }
        // runs of equal keys: the names ending in this window first (by length), then the next window
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && keys[j] == keys[i]) {
                j++;
            }
            if (j - i > 1) {
                // the next window's keys go to keys[0, j - i), which this loop has passed
                int ended = byLength(ids, from + i, from + j, at + 8);
                if (j - i - ended > 1) {
                    sortWindow(ids, from + i + ended, from + j, window + 1);
                }
            }
            i = j;
        }
    }

    /**
     * Orders {@code ids[from, to)} (equal keys) as: names no longer than {@code end} bytes by
     * length, then the longer names in their current order; returns how many are no longer.
     */
    private int byLength(int[] ids, int from, int to, int end) {
        int shorter = 0;
        for (int i = from; i < to; i++) {
            if (length(ids[i]) <= end) {
                shorter++;
            }
        }
        if (shorter == 0) {
            return 0;
        }
        int[] s = new int[to - from];
        int a = 0;
        int b = shorter;
        for (int i = from; i < to; i++) {
            if (length(ids[i]) <= end) {
                s[a++] = ids[i];
            } else {
                s[b++] = ids[i];
            }
        }
        for (int i = 1; i < shorter; i++) { // at most nine: one per length within the window
            int p = s[i];
            int j = i - 1;
            while (j >= 0 && length(s[j]) > length(p)) {
                s[j + 1] = s[j];
                j--;
            }
            s[j + 1] = p;
        }
        System.arraycopy(s, 0, ids, from, s.length);
        return shorter;
    }

    private int length(int id) {
        return meta[NameDictionary.STRIDE * (id + 1)] - meta[NameDictionary.STRIDE * id];
    }

    /** The eight bytes of name {@code id} from byte {@code at} (zero past its end), mapped, big-endian. */
    private long key(int id, int at) {
        int p = meta[NameDictionary.STRIDE * id] + at;
        int end = meta[NameDictionary.STRIDE * (id + 1)];
        long k = 0;
        for (int i = 0; i < 8; i++, p++) {
            k = (k << 8) | (p < end ? map(bytes[p] & 0xFF) : 0);
        }
        return k;
    }

    /** The byte's place in UTF-16 order: lead bytes F0–F4 before EE and EF. */
    private static int map(int b) {
        if (b < 0xEE || b > 0xF4) {
            return b;
        }
        return b <= 0xEF ? b + 5 : b - 2; // EE, EF -> F3, F4; F0..F4 -> EE..F2
    }

    private void insertion(int[] ids, int from, int n) {
        long[] k = keys;
        for (int i = 1; i < n; i++) {
            long key = k[i];
            int id = ids[from + i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(k[j], key) > 0) {
                k[j + 1] = k[j];
                ids[from + j + 1] = ids[from + j];
                j--;
            }
            k[j + 1] = key;
            ids[from + j + 1] = id;
        }
    }

    /** Least-significant-byte-first radix sort of keys[0, n) with ids[from, from + n) beside them. */
    private void radix(int[] ids, int from, int n) {
        int[][] counts = new int[8][256];
        long[] k = keys;
        for (int i = 0; i < n; i++) {
            long x = k[i];
            for (int d = 0; d < 8; d++) {
                counts[d][(int) (x >>> (8 * d)) & 0xFF]++;
            }
        }
        long[] srcK = k;
        long[] dstK = keyScratch;
        int[] srcI = idScratch;
        System.arraycopy(ids, from, srcI, 0, n);
        int[] dstI = idScratch2;
        for (int d = 0; d < 8; d++) {
            int[] c = counts[d];
            int first = (int) (srcK[0] >>> (8 * d)) & 0xFF;
            if (c[first] == n) {
                continue; // every key has this byte
            }
            int sum = 0;
            for (int v = 0; v < 256; v++) {
                int t = c[v];
                c[v] = sum;
                sum += t;
            }
            for (int i = 0; i < n; i++) {
                long x = srcK[i];
                int pos = c[(int) (x >>> (8 * d)) & 0xFF]++;
                dstK[pos] = x;
                dstI[pos] = srcI[i];
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            int[] ti = srcI;
            srcI = dstI;
            dstI = ti;
        }
        if (srcK != k) {
            System.arraycopy(srcK, 0, k, 0, n);
        }
        System.arraycopy(srcI, 0, ids, from, n);
    }
}
