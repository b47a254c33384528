package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.MeanEstimate;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TwoSampleTest;
import java.util.Locale;

/**
 * A Customer Effort Score: the mean answer with a t interval, and the percent who agree (answers at
 * or above the scale's threshold).
 *
 * <p>As an {@link Estimate} it reports the mean. Empty input: {@code n == 0} and NaN estimates.
 *
 * @param mean the mean answer
 * @param agree the share who agree, a proportion in [0, 1]
 * @param missing number of missing answers seen
 * @param scale the rating scale
 */
public record CesResult(MeanEstimate mean, ProportionEstimate agree, long missing, RatingScale scale)
        implements Estimate {

    /**
     * Validates the components.
     *
     * @param mean the mean
     * @param agree the share who agree
     * @param missing missing answers
     * @param scale the scale
     */
    public CesResult {
        Check.notNull(mean, "mean");
        Check.notNull(agree, "agree");
        Check.notNull(scale, "scale");
    }

    @Override
    public long n() {
        return mean.n();
    }

    /**
     * The mean effort score.
     *
     * @return the mean; NaN when empty
     */
    @Override
    public double estimate() {
        return mean.mean();
    }

    @Override
    public double standardError() {
        return mean.standardError();
    }

    @Override
    public double effectiveN() {
        return mean.effectiveN();
    }

    @Override
    public boolean weighted() {
        return mean.weighted();
    }

    /**
     * The t interval for the mean.
     *
     * @param confidence the confidence level in (0, 1)
     * @return the interval on the rating scale
     */
    @Override
    public Interval interval(double confidence) {
        return mean.interval(confidence);
    }

    /**
     * The percent who agree.
     *
     * @return {@code 100 × agree share}; NaN when empty
     */
    public double percentAgree() {
        return 100 * agree.estimate();
    }

    /**
     * Compares the mean with an independent group's by Welch's t test.
     *
     * @param other the other group
     * @param confidence the confidence level of the interval
     * @return the comparison of {@code this − other} in rating points
     */
    public Comparison compare(CesResult other, double confidence) {
        Check.notNull(other, "other");
        return TwoSampleTest.welch(mean, other.mean, confidence);
    }

    /**
     * Compares the percent who agree with an independent group's (two-proportion z test).
     *
     * @param other the other group
     * @param confidence the confidence level of the interval
     * @return the comparison in percentage points
     */
    public Comparison compareAgree(CesResult other, double confidence) {
        Check.notNull(other, "other");
        return TwoSampleTest.twoProportions(agree, other.agree, confidence).scale(100);
    }

    /**
     * This result (mean and share agreeing) as a domain (segment) of a weighted sample of {@code sampleN} answers: the standard error
     * of R's {@code svyby} (see {@link io.cxkit.core.Domains}). Unweighted results, and segments
     * with fewer than 2 answers, are unchanged.
     *
     * @param sampleN the whole sample's number of answers to this question, &gt;= {@code n()}
     * @return the domain result
     * @throws IllegalArgumentException if {@code sampleN < n()}
     */
    public CesResult inDomainOf(long sampleN) {
        return new CesResult(mean.inDomainOf(sampleN), agree.inDomainOf(sampleN), missing, scale);
    }

    @Override
    public String toString() {
        if (n() == 0) {
            return "CES[n=0, empty" + (missing > 0 ? ", missing=" + missing : "") + "]";
        }
        Interval ci = interval();
        return String.format(Locale.ROOT,
                "CES mean %.2f on %d-%d (95%% CI %.2f..%.2f, t; SE %.3f), %.1f%% agree, n=%d%s%s",
                estimate(), scale.min(), scale.max(), ci.lower(), ci.upper(), standardError(),
                percentAgree(), n(),
                weighted() ? String.format(Locale.ROOT, " (effective n %.1f)", effectiveN()) : "",
                missing > 0 ? ", missing=" + missing : "");
    }
}
