package io.cxkit.journey.paths;

/**
 * How often a touchpoint was visited again within the same journey (loops, repeat contacts).
 *
 * @param touchpoint the touchpoint
 * @param visits all visits
 * @param repeatVisits visits to it when the journey had already visited it
 * @param journeys journeys that visited it
 * @param journeysWithRepeat journeys that visited it more than once
 */
public record TouchpointRepeats(String touchpoint, long visits, long repeatVisits, long journeys,
        long journeysWithRepeat) {

    /**
     * The share of journeys visiting the touchpoint that came back to it.
     *
     * @return {@code journeysWithRepeat / journeys}; NaN if no journey visited it
     */
    public double repeatRate() {
        return journeys == 0 ? Double.NaN : (double) journeysWithRepeat / journeys;
    }
}
