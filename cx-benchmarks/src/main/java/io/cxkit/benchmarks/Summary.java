package io.cxkit.benchmarks;

import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.survey.ScoreCardResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outputs every approach must agree on, per {@code touchpoint|yyyy-MM}: NPS n, score and
 * standard error (points), CSAT n and top-2 percent, CES n, mean and sample variance. Used to
 * cross-check all approaches before timing.
 */
public final class Summary {
    static final int NPS_N = 0;
    static final int NPS = 1;
    static final int NPS_SE = 2;
    static final int CSAT_N = 3;
    static final int CSAT_TOP2 = 4;
    static final int CES_N = 5;
    static final int CES_MEAN = 6;
    static final int CES_VAR = 7;

    final Map<String, double[]> rows = new TreeMap<>();

    /**
     * Adds one segment from counts and CES moments.
     *
     * @param key {@code touchpoint|yyyy-MM}
     * @param counts npsN, promoters, detractors, csatN, top2, cesN
     * @param cesMean the CES mean
     * @param cesVar the CES sample variance (NaN below 2 answers)
     */
    void put(String key, long[] counts, double cesMean, double cesVar) {
        double n = counts[0];
        double pp = counts[1] / n;
        double pd = counts[2] / n;
        double score = pp - pd;
        rows.put(key, new double[] {n, 100 * score, 100 * Math.sqrt(Math.max(0, pp + pd - score * score) / n),
            counts[3], 100.0 * counts[4] / counts[3], counts[5], cesMean, counts[5] < 2 ? Double.NaN : cesVar});
    }

    /**
     * The summary of cxkit's result.
     *
     * @param r the segmented scores
     * @return the summary
     */
    public static Summary of(SegmentedResult<ScoreCardResult> r) {
        Summary s = new Summary();
        for (Map.Entry<SegmentKey, ScoreCardResult> e : r.asMap().entrySet()) {
            ScoreCardResult v = e.getValue();
            double sd = v.ces().mean().standardDeviation();
            s.rows.put(e.getKey().label(), new double[] {v.nps().n(), v.nps().estimate(), v.nps().standardError(),
                v.csat().n(), v.csat().estimate(), v.ces().n(), v.ces().mean().mean(),
                v.ces().n() < 2 ? Double.NaN : sd * sd});
        }
        return s;
    }

    /**
     * Throws unless {@code other} has the same segments and values (counts exact, the rest to a
     * relative 1e-9).
     *
     * @param name what is checked, for the message
     * @param other the other summary
     */
    public void requireSame(String name, Summary other) {
        if (!rows.keySet().equals(other.rows.keySet())) {
            throw new IllegalStateException(name + ": segments differ: " + rows.size() + " vs "
                    + other.rows.size());
        }
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] a = e.getValue();
            double[] b = other.rows.get(e.getKey());
            for (int i = 0; i < a.length; i++) {
                boolean same = Double.isNaN(a[i]) ? Double.isNaN(b[i])
                        : Math.abs(a[i] - b[i]) <= 1e-9 * Math.max(1, Math.abs(a[i]));
                if (!same) {
                    throw new IllegalStateException(name + ": segment " + e.getKey() + " value " + i
                            + " differs: " + a[i] + " vs " + b[i]);
                }
            }
        }
    }

    /**
     * Number of segments.
     *
     * @return the count
     */
    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        return "Summary[" + rows.size() + " segments]";
    }
}
