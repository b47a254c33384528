package io.cxkit.journey.survival;

/**
 * One group's row of a log-rank test, as a row of R's {@code survdiff} output.
 *
 * @param group the group label
 * @param n subjects in the group
 * @param observed events observed in the group
 * @param expected events expected under equal hazards, {@code Σₜ dₜ·nᵢₜ/nₜ}
 */
public record LogRankGroup(String group, long n, long observed, double expected) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: N=%d observed=%d expected=%.2f", group, n,
                observed, expected);
    }
}
