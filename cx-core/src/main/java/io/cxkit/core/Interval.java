package io.cxkit.core;

/**
 * A two-sided confidence interval.
 *
 * @param lower the lower bound, in the unit of the estimate it belongs to
 * @param upper the upper bound, {@code >= lower} (both NaN when there is no data)
 * @param confidence the nominal coverage, in (0, 1)
 * @param method the name of the method that produced it, e.g. {@code "Wilson"}
 */
public record Interval(double lower, double upper, double confidence, String method) {

    /**
     * Validates the interval.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param confidence the nominal coverage
     * @param method the method name
     */
    public Interval {
        Check.confidence(confidence);
        Check.notNull(method, "method");
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "interval lower bound must not exceed upper bound: [" + lower + ", " + upper + "]");
        }
    }

    /**
     * The interval with no data: both bounds NaN.
     *
     * @param confidence the nominal coverage
     * @param method the method name
     * @return an interval whose bounds are NaN
     */
    public static Interval empty(double confidence, String method) {
        return new Interval(Double.NaN, Double.NaN, confidence, method);
    }

    /**
     * Returns this interval with both bounds multiplied by a positive factor (e.g. 100 to turn a
     * proportion into percent).
     *
     * @param factor a finite factor &gt; 0
     * @return the scaled interval
     */
    public Interval scale(double factor) {
        Check.positive(factor, "factor");
        return new Interval(lower * factor, upper * factor, confidence, method);
    }

    /**
     * Whether the interval contains a value (bounds included).
     *
     * @param value the value
     * @return true if {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /**
     * The interval's width.
     *
     * @return {@code upper - lower}
     */
    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.0f%% CI [%s, %s] (%s)", confidence * 100,
                Format.number(lower), Format.number(upper), method);
    }
}
