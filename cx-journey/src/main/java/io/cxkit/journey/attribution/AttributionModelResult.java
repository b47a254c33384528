package io.cxkit.journey.attribution;

import io.cxkit.core.Check;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The credit of each touchpoint under one attribution model.
 *
 * @param model the model
 * @param order the Markov order (1–3); 0 for the heuristic models
 * @param journeys journeys counted (converting or not)
 * @param conversions converting journeys
 * @param totalValue total conversion value
 * @param conversionProbability Markov only: the chain's probability of absorption in
 *     {@code (conversion)} from {@code (start)}; close to, but in general not equal to, the observed
 *     {@code conversions/journeys}, since the chain remembers only the last k touchpoints; 0 when
 *     nothing converted; NaN for heuristic models
 * @param states Markov only: transient states of the chain (the start state and the touchpoint
 *     k-tuples); 0 for heuristic models
 * @param credits one entry per touchpoint seen in any journey, sorted by touchpoint name;
 *     conversions and values sum to {@link #conversions()} and {@link #totalValue()} (up to rounding)
 * @param note a remark on an edge case (e.g. no conversions), or empty
 */
public record AttributionModelResult(AttributionModel model, int order, long journeys, long conversions,
        double totalValue, double conversionProbability, int states, List<TouchpointCredit> credits,
        String note) {

    /**
     * Validates and copies the components.
     *
     * @param model the model
     * @param order the Markov order or 0
     * @param journeys journeys
     * @param conversions conversions
     * @param totalValue total value
     * @param conversionProbability Markov conversion probability or NaN
     * @param states Markov transient states or 0
     * @param credits per-touchpoint credits
     * @param note a remark or empty
     */
    public AttributionModelResult {
        Check.notNull(model, "model");
        Check.notNull(credits, "credits");
        Check.notNull(note, "note");
        credits = List.copyOf(credits);
    }

    /**
     * The credit of one touchpoint.
     *
     * @param touchpoint the touchpoint
     * @return its credit, empty if it never occurred
     */
    public Optional<TouchpointCredit> credit(String touchpoint) {
        return credits.stream().filter(c -> c.touchpoint().equals(touchpoint)).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Attribution[").append(model.label());
        if (order > 0) {
            sb.append(" order ").append(order).append(", ").append(states).append(" states");
            sb.append(String.format(Locale.ROOT, ", P(conversion)=%.4f", conversionProbability));
        }
        sb.append(String.format(Locale.ROOT, ", journeys=%d, conversions=%d, value=%.2f", journeys,
                conversions, totalValue));
        if (!note.isEmpty()) {
            sb.append(", note: ").append(note);
        }
        for (TouchpointCredit c : credits) {
            sb.append("\n  ").append(c);
        }
        return sb.append(']').toString();
    }
}
