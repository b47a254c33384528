package io.cxkit.report;

/**
 * What the charts are drawn at: the confidence level of every interval, the sample size under
 * which a point or segment is marked "low n", and the false-discovery rate at which a
 * period-over-period change counts as a significant mover.
 *
 * @param confidence the confidence level of intervals and bands, in (0, 1)
 * @param lowN a point or segment with fewer observations than this is marked as low n (its
 *     interval is wide and its estimate unstable); 0 marks nothing
 * @param falseDiscoveryRate the Benjamini–Hochberg false-discovery rate of the movers, in (0, 1)
 */
public record ChartOptions(double confidence, long lowN, double falseDiscoveryRate) {

    /** The defaults: 95% intervals, low n below 30, movers at a false-discovery rate of 1% (as {@code cx demo}). */
    public static final ChartOptions DEFAULTS = new ChartOptions(0.95, 30, 0.01);

    /**
     * Validates the options.
     *
     * @param confidence the confidence level
     * @param lowN the low-n threshold
     * @param falseDiscoveryRate the false-discovery rate
     * @throws IllegalArgumentException naming the option, the rule and the value
     */
    public ChartOptions {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (lowN < 0) {
            throw new IllegalArgumentException("lowN must be >= 0: " + lowN);
        }
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            throw new IllegalArgumentException("falseDiscoveryRate must be in (0, 1): " + falseDiscoveryRate);
        }
    }

    /**
     * These options at another confidence level.
     *
     * @param level the confidence level in (0, 1)
     * @return the new options
     */
    public ChartOptions withConfidence(double level) {
        return new ChartOptions(level, lowN, falseDiscoveryRate);
    }

    /**
     * These options with another low-n threshold.
     *
     * @param threshold the threshold, &gt;= 0
     * @return the new options
     */
    public ChartOptions withLowN(long threshold) {
        return new ChartOptions(confidence, threshold, falseDiscoveryRate);
    }

    /**
     * These options with another false-discovery rate for movers.
     *
     * @param rate the rate in (0, 1)
     * @return the new options
     */
    public ChartOptions withFalseDiscoveryRate(double rate) {
        return new ChartOptions(confidence, lowN, rate);
    }

    /** The confidence as a label, {@code 95%} or {@code 99.5%}. */
    String level() {
        double p = 100 * confidence;
        return (p == Math.rint(p) ? Num.fixed(p, 0) : Num.fixed(p, 1)) + "%";
    }

    /** Whether a count is below the low-n threshold. */
    boolean low(long n) {
        return n > 0 && n < lowN;
    }

    @Override
    public String toString() {
        return "ChartOptions[" + level() + " intervals, low n < " + lowN + ", movers at FDR "
                + Num.fixed(100 * falseDiscoveryRate, 1) + "%]";
    }
}
