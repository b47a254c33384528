package io.cxkit.core;

import java.util.Arrays;

/**
 * A mergeable quantile sketch for non-negative values (durations, waiting times, amounts) with a
 * guaranteed <em>relative</em> accuracy, after DDSketch (Masson, Rim &amp; Lee, "DDSketch: A Fast
 * and Fully-Mergeable Quantile Sketch with Relative-Error Guarantees", VLDB 2019).
 *
 * <p><b>Accuracy.</b> With relative accuracy {@code α} (default 1%), the value returned for a
 * quantile {@code q} is within {@code ±α} relative of the exact sample quantile
 * {@code x₍⌊q·(n−1)⌋₎} (0-based rank in the sorted sample): a true p90 of 100 seconds reads as
 * 99..101 seconds. Zero is kept exactly in its own bucket, and estimates are clamped to the exact
 * minimum and maximum, so {@code quantile(0)} and {@code quantile(1)} are exact.
 *
 * <p><b>How.</b> A positive value {@code x} goes to bucket {@code i = ⌈log_γ x⌉} with
 * {@code γ = (1+α)/(1−α)}; bucket {@code i} covers {@code (γ^(i−1), γ^i]} and is read back as
 * {@code 2γ^i/(γ+1)}, which is within {@code α} of every value in the bucket. Counts are exact
 * {@code long}s, so {@link #combine} is exactly the single-pass sketch (associative and
 * commutative).
 *
 * <p><b>Footprint.</b> One {@code long} per bucket between the smallest and largest positive
 * value seen: {@code ⌈ln(max/min)/ln γ⌉ + 1} buckets, about {@code ln(max/min)/(2α)}. At
 * {@code α = 1%}, durations from 1 ms to one year in seconds (ratio 3.2·10¹⁰) need about 1,210
 * buckets, under 10 KB. Values below {@value #MIN_POSITIVE} are treated as zero.
 *
 * <p>Empty input: {@link #quantile} returns NaN and {@link #summary()} has {@code n == 0}.
 * Negative, NaN or infinite values are rejected. Not thread-safe: one sketch per thread, then
 * combine.
 *
 * <pre>{@code
 * QuantileSketch s = QuantileSketch.create();        // 1% relative accuracy
 * s.accept(12.5);                                    // e.g. seconds to first response
 * s.quantile(0.9);                                   // p90, within 1% of the exact p90
 * s.summary();                                       // n, min, median, p75, p90, p95, max
 * }</pre>
 */
public final class QuantileSketch implements Accumulator<QuantileSketch, QuantileSummary> {
    /** Encoding type name. */
    public static final String TYPE = "quantile-sketch";
    /** The default relative accuracy, 1%. */
    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;
    /** Positive values smaller than this are counted as zero. */
    public static final double MIN_POSITIVE = 1e-9;

    private final double alpha;
    private final double gamma;
    private final double logGamma;
    private long zeroCount;
    private long count;
    private double min = Double.NaN;
    private double max = Double.NaN;
    /** counts[k] is the count of bucket offset + k. */
    private long[] counts = new long[0];
    private int offset;

    private QuantileSketch(double alpha) {
        this.alpha = alpha;
        this.gamma = (1 + alpha) / (1 - alpha);
        this.logGamma = Math.log(gamma);
    }

    /**
     * A sketch with 1% relative accuracy.
     *
     * @return a new, empty sketch
     */
    public static QuantileSketch create() {
        return new QuantileSketch(DEFAULT_RELATIVE_ACCURACY);
    }

    /**
     * A sketch with the given relative accuracy.
     *
     * @param relativeAccuracy α in [0.0001, 0.5], e.g. 0.01 for 1%
     * @return a new, empty sketch
     * @throws IllegalArgumentException if α is outside [0.0001, 0.5]
     */
    public static QuantileSketch of(double relativeAccuracy) {
        if (!(relativeAccuracy >= 1e-4 && relativeAccuracy <= 0.5)) {
            throw new IllegalArgumentException(
                    "relativeAccuracy must be in [0.0001, 0.5]: " + relativeAccuracy);
        }
        return new QuantileSketch(relativeAccuracy);
    }

