package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.CompensatedSum;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.MeanEstimate;
import io.cxkit.core.ProportionEstimate;
import java.util.Arrays;

/**
 * Sufficient statistics of answers on a discrete scale {@code offset..offset+points−1}: the exact
 * count per point, and — once a weight is seen — the compensated sums of {@code w} and {@code w²}
 * per point. Every survey score (NPS, top-box shares, means) and its linearization standard error
 * is a function of these, because {@code Σ wᵢ²(yᵢ − c)² = Σ_k W2_k (k − c)²} on a discrete scale.
 *
 * <p>Unweighted answers count with weight 1; weighted arrays are allocated on the first weighted
 * answer and seeded with the counts so far.
 */
final class ScoreTally {
    final int offset;
    final long[] counts;
    long missing;
    boolean weighted;
    double[] sumW;
    double[] compW;
    double[] sumW2;
    double[] compW2;

    ScoreTally(int offset, int points) {
        this.offset = offset;
        this.counts = new long[points];
    }

    int points() {
        return counts.length;
    }

    void add(int index) {
        counts[index]++;
        if (weighted) {
            CompensatedSum.add(sumW, compW, index, 1.0);
            CompensatedSum.add(sumW2, compW2, index, 1.0);
        }
    }

    void add(int index, double w) {
        if (!weighted) {
            startWeighting();
        }
        counts[index]++;
        CompensatedSum.add(sumW, compW, index, w);
        CompensatedSum.add(sumW2, compW2, index, w * w);
    }

    private void startWeighting() {
        int k = counts.length;
        sumW = new double[k];
        compW = new double[k];
        sumW2 = new double[k];
        compW2 = new double[k];
        for (int i = 0; i < k; i++) {
            sumW[i] = counts[i];
            sumW2[i] = counts[i];
        }
        weighted = true;
    }

    void combine(ScoreTally o) {
        if (o.weighted && !weighted) {
            startWeighting();
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += o.counts[i];
            if (weighted) {
                if (o.weighted) {
                    CompensatedSum.add(sumW, compW, i, o.sumW[i]);
                    CompensatedSum.add(sumW, compW, i, o.compW[i]);
                    CompensatedSum.add(sumW2, compW2, i, o.sumW2[i]);
                    CompensatedSum.add(sumW2, compW2, i, o.compW2[i]);
                } else {
                    CompensatedSum.add(sumW, compW, i, o.counts[i]);
                    CompensatedSum.add(sumW2, compW2, i, o.counts[i]);
                }
            }
        }
        missing += o.missing;
    }

    long n() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    long count(int fromIndex, int toIndex) {
        long s = 0;
        for (int i = fromIndex; i <= toIndex; i++) {
            s += counts[i];
        }
        return s;
    }

    double w(int i) {
        return weighted ? sumW[i] + compW[i] : counts[i];
    }

    double w2(int i) {
        return weighted ? sumW2[i] + compW2[i] : counts[i];
    }

    double w(int fromIndex, int toIndex) {
        double s = 0;
        for (int i = fromIndex; i <= toIndex; i++) {
            s += w(i);
        }
        return s;
    }

    double w2(int fromIndex, int toIndex) {
        double s = 0;
        for (int i = fromIndex; i <= toIndex; i++) {
            s += w2(i);
        }
        return s;
    }

    double kish() {
        double sw = w(0, counts.length - 1);
        return sw * sw / w2(0, counts.length - 1);
    }

