package io.cxkit.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Dense ids for names: the first name seen gets id 0, the next new name id 1, and so on. Lookups
 * of a known ASCII name allocate nothing (open addressing over an {@code int[]} of ids, the names
 * compared in place; a name with other characters is decoded to compare). A name can also be
 * looked up by its UTF-8 bytes ({@link #idOf(byte[], int, int)}: the hash is over the UTF-8 bytes
 * either way, so a reader finds ids straight from its input buffer). This is the one
 * string-to-id encoder of the library; columnar code stores ids and turns them back into names
 * only when it builds a result; {@link #sort} orders ids by name without pairwise comparisons.
 *
 * <p>Footprint: the names are kept once, as UTF-8 in one byte array, with an offset and a hash
 * (8 bytes) and 1⅓ to 2⅔ table slots of 16 bytes each per name (a part of the hash, the length,
 * the id and the first eight bytes: a lookup of a name of up to eight bytes by its bytes reads one
 * cache line; at most three quarters of the slots are used): about {@code utf8Length + 30} to
 * {@code + 51} bytes a name, e.g. 38 to 59 bytes for an 8-character customer id, against about
 * 64 for a {@code HashMap<String, Integer>} entry plus its {@code String}. {@link #residentBytes()} tells the total. The price is that
 * {@link #name(int)} decodes a new {@code String} on every call: hot loops compare ids, not names.
 *
 * <pre>{@code
 * NameDictionary d = new NameDictionary();
 * int web = d.idOf("web");      // 0
 * d.idOf("email");              // 1
 * d.idOf("web");                // 0 again
 * d.name(1);                    // "email"
 * d.find("phone");              // -1: never added
 * }</pre>
 *
 * <p>Not thread-safe: one writer, or readers only after the last write.
 */
public final class NameDictionary {
    /** Ints per id in {@code meta}. */
    static final int STRIDE = 2;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private byte[] bytes = new byte[64]; // the names' UTF-8, one after another
    // per id: meta[2 id] = where the name starts (and where name id - 1 ends), meta[2 id + 1] = its hash
    private int[] meta = new int[STRIDE * 16 + STRIDE];
    // two longs a slot, so that a lookup by bytes of a name of up to eight bytes reads one cache
    // line: table[2 s] = the top 24 bits of the hash, the length (at most 255) and id + 1 (0 = empty
    // slot), table[2 s + 1] = the name's first eight bytes (little-endian, zero-padded)
    private long[] table = new long[64];
    private int size;
    private boolean ascii = true;

    /** An empty dictionary. */
    public NameDictionary() {
    }

    /**
     * The id of a name, adding it when it is new.
     *
     * @param name the name, not null
     * @return its id, in [0, size())
     * @throws NullPointerException if {@code name} is null
     */
    public int idOf(String name) {
        int h = hash(name);
        int mask = (table.length >>> 1) - 1;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            long entry = table[2 * slot];
            int id = (int) entry - 1;
            if (id < 0) {
                return add(name, h, slot);
            }
            if (entry >>> 40 == h >>> 8 && meta[STRIDE * id + 1] == h && equalsAt(id, name)) {
                return id;
            }
        }
    }

    /**
     * The id of the name whose UTF-8 encoding is {@code utf8[offset, offset + length)}, adding it
     * when it is new: the same id {@link #idOf(String)} gives the decoded name. A reader can look
     * names up straight from its input buffer this way, without making a {@code String}.
     *
     * @param utf8 the bytes, not null
     * @param offset where the name starts
     * @param length how many bytes it takes
     * @return its id, in [0, size())
     * @throws NullPointerException if {@code utf8} is null
     * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
     * @throws IllegalArgumentException if a new name's bytes are not valid UTF-8
     */
    public int idOf(byte[] utf8, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, Check.notNull(utf8, "utf8").length);
        int h = hash(utf8, offset, length);
        int slot = slot(utf8, offset, length, h);
        int id = (int) table[2 * slot] - 1;
        return id >= 0 ? id : add(utf8, offset, length, h, slot);
    }

    /**
     * The id of the name whose UTF-8 encoding is {@code utf8[offset, offset + length)}, or −1 when it
     * was never added: the id {@link #find(String)} gives the decoded name.
     *
     * @param utf8 the bytes, not null
     * @param offset where the name starts
     * @param length how many bytes it takes
     * @return its id or −1
     * @throws NullPointerException if {@code utf8} is null
     * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
     */
    public int find(byte[] utf8, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, Check.notNull(utf8, "utf8").length);
        return (int) table[2 * slot(utf8, offset, length, hash(utf8, offset, length))] - 1;
    }

    /** The table slot holding the name of these bytes, or the empty slot where it would go. */
    private int slot(byte[] utf8, int offset, int length, int h) {
        int mask = (table.length >>> 1) - 1;
        long head = head(utf8, offset, length);
        long key = fragment(h, length);
        long[] t = table;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            long entry = t[2 * slot];
            if (entry == 0) {
                return slot;
            }
            if ((entry & 0xFFFF_FFFF_0000_0000L) == key && t[2 * slot + 1] == head) {
                if (length <= 8) {
                    return slot; // same length, same bytes
                }
                int m = STRIDE * ((int) entry - 1);
                if (meta[m + STRIDE] - meta[m] == length && Arrays.equals(bytes, meta[m] + 8, meta[m + STRIDE],
                        utf8, offset + 8, offset + length)) {
                    return slot;
                }
            }
        }
    }

    /** The upper half of a table entry: the hash's top 24 bits and the length (at most 255). */
    private static long fragment(int h, int length) {
        return (long) (h >>> 8) << 40 | (long) Math.min(length, 255) << 32;
    }

    /** The first min(length, 8) bytes as a little-endian long, zero-padded. */
    private static long head(byte[] b, int offset, int length) {
        if (length >= 8) {
            return (long) LONGS.get(b, offset);
        }
        long w = 0;
        for (int j = length - 1; j >= 0; j--) {
            w = (w << 8) | (b[offset + j] & 0xFF);
        }
        return w;
    }

    /**
     * The id of a name, or −1 when it was never added.
     *
     * @param name the name, not null
     * @return its id or −1
     * @throws NullPointerException if {@code name} is null
     */
    public int find(String name) {
        int h = hash(name);
        int mask = (table.length >>> 1) - 1;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            long entry = table[2 * slot];
            int id = (int) entry - 1;
            if (id < 0) {
                return -1;
            }
            if (entry >>> 40 == h >>> 8 && meta[STRIDE * id + 1] == h && equalsAt(id, name)) {
                return id;
            }
        }
    }

    /** Whether the stored UTF-8 of {@code id} encodes {@code name}, compared without decoding. */
    private boolean equalsAt(int id, String name) {
        int p = meta[STRIDE * id];
        int end = meta[STRIDE * id + STRIDE];
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < 0x80) {
                if (p >= end || bytes[p++] != c) {
                    return false;
                }
            } else {
                return new String(bytes, meta[STRIDE * id], end - meta[STRIDE * id], StandardCharsets.UTF_8)
                        .equals(name);
            }
        }
        return p == end;
    }

    /**
     * The name with the given id (decoded anew on every call).
     *
     * @param id an id in [0, size())
     * @return the name
     * @throws IndexOutOfBoundsException if the id was never given out
     */
    public String name(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("name id must be in [0, " + size + "): " + id);
        }
        return new String(bytes, meta[STRIDE * id], meta[STRIDE * id + STRIDE] - meta[STRIDE * id],
                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * How many names there are.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * The names in id order.
     *
     * @return an unmodifiable copy
     */
    public List<String> names() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = name(i);
        }
        return List.of(out);
    }

    /**
     * Compares the names with ids {@code a} and {@code b} as {@link String#compareTo} compares them
     * (UTF-16 code units), on the stored bytes without decoding.
     *
     * @param a an id in [0, size())
     * @param b an id in [0, size())
     * @return negative, zero or positive as name a sorts before, with or after name b
     * @throws IndexOutOfBoundsException if an id was never given out
     */
    public int compare(int a, int b) {
        if (a < 0 || a >= size || b < 0 || b >= size) {
            throw new IndexOutOfBoundsException("name ids must be in [0, " + size + "): " + a + ", " + b);
        }
        int pa = meta[STRIDE * a];
        int ea = meta[STRIDE * a + STRIDE];
        int pb = meta[STRIDE * b];
        int eb = meta[STRIDE * b + STRIDE];
        for (; pa < ea && pb < eb; pa++, pb++) {
            int x = bytes[pa] & 0xFF;
            int y = bytes[pb] & 0xFF;
            if (x != y) {
                // UTF-8 bytes sort by code point; UTF-16 puts U+E000..U+FFFF (lead bytes EE, EF) after
                // the supplementary characters (lead bytes F0..F4), which are surrogates below them
                boolean swap = (x >= 0xEE && x <= 0xEF && y >= 0xF0) || (y >= 0xEE && y <= 0xEF && x >= 0xF0);
                return swap ? y - x : x - y;
            }
        }
        return Integer.compare(ea - pa, eb - pb); // the one that goes on sorts after its prefix
    }

    /**
     * The rank of every id when the names are sorted by {@link String#compareTo}: {@code rank[id]}
     * is the position of {@code name(id)} in sorted order.
     *
     * @return a new array of length {@link #size()}
     */
    public int[] sortedRanks() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        sort(order, 0, size);
        int[] rank = new int[size];
        for (int r = 0; r < size; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /**
     * Sorts {@code ids[from, to)} by their names in the order of {@link #compare} (that is, of
     * {@link String#compareTo}), without comparing names one pair at a time: a radix sort on eight
     * bytes of the names at a time (about 1 second for ten million names done pairwise, some 0.1 s
     * this way).
     *
     * @param ids distinct ids in [0, size())
     * @param from first position, inclusive
     * @param to last position, exclusive
     * @throws NullPointerException if {@code ids} is null
     * @throws IndexOutOfBoundsException if the range is not within {@code ids} or an id was never
     *         given out
     */
    public void sort(int[] ids, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, Check.notNull(ids, "ids").length);
        for (int i = from; i < to; i++) {
            if (ids[i] < 0 || ids[i] >= size) {
                throw new IndexOutOfBoundsException("name ids must be in [0, " + size + "): " + ids[i]);
            }
        }
        new NameSort(bytes, meta).sort(ids, from, to);
    }

    /**
     * The heap bytes this dictionary takes: its arrays (the names' UTF-8, and per name an offset, a
     * hash and 1⅓ to 2⅔ hash-table slots of 16 bytes), with 16 bytes of header each.
     *
     * @return the bytes
     */
    public long residentBytes() {
        return 16L * 3 + bytes.length + 4L * meta.length + 8L * table.length;
    }

    private int add(String name, int h, int slot) {
        int len = name.length();
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                return add(utf8, 0, utf8.length, h, slot);
            }
        }
        int start = room(len);
        for (int i = 0; i < len; i++) {
            bytes[start + i] = (byte) name.charAt(i);
        }
        return added(start + len, h, slot);
    }

    private int add(byte[] utf8, int offset, int len, int h, int slot) {
        for (int i = offset; i < offset + len; i++) {
            if (utf8[i] < 0) {
                requireUtf8(utf8, offset, len);
                ascii = false;
                break;
            }
        }
        int start = room(len);
        System.arraycopy(utf8, offset, bytes, start, len);
        return added(start + len, h, slot);
    }

    private static void requireUtf8(byte[] utf8, int offset, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(utf8, offset, len));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("name must be valid UTF-8: " + len + " bytes at offset " + offset
                    + " are not (" + e + ")", e);
        }
    }

    /** Makes room for a new name of {@code len} bytes and returns where it starts. */
    private int room(int len) {
        if (STRIDE * size + STRIDE == meta.length) {
            meta = Arrays.copyOf(meta, 2 * STRIDE * size + STRIDE);
        }
        int start = meta[STRIDE * size];
        if (start + len > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, (long) start + len);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a name dictionary holds at most 2 GiB of names: " + size
                        + " names take " + start + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
        return start;
    }

    /** Records the name just copied to end at {@code end} under {@code slot}. */
    private int added(int end, int h, int slot) {
        int m = STRIDE * size;
        int len = end - meta[m];
        meta[m + STRIDE] = end;
        meta[m + 1] = h;
        table[2 * slot] = fragment(h, len) | (size + 1);
        table[2 * slot + 1] = head(bytes, meta[m], len);
        int id = size++;
        if (4L * size > 3L * (table.length >>> 1)) { // at most three quarters of the slots in use
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] t = new long[table.length * 2];
        int mask = (t.length >>> 1) - 1;
        for (int old = 0; old < table.length; old += 2) {
            long entry = table[old];
            if (entry != 0) {
                int slot = meta[STRIDE * ((int) entry - 1) + 1] & mask;
                while (t[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                t[2 * slot] = entry;
                t[2 * slot + 1] = table[old + 1];
            }
        }
        table = t;
    }

    /**
     * The hash of a name's UTF-8 bytes ({@code 31 * h + byte}, spread): for an ASCII name the same
     * arithmetic as {@link String#hashCode()}, so a name hashes alike as a String and as bytes.
     */
    private static int hash(String name) {
        int h = 0;
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                return hash(utf8, 0, utf8.length);
            }
            h = 31 * h + c;
        }
        return spread(h);
    }

    private static int hash(byte[] b, int offset, int length) {
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + (b[i] & 0xFF);
        }
        return spread(h);
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    /**
     * Returns e.g. {@code NameDictionary[3 names]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "NameDictionary[" + size + " names]";
    }
}