    /**
     * The relative accuracy α this sketch guarantees.
     *
     * @return α, e.g. 0.01
     */
    public double relativeAccuracy() {
        return alpha;
    }

    /**
     * Observes one value.
     *
     * @param value a finite value &gt;= 0 (e.g. a duration in seconds)
     * @throws IllegalArgumentException if negative, NaN or infinite
     */
    public void accept(double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("sketch value must be finite and >= 0: " + value);
        }
        if (count == 0) {
            min = value;
            max = value;
        } else {
            if (value < min) {
                min = value;
            }
            if (value > max) {
                max = value;
            }
        }
        count++;
        if (value < MIN_POSITIVE) {
            zeroCount++;
            return;
        }
        int i = index(value);
        ensure(i, i);
        counts[i - offset]++;
    }

    private void ensure(int lo, int hi) {
        if (counts.length == 0) {
            counts = new long[Math.max(8, hi - lo + 1)];
            offset = lo;
            return;
        }
        int curHi = offset + counts.length - 1;
        if (lo >= offset && hi <= curHi) {
            return;
        }
        int newLo = Math.min(lo, offset);
        int newHi = Math.max(hi, curHi);
        int span = newHi - newLo + 1;
        int grow = Math.max(span, counts.length + counts.length / 2);
        // grow towards the side that needed it
        int newOffset = lo < offset ? newHi - grow + 1 : newLo;
        long[] next = new long[grow];
        System.arraycopy(counts, 0, next, offset - newOffset, counts.length);
        counts = next;
        offset = newOffset;
    }

    /**
     * Number of values observed.
     *
     * @return the count
     */
    public long n() {
        return count;
    }

    /**
     * Estimates a quantile.
     *
     * @param q the quantile in [0, 1], e.g. 0.9 for p90
     * @return the estimate, within α relative of the exact sample quantile of rank
     *     {@code ⌊q·(n−1)⌋}; NaN if empty
     * @throws IllegalArgumentException if {@code q} is outside [0, 1]
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
        if (count == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.floor(q * (count - 1));
        if (rank < zeroCount) {
            return 0;
        }
        long seen = zeroCount;
        for (int k = 0; k < counts.length; k++) {
            seen += counts[k];
            if (seen > rank) {
                double v = 2 * Math.pow(gamma, offset + k) / (gamma + 1);
                return Math.max(min, Math.min(max, v));
            }
        }
        return max;
    }

    /**
     * The summary: n, min, median, p75, p90, p95, p99, max.
     *
     * @return an immutable summary
     */
    @Override
    public QuantileSummary result() {
        return summary();
    }

    /**
     * The summary: n, min, median, p75, p90, p95, p99, max.
     *
     * @return an immutable summary; {@code n == 0} and NaN quantiles if empty
     */
    public QuantileSummary summary() {
        if (count == 0) {
            return QuantileSummary.empty(alpha);
        }
        return new QuantileSummary(count, min, quantile(0.5), quantile(0.75), quantile(0.9),
                quantile(0.95), quantile(0.99), max, alpha);
    }

    /**
     * Number of buckets currently allocated (the footprint is 8 bytes per bucket).
     *
     * @return the allocated bucket count
     */
    public int bucketCapacity() {
        return counts.length;
    }

    @Override
    public QuantileSketch combine(QuantileSketch other) {
        Check.notNull(other, "other");
        if (Double.compare(alpha, other.alpha) != 0) {
            throw new IncompatibleAccumulatorException("cannot combine quantile sketches with different "
                    + "relative accuracy: " + alpha + " vs " + other.alpha);
        }
        if (other.count == 0) {
            return this;
        }
        long newCount = ExactCounts.checkAdd(count, other.count, "sketch count");
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int k = 0; k < other.counts.length; k++) {
            if (other.counts[k] != 0) {
                lo = Math.min(lo, other.offset + k);
                hi = Math.max(hi, other.offset + k);
            }
        }
        if (lo <= hi) {
            // No bucket can overflow: each is at most the total count, checked above.
            ensure(lo, hi);
            for (int b = lo; b <= hi; b++) {
                counts[b - offset] += other.counts[b - other.offset];
            }
        }
        zeroCount += other.zeroCount;
        min = count == 0 ? other.min : Math.min(min, other.min);
        max = count == 0 ? other.max : Math.max(max, other.max);
        count = newCount;
        return this;
    }

    @Override
    public QuantileSketch emptyCopy() {
        return new QuantileSketch(alpha);
    }

    @Override
    public QuantileSketch copy() {
        return emptyCopy().combine(this);
    }

    /**
     * Encodes as {@value #TYPE} payload version 1: α, count, zero count, min, max, the first
     * non-empty bucket index and the bucket counts from there to the last non-empty bucket.
     *
     * @return the encoded bytes
     */
    @Override
    public byte[] encode() {
        int lo = 0;
        int hi = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] != 0) {
                if (hi < lo) {
                    lo = k;
                }
                hi = k;
            }
        }
        long[] used = hi >= lo ? Arrays.copyOfRange(counts, lo, hi + 1) : new long[0];
        return Encoding.writer(TYPE, 1).putDouble(alpha).putLong(count).putLong(zeroCount)
                .putDouble(min).putDouble(max).putInt(offset + lo).putLongs(used).toBytes();
    }

    /**
     * Reads a sketch written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the sketch
     * @throws IllegalArgumentException if the bytes are not a valid sketch encoding
     */
    public static QuantileSketch decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        double alpha = in.getDouble();
        if (!(alpha >= 1e-4 && alpha <= 0.5)) {
            throw in.corrupt("has a relative accuracy outside [0.0001, 0.5]: " + alpha);
        }
        QuantileSketch s = new QuantileSketch(alpha);
        long count = in.getCount("count");
        long zeros = in.getCount("zero count");
        double min = in.getDouble();
        double max = in.getDouble();
        int first = in.getInt();
        long[] used = in.getCounts("bucket count");
        in.end();
        long total = zeros;
        for (long c : used) {
            total = in.add(total, c, "total of bucket counts");
        }
        if (total != count) {
            throw in.corrupt("counts do not add up: count=" + count + ", buckets + zeros=" + total);
        }
        if (count == 0) {
            if (!Double.isNaN(min) || !Double.isNaN(max)) {
                throw in.corrupt("is empty but has a range: min=" + min + ", max=" + max);
            }
            return s;
        }
        if (!(min >= 0 && min <= max && max < Double.POSITIVE_INFINITY)) {
            throw in.corrupt("has an invalid range: min=" + min + ", max=" + max);
        }
        if ((zeros > 0) != (min < MIN_POSITIVE) || (zeros == count) != (max < MIN_POSITIVE)) {
            throw in.corrupt("has " + zeros + " zeros of " + count + " values, impossible with min=" + min
                    + ", max=" + max);
        }
        if (used.length > 0) {
            // Every bucket must be one a value in [max(min, MIN_POSITIVE), max] maps to (± 1 for
            // rounding of the logarithm); this also bounds what combine can allocate.
            long lo = (long) s.index(Math.max(min, MIN_POSITIVE)) - 1;
            long hi = (long) s.index(max) + 1;
            long last = (long) first + used.length - 1;
            if (first < lo || last > hi || used[0] == 0 || used[used.length - 1] == 0) {
                throw in.corrupt("has buckets " + first + ".." + last + " that values in [" + min + ", " + max
                        + "] cannot reach (" + lo + ".." + hi + ") or empty end buckets");
            }
            s.counts = used;
            s.offset = first;
        }
        s.count = count;
        s.zeroCount = zeros;
        s.min = min;
        s.max = max;
        return s;
    }

    private int index(double positive) {
        return (int) Math.ceil(Math.log(positive) / logGamma);
    }

    /**
     * Returns e.g. {@code QuantileSketch[α=0.01, n=1000, median=12.1, p90=40.2, max=97]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        if (count == 0) {
            return "QuantileSketch[α=" + Format.number(alpha) + ", n=0, empty]";
        }
        return "QuantileSketch[α=" + Format.number(alpha) + ", n=" + count + ", median="
                + Format.number(quantile(0.5)) + ", p90=" + Format.number(quantile(0.9)) + ", max="
                + Format.number(max) + "]";
    }
}
