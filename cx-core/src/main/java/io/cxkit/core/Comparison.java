package io.cxkit.core;

import java.util.Locale;

/**
 * The comparison of two estimates: the signed difference {@code a − b} with its standard error, a
 * test statistic and two-sided p-value, and a confidence interval for the difference.
 *
 * @param method the test, e.g. {@code "Welch t"} or {@code "two-proportion z (pooled)"}
 * @param difference the signed difference {@code a − b}, in the estimates' unit
 * @param standardError standard error of the difference (unpooled)
 * @param statistic the test statistic (z or t)
 * @param degreesOfFreedom degrees of freedom of a t statistic; infinity for a z statistic
 * @param pValue two-sided p-value of H0: no difference
 * @param interval confidence interval for the difference
 */
public record Comparison(String method, double difference, double standardError, double statistic,
        double degreesOfFreedom, double pValue, Interval interval) {

    /**
     * Validates the components.
     *
     * @param method the test name
     * @param difference the difference
     * @param standardError its standard error
     * @param statistic the statistic
     * @param degreesOfFreedom degrees of freedom
     * @param pValue the p-value
     * @param interval the interval
     */
    public Comparison {
        Check.notNull(method, "method");
        Check.notNull(interval, "interval");
    }

    /**
     * Whether the difference is significant at the given level ({@code pValue < alpha}).
     *
     * @param alpha the significance level in (0, 1)
     * @return true if significant; false when the p-value is NaN
     */
    public boolean significant(double alpha) {
        Check.confidence(alpha);
        return pValue < alpha;
    }

    /**
     * Returns this comparison with the difference, standard error and interval multiplied by a
     * positive factor (e.g. 100 for percentage points); the statistic and p-value are unchanged.
     *
     * @param factor a finite factor &gt; 0
     * @return the scaled comparison
     */
    public Comparison scale(double factor) {
        return new Comparison(method, difference * factor, standardError * factor, statistic,
                degreesOfFreedom, pValue, interval.scale(factor));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Comparison[%s: difference %s ± %s (SE), %s = %s, p = %s, %s]",
                method, Format.number(difference), Format.number(standardError),
                Double.isInfinite(degreesOfFreedom) ? "z" : "t(" + Format.number(degreesOfFreedom) + ")",
                Format.number(statistic), Format.number(pValue), interval);
    }
}
