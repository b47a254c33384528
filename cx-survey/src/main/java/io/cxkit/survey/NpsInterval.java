package io.cxkit.survey;

/**
 * Closed-form confidence-interval methods for the Net Promoter Score. The percentile bootstrap is
 * {@link NpsResult#bootstrapInterval(int, long, double)}.
 *
 * <p>{@link #ADJUSTED_WALD} is the default; {@link #WALD} is adequate from n ≈ 100. Measured
 * coverage: the table "Which interval when" in {@code docs/statistics.md} (the one copy of the
 * coverage figures).
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
