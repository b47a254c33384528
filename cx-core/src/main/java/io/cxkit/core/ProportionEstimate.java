package io.cxkit.core;

/**
 * An estimated proportion (a share in [0, 1]) with its standard error: CSAT top-box share, CES %
 * agree, a conversion rate, first-contact resolution.
 *
 * <p>Unweighted: {@code p = x/n}, {@code SE = √(p(1−p)/n)}, and intervals use {@code x} and
 * {@code n} directly. Weighted: {@code p = Σwy/Σw} with the linearization (Taylor) standard error
 * that R's {@code survey::svymean(~y, svydesign(ids=~1, weights=~w))} reports,
 * {@code SE² = n/(n−1) · Σ wᵢ²(yᵢ − p)² / (Σw)²}; intervals then use the design-based effective
 * sample size {@code n* = p(1−p)/SE²} (Korn &amp; Graubard 1998, as R's {@code svyciprop}), so the
 * weighted Wald interval is exactly {@code p ± z·SE}. When {@code p} is 0 or 1 the Kish effective
 * size stands in for {@code n*}.
 *
 * <p>The weighted Wilson interval under-covers for small or very unequally weighted samples,
 * since {@code n*} is itself estimated; measured coverage: the table "Which interval when" in
 * {@code docs/statistics.md}.
 *
 * @param n number of observations (respondents, journeys), &gt;= 0
 * @param successes number of successes for unweighted data; the weighted share times the Kish
 *     effective size for weighted data
 * @param estimate the proportion in [0, 1]; NaN when {@code n == 0}
 * @param standardError standard error of the proportion; NaN when {@code n == 0}
 * @param effectiveN Kish effective sample size {@code (Σw)²/Σw²} (equals {@code n} unweighted)
 * @param weighted whether the observations were weighted
 */
public record ProportionEstimate(long n, double successes, double estimate, double standardError,
        double effectiveN, boolean weighted) implements Estimate {

    /**
     * Validates the components.
     *
     * @param n number of observations
     * @param successes successes (see the record description)
     * @param estimate the proportion
     * @param standardError its standard error
     * @param effectiveN Kish effective sample size
     * @param weighted whether weighted
     */
    public ProportionEstimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        if (n > 0 && !(estimate >= 0 && estimate <= 1)) {
            throw new IllegalArgumentException("proportion must be in [0, 1]: " + estimate);
        }
    }

    /**
     * An unweighted proportion {@code successes / n}.
     *
     * @param successes number of successes, in [0, n]
     * @param n number of trials, &gt;= 0 (0 gives the empty estimate)
     * @return the estimate with {@code SE = √(p(1−p)/n)}
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public static ProportionEstimate of(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException(
                    "successes must be in [0, n] with n >= 0: successes=" + successes + ", n=" + n);
        }
        if (n == 0) {
            return empty();
        }
        double p = (double) successes / n;
        return new ProportionEstimate(n, successes, p, Math.sqrt(p * (1 - p) / n), n, false);
    }

    /**
     * A weighted proportion from its sufficient statistics.
     *
     * @param n number of observations
     * @param sumW1 sum of the weights of successes
     * @param sumW0 sum of the weights of failures
     * @param sumWSq1 sum of the squared weights of successes
     * @param sumWSq0 sum of the squared weights of failures
     * @return the weighted estimate with the linearization standard error
     */
    public static ProportionEstimate ofWeighted(long n, double sumW1, double sumW0, double sumWSq1,
            double sumWSq0) {
        if (n == 0) {
            return empty();
        }
        double sw = sumW1 + sumW0;
        double p = Math.min(1, Math.max(0, sumW1 / sw));
        double ss = sumWSq1 * (1 - p) * (1 - p) + sumWSq0 * p * p;
        double se = n > 1 ? Math.sqrt((double) n / (n - 1) * ss / (sw * sw)) : Double.NaN;
        double kish = sw * sw / (sumWSq1 + sumWSq0);
        return new ProportionEstimate(n, p * kish, p, se, kish, true);
    }

    /**
     * The empty estimate: {@code n = 0}, estimate and standard error NaN.
     *
     * @return the empty estimate
     */
    public static ProportionEstimate empty() {
        return new ProportionEstimate(0, 0, Double.NaN, Double.NaN, 0, false);
    }

    /**
     * The sample size the interval methods use: {@code n} unweighted; the design effective size
     * {@code p(1−p)/SE²} weighted (Kish when that is undefined).
     *
     * @return the interval sample size
     */
    public double intervalN() {
        if (!weighted) {
            return n;
        }
        double v = estimate * (1 - estimate);
        return v > 0 && standardError > 0 ? v / (standardError * standardError) : effectiveN;
    }

    /**
     * The confidence interval by the given method.
     *
     * @param method the interval method
     * @param confidence the confidence level in (0, 1)
     * @return the interval for the proportion, within [0, 1]
     */
    public Interval interval(ProportionInterval method, double confidence) {
        Check.notNull(method, "method");
        if (n == 0) {
            return Interval.empty(Check.confidence(confidence), method.label());
        }
        if (!weighted) {
            return method.compute(successes, n, confidence);
        }
        double m = intervalN();
        return method.compute(estimate * m, m, confidence);
    }

    /**
     * The Wilson interval (the default).
     *
     * @param confidence the confidence level in (0, 1)
     * @return the interval
     */
    @Override
    public Interval interval(double confidence) {
        return interval(ProportionInterval.WILSON, confidence);
    }

    /**
     * This estimate as a domain (segment) of a larger weighted sample of {@code sampleN}
     * observations.
     *
     * <p>Domain estimation (as R's {@code svyby(~y, ~segment, svydesign(ids=~1, weights=~w),
     * svymean)}): the linearization variance of a segment's weighted estimate is
     * {@code N/(N−1) · Σ_segment wᵢ²(yᵢ − ŷ)² / (Σ_segment w)²}, with {@code N} the whole sample's
     * size, where the segment on its own uses its own {@code n/(n−1)}. So the standard error is this
     * one times {@code √(N(n−1) / ((N−1)n))}. Unweighted estimates, and segments with {@code n < 2}
     * (whose standard error is undefined), are returned unchanged, as is the whole sample itself
     * ({@code N == n}).
     *
     * @param sampleN the whole sample's size, &gt;= {@link #n()}
     * @return the domain estimate
     * @throws IllegalArgumentException if {@code sampleN < n}
     */
    public ProportionEstimate inDomainOf(long sampleN) {
        double f = Domains.standardErrorFactor(n, sampleN, weighted);
        return f == 1 ? this : new ProportionEstimate(n, successes, estimate, standardError * f, effectiveN, weighted);
    }

    @Override
    public String toString() {
        if (n == 0) {
            return "Proportion[n=0, empty]";
        }
        return "Proportion[" + Format.number(estimate) + " ± " + Format.number(standardError)
                + " (SE), n=" + n + (weighted ? ", effective n=" + Format.number(effectiveN) : "")
                + ", " + interval() + "]";
    }
}
