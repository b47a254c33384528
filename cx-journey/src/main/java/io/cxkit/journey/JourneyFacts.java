package io.cxkit.journey;

import io.cxkit.core.JourneyStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts of one journey in one flat value (see {@link CustomerJourney} for definitions).
 *
 * @param customerId the customer
 * @param start time of the first event
 * @param duration first to last event
 * @param touchpoints number of events
 * @param distinctTouchpoints number of different touchpoints
 * @param loops events revisiting a touchpoint
 * @param channelSwitches consecutive events on different channels
 * @param crossChannelRecontacts switches after an unresolved contact
 * @param stagesReached stages reached, in stage order
 * @param outcome the journey's outcome, if any
 */
public record JourneyFacts(String customerId, Instant start, Duration duration, int touchpoints,
        int distinctTouchpoints, int loops, int channelSwitches, int crossChannelRecontacts,
        List<JourneyStage> stagesReached, Optional<String> outcome) {

    /**
     * Copies the stage list.
     *
     * @param customerId see the class comment
     * @param start see the class comment
     * @param duration see the class comment
     * @param touchpoints see the class comment
     * @param distinctTouchpoints see the class comment
     * @param loops see the class comment
     * @param channelSwitches see the class comment
     * @param crossChannelRecontacts see the class comment
     * @param stagesReached see the class comment
     * @param outcome see the class comment
     */
    public JourneyFacts {
        stagesReached = List.copyOf(stagesReached);
    }
}
