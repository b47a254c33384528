package io.cxkit.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary-encodes segment keys as dense {@code int} ids {@code 0..size()-1}, in the order the
 * keys are first seen, so that per-segment state can live in arrays indexed by id.
 *
 * <p>Encode each distinct key once ({@link #idOf(SegmentKey)}) and use the id on the hot path.
 * Mutable and not thread-safe; ids are never reused or reordered. Single names (touchpoints,
 * channels, customers) go through {@link NameDictionary} instead; this one exists for keys of
 * several parts, which a joined string could not tell apart from a name containing the separator.
 */
public final class SegmentDictionary {

    private final Map<SegmentKey, Integer> ids = new HashMap<>();
    private final List<SegmentKey> keys = new ArrayList<>();

    /** Creates an empty dictionary. */
    public SegmentDictionary() {
    }

    /**
     * Returns the id of a key, adding the key with the next free id if it is new.
     *
     * @param key the key, not null
     * @return its id, in {@code [0, size())} after the call
     */
    public int idOf(SegmentKey key) {
        Check.notNull(key, "segment key");
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        int next = keys.size();
        ids.put(key, next);
        keys.add(key);
        return next;
    }

    /**
     * Returns the id of a key without adding it.
     *
     * @param key the key, not null
     * @return its id, or {@code -1} if the key is not in the dictionary
     */
    public int find(SegmentKey key) {
        Check.notNull(key, "segment key");
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    /**
     * Returns the key with an id.
     *
     * @param id the id
     * @return the key
     * @throws IllegalArgumentException if {@code id} is not in {@code [0, size())}
     */
    public SegmentKey keyOf(int id) {
        checkId(id, keys.size());
        return keys.get(id);
    }

    /**
     * Returns the number of keys.
     *
     * @return the size
     */
    public int size() {
        return keys.size();
    }

    /**
     * Returns the keys in id order.
     *
     * @return an unmodifiable snapshot; element {@code i} has id {@code i}
     */
    public List<SegmentKey> keys() {
        return List.copyOf(keys);
    }

    static void checkId(int id, int size) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("segment id must be in [0, " + size + "): " + id
                    + (size == 0 ? " (no segments yet)" : ""));
        }
    }

    /**
     * Returns e.g. {@code SegmentDictionary[3 keys: web, app, email]}, listing at most 10 keys.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "SegmentDictionary[" + keys.size() + (keys.size() == 1 ? " key" : " keys")
                + (keys.isEmpty() ? "" : ": " + SegmentedResult.preview(keys, 10)) + "]";
    }
}
