package io.cxkit.journey.satisfaction;

import io.cxkit.core.Check;
import io.cxkit.journey.JourneyEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * One survey answer to join to journeys: a satisfaction rating given by a customer at a time,
 * either about one touchpoint (a transactional survey) or about the journey as a whole.
 *
 * @param customerId the customer; not blank
 * @param time when the answer was given; not null
 * @param touchpoint the touchpoint rated, or empty for a journey-level rating
 * @param score the rating on the scale of the {@link JourneySatisfaction} that reads it
 */
public record JourneyScore(String customerId, Instant time, Optional<String> touchpoint, int score) {

    /**
     * Validates the components.
     *
     * @param customerId see the class comment
     * @param time see the class comment
     * @param touchpoint see the class comment
     * @param score see the class comment
     * @throws IllegalArgumentException if the customer is blank or the time missing
     */
    public JourneyScore {
        Check.notBlank(customerId, "score customerId");
        if (time == null) {
            throw new IllegalArgumentException("score time must not be missing: null (customer " + customerId + ")");
        }
        touchpoint = touchpoint == null ? Optional.empty() : touchpoint;
        touchpoint.ifPresent(t -> Check.notBlank(t, "score touchpoint"));
    }

    /**
     * A rating of one touchpoint.
     *
     * @param customerId the customer
     * @param time when
     * @param touchpoint the touchpoint rated
     * @param score the rating
     * @return the score
     */
    public static JourneyScore ofTouchpoint(String customerId, Instant time, String touchpoint, int score) {
        return new JourneyScore(customerId, time, Optional.of(touchpoint), score);
    }

    /**
     * A rating of the whole journey.
     *
     * @param customerId the customer
     * @param time when
     * @param score the rating
     * @return the score
     */
    public static JourneyScore ofJourney(String customerId, Instant time, int score) {
        return new JourneyScore(customerId, time, Optional.empty(), score);
    }
}
