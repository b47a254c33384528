package io.cxkit.core;

/**
 * Two-sample comparisons of independent groups.
 *
 * <ul>
 *   <li>{@link #welch} — Welch's unequal-variance t test, equal to R's
 *       {@code t.test(x, y)} (statistic, Welch–Satterthwaite df, p-value, interval);
 *   <li>{@link #twoProportions} — the pooled two-proportion z test of statsmodels'
 *       {@code proportions_ztest([x1, x2], [n1, n2])}, with Newcombe's hybrid-score interval for
 *       the difference ({@code confint_proportions_2indep(..., method="newcomb")});
 *   <li>{@link #normal} — a z test and Wald interval for any difference of two independent
 *       estimates with known standard errors (used for the signed NPS difference).
 * </ul>
 */
public final class TwoSampleTest {
    private TwoSampleTest() {
    }

    /**
     * Welch's t test of {@code a.mean − b.mean}. With {@code vᵢ = SEᵢ²}:
     * {@code t = (m_a − m_b)/√(v_a + v_b)},
     * {@code df = (v_a + v_b)² / (v_a²/df_a + v_b²/df_b)}. Weighted estimates enter through their
     * linearization standard errors and {@code n − 1} degrees of freedom.
     *
     * @param a the first group's mean, {@code n >= 2}
     * @param b the second group's mean, {@code n >= 2}
     * @param confidence the confidence level of the interval, in (0, 1)
     * @return the comparison of {@code a − b}
     * @throws IllegalArgumentException if a group has fewer than 2 observations
     */
    public static Comparison welch(MeanEstimate a, MeanEstimate b, double confidence) {
        Check.notNull(a, "a");
        Check.notNull(b, "b");
        Check.confidence(confidence);
        if (a.n() < 2 || b.n() < 2) {
            throw new IllegalArgumentException("Welch's test needs at least 2 observations per group: n_a="
                    + a.n() + ", n_b=" + b.n());
        }
        // Welch–Satterthwaite with the variances scaled by the larger one, so that tiny standard
        // errors (whose squares underflow) give the right df instead of 0/0.
        double m = Math.max(a.standardError(), b.standardError());
        if (!(m > 0)) {
            throw new IllegalArgumentException(
                    "Welch's test is undefined when both groups have zero variance");
        }
        double ra = a.standardError() / m * (a.standardError() / m);
        double rb = b.standardError() / m * (b.standardError() / m);
        double se = m * Math.sqrt(ra + rb);
        double diff = a.mean() - b.mean();
        double df = (ra + rb) * (ra + rb) / (ra * ra / a.degreesOfFreedom() + rb * rb / b.degreesOfFreedom());
        double t = diff / se;
        double half = Distributions.tCritical(confidence, df) * se;
        return new Comparison("Welch t", diff, se, t, df, Distributions.tTwoSidedP(t, df),
                new Interval(diff - half, diff + half, confidence, "Welch t"));
    }

    /**
     * Two-proportion z test of {@code p_a − p_b} with pooled variance under H0:
     * {@code z = (p_a − p_b) / √(p̄(1−p̄)(1/n_a + 1/n_b))}, {@code p̄ = (x_a + x_b)/(n_a + n_b)}.
     * The reported standard error is the unpooled {@code √(p_a(1−p_a)/n_a + p_b(1−p_b)/n_b)} and the
     * interval is Newcombe's hybrid score interval (method 10 of Newcombe 1998), built from the two
     * Wilson intervals. Weighted estimates enter with {@code x = p·n*} and their design effective
     * size {@code n*} ({@link ProportionEstimate#intervalN()}).
     *
     * @param a the first proportion, {@code n >= 1}
     * @param b the second proportion, {@code n >= 1}
     * @param confidence the confidence level of the interval, in (0, 1)
     * @return the comparison of {@code a − b}
     * @throws IllegalArgumentException if a group is empty
     */
    public static Comparison twoProportions(ProportionEstimate a, ProportionEstimate b,
            double confidence) {
        Check.notNull(a, "a");
        Check.notNull(b, "b");
        Check.confidence(confidence);
        if (a.n() == 0 || b.n() == 0) {
            throw new IllegalArgumentException(
                    "two-proportion test needs data in both groups: n_a=" + a.n() + ", n_b=" + b.n());
        }
        double na = a.intervalN();
        double nb = b.intervalN();
        double pa = a.estimate();
        double pb = b.estimate();
        double pooled = (pa * na + pb * nb) / (na + nb);
        double seH0 = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
        double diff = pa - pb;
        double z = seH0 > 0 ? diff / seH0 : (diff == 0 ? Double.NaN : Math.copySign(
                Double.POSITIVE_INFINITY, diff));
        double se = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
        Interval ia = ProportionInterval.WILSON.compute(pa * na, na, confidence);
        Interval ib = ProportionInterval.WILSON.compute(pb * nb, nb, confidence);
        double lo = diff - Math.sqrt(sq(pa - ia.lower()) + sq(ib.upper() - pb));
        double hi = diff + Math.sqrt(sq(ia.upper() - pa) + sq(pb - ib.lower()));
        return new Comparison("two-proportion z (pooled)", diff, se, z, Double.POSITIVE_INFINITY,
                Distributions.normalTwoSidedP(z), new Interval(lo, hi, confidence, "Newcombe"));
    }

    /**
     * z test and Wald interval for the difference of two independent estimates:
     * {@code SE = √(SE_a² + SE_b²)}, {@code z = (a − b)/SE}, interval {@code (a − b) ± z·SE}.
     *
     * @param a the first estimate
     * @param b the second estimate
     * @param confidence the confidence level of the interval, in (0, 1)
     * @param method the name reported in the comparison
     * @return the comparison of {@code a − b}
     * @throws IllegalArgumentException if either estimate is empty
     */
    public static Comparison normal(Estimate a, Estimate b, double confidence, String method) {
        Check.notNull(a, "a");
        Check.notNull(b, "b");
        Check.confidence(confidence);
        if (a.n() == 0 || b.n() == 0) {
            throw new IllegalArgumentException(
                    "comparison needs data in both groups: n_a=" + a.n() + ", n_b=" + b.n());
        }
        return normalDifference(a.estimate() - b.estimate(),
                Math.sqrt(sq(a.standardError()) + sq(b.standardError())), confidence, method);
    }

    /**
     * The normal (z) test and Wald interval of a difference with a known standard error:
     * {@code z = d / SE}, two-sided p, {@code d ± z₁₋α/₂·SE}. For estimates whose plain standard
     * error can be 0 at small n (NPS with every answer in one group), pass a standard error that
     * is positive there, e.g. from adjusted-Wald pseudo-counts.
     *
     * @param difference the estimated difference
     * @param standardError its standard error, &gt;= 0 (0 gives an infinite z)
     * @param confidence the interval's confidence level in (0, 1)
     * @param method the method label
     * @return the comparison
     */
    public static Comparison normalDifference(double difference, double standardError, double confidence,
            String method) {
        Check.confidence(confidence);
        double z = difference / standardError;
        double half = Distributions.zCritical(confidence) * standardError;
        return new Comparison(method, difference, standardError, z, Double.POSITIVE_INFINITY,
                Distributions.normalTwoSidedP(z), new Interval(difference - half, difference + half, confidence,
                        "Wald"));
    }

    private static double sq(double x) {
        return x * x;
    }
}
