package io.cxkit.journey.attribution;

import java.util.Locale;

/**
 * The conversions and value one touchpoint is credited with by one attribution model.
 *
 * @param touchpoint the touchpoint
 * @param conversions credited conversions (fractional); over all touchpoints they sum to the
 *     total conversions
 * @param value credited conversion value; over all touchpoints it sums to the total value
 * @param removalEffect Markov only: {@code 1 − P(conversion | touchpoint removed)/P(conversion)},
 *     in [0, 1] (1: no conversion is possible without it); NaN for the heuristic models and when
 *     there are no conversions
 * @param valueRemovalEffect Markov only: the same for the expected conversion value; NaN for the
 *     heuristic models and when the total value is 0
 */
public record TouchpointCredit(String touchpoint, double conversions, double value, double removalEffect,
        double valueRemovalEffect) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.4f conversions, value %.4f%s", touchpoint, conversions, value,
                Double.isNaN(removalEffect) ? "" : String.format(Locale.ROOT, ", removal effect %.4f", removalEffect));
    }
}
