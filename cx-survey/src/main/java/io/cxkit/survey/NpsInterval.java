package io.cxkit.survey;

/**
 * Closed-form confidence-interval methods for the Net Promoter Score. The percentile bootstrap is
 * {@link NpsResult#bootstrapInterval(int, long, double)}.
 *
 * <p>Coverage (seeded simulation in the test suite, 95% intervals, promoter/detractor mixes
 * 0.5/0.2, 0.3/0.3 and 0.7/0.05): {@link #ADJUSTED_WALD} stays within 93.5–96.5% from n = 30
 * (measured 94.5–95.3% for n = 30–200) and is the default; {@link #WALD} is adequate from n ≈ 100
 * (94.3–95.0%) and under-covers below (91.5–93.5% at n = 30, worst for skewed mixes). Weighted
 * (lognormal weights, σ = 0.5, n = 200): both 94.3–94.9%.
 */
public enum NpsInterval {
    /**
     * Wald: {@code NPS ± z·SE} with {@code SE = √(((p_P + p_D) − (p_P − p_D)²)/n)} (weighted: the
     * linearization SE), clipped to [−100, 100].
     */
    WALD("Wald"),
    /**
     * Adjusted Wald (Sauro &amp; Lewis, <i>Quantifying the User Experience</i>, 2nd ed., 2016): add
     * 0.75 detractors, 1.5 passives and 0.75 promoters, so {@code n' = n + 3}; the interval is
     * {@code NPS' ± z·√(((p'_P + p'_D) − (p'_P − p'_D)²)/n')} around the adjusted score, clipped to
     * [−100, 100]. Weighted data enters with the design effective sample size
     * {@code n* = var/SE²} in place of {@code n}.
     */
    ADJUSTED_WALD("adjusted Wald");

    private final String label;

    NpsInterval(String label) {
        this.label = label;
    }

    /**
     * The method's display name.
     *
     * @return the name used in {@link io.cxkit.core.Interval#method()}
     */
    public String label() {
        return label;
    }
}
