package io.cxkit.journey.satisfaction;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A journey where every rated touchpoint looked fine (at or above the satisfied threshold) but the
 * journey as a whole was rated below it.
 *
 * @param customerId the customer
 * @param start when the journey started
 * @param touchpointScores the last rating of each rated touchpoint, by touchpoint
 * @param journeyScore the journey's rating
 */
public record HiddenPain(String customerId, Instant start, Map<String, Integer> touchpointScores, int journeyScore) {

    /**
     * Copies the scores into a sorted, unmodifiable map.
     *
     * @param customerId see the class comment
     * @param start see the class comment
     * @param touchpointScores see the class comment
     * @param journeyScore see the class comment
     */
    public HiddenPain {
        touchpointScores = java.util.Collections.unmodifiableMap(new TreeMap<>(touchpointScores));
    }
}
