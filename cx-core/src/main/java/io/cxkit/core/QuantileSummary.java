package io.cxkit.core;

/**
 * The read-out of a {@link QuantileSketch}: count, exact minimum and maximum, and the median, p75,
 * p90, p95 and p99, each within the stated relative accuracy of the exact sample quantile.
 *
 * <p>Units are those of the values accepted (cxkit's journey and service metrics use seconds).
 * Empty input: {@code n == 0} and every value NaN.
 *
 * @param n number of values
 * @param min the exact smallest value
 * @param median the 50th percentile
 * @param p75 the 75th percentile
 * @param p90 the 90th percentile
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the exact largest value
 * @param relativeAccuracy the sketch's relative accuracy α (estimates are within ±α relative)
 */
public record QuantileSummary(long n, double min, double median, double p75, double p90, double p95,
        double p99, double max, double relativeAccuracy) {

    /**
     * Validates the count.
     *
     * @param n number of values
     * @param min the minimum
     * @param median the median
     * @param p75 the 75th percentile
     * @param p90 the 90th percentile
     * @param p95 the 95th percentile
     * @param p99 the 99th percentile
     * @param max the maximum
     * @param relativeAccuracy α
     */
    public QuantileSummary {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
    }

    /**
     * The empty summary.
     *
     * @param relativeAccuracy the sketch's α
     * @return a summary with {@code n == 0} and NaN values
     */
    public static QuantileSummary empty(double relativeAccuracy) {
        double nan = Double.NaN;
        return new QuantileSummary(0, nan, nan, nan, nan, nan, nan, nan, relativeAccuracy);
    }

    /**
     * Whether no values were observed.
     *
     * @return true if {@code n == 0}
     */
    public boolean isEmpty() {
        return n == 0;
    }

    /**
     * Returns e.g. {@code Quantiles[n=120, median=35, p75=60.1, p90=118, p95=170, max=600 (±1%)]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        if (n == 0) {
            return "Quantiles[n=0, empty]";
        }
        return "Quantiles[n=" + n + ", median=" + Format.number(median) + ", p75=" + Format.number(p75)
                + ", p90=" + Format.number(p90) + ", p95=" + Format.number(p95) + ", max="
                + Format.number(max) + " (±" + Format.number(100 * relativeAccuracy) + "%)]";
    }
}
