package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Distributions;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.TwoSampleTest;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * A Net Promoter Score with its uncertainty. The score is in points, {@code 100·(p_P − p_D)} in
 * [−100, 100]; shares are proportions in [0, 1] (weighted shares for weighted data).
 *
 * <p>Standard error (in points): unweighted, {@code 100·√(((p_P + p_D) − (p_P − p_D)²)/n)} — the
 * standard deviation of the per-response coding +1/0/−1 over √n; weighted, the linearization
 * standard error of the coded mean, equal to R's
 * {@code svymean(~code, svydesign(ids=~1, weights=~w))} times 100.
 *
 * <p>Empty input: {@code n == 0}, estimate, shares and standard error NaN.
 *
 * @param n number of answers counted (missing answers included only under NEUTRAL)
 * @param missing number of missing answers seen
 * @param promoters number of promoters
 * @param passives number of passives
 * @param detractors number of detractors
 * @param promoterShare (weighted) share of promoters
 * @param detractorShare (weighted) share of detractors
 * @param estimate the NPS in points
 * @param standardError its standard error in points
 * @param effectiveN Kish effective sample size ({@code n} when unweighted)
 * @param weighted whether the answers were weighted
 */
public record NpsResult(long n, long missing, long promoters, long passives, long detractors,
        double promoterShare, double detractorShare, double estimate, double standardError,
        double effectiveN, boolean weighted) implements Estimate {

    /**
     * Validates the counts.
     *
     * @param n number of answers
     * @param missing missing answers
     * @param promoters promoters
     * @param passives passives
     * @param detractors detractors
     * @param promoterShare promoter share
     * @param detractorShare detractor share
     * @param estimate the NPS
     * @param standardError its standard error
     * @param effectiveN Kish effective n
     * @param weighted whether weighted
     */
    public NpsResult {
        if (promoters < 0 || passives < 0 || detractors < 0 || missing < 0
                || promoters + passives + detractors != n) {
            throw new IllegalArgumentException("NPS counts must be >= 0 and add up to n=" + n
                    + ": promoters=" + promoters + ", passives=" + passives + ", detractors="
                    + detractors + ", missing=" + missing);
        }
    }

    /**
     * The (weighted) share of passives.
     *
     * @return {@code 1 − promoterShare − detractorShare}; NaN when empty
     */
    public double passiveShare() {
        return n == 0 ? Double.NaN : Math.max(0, 1 - promoterShare - detractorShare);
    }

    /**
     * The design effective sample size {@code n* = var/SE²} on the proportion scale, which the
     * adjusted-Wald interval uses for weighted data; {@code n} for unweighted data.
     *
     * @return the effective size; Kish's when the variance is zero
     */
    public double designEffectiveN() {
        if (!weighted) {
            return n;
        }
        double d = promoterShare - detractorShare;
        double var = promoterShare + detractorShare - d * d;
        double se = standardError / 100;
        return var > 0 && se > 0 ? var / (se * se) : effectiveN;
    }

    /**
     * The adjusted-Wald interval (the default).
     *
     * @param confidence the confidence level in (0, 1)
     * @return the interval in points
     */
    @Override
    public Interval interval(double confidence) {
        return interval(NpsInterval.ADJUSTED_WALD, confidence);
    }

    /**
     * The interval by the given closed-form method.
     *
     * @param method Wald or adjusted Wald
     * @param confidence the confidence level in (0, 1)
     * @return the interval in points, within [−100, 100]; NaN bounds when empty
     */
    public Interval interval(NpsInterval method, double confidence) {
        Check.notNull(method, "method");
        Check.confidence(confidence);
        if (n == 0) {
            return Interval.empty(confidence, method.label());
        }
        double z = Distributions.zCritical(confidence);
        double center;
        double se;
        if (method == NpsInterval.WALD) {
            center = estimate / 100;
            se = standardError / 100;
        } else {
            double[] adjusted = adjusted();
            center = adjusted[0];
            se = adjusted[1];
        }
        double lo = Math.max(-1, center - z * se);
        double hi = Math.min(1, center + z * se);
        return new Interval(100 * lo, 100 * hi, confidence, method.label());
    }

    /**
     * Percentile bootstrap interval: {@code resamples} multinomial resamples of {@code n} answers from
     * the observed promoter/passive/detractor shares (equivalent to resampling respondents), NPS of
     * each, and the {@code α/2} and {@code 1 − α/2} quantiles of those (linear interpolation, R's
     * {@code quantile(type = 7)}). The same seed gives the same interval.
     *
     * @param resamples number of bootstrap resamples, in [100, 1,000,000]
     * @param seed the random seed
     * @param confidence the confidence level in (0, 1)
     * @return the interval in points; NaN bounds when empty
     * @throws IllegalStateException for weighted data (its per-response weights are not kept; use
     *     {@link #interval(NpsInterval, double)})
     */
    public Interval bootstrapInterval(int resamples, long seed, double confidence) {
        Check.inRange(resamples, 100, 1_000_000, "resamples");
        Check.confidence(confidence);
        String method = "percentile bootstrap";
        if (n == 0) {
            return Interval.empty(confidence, method);
        }
        if (weighted) {
            throw new IllegalStateException("the bootstrap interval needs unweighted answers; for "
                    + "weighted NPS use interval(NpsInterval, confidence)");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("the bootstrap interval supports n <= " + Integer.MAX_VALUE
                    + ": " + n);
        }
        int trials = (int) n;
        double pp = (double) promoters / n;
        double pdGivenNotP = promoters == n ? 0 : (double) detractors / (n - promoters);
        SplittableRandom random = new SplittableRandom(seed);
        BinomialDistribution promoterDraw = new BinomialDistribution(null, trials, pp);
        double[] scores = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int p = promoterDraw.inverseCumulativeProbability(random.nextDouble());
            int rest = trials - p;
            int d = rest == 0 || pdGivenNotP == 0 ? 0 : pdGivenNotP == 1 ? rest
                    : new BinomialDistribution(null, rest, pdGivenNotP)
                            .inverseCumulativeProbability(random.nextDouble());
            scores[b] = 100.0 * (p - d) / trials;
        }
        Arrays.sort(scores);
        double a2 = (1 - confidence) / 2;
        return new Interval(quantile7(scores, a2), quantile7(scores, 1 - a2), confidence, method);
    }

    private static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Compares this score with another from an independent sample: the signed difference
     * {@code this − other} in points, {@code SE = √(SẼ₁² + SẼ₂²)} from the
     * {@linkplain #adjustedStandardError() adjusted-Wald standard errors} (so that one respondent,
     * or every answer in one group, never gives z = ∞ and p = 0), a z test and a Wald interval.
     *
     * @param other the other group's score
     * @param confidence the confidence level of the interval
     * @return the comparison in points
     * @throws IllegalArgumentException if either score is empty
     */
    public Comparison compare(NpsResult other, double confidence) {
        Check.notNull(other, "other");
        if (n == 0 || other.n == 0) {
            throw new IllegalArgumentException(
                    "comparison needs data in both groups: n_a=" + n + ", n_b=" + other.n);
        }
        double se = Math.hypot(inferenceStandardError(), other.inferenceStandardError());
        return TwoSampleTest.normalDifference(estimate - other.estimate, se, confidence, "NPS difference z");
    }

    /**
     * The standard error a comparison uses: the plain one ({@link #standardError()}, which matches R)
     * where it is positive, and the {@linkplain #adjustedStandardError() adjusted-Wald} one where the
     * plain one is 0 or undefined — at {@code n = 1} and when every answer falls in one group.
     *
     * @return the standard error in points; NaN when empty
     */
    public double inferenceStandardError() {
        return standardError > 0 ? standardError : adjustedStandardError();
    }

    /**
     * The standard error used for inference at any n: that of the adjusted-Wald estimate, with
     * pseudo-counts 0.75 / 1.5 / 0.75 added to detractors / passives / promoters of the (design)
     * effective sample size {@code m}: {@code 100·√((p̃P + p̃D − (p̃P − p̃D)²)/(m + 3))},
     * {@code p̃P = (pP·m + 0.75)/(m + 3)}. Unlike {@link #standardError()} it is positive at
     * {@code n = 1} and when every answer falls in one group (where the plain SE is 0 and a z test
     * would report z = ∞), and it approaches the plain SE as n grows. The adjusted-Wald interval is
     * built from it, and {@link #compare} uses it where the plain SE is 0.
     *
     * @return the adjusted standard error in NPS points; NaN when empty
     */
    public double adjustedStandardError() {
        return n == 0 ? Double.NaN : 100 * adjusted()[1];
    }

    /** The adjusted-Wald centre and standard error (as shares, not points). */
    private double[] adjusted() {
        double m = designEffectiveN();
        double pp = (promoterShare * m + 0.75) / (m + 3);
        double pd = (detractorShare * m + 0.75) / (m + 3);
        double center = pp - pd;
        return new double[] {center, Math.sqrt((pp + pd - center * center) / (m + 3))};
    }

    /**
     * This score as a domain (segment) of a weighted sample of {@code sampleN} answers: the standard error
     * of R's {@code svyby} (see {@link io.cxkit.core.Domains}). Unweighted results, and segments
     * with fewer than 2 answers, are unchanged.
     *
     * @param sampleN the whole sample's number of answers to this question, &gt;= {@code n()}
     * @return the domain result
     * @throws IllegalArgumentException if {@code sampleN < n()}
     */
    public NpsResult inDomainOf(long sampleN) {
        double f = io.cxkit.core.Domains.standardErrorFactor(n, sampleN, weighted);
        return f == 1 ? this : new NpsResult(n, missing, promoters, passives, detractors, promoterShare,
                detractorShare, estimate, standardError * f, effectiveN, weighted);
    }

    @Override
    public String toString() {
        if (n == 0) {
            return "NPS[n=0, empty" + (missing > 0 ? ", missing=" + missing : "") + "]";
        }
        Interval ci = interval();
        return String.format(Locale.ROOT,
                "NPS %.1f (95%% CI %.1f..%.1f, %s; SE %.2f) n=%d%s: %.1f%% promoters, %.1f%% passives,"
                        + " %.1f%% detractors%s",
                estimate, ci.lower(), ci.upper(), ci.method(), standardError, n,
                weighted ? String.format(Locale.ROOT, " (effective n %.1f)", effectiveN) : "",
                100 * promoterShare, 100 * passiveShare(), 100 * detractorShare,
                missing > 0 ? ", missing=" + missing : "");
    }
}
