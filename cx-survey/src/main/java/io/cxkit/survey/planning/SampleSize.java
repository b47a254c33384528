package io.cxkit.survey.planning;

import io.cxkit.core.Check;
import io.cxkit.core.Distributions;

/**
 * How many responses a survey needs: for a target margin of error (half-width of a two-sided
 * interval) or, per group, to detect a difference with a given power. All results are rounded up
 * and assume simple random sampling without weights (divide by the expected design effect's
 * inverse, i.e. multiply by the design effect, for weighted samples).
 *
 * <p>Formulas: margin of error {@code n = z²·σ²/E²} with σ² the per-response variance (NPS coding:
 * {@code (p_P+p_D) − (p_P−p_D)²}; proportion: {@code p(1−p)}); for a mean, the smallest n with
 * {@code t(n−1)·σ/√n ≤ E}. Two groups: NPS, {@code n = (z_{1−α/2} + z_{power})²(σ₁² + σ₂²)/Δ²};
 * proportions, the closed form of R's {@code power.prop.test} (strict = FALSE):
 * {@code n = (z_{1−α/2}√(2p̄(1−p̄)) + z_{power}√(p₁(1−p₁) + p₂(1−p₂)))²/(p₁ − p₂)²}.
 */
public final class SampleSize {
    private SampleSize() {
    }

    /**
     * Responses needed for the NPS interval to have half-width {@code marginPoints}.
     *
     * @param marginPoints the margin of error in NPS points, in (0, 200]
     * @param confidence the confidence level in (0, 1)
     * @param expected the expected promoter/detractor mix ({@link NpsMix#worstCase()} if unknown)
     * @return the number of responses
     */
    public static long npsMarginOfError(double marginPoints, double confidence, NpsMix expected) {
        double e = margin(marginPoints, 200, "marginPoints") / 100;
        Check.notNull(expected, "expected");
        double z = Distributions.zCritical(confidence);
        return atLeastOne(z * z * expected.variance() / (e * e));
    }

    /**
     * Responses needed for a proportion's (CSAT % satisfied, CES % agree) interval to have
     * half-width {@code marginPoints} percentage points.
     *
     * @param marginPoints the margin of error in percentage points, in (0, 100]
     * @param confidence the confidence level in (0, 1)
     * @param expectedShare the expected proportion in [0, 1] (0.5 if unknown: the worst case)
     * @return the number of responses
     */
    public static long proportionMarginOfError(double marginPoints, double confidence,
            double expectedShare) {
        double e = margin(marginPoints, 100, "marginPoints") / 100;
        share(expectedShare, "expectedShare");
        double z = Distributions.zCritical(confidence);
        return atLeastOne(z * z * expectedShare * (1 - expectedShare) / (e * e));
    }

    /**
     * Responses needed for a mean's (CES, mean rating) t interval to have half-width {@code margin}.
     *
     * @param margin the margin of error in scale points, &gt; 0
     * @param confidence the confidence level in (0, 1)
     * @param standardDeviation the expected standard deviation of one answer, &gt; 0
     * @return the smallest n &gt;= 2 with {@code t(n−1)·σ/√n ≤ margin}
     */
    public static long meanMarginOfError(double margin, double confidence, double standardDeviation) {
        Check.positive(margin, "margin");
        Check.positive(standardDeviation, "standardDeviation");
        double z = Distributions.zCritical(confidence);
        double ratio = standardDeviation / margin;
        long n = Math.max(2, atLeastOne(z * z * ratio * ratio));
        while (Distributions.tCritical(confidence, n - 1) * ratio / Math.sqrt(n) > 1) {
            n++;
        }
        return n;
    }

    /**
     * Responses needed per group to detect the difference between two NPS mixes with a two-sided
     * z test.
     *
     * @param a the first group's expected mix
     * @param b the second group's expected mix; its NPS must differ from {@code a}'s
     * @param alpha the two-sided significance level in (0, 1)
     * @param power the desired power in (0, 1)
     * @return responses per group
     */
    public static long npsDifference(NpsMix a, NpsMix b, double alpha, double power) {
        Check.notNull(a, "a");
        Check.notNull(b, "b");
        double delta = (a.nps() - b.nps()) / 100;
        if (Math.abs(delta) < 1e-12) {
            throw new IllegalArgumentException("the two NPS mixes must differ: both have NPS " + Math.round(a.nps() * 1e9) / 1e9);
        }
        double k = Distributions.zCritical(1 - Check.confidence(alpha))
                + Distributions.normalQuantile(Check.confidence(power));
        return atLeastOne(k * k * (a.variance() + b.variance()) / (delta * delta));
    }

    /**
     * Responses needed per group to detect the difference between two proportions (e.g. CSAT %
     * satisfied) with a two-sided test, as R's {@code power.prop.test(p1=, p2=, sig.level=,
     * power=)} (rounded up).
     *
     * @param p1 the first group's expected proportion in (0, 1)
     * @param p2 the second group's expected proportion in (0, 1), different from {@code p1}
     * @param alpha the two-sided significance level in (0, 1)
     * @param power the desired power in (0, 1)
     * @return responses per group
     */
    public static long proportionDifference(double p1, double p2, double alpha, double power) {
        share(p1, "p1");
        share(p2, "p2");
        if (p1 == p2) {
            throw new IllegalArgumentException("p1 and p2 must differ: both are " + p1);
        }
        double za = Distributions.zCritical(1 - Check.confidence(alpha));
        double zb = Distributions.normalQuantile(Check.confidence(power));
        double pbar = (p1 + p2) / 2;
        double num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return atLeastOne(num * num / ((p1 - p2) * (p1 - p2)));
    }

    private static double margin(double m, double max, String name) {
        if (!(m > 0 && m <= max)) {
            throw new IllegalArgumentException(name + " must be in (0, " + (int) max + "]: " + m);
        }
        return m;
    }

    private static void share(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + p);
        }
    }

    private static long atLeastOne(double n) {
        // Guard against 385.0000000001 from rounding in the quantiles rounding up to 386.
        return Math.max(1, (long) Math.ceil(n - 1e-9));
    }
}
