package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.MeanEstimate;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.ProportionInterval;
import io.cxkit.core.TwoSampleTest;
import java.util.Locale;

/**
 * A CSAT score: the percent satisfied (0–100) with its standard error and proportion intervals
 * (Wilson by default), and the mean rating.
 *
 * <p>As an {@link Estimate} it reports the percent satisfied: {@code estimate() = 100·p},
 * {@code standardError() = 100·SE(p)}. Empty input: {@code n == 0} and NaN estimates.
 *
 * @param satisfied the share satisfied, a proportion in [0, 1]
 * @param rating the mean rating on the scale
 * @param missing number of missing answers seen
 * @param scale the rating scale
 */
public record CsatResult(ProportionEstimate satisfied, MeanEstimate rating, long missing,
        RatingScale scale) implements Estimate {

    /**
     * Validates the components.
     *
     * @param satisfied the share satisfied
     * @param rating the mean rating
     * @param missing missing answers
     * @param scale the scale
     */
    public CsatResult {
        Check.notNull(satisfied, "satisfied");
        Check.notNull(rating, "rating");
        Check.notNull(scale, "scale");
    }

    @Override
    public long n() {
        return satisfied.n();
    }

    /**
     * Percent satisfied.
     *
     * @return {@code 100·p}; NaN when empty
     */
    @Override
    public double estimate() {
        return 100 * satisfied.estimate();
    }

    @Override
    public double standardError() {
        return 100 * satisfied.standardError();
    }

    @Override
    public double effectiveN() {
        return satisfied.effectiveN();
    }

    @Override
    public boolean weighted() {
        return satisfied.weighted();
    }

    /**
     * The Wilson interval for the percent satisfied.
     *
     * @param confidence the confidence level in (0, 1)
     * @return the interval in percent
     */
    @Override
    public Interval interval(double confidence) {
        return interval(ProportionInterval.WILSON, confidence);
    }

    /**
     * The interval for the percent satisfied by the given method.
     *
     * @param method the proportion interval method
     * @param confidence the confidence level in (0, 1)
     * @return the interval in percent
     */
    public Interval interval(ProportionInterval method, double confidence) {
        return satisfied.interval(method, confidence).scale(100);
    }

    /**
     * Compares the percent satisfied with an independent group's: two-proportion z test (pooled),
     * Newcombe interval for the difference, in percentage points.
     *
     * @param other the other group
     * @param confidence the confidence level of the interval
     * @return the comparison of {@code this − other} in percentage points
     */
    public Comparison compare(CsatResult other, double confidence) {
        Check.notNull(other, "other");
        return TwoSampleTest.twoProportions(satisfied, other.satisfied, confidence).scale(100);
    }

    /**
     * Compares the mean rating with an independent group's by Welch's t test.
     *
     * @param other the other group
     * @param confidence the confidence level of the interval
     * @return the comparison of {@code this − other} in rating points
     */
    public Comparison compareMeans(CsatResult other, double confidence) {
        Check.notNull(other, "other");
        return TwoSampleTest.welch(rating, other.rating, confidence);
    }

    /**
     * This result (share satisfied and mean rating) as a domain (segment) of a weighted sample of {@code sampleN} answers: the standard error
     * of R's {@code svyby} (see {@link io.cxkit.core.Domains}). Unweighted results, and segments
     * with fewer than 2 answers, are unchanged.
     *
     * @param sampleN the whole sample's number of answers to this question, &gt;= {@code n()}
     * @return the domain result
     * @throws IllegalArgumentException if {@code sampleN < n()}
     */
    public CsatResult inDomainOf(long sampleN) {
        return new CsatResult(satisfied.inDomainOf(sampleN), rating.inDomainOf(sampleN), missing, scale);
    }

    @Override
    public String toString() {
        if (n() == 0) {
            return "CSAT[n=0, empty" + (missing > 0 ? ", missing=" + missing : "") + "]";
        }
        Interval ci = interval();
        return String.format(Locale.ROOT,
                "CSAT %.1f%% satisfied (95%% CI %.1f..%.1f, %s; SE %.2f), mean rating %.2f on %d-%d, n=%d%s%s",
                estimate(), ci.lower(), ci.upper(), ci.method(), standardError(), rating.mean(),
                scale.min(), scale.max(), n(),
                weighted() ? String.format(Locale.ROOT, " (effective n %.1f)", effectiveN()) : "",
                missing > 0 ? ", missing=" + missing : "");
    }
}
