package io.cxkit.core;

import java.util.Arrays;
import java.util.List;

/**
 * Dense ids for names: the first name seen gets id 0, the next new name id 1, and so on. Lookups
 * of a known name allocate nothing (open addressing over an {@code int[]} of ids; names kept once).
 * This is the one string-to-id encoder of the library; columnar code stores ids and turns them back
 * into names only when it builds a result.
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
    private String[] names = new String[16];
    private int[] hashes = new int[16];
    private int[] table = new int[32]; // id + 1; 0 = empty
    private int size;

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
        int h = spread(name.hashCode());
        int mask = table.length - 1;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            int id = table[slot] - 1;
            if (id < 0) {
                return add(name, h, slot);
            }
            if (hashes[id] == h && names[id].equals(name)) {
                return id;
            }
        }
    }

    /**
     * The id of a name, or −1 when it was never added.
     *
     * @param name the name, not null
     * @return its id or −1
     * @throws NullPointerException if {@code name} is null
     */
    public int find(String name) {
        int h = spread(name.hashCode());
        int mask = table.length - 1;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            int id = table[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && names[id].equals(name)) {
                return id;
            }
        }
    }

    /**
     * The name with the given id.
     *
     * @param id an id in [0, size())
     * @return the name
     * @throws IndexOutOfBoundsException if the id was never given out
     */
    public String name(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("name id must be in [0, " + size + "): " + id);
        }
        return names[id];
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
        return List.of(Arrays.copyOf(names, size));
    }

    /**
     * The rank of every id when the names are sorted by {@link String#compareTo}: {@code rank[id]}
     * is the position of {@code name(id)} in sorted order.
     *
     * @return a new array of length {@link #size()}
     */
    public int[] sortedRanks() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        int[] rank = new int[size];
        for (int r = 0; r < size; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /**
     * Compares the names with ids {@code a} and {@code b} as {@link String#compareTo} does.
     *
     * @param a an id in [0, size())
     * @param b an id in [0, size())
     * @return negative, zero or positive as name a sorts before, with or after name b
     * @throws IndexOutOfBoundsException if an id was never given out
     */
    public int compare(int a, int b) {
        return name(a).compareTo(name(b));
    }

    /**
     * An estimate of the heap bytes this dictionary takes: its arrays (4 bytes an id slot for the
     * hash table at twice the names, 4 for each hash, a reference for each name) and the names
     * themselves (a {@code String} header of 24 bytes and its Latin-1 or UTF-16 characters with a
     * 16-byte array header, rounded up to 8 bytes each).
     *
     * @return the bytes
     */
    public long residentBytes() {
        long b = 16L + 4L * table.length + 16L + 4L * hashes.length + 16L + 4L * names.length;
        for (int i = 0; i < size; i++) {
            b += stringBytes(names[i]);
        }
        return b;
    }

    private static long stringBytes(String s) {
        boolean latin1 = true;
        for (int i = 0; i < s.length() && latin1; i++) {
            latin1 = s.charAt(i) < 256;
        }
        long chars = latin1 ? s.length() : 2L * s.length();
        return 24 + ((16 + chars + 7) & ~7L);
    }

    private int add(String name, int h, int slot) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        names[size] = name;
        hashes[size] = h;
        table[slot] = size + 1;
        int id = size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (t[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = id + 1;
        }
        table = t;
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
