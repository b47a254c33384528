package io.cxkit.core;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The immutable result of a {@link SegmentedAccumulator}: one result per segment, ordered by
 * {@link SegmentKey}.
 *
 * <p>Two segmented results are equal when they hold equal results for the same keys.
 *
 * <pre>{@code
 * SegmentedResult<NpsResult> r = byChannel.result();
 * r.get(SegmentKey.of("web"));          // throws if there is no such segment
 * r.find(SegmentKey.of("kiosk"));       // Optional.empty()
 * }</pre>
 *
 * @param <R> the per-segment result type
 */
public final class SegmentedResult<R> {

    private static final int PREVIEW = 5;

    private final SortedMap<SegmentKey, R> map;

    private SegmentedResult(SortedMap<SegmentKey, R> map) {
        this.map = map;
    }

    /**
     * Returns a result holding a sorted copy of {@code results}.
     *
     * @param <R> the per-segment result type
     * @param results segment key to result; no null keys or values
     * @return the segmented result
     * @throws NullPointerException if the map, a key or a value is null
     */
    public static <R> SegmentedResult<R> of(Map<SegmentKey, ? extends R> results) {
        Check.notNull(results, "results");
        TreeMap<SegmentKey, R> copy = new TreeMap<>();
        for (Map.Entry<SegmentKey, ? extends R> e : results.entrySet()) {
            SegmentKey key = Check.notNull(e.getKey(), "segment key");
            copy.put(key, Check.notNull(e.getValue(), "result for segment " + key));
        }
        return new SegmentedResult<>(Collections.unmodifiableSortedMap(copy));
    }

    /**
     * Returns the result of a segment.
     *
     * @param key the key, not null
     * @return the segment's result
     * @throws IllegalArgumentException if there is no such segment; the message lists some of the
     *     known keys
     */
    public R get(SegmentKey key) {
        Check.notNull(key, "segment key");
        R r = map.get(key);
        if (r == null) {
            throw new IllegalArgumentException("no segment " + key + " among " + map.size()
                    + (map.size() == 1 ? " segment" : " segments")
                    + (map.isEmpty() ? "" : ": " + preview(map.keySet(), PREVIEW)));
        }
        return r;
    }

    /**
     * Returns the result of a segment, if present.
     *
     * @param key the key, not null
     * @return the segment's result, or empty if there is no such segment
     */
    public Optional<R> find(SegmentKey key) {
        Check.notNull(key, "segment key");
        return Optional.ofNullable(map.get(key));
    }

    /**
     * Returns the segment keys in sort order.
     *
     * @return an unmodifiable list
     */
    public List<SegmentKey> keys() {
        return List.copyOf(map.keySet());
    }

    /**
     * Returns the results as a map sorted by key.
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<SegmentKey, R> asMap() {
        return map;
    }

    /**
     * Returns the number of segments.
     *
     * @return the size
     */
    public int size() {
        return map.size();
    }

    /**
     * Tells whether there are no segments.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return map.isEmpty();
    }

    static String preview(Collection<SegmentKey> keys, int max) {
        String shown = keys.stream().limit(max).map(SegmentKey::label).collect(Collectors.joining(", "));
        return keys.size() > max ? shown + ", ... (" + (keys.size() - max) + " more)" : shown;
    }

    /**
     * Tells whether {@code o} is a segmented result with equal keys and results.
     *
     * @param o the other object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentedResult<?> other && map.equals(other.map);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return map.hashCode();
    }

    /**
     * Returns one line per segment, e.g.
     * <pre>
     * SegmentedResult (2 segments)
     *   app: Counts[n=3]
     *   web: Counts[n=5]
     * </pre>
     *
     * @return a readable multi-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SegmentedResult (").append(map.size())
                .append(map.size() == 1 ? " segment)" : " segments)");
        map.forEach((k, v) -> sb.append(System.lineSeparator()).append("  ").append(k.label())
                .append(": ").append(v));
        return sb.toString();
    }
}
