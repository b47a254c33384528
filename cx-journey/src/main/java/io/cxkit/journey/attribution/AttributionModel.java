package io.cxkit.journey.attribution;

/**
 * How conversions (and their value) are credited to the touchpoints of the journeys that led to
 * them. The heuristic models credit each converting journey's conversion (1) and value to its own
 * touchpoints; the Markov model credits by removal effect over all journeys, converting or not.
 */
public enum AttributionModel {
    /** All credit to the journey's first touchpoint. */
    FIRST_TOUCH("first touch"),
    /** All credit to the journey's last touchpoint (the one just before or at the conversion). */
    LAST_TOUCH("last touch"),
    /** Equal credit {@code 1/m} to each of the journey's {@code m} touches (a touchpoint visited twice gets {@code 2/m}). */
    LINEAR("linear"),
    /**
     * Credit proportional to {@code 2^(−Δt/h)}, where {@code Δt} is the time from the touch to the
     * conversion (the journey's last touch) and {@code h} the half-life: a touch one half-life
     * before the conversion counts half as much as one at the conversion. Weights are normalized
     * to sum to 1 per journey. Needs touch times.
     */
    TIME_DECAY("time decay"),
    /**
     * Removal effect in the order-k Markov chain of touchpoint sequences, computed exactly from the
     * absorbing chain (see {@link AttributionAccumulator}).
     */
    MARKOV("markov");

    private final String label;

    AttributionModel(String label) {
        this.label = label;
    }

    /**
     * A readable name.
     *
     * @return e.g. {@code "time decay"}
     */
    public String label() {
        return label;
    }
}
