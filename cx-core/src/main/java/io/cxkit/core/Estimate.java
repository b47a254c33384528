package io.cxkit.core;

/**
 * What every cxkit score result offers, whatever the metric: the sample size, the point estimate,
 * its standard error and a confidence interval, plus the Kish effective sample size for weighted
 * data. Writers (JSON, CSV, tables) and engines read results through this view.
 *
 * <p>Empty input: {@code n() == 0}, {@code estimate()} and {@code standardError()} are NaN and the
 * interval's bounds are NaN.
 */
public interface Estimate {

    /**
     * Number of observations that entered the estimate.
     *
     * @return the count, &gt;= 0
     */
    long n();

    /**
     * The point estimate, in the metric's reporting unit (e.g. NPS points, CSAT percent).
     *
     * @return the estimate; NaN when {@code n() == 0}
     */
    double estimate();

    /**
     * The estimate's standard error, in the same unit.
     *
     * @return the standard error; NaN when it cannot be estimated
     */
    double standardError();

    /**
     * Kish's effective sample size {@code (Σw)² / Σw²}; equals {@link #n()} for unweighted data.
     *
     * @return the effective sample size
     */
    double effectiveN();

    /**
     * Whether the observations carried weights (other than an implicit weight of 1).
     *
     * @return true for weighted data
     */
    boolean weighted();

    /**
     * The metric's default confidence interval at the given level.
     *
     * @param confidence the confidence level in (0, 1)
     * @return the interval, in the estimate's unit
     */
    Interval interval(double confidence);

    /**
     * The metric's default 95% confidence interval.
     *
     * @return the interval
     */
    default Interval interval() {
        return interval(0.95);
    }
}
