package io.cxkit.journey.satisfaction;

import static io.cxkit.journey.Events.at;
import static io.cxkit.journey.Events.ev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TwoSampleTest;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.Events;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.survey.RatingScale;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Journey meets survey, by hand (CSAT 1–5, satisfied ≥ 4, grace 7 days).
 *
 * <pre>
 * a: checkout 5, delivery 2, journey 2
 * b: checkout 4, delivery 5, journey 5
 * c: checkout 5, delivery 4, journey 1   ← every touchpoint fine, journey low
 * d: checkout 2,              journey 2
 * e: journey rating 30 days after the journey → unmatched
 * </pre>
 */
class JourneySatisfactionTest {
    static final List<CustomerJourney> JOURNEYS = JourneyBuilder.create().build(List.of(
            ev("a", 0, "checkout"), ev("a", 60, "delivery"), ev("b", 0, "checkout"), ev("b", 60, "delivery"),
            ev("c", 0, "checkout"), ev("c", 60, "delivery"), ev("d", 0, "checkout"), ev("e", 0, "checkout")));

    static final List<JourneyScore> SCORES = List.of(
            JourneyScore.ofJourney("a", at(120), 2), JourneyScore.ofTouchpoint("a", at(1), "checkout", 5),
            JourneyScore.ofTouchpoint("a", at(61), "delivery", 2),
            JourneyScore.ofTouchpoint("b", at(1), "checkout", 4), JourneyScore.ofTouchpoint("b", at(61), "delivery", 5),
            JourneyScore.ofJourney("b", at(120), 5),
            JourneyScore.ofTouchpoint("c", at(1), "checkout", 5), JourneyScore.ofTouchpoint("c", at(61), "delivery", 4),
            JourneyScore.ofJourney("c", at(120), 1),
            JourneyScore.ofTouchpoint("d", at(1), "checkout", 2), JourneyScore.ofJourney("d", at(120), 2),
            JourneyScore.ofJourney("e", at(30 * 24 * 60), 5));

    @Test
    void byHand() {
        JourneySatisfactionResult r = JourneySatisfaction.of(RatingScale.csat5(), Duration.ofDays(7))
                .join(JOURNEYS, SCORES);
        assertEquals(5, r.journeys());
        assertEquals(1, r.unmatched());
        assertEquals(ProportionEstimate.of(1, 4), r.journeyLevel().satisfied());
        assertEquals(ProportionEstimate.of(3, 4), r.touchpoints().get("checkout").satisfied());
        assertEquals(ProportionEstimate.of(2, 3), r.touchpoints().get("delivery").satisfied());
        // delivery: satisfied → b yes, c no (1/2); not satisfied → a no (0/1): +50 points
        // checkout: satisfied → a no, b yes, c no (1/3); not satisfied → d no (0/1): +33 points
        assertEquals(List.of("delivery", "checkout"), r.impacts().stream().map(TouchpointImpact::touchpoint).toList());
        TouchpointImpact delivery = r.impacts().get(0);
        assertEquals(ProportionEstimate.of(1, 2), delivery.whenSatisfied());
        assertEquals(ProportionEstimate.of(0, 1), delivery.whenNotSatisfied());
        assertEquals(TwoSampleTest.twoProportions(ProportionEstimate.of(1, 2), ProportionEstimate.of(0, 1), 0.95),
                delivery.difference().orElseThrow());
        assertEquals(3, delivery.journeys());
        assertEquals(1.0 / 3, r.impacts().get(1).difference().orElseThrow().difference(), 1e-12);
        assertEquals(List.of(new HiddenPain("c", at(0), Map.of("checkout", 5, "delivery", 4), 1)), r.hiddenPain());
        assertTrue(r.toString().contains("1 journeys with fine touchpoints but a low journey score"), r.toString());
        assertTrue(delivery.toString().startsWith("delivery: journey CSAT 50.0% when satisfied (n=2) vs 0.0% when not"),
                delivery.toString());
    }

    @Test
    void emptyAndBadInput() {
        JourneySatisfactionResult r = JourneySatisfaction.of(RatingScale.csat5(), Duration.ZERO).join(List.of(), List.of());
        assertEquals(0, r.journeyLevel().n());
        assertEquals(List.of(), r.impacts());
        assertEquals("journey score must be in [1, 5]: 7 (customer a)", assertThrows(IllegalArgumentException.class,
                () -> JourneySatisfaction.of(RatingScale.csat5(), Duration.ZERO).join(JOURNEYS,
                        List.of(JourneyScore.ofJourney("a", at(0), 7)))).getMessage());
        assertEquals("grace period must be >= 0: PT-1H", assertThrows(IllegalArgumentException.class,
                () -> JourneySatisfaction.of(RatingScale.csat5(), Duration.ofHours(-1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> JourneyScore.ofJourney(null, at(0), 3));
    }
}
