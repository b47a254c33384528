package io.cxkit.io;

/**
 * A dictionary from byte strings to ids (open addressing, linear probing): lets a reader find the
 * id of a repeated value straight from its bytes in the input buffer, without making a String.
 */
final class ByteKeys {
    private byte[][] keys = new byte[64][];
    private int[] ids = new int[64];
    private int[] hashes = new int[64];
    private int used;

    static int hash(byte[] b, int off, int len) {
        int h = 1;
        for (int j = off, e = off + len; j < e; j++) {
            h = 31 * h + b[j];
        }
        return h ^ (h >>> 16);
    }

    /** The id of {@code b[off, off + len)}, or -1. */
    int find(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = keys.length - 1;
        int i = h & mask;
        byte[] k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == h && same(k, b, off, len)) {
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
            int[] oh = hashes;
            keys = new byte[ok.length * 2][];
            ids = new int[ok.length * 2];
            hashes = new int[ok.length * 2];
            used = 0;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] != null) {
                    insert(ok[j], oh[j], oi[j]);
                }
            }
        }
        byte[] k = new byte[len];
        System.arraycopy(b, off, k, 0, len);
        insert(k, hash(b, off, len), id);
    }

    int size() {
        return used;
    }

    private void insert(byte[] k, int h, int id) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        hashes[i] = h;
        ids[i] = id;
        used++;
    }

    private static boolean same(byte[] k, byte[] b, int off, int len) {
        if (k.length != len) {
            return false;
        }
        for (int j = 0; j < len; j++) {
            if (k[j] != b[off + j]) {
                return false;
            }
        }
        return true;
    }
}
