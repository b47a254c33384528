package io.cxkit.journey.satisfaction;

import io.cxkit.core.Comparison;
import io.cxkit.core.ProportionEstimate;
import java.util.Locale;
import java.util.Optional;

/**
 * How a touchpoint's rating goes with the journey's rating: the share of satisfied journeys among
 * journeys whose touchpoint rating was satisfied, against those whose was not, and the difference
 * with a two-proportion test. An association, not a proof of cause.
 *
 * @param touchpoint the touchpoint
 * @param whenSatisfied journey CSAT (share satisfied) where the touchpoint was rated satisfied
 * @param whenNotSatisfied journey CSAT where the touchpoint was rated not satisfied
 * @param difference {@code whenSatisfied − whenNotSatisfied} with its test; empty unless both groups
 *     have journeys
 */
public record TouchpointImpact(String touchpoint, ProportionEstimate whenSatisfied,
        ProportionEstimate whenNotSatisfied, Optional<Comparison> difference) {

    /**
     * The journeys that rated both this touchpoint and the journey.
     *
     * @return the count
     */
    public long journeys() {
        return whenSatisfied.n() + whenNotSatisfied.n();
    }

    /**
     * Returns e.g. {@code delivery: journey CSAT 80.0% when satisfied (n=40) vs 20.0% when not (n=10),
     * difference +60.0 points, p=0.0004}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: journey CSAT %s when satisfied (n=%d) vs %s when not (n=%d)%s",
                touchpoint, pct(whenSatisfied), whenSatisfied.n(), pct(whenNotSatisfied), whenNotSatisfied.n(),
                difference.map(c -> String.format(Locale.ROOT, ", difference %+.1f points, p=%.4f",
                        100 * c.difference(), c.pValue())).orElse(""));
    }

    private static String pct(ProportionEstimate p) {
        return p.n() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * p.estimate());
    }
}
