package io.cxkit.core;

/**
 * Mergeable accumulator of the (weighted) mean and second moments of a continuous variable, e.g.
 * spend, handle time or a rating treated as numeric. Reads out a {@link MeanEstimate}.
 *
 * <p>Updates are Welford's (1962) and West's (1979) weighted one-pass recurrences; {@link #combine}
 * is Chan, Golub &amp; LeVeque's (1979) pairwise merge. Besides {@code M2 = Σw(y−ȳ)²} the
 * accumulator keeps {@code Q = Σw²(y−ȳ)²} and {@code B = Σw²(y−ȳ)} about the running mean, updated
 * by exact shifts, which gives the linearization standard error of {@code survey::svymean}
 * without a second pass: {@code SE² = n/(n−1) · Q / (Σw)²}.
 *
 * <p>Unweighted {@code accept(y)} counts with weight 1; the result is marked weighted as soon as any
 * observation came with an explicit weight. Values must be finite and weights finite and &gt; 0.
 */
public final class Moments implements Accumulator<Moments, MeanEstimate> {
    /** The type name written by {@link #encode()}. */
    public static final String TYPE = "moments";

    private long n;
    private boolean weighted;
    private final CompensatedSum sumW = new CompensatedSum();
    private final CompensatedSum sumW2 = new CompensatedSum();
    private double mean;
    private double m2;
    private double q;
    private double b;

    private Moments() {
    }

    /**
     * Creates an empty accumulator.
     *
     * @return a new accumulator
     */
    public static Moments create() {
        return new Moments();
    }

    /**
     * Observes an unweighted value.
     *
     * @param value a finite value
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public void accept(double value) {
        add(value, 1.0);
    }

    /**
     * Observes a weighted value.
     *
     * @param value a finite value
     * @param weight a finite weight &gt; 0
     * @throws IllegalArgumentException if the value is not finite or the weight not finite and &gt; 0
     */
    public void accept(double value, double weight) {
        Check.weight(weight);
        weighted = true;
        add(value, weight);
    }

    private void add(double value, double w) {
        Check.finite(value, "value");
        double oldW = sumW.value();
        double newW = oldW + w;
        double delta = value - mean;
        double shift = delta * w / newW;
        double oldW2 = sumW2.value();
        // Shift Q and B from the old mean to the new one, then add the new point's terms.
        q = q - 2 * shift * b + shift * shift * oldW2;
        b = b - shift * oldW2;
        double dNew = value - (mean + shift);
        q += w * w * dNew * dNew;
        b += w * w * dNew;
        m2 += w * delta * dNew;
        mean += shift;
        n++;
        sumW.add(w);
        sumW2.add(w * w);
    }

    @Override
    public Moments combine(Moments other) {
        Check.notNull(other, "other");
        long total = ExactCounts.checkAdd(n, other.n, "moments count");
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            copyFrom(other);
            return this;
        }
        double wa = sumW.value();
        double wb = other.sumW.value();
        double w = wa + wb;
        double delta = other.mean - mean;
        double newMean = mean + delta * wb / w;
        double sa = newMean - mean;
        double sb = newMean - other.mean;
        double w2a = sumW2.value();
        double w2b = other.sumW2.value();
        double qa = q - 2 * sa * b + sa * sa * w2a;
        double qb = other.q - 2 * sb * other.b + sb * sb * w2b;
        double ba = b - sa * w2a;
        double bb = other.b - sb * w2b;
        m2 = m2 + other.m2 + delta * delta * wa * wb / w;
        q = qa + qb;
        b = ba + bb;
        mean = newMean;
        n = total;
        weighted |= other.weighted;
        sumW.add(other.sumW);
        sumW2.add(other.sumW2);
        return this;
    }

    private void copyFrom(Moments o) {
        n = o.n;
        weighted = o.weighted;
        mean = o.mean;
        m2 = o.m2;
        q = o.q;
        b = o.b;
        sumW.add(o.sumW);
        sumW2.add(o.sumW2);
    }

    /**
     * Number of observations so far.
     *
     * @return the count
     */
    public long n() {
        return n;
    }

    @Override
    public MeanEstimate result() {
        if (n == 0) {
            return MeanEstimate.empty();
        }
        double w = sumW.value();
        double kish = w * w / sumW2.value();
        if (n == 1) {
            return new MeanEstimate(1, mean, Double.NaN, Double.NaN, 0, kish, weighted);
        }
        double correction = (double) n / (n - 1);
        double sd = Math.sqrt(Math.max(0, m2) / w * correction);
        double se = weighted ? Math.sqrt(correction * Math.max(0, q) / (w * w)) : sd / Math.sqrt(n);
        return new MeanEstimate(n, mean, sd, se, n - 1, kish, weighted);
    }

    @Override
    public Moments emptyCopy() {
        return new Moments();
    }

    @Override
    public Moments copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        return Encoding.writer(TYPE, 1).putLong(n).putBoolean(weighted).putDouble(sumW.value())
                .putDouble(sumW2.value()).putDouble(mean).putDouble(m2).putDouble(q).putDouble(b)
                .toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the decoded accumulator
     * @throws IllegalArgumentException if the bytes are not a valid encoding
     */
    public static Moments decode(byte[] bytes) {
        Encoding.Reader r = Encoding.reader(bytes, TYPE, 1);
        Moments m = new Moments();
        m.n = r.getCount("count");
        m.weighted = r.getBoolean();
        double sw = r.getDouble();
        double sw2 = r.getDouble();
        m.mean = r.getFinite("mean");
        m.m2 = r.getFinite("sum of squared deviations");
        m.q = r.getFinite("weighted sum of squared deviations");
        m.b = r.getFinite("weighted sum of deviations");
        r.end();
        r.checkWeightSums(m.n, sw, sw2, "the observations");
        if (!m.weighted && (sw != m.n || sw2 != m.n)) {
            throw r.corrupt("is unweighted but its weight sums are not its count: n=" + m.n + ", Σw=" + sw
                    + ", Σw²=" + sw2);
        }
        if (m.m2 < -1e-9 * sw * Math.max(1, m.mean * m.mean)) {
            // Welford's and Chan's updates add non-negative terms to M2 (up to rounding).
            throw r.corrupt("has a negative sum of squared deviations: " + m.m2);
        }
        // Q = Σw²d² <= max(w)·Σwd² <= Σw·M2, and |B| = |Σw²d| <= √(Σw²·Q) (Cauchy–Schwarz).
        double slack = 1 + 1e-9;
        if (!(m.q <= sw * Math.max(0, m.m2) * slack + 1e-9 * sw * sw * Math.max(1, m.mean * m.mean)) || !(Math.abs(m.b) <= Math.sqrt(sw2 * Math.max(0, m.q))
                * slack + 1e-9 * sw * sw * Math.max(1, Math.abs(m.mean)))) {
            throw r.corrupt("has deviation sums no data can produce: Q=" + m.q + ", B=" + m.b + ", M2=" + m.m2
                    + ", Σw=" + sw);
        }
        if (m.n == 0 && (m.m2 != 0 || m.mean != 0 || m.q != 0 || m.b != 0)) {
            throw r.corrupt("has moments without observations: mean=" + m.mean + ", M2=" + m.m2);
        }
        m.sumW.add(sw);
        m.sumW2.add(sw2);
        return m;
    }

    @Override
    public String toString() {
        return "Moments[" + result() + "]";
    }
}
