package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.core.TimeGrain;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TransitionGraph;
import io.cxkit.journey.retention.RetentionAccumulator;
import io.cxkit.journey.service.FirstContactRule;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.TicketFacts;
import io.cxkit.journey.service.TicketRecord;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalStatus;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The journey accumulators' null policy, as in cx-core and cx-survey: a null observation or
 * configuration is a {@link NullPointerException} from {@code Check.notNull} naming the argument
 * ({@code combine(null)} and {@code decode(null)} are covered by every contract test).
 */
class JourneyNullPolicyTest {

    private static void npe(String message, Executable call) {
        assertEquals(message, assertThrows(NullPointerException.class, call).getMessage());
    }

    @Test
    void nullObservationsAndConfigurationsAreNullPointerExceptionsNamingTheArgument() {
        npe("journey must not be null", () -> Funnel.builder().steps("a").build().accumulator()
                .accept((CustomerJourney) null));
        npe("journey must not be null", () -> PathVariants.create().accept((CustomerJourney) null));
        npe("journey must not be null", () -> TransitionGraph.create().accept((CustomerJourney) null));
        npe("journey must not be null", () -> TransitionGraph.create().accept((LogJourney) null));
        npe("journey must not be null", () -> PathVariants.create().accept((LogJourney) null));
        npe("journey must not be null", () -> Funnel.builder().steps("a").build().accumulator()
                .accept((LogJourney) null));
        npe("journey must not be null", () -> JourneySummary.create().accept((CustomerJourney) null));
        npe("journey must not be null", () -> JourneySummary.create().accept((LogJourney) null));
        npe("journey must not be null", () -> AttributionAccumulator.of(1, Duration.ofDays(7))
                .accept((AttributionJourney) null));
        npe("journey must not be null", () -> RetentionAccumulator.of(TimeGrain.MONTH, ZoneOffset.UTC)
                .accept((CustomerJourney) null));
        npe("grain must not be null", () -> RetentionAccumulator.of(null, ZoneOffset.UTC));
        npe("zone must not be null", () -> RetentionAccumulator.of(TimeGrain.MONTH, null));
        npe("ticket facts must not be null", () -> ServiceMetrics.builder().build().accumulator()
                .accept((TicketFacts) null));
        npe("ticket record must not be null", () -> ServiceMetrics.builder().build()
                .recordAccumulator(FirstContactRule.ZERO_REOPENS).accept((TicketRecord) null));
        npe("first-contact rule must not be null", () -> ServiceMetrics.builder().build().recordAccumulator(null));
        npe("survival group must not be null", () -> SurvivalAccumulator.create().accept(1, true, null));
        npe("status coding must not be null", () -> SurvivalAccumulator.create().acceptStatus(1, 1, null, "g"));
        npe("survival group must not be null", () -> SurvivalAccumulator.create()
                .acceptStatus(1, 1, SurvivalStatus.ZERO_ONE, null));
    }
}