    /**
     * Weighted mean of {@code values[i]} per point, with {@code Σw(y−ȳ)²} and {@code Σw²(y−ȳ)²}.
     * Returns {mean, ss1, ss2, sumW}.
     */
    double[] moments(double[] values) {
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < counts.length; i++) {
            double wi = w(i);
            sw += wi;
            swy += wi * values[i];
        }
        double mean = swy / sw;
        double ss1 = 0;
        double ss2 = 0;
        for (int i = 0; i < counts.length; i++) {
            double d = values[i] - mean;
            ss1 += w(i) * d * d;
            ss2 += w2(i) * d * d;
        }
        return new double[] {mean, ss1, ss2, sw};
    }

    /** The share of answers at points {@code fromIndex..} (to the top of the scale). */
    ProportionEstimate topShare(int fromIndex) {
        long n = n();
        int last = counts.length - 1;
        if (!weighted) {
            return ProportionEstimate.of(count(fromIndex, last), n);
        }
        return ProportionEstimate.ofWeighted(n, w(fromIndex, last), w(0, fromIndex - 1),
                w2(fromIndex, last), w2(0, fromIndex - 1));
    }

    /** The mean answer (the scale's own values), t interval or linearization SE. */
    MeanEstimate mean() {
        long n = n();
        if (n == 0) {
            return MeanEstimate.empty();
        }
        double[] values = new double[counts.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = offset + i;
        }
        double[] m = moments(values);
        double kish = weighted ? kish() : n;
        if (n == 1) {
            return new MeanEstimate(1, m[0], Double.NaN, Double.NaN, 0, kish, weighted);
        }
        double correction = (double) n / (n - 1);
        double sd = Math.sqrt(m[1] / m[3] * correction);
        double se = weighted ? Math.sqrt(correction * m[2] / (m[3] * m[3])) : sd / Math.sqrt(n);
        return new MeanEstimate(n, m[0], sd, se, n - 1, kish, weighted);
    }

    boolean sameShape(ScoreTally o) {
        return offset == o.offset && counts.length == o.counts.length;
    }

    void write(Encoding.Writer out) {
        out.putInt(offset).putLongs(counts).putLong(missing).putBoolean(weighted);
        if (weighted) {
            out.putDoubles(sumW).putDoubles(compW).putDoubles(sumW2).putDoubles(compW2);
        }
    }

    static ScoreTally read(Encoding.Reader in, int expectedOffset, int expectedPoints, String type) {
        int offset = in.getInt();
        long[] counts = in.getCounts("count");
        if (offset != expectedOffset || counts.length != expectedPoints) {
            throw in.corrupt("tally covers " + offset + ".." + ((long) offset + counts.length - 1)
                    + " but its scale is " + expectedOffset + ".." + (expectedOffset + expectedPoints - 1));
        }
        ScoreTally t = new ScoreTally(offset, counts.length);
        System.arraycopy(counts, 0, t.counts, 0, counts.length);
        long total = 0;
        for (long c : counts) {
            total = in.add(total, c, "total of answer counts");
        }
        t.missing = in.getCount("missing count");
        t.weighted = in.getBoolean();
        if (t.weighted) {
            t.sumW = exact(in, in.getDoubles(), expectedPoints);
            t.compW = exact(in, in.getDoubles(), expectedPoints);
            t.sumW2 = exact(in, in.getDoubles(), expectedPoints);
            t.compW2 = exact(in, in.getDoubles(), expectedPoints);
            for (int i = 0; i < counts.length; i++) {
                String field = "scale point " + (offset + i);
                in.checkWeightSums(counts[i], t.w(i), t.w2(i), field);
                if (!(Math.abs(t.compW[i]) <= Math.abs(t.sumW[i])) || !(Math.abs(t.compW2[i]) <= Math.abs(t.sumW2[i]))) {
                    throw in.corrupt("has a compensation larger than its sum for " + field);
                }
            }
        }
        return t;
    }

    private static double[] exact(Encoding.Reader in, double[] v, int len) {
        if (v.length != len) {
            throw in.corrupt("has " + v.length + " weight sums, expected " + len);
        }
        return v;
    }

    /** Makes the empty {@code target} (same shape) hold exactly this tally's state, sums and compensations as they are. */
    void copyInto(ScoreTally target) {
        System.arraycopy(counts, 0, target.counts, 0, counts.length);
        target.missing = missing;
        target.weighted = weighted;
        if (weighted) {
            target.sumW = sumW.clone();
            target.compW = compW.clone();
            target.sumW2 = sumW2.clone();
            target.compW2 = compW2.clone();
        }
    }

    /** Checks that {@code o} can be added without a count overflowing, changing nothing. */
    void checkCombine(ScoreTally o) {
        ExactCounts.checkAddAll(counts, o.counts, "answer count");
        ExactCounts.checkAdd(n(), o.n(), "answer count");
        ExactCounts.checkAdd(missing, o.missing, "missing count");
    }

    static double weight(double w) {
        return Check.weight(w);
    }

    @Override
    public String toString() {
        return "ScoreTally[offset=" + offset + ", counts=" + Arrays.toString(counts) + ", missing="
                + missing + "]";
    }
}
