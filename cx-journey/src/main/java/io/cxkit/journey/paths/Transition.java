package io.cxkit.journey.paths;

import io.cxkit.core.QuantileSummary;
import java.util.Locale;

/**
 * One directly-follows edge of a {@link TransitionGraph}.
 *
 * @param from the earlier touchpoint, or {@value TransitionGraph#START} for journey entries
 * @param to the next touchpoint, or {@value TransitionGraph#END} for journey exits
 * @param count how often {@code to} directly followed {@code from}
 * @param share {@code count} over all edges leaving {@code from} (exits included), in [0, 1]
 * @param time seconds between the two events (empty for entry and exit edges)
 */
public record Transition(String from, String to, long count, double share, QuantileSummary time) {

    /**
     * Returns e.g. {@code cart -> checkout: 40 (66.7%), median 120 s, p90 900 s}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        String t = time.isEmpty() ? "" : String.format(Locale.ROOT, ", median %.0f s, p90 %.0f s",
                time.median(), time.p90());
        return String.format(Locale.ROOT, "%s -> %s: %d (%.1f%%)%s", from, to, count, 100 * share, t);
    }
}
