package io.cxkit.survey.drivers;

import io.cxkit.core.Check;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An in-memory set of complete key-driver rows (outcome, driver ratings, optional weight), for
 * when the rows fit in memory and bootstrap intervals are wanted. The point estimates equal those of
 * a {@link KeyDrivers} accumulator fed the same rows ({@link #accumulator()}).
 *
 * <pre>{@code
 * DriverRows rows = DriverRows.of("overall", List.of("ease", "speed", "price"));
 * rows.add(8, new double[] {9, 7, 5});
 * ...
 * rows.bootstrap(KeyDriverMethod.RELATIVE_WEIGHTS, 2000, 42L, 0.95);
 * }</pre>
 *
 * <p>Memory: {@code 8·(p + 2)} bytes per row. Rows with a missing (NaN) value are excluded and
 * counted, as in {@link KeyDrivers}. Not thread-safe.
 */
public final class DriverRows {
    private final KeyDrivers template;
    private final int width;
    private double[] data = new double[64];
    private int rows;
    private long excluded;
    private boolean weighted;

    private DriverRows(KeyDrivers template) {
        this.template = template;
        this.width = template.drivers().size() + 2;
    }

    /**
     * An empty row set for an outcome and named drivers.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names (see {@link KeyDrivers#of})
     * @return a new row set
     */
    public static DriverRows of(String outcome, List<String> drivers) {
        return new DriverRows(KeyDrivers.of(outcome, drivers));
    }

    /**
     * Adds an unweighted row.
     *
     * @param outcomeValue the overall score; NaN means missing (row excluded)
     * @param driverValues one rating per driver; NaN means missing (row excluded)
     * @throws IllegalArgumentException if the array length is wrong or a value is infinite
     */
    public void add(double outcomeValue, double[] driverValues) {
        store(outcomeValue, driverValues, 1.0);
    }

    /**
     * Adds a weighted row.
     *
     * @param outcomeValue the overall score; NaN means missing (row excluded)
     * @param driverValues one rating per driver; NaN means missing (row excluded)
     * @param weight the weight, finite and &gt; 0
     * @throws IllegalArgumentException if the array length is wrong, a value is infinite or the
     *     weight invalid
     */
    public void add(double outcomeValue, double[] driverValues, double weight) {
        Check.weight(weight);
        weighted = true;
        store(outcomeValue, driverValues, weight);
    }

    private void store(double y, double[] x, double w) {
        // Same validation rules and messages as the accumulator.
        if (template.missingRow(y, x)) {
            excluded++;
            return;
        }
        if ((long) (rows + 1) * width > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("DriverRows holds at most "
                    + (Integer.MAX_VALUE - 8) / width + " rows; use KeyDrivers for more");
        }
        if ((rows + 1) * width > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L,
                    Math.max((long) data.length * 2, (long) (rows + 1) * width)));
        }
        int o = rows * width;
        data[o] = w;
        data[o + 1] = y;
        System.arraycopy(x, 0, data, o + 2, x.length);
        rows++;
    }

    /**
     * Number of complete rows held.
     *
     * @return the count
     */
    public int size() {
        return rows;
    }

    /**
     * Number of rows excluded because a value was missing.
     *
     * @return the count
     */
    public long excluded() {
        return excluded;
    }

    /**
     * A {@link KeyDrivers} accumulator fed every held row (one pass); its excluded count is this
     * row set's.
     *
     * @return a new accumulator
     */
    public KeyDrivers accumulator() {
        KeyDrivers kd = template.emptyCopy();
        feed(kd, null);
        for (long e = 0; e < excluded; e++) {
            kd.accept(Double.NaN, new double[width - 2]);
        }
        return kd;
    }

    private void feed(KeyDrivers kd, int[] index) {
        double[] x = new double[width - 2];
        for (int r = 0; r < rows; r++) {
            int o = (index == null ? r : index[r]) * width;
            System.arraycopy(data, o + 2, x, 0, x.length);
            if (weighted) {
                kd.accept(data[o + 1], x, data[o]);
            } else {
                kd.accept(data[o + 1], x);
            }
        }
    }

    /**
     * Point estimates by the given method (no intervals); equal to {@code accumulator().result(method)}.
     *
     * @param method relative weights or LMG
     * @return the result
     * @throws IllegalArgumentException as {@link KeyDrivers#result(KeyDriverMethod)}
     */
    public KeyDriversResult analyze(KeyDriverMethod method) {
        return accumulator().result(method);
    }

    /**
     * Point estimates with percentile bootstrap intervals for every raw and rescaled importance:
     * {@code resamples} times, draw {@code n} rows with replacement (each keeping its weight),
     * recompute the importances, and take the {@code α/2} and {@code 1 − α/2} quantiles of each
     * (linear interpolation, R's {@code quantile(type = 7)}). The same seed gives the same intervals.
     * A resample in which a driver is constant or drivers are collinear (possible with few rows or
     * coarse scales) is redrawn; if that happens for more than half of the attempts the call fails.
     *
     * <p>Reference: B. Efron and R. J. Tibshirani (1993), An Introduction to the Bootstrap, ch. 13;
     * Johnson (2004), "Factors affecting relative weights: the influence of sampling and measurement
     * error", Organizational Research Methods 7(3) (bootstrapping relative weights).
     *
     * @param method relative weights or LMG
     * @param resamples number of bootstrap resamples, in [100, 100,000]
     * @param seed the random seed
     * @param confidence the confidence level in (0, 1)
     * @return the result, with intervals and {@link KeyDriversResult#resamples()} set
     * @throws IllegalArgumentException as {@link #analyze}, or for invalid arguments
     * @throws IllegalStateException if most resamples were degenerate
     */
    public KeyDriversResult bootstrap(KeyDriverMethod method, int resamples, long seed,
            double confidence) {
        Check.notNull(method, "method");
        Check.inRange(resamples, 100, 100_000, "resamples");
        Check.confidence(confidence);
        KeyDrivers full = accumulator();
        KeyDriversResult point = full.result(method);
        if (point.n() == 0) {
            return point;
        }
        int p = width - 2;
        double[][] raw = new double[p][resamples];
        double[][] res = new double[p][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        int[] index = new int[rows];
        int done = 0;
        int failed = 0;
        while (done < resamples) {
            for (int r = 0; r < rows; r++) {
                index[r] = random.nextInt(rows);
            }
            KeyDrivers kd = template.emptyCopy();
            feed(kd, index);
            KeyDriversResult b;
            try {
                b = kd.result(method);
            } catch (IllegalArgumentException degenerate) {
                if (++failed > resamples) {
                    throw new IllegalStateException("bootstrap failed: " + failed
                            + " resamples had a constant or collinear driver; too few rows (" + rows
                            + ") for " + p + " drivers", degenerate);
                }
                continue;
            }
            for (int j = 0; j < p; j++) {
                raw[j][done] = b.importances().get(j).raw();
                res[j][done] = b.importances().get(j).rescaled();
            }
            done++;
        }
        double a2 = (1 - confidence) / 2;
        double[][] ci = new double[p][];
        for (int j = 0; j < p; j++) {
            Arrays.sort(raw[j]);
            Arrays.sort(res[j]);
            ci[j] = new double[] {quantile7(raw[j], a2), quantile7(raw[j], 1 - a2),
                quantile7(res[j], a2), quantile7(res[j], 1 - a2)};
        }
        double[] rawPoint = new double[p];
        for (int j = 0; j < p; j++) {
            rawPoint[j] = point.importances().get(j).raw();
        }
        return KeyDriversResult.of(method, point.outcome(), template.drivers(), point.n(), excluded,
                weighted, rawPoint, full.driverMeans(), ci, confidence).withResamples(resamples);
    }

    static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public String toString() {
        return "DriverRows[" + template.outcome() + " ~ " + String.join(" + ", template.drivers())
                + ", rows=" + rows + ", excluded=" + excluded + (weighted ? ", weighted" : "") + "]";
    }
}
