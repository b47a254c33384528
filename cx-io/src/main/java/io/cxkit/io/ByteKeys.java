package io.cxkit.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A dictionary from byte strings to ids (open addressing, linear probing): lets a reader find the
 * id of a repeated value straight from its bytes in the input buffer, without making a String.
 * The first eight bytes of a key are kept as one {@code long}, so short keys (the usual segment
 * values) are hashed and compared in a few instructions.
 *
 * <p>Kept beside cx-core's {@link io.cxkit.core.NameDictionary} on purpose: that one is keyed by
 * {@code String}, and the point here is to make no String per row.
 */
final class ByteKeys {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private byte[][] keys = new byte[64][];
    private long[] heads = new long[64];
    private int[] lens = new int[64];
    private int[] ids = new int[64];
    private int used;

    /** The first min(len, 8) bytes of {@code b[off, off + len)} as a little-endian long, zero-padded. */
    private static long head(byte[] b, int off, int len) {
        if (len >= 8) {
            return (long) LONGS.get(b, off);
        }
        if (off + 8 <= b.length) {
            return (long) LONGS.get(b, off) & ((1L << (len << 3)) - 1);
        }
        long w = 0;
        for (int j = len - 1; j >= 0; j--) {
            w = (w << 8) | (b[off + j] & 0xFF);
        }
        return w;
    }

    private static int hash(byte[] b, int off, int len, long head) {
        long h = (head + len) * 0x9E3779B97F4A7C15L;
        for (int j = off + 8; j < off + len; j++) {
            h = (h + b[j]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h >>> 32);
    }

    /** The id of {@code b[off, off + len)}, or -1. */
    int find(byte[] b, int off, int len) {
        long head = head(b, off, len);
        int mask = keys.length - 1;
        int i = hash(b, off, len, head) & mask;
        int[] l = lens;
        long[] h = heads;
        int stored;
        while ((stored = l[i]) != 0) {
            if (h[i] == head && stored == len + 1 && (len <= 8 || same(keys[i], b, off, len))) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Adds {@code b[off, off + len)} with an id (the caller has checked it is not there). */
    void put(byte[] b, int off, int len, int id) {
        if ((used + 1) * 2 > keys.length) {
            byte[][] ok = keys;
            int[] oi = ids;
            keys = new byte[ok.length * 2][];
            heads = new long[ok.length * 2];
            lens = new int[ok.length * 2];
            ids = new int[ok.length * 2];
            used = 0;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] != null) {
                    insert(ok[j], oi[j]);
                }
            }
        }
        byte[] k = new byte[len];
        System.arraycopy(b, off, k, 0, len);
        insert(k, id);
    }

    int size() {
        return used;
    }

    private void insert(byte[] k, int id) {
        long head = head(k, 0, k.length);
        int mask = keys.length - 1;
        int i = hash(k, 0, k.length, head) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        lens[i] = k.length + 1; // 0 marks a free slot
        heads[i] = head;
        ids[i] = id;
        used++;
    }

    private static boolean same(byte[] k, byte[] b, int off, int len) {
        for (int j = 8; j < len; j++) {
            if (k[j] != b[off + j]) {
                return false;
            }
        }
        return true;
    }
}
