package io.cxkit.survey.outcomes;

import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import java.util.Locale;

/**
 * One group's outcome compared with the reference group's: the difference (with its test) and the
 * ratio (with its interval), e.g. "promoters spend 2.14× detractors (95% CI 1.66..2.75)".
 *
 * <p>Ratio intervals: for means, the delta method on the log ratio,
 * {@code SE(log r)² = SE₁²/m₁² + SE₂²/m₂²}, interval {@code r·exp(±z·SE)} (needs both means &gt; 0,
 * otherwise NaN); for rates, Katz's log risk-ratio interval,
 * {@code SE(log RR) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)} (needs at least one success in each group,
 * otherwise NaN). References: Katz, Baptista, Azen &amp; Pike (1978), Biometrics 34, 469–474;
 * delta method, e.g. Casella &amp; Berger (2002), §5.5.4. The test of "ratio = 1" is the test of
 * "difference = 0" in {@link #difference()}.
 *
 * @param group the compared group
 * @param reference the reference group
 * @param difference {@code group − reference} in the outcome's unit (Welch t for means; pooled
 *     two-proportion z with Newcombe interval for rates, as a proportion difference in [−1, 1])
 * @param ratio {@code group / reference}; NaN when undefined
 * @param ratioInterval interval for the ratio; NaN bounds when undefined
 */
public record OutcomeContrast(String group, String reference, Comparison difference, double ratio,
        Interval ratioInterval) {

    /**
     * Validates the components.
     *
     * @param group the compared group
     * @param reference the reference group
     * @param difference the difference
     * @param ratio the ratio
     * @param ratioInterval its interval
     */
    public OutcomeContrast {
        Check.notNull(group, "group");
        Check.notNull(reference, "reference");
        Check.notNull(difference, "difference");
        Check.notNull(ratioInterval, "ratioInterval");
    }

    @Override
    public String toString() {
        Interval d = difference.interval();
        return String.format(Locale.ROOT,
                "%s vs %s: ratio %.3g× (%.0f%% CI %.3g..%.3g, %s), difference %+.4g (CI %.4g..%.4g), %s p = %.3g",
                group, reference, ratio, 100 * ratioInterval.confidence(), ratioInterval.lower(),
                ratioInterval.upper(), ratioInterval.method(), difference.difference(), d.lower(),
                d.upper(), difference.method(), difference.pValue());
    }
}
