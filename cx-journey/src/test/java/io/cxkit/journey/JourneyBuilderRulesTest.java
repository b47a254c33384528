package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a {@link JourneyBuilder} reports, which an engine needs to rebuild it elsewhere (cx-spark). */
class JourneyBuilderRulesTest {
    @Test
    void theDefaultsCutNothing() {
        JourneyBuilder b = JourneyBuilder.create();
        assertEquals(Optional.empty(), b.inactivityGap());
        assertFalse(b.endsOnAnyOutcome());
        assertEquals(Set.of(), b.endingOutcomes());
        assertFalse(b.groupsByCase());
    }

    @Test
    void eachRuleIsReportedAndRebuildsAnEqualBuilder() {
        JourneyBuilder b = JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30))
                .splitOnOutcome(Set.of("purchased", "churned")).byCase();
        assertEquals(Optional.of(Duration.ofMinutes(30)), b.inactivityGap());
        assertEquals(Set.of("purchased", "churned"), b.endingOutcomes());
        assertFalse(b.endsOnAnyOutcome());
        assertTrue(b.groupsByCase());
        assertThrows(UnsupportedOperationException.class, () -> b.endingOutcomes().add("x"));
        JourneyBuilder rebuilt = JourneyBuilder.create().splitOnInactivity(b.inactivityGap().orElseThrow())
                .splitOnOutcome(b.endingOutcomes()).byCase();
        assertEquals(b.toString(), rebuilt.toString());

        JourneyBuilder any = JourneyBuilder.create().splitOnOutcome();
        assertTrue(any.endsOnAnyOutcome());
        assertEquals(Set.of(), any.endingOutcomes());
    }
}
