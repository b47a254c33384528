package io.cxkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An accumulator per segment: a map from {@link SegmentKey} to accumulators of one configuration,
 * itself an {@link Accumulator} that combines, reads out and encodes like any other.
 *
 * <p>Each new segment gets an empty copy of the prototype ({@link Accumulator#emptyCopy()}). For
 * the hot path, encode each distinct key once with {@link #idOf(SegmentKey)} and then address the
 * segment by its dense id with {@link #segment(int)}; ids are {@code 0..size()-1} in first-seen
 * order. Memory is bounded by the number of segments, not the number of observations.
 *
 * <pre>{@code
 * SegmentedAccumulator<NetPromoterScore, NpsResult> byChannel =
 *     SegmentedAccumulator.of(NetPromoterScore.create());
 * int web = byChannel.idOf(SegmentKey.of("web"));
 * for (...) byChannel.segment(web).accept(score);
 * SegmentedResult<NpsResult> r = byChannel.result();
 * }</pre>
 *
 * <p><b>Compatibility.</b> Two segmented accumulators combine when their prototypes do.
 * {@link #combine(SegmentedAccumulator)} checks this before changing anything, by requiring the
 * same prototype class and then combining an empty copy of the other's prototype into an empty copy
 * of this one's; that throws if the configurations differ, and touches neither accumulator. All
 * segments are made from their accumulator's prototype, so once the prototypes agree every
 * per-segment combine does too, provided the wrapped accumulator's compatibility depends on its
 * configuration only (as the {@link Accumulator} contract requires).
 *
 * <p>Not thread-safe: give each thread its own and combine them.
 *
 * @param <A> the per-segment accumulator type
 * @param <R> the per-segment result type
 */
public final class SegmentedAccumulator<A extends Accumulator<A, R>, R>
        implements Accumulator<SegmentedAccumulator<A, R>, SegmentedResult<R>> {

    /** The type name written by {@link #encode()}. */
    public static final String TYPE = "segmented";
    private static final int PAYLOAD_VERSION = 1;

    private final A prototype;
    private final SegmentDictionary dictionary = new SegmentDictionary();
    private final List<A> segments = new ArrayList<>();

    private SegmentedAccumulator(A prototype) {
        this.prototype = prototype;
    }

    /**
     * Returns an empty segmented accumulator whose segments are empty copies of
     * {@code prototype}. The prototype's own state is ignored and the prototype is not retained.
     *
     * @param <A> the per-segment accumulator type
     * @param <R> the per-segment result type
     * @param prototype an accumulator with the configuration every segment should have; not null
     * @return a new segmented accumulator with no segments
     */
    public static <A extends Accumulator<A, R>, R> SegmentedAccumulator<A, R> of(A prototype) {
        Check.notNull(prototype, "prototype");
        return new SegmentedAccumulator<>(prototype.emptyCopy());
    }

    /**
     * Returns the dense id of a segment, creating the (empty) segment if it is new.
     *
     * @param key the segment key, not null
     * @return the id, in {@code [0, size())}
     */
    public int idOf(SegmentKey key) {
        int id = dictionary.idOf(key);
        if (id == segments.size()) {
            segments.add(prototype.emptyCopy());
        }
        return id;
    }

    /**
     * Returns the accumulator of a segment, creating it if it is new. The accumulator is live:
     * observations given to it count in this segmented accumulator.
     *
     * @param key the segment key, not null
     * @return the segment's accumulator
     */
    public A segment(SegmentKey key) {
        return segments.get(idOf(key));
    }

    /**
     * Returns the accumulator of a segment by its dense id (see {@link #idOf(SegmentKey)}).
     *
     * @param id the segment id
     * @return the segment's live accumulator
     * @throws IllegalArgumentException if {@code id} is not in {@code [0, size())}
     */
    public A segment(int id) {
        SegmentDictionary.checkId(id, segments.size());
        return segments.get(id);
    }

    /**
     * Returns the key of a segment id.
     *
     * @param id the segment id
     * @return the key
     * @throws IllegalArgumentException if {@code id} is not in {@code [0, size())}
     */
    public SegmentKey keyOf(int id) {
        return dictionary.keyOf(id);
    }

    /**
     * Returns the number of segments.
     *
     * @return the size
     */
    public int size() {
        return segments.size();
    }

    /**
     * Returns the segment keys in id order.
     *
     * @return an unmodifiable snapshot; element {@code i} has id {@code i}
     */
    public List<SegmentKey> keys() {
        return dictionary.keys();
    }

    /**
     * Merges every segment of {@code other} into the segment with the same key here, creating
     * segments as needed. The other accumulator's ids are remapped through this accumulator's
     * dictionary, so the two need not have seen keys in the same order. Combining an accumulator
     * with itself doubles it. Compatibility is checked first, as described in the class comment.
     *
     * @param other a segmented accumulator with a compatible prototype; not changed
     * @return this accumulator
     * @throws IllegalArgumentException if the prototypes are incompatible; nothing has changed
     */
    @Override
    public SegmentedAccumulator<A, R> combine(SegmentedAccumulator<A, R> other) {
        Check.notNull(other, "other");
        checkCompatible(other);
        SegmentedAccumulator<A, R> source = other == this ? copy() : other;
        // Merge copies first, so that a segment refusing to overflow leaves this unchanged (and the
        // live segment accumulators handed out by segment() stay the ones that are merged into).
        for (int i = 0; i < source.segments.size(); i++) {
            int mine = dictionary.find(source.dictionary.keyOf(i));
            if (mine >= 0) {
                segments.get(mine).copy().combine(source.segments.get(i));
            }
        }
        for (int i = 0; i < source.segments.size(); i++) {
            segment(source.dictionary.keyOf(i)).combine(source.segments.get(i));
        }
        return this;
    }

    /**
     * Rolls segments up to coarser keys: every segment goes to the segment {@code coarser} maps
     * its key to, and segments that map to the same key are combined (e.g. drop the period with
     * {@code k -> k.select(0)}, or everything with {@code k -> SegmentKey.overall()}). The result
     * equals an accumulator fed directly with the coarser keys. This accumulator is not changed.
     *
     * @param coarser maps a key to its roll-up key; not null, and never returning null
     * @return a new segmented accumulator with the same prototype
     * @throws NullPointerException if {@code coarser} returns null (the message names the key)
     */
    public SegmentedAccumulator<A, R> rollUp(java.util.function.UnaryOperator<SegmentKey> coarser) {
        Check.notNull(coarser, "coarser");
        SegmentedAccumulator<A, R> out = emptyCopy();
        for (int i = 0; i < segments.size(); i++) {
            SegmentKey key = dictionary.keyOf(i);
            out.segment(Check.notNull(coarser.apply(key), "roll-up key of " + key)).combine(segments.get(i));
        }
        return out;
    }

    private void checkCompatible(SegmentedAccumulator<A, R> other) {
        Class<?> mine = prototype.getClass();
        Class<?> theirs = other.prototype.getClass();
        if (mine != theirs) {
            throw new IncompatibleAccumulatorException("cannot combine segmented accumulators of "
                    + mine.getSimpleName() + " and " + theirs.getSimpleName());
        }
        try {
            prototype.emptyCopy().combine(other.prototype.emptyCopy());
        } catch (IllegalArgumentException e) {
            throw new IncompatibleAccumulatorException(
                    "cannot combine segmented accumulators: incompatible segments: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a snapshot of every segment's result, sorted by key.
     *
     * @return the segmented result; empty if there are no segments
     */
    @Override
    public SegmentedResult<R> result() {
        Map<SegmentKey, R> results = new TreeMap<>();
        for (int i = 0; i < segments.size(); i++) {
            results.put(dictionary.keyOf(i), segments.get(i).result());
        }
        return SegmentedResult.of(results);
    }

    /**
     * Returns an empty segmented accumulator with the same prototype configuration and no
     * segments.
     *
     * @return a new, empty accumulator
     */
    @Override
    public SegmentedAccumulator<A, R> emptyCopy() {
        return new SegmentedAccumulator<>(prototype.emptyCopy());
    }

    /**
     * Encodes as type {@value #TYPE}, payload version 1: the prototype's own encoding (so that an
     * accumulator without segments still knows its configuration), the segment count, then per
     * segment in id order the number of key parts, each part, and the segment accumulator's own
     * {@link Accumulator#encode()} bytes.
     *
     * @return the encoded bytes
     */
    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, PAYLOAD_VERSION).putBytes(prototype.encode())
                .putInt(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            List<String> parts = dictionary.keyOf(i).parts();
            w.putInt(parts.size());
            for (String p : parts) {
                w.putString(p);
            }
            w.putBytes(segments.get(i).encode());
        }
        return w.toBytes();
    }

    /**
     * Decodes what {@link #encode()} wrote from the bytes alone: the prototype and every segment
     * are decoded by the type named in their own header, through the {@link AccumulatorCodec}s on
     * the class path ({@link AccumulatorCodec#decodeAny(byte[])}). When the per-segment type is
     * known, {@link #decode(byte[], Function)} gives the typed accumulator.
     *
     * @param bytes the encoded bytes, not null
     * @return the decoded accumulator, segment ids preserved
     * @throws IllegalArgumentException if the bytes are not a well-formed segmented encoding, a
     *     segment's type is not the prototype's or not known on the class path, or a segment is
     *     invalid (see {@link #decode(byte[], Function)})
     */
    public static SegmentedAccumulator<?, ?> decode(byte[] bytes) {
        return decodeAny(bytes);
    }

    @SuppressWarnings("unchecked")
    private static <A extends Accumulator<A, R>, R> SegmentedAccumulator<A, R> decodeAny(byte[] bytes) {
        return decode(bytes, b -> (A) AccumulatorCodec.decodeAny(b));
    }

    /**
     * Decodes what {@link #encode()} wrote, decoding the prototype and each segment with
     * {@code decoder} (typically the per-segment type's {@code decode} method reference).
     * Segment ids are preserved.
     *
     * @param <A> the per-segment accumulator type
     * @param <R> the per-segment result type
     * @param bytes the encoded bytes, not null
     * @param decoder decodes one per-segment accumulator, not null
     * @return the decoded accumulator
     * @throws IllegalArgumentException if the bytes are not a well-formed segmented encoding
     *     (wrong header, truncated, negative counts, duplicate keys, a segment incompatible with
     *     the prototype, trailing bytes), or if {@code decoder} rejects a segment
     */
    public static <A extends Accumulator<A, R>, R> SegmentedAccumulator<A, R> decode(byte[] bytes,
            Function<byte[], A> decoder) {
        Check.notNull(decoder, "decoder");
        Encoding.Reader r = Encoding.reader(bytes, TYPE, PAYLOAD_VERSION);
        A proto = decoder.apply(r.getBytes());
        if (proto == null) {
            throw r.corrupt("has a prototype its decoder returned as null");
        }
        SegmentedAccumulator<A, R> acc = new SegmentedAccumulator<>(proto);
        // each segment takes at least 4 bytes (its part count)
        int count = r.getSize("segment count", 4);
        for (int i = 0; i < count; i++) {
            int n = r.getSize("number of key parts of segment " + i, 4);
            List<String> parts = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                parts.add(r.getString());
            }
            SegmentKey key;
            try {
                key = new SegmentKey(parts);
            } catch (IllegalArgumentException e) {
                throw r.corrupt("has an invalid key for segment " + i + ": " + e.getMessage());
            }
            A segment = decoder.apply(r.getBytes());
            if (segment == null) {
                throw r.corrupt("has segment " + key + " its decoder returned as null");
            }
            if (segment.getClass() != proto.getClass()) {
                throw r.corrupt("has segment " + key + " of type " + segment.getClass().getSimpleName()
                        + " under a prototype of type " + proto.getClass().getSimpleName());
            }
            if (acc.dictionary.find(key) >= 0) {
                throw r.corrupt("has duplicate segment key " + key);
            }
            try {
                acc.prototype.emptyCopy().combine(segment.emptyCopy());
            } catch (IllegalArgumentException e) {
                throw r.corrupt("segment " + key + " is incompatible with its prototype: " + e.getMessage());
            }
            acc.dictionary.idOf(key);
            acc.segments.add(segment);
        }
        r.end();
        return acc;
    }

    @Override
    public SegmentedAccumulator<A, R> copy() {
        return emptyCopy().combine(this);
    }

    /**
     * Returns e.g. {@code SegmentedAccumulator[3 segments of NetPromoterScore: app, email, web]},
     * listing at most 10 keys in id order.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "SegmentedAccumulator[" + segments.size() + (segments.size() == 1 ? " segment" : " segments")
                + " of " + prototype.getClass().getSimpleName()
                + (segments.isEmpty() ? "" : ": " + SegmentedResult.preview(dictionary.keys(), 10)) + "]";
    }
}
