package io.cxkit.journey.funnel;

import static io.cxkit.journey.Events.ev;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The funnel rules the package documentation states and that an independent check found ambiguous,
 * one test each (minutes after {@code Events.T0}; steps product → cart → checkout).
 */
class FunnelSemanticsTest {

    private static Funnel funnel(FunnelMode mode, Duration window) {
        return Funnel.builder().steps("product", "cart", "checkout").mode(mode).window(window).build();
    }

    private static List<CustomerJourney> journeys(JourneyEvent... events) {
        return JourneyBuilder.create().build(List.of(events));
    }

    private static List<Long> entered(FunnelResult r) {
        return r.steps().stream().map(FunnelStepResult::entered).toList();
    }

    @Test
    void anyOrderWindowRunsFromTheFirstEventOfAnyStep() {
        // anchored at cart@0 (not at product@50): checkout@70 is past the 60-minute window
        List<CustomerJourney> js = journeys(ev("a", 0, "cart"), ev("a", 50, "product"), ev("a", 70, "checkout"));
        assertEquals(List.of(1L, 1L, 0L), entered(funnel(FunnelMode.ANY_ORDER, Duration.ofMinutes(60)).run(js)));
        // the ordered modes anchor at step 1 (product@50), so checkout@70 is inside the window
        assertEquals(List.of(1L, 0L, 0L), entered(funnel(FunnelMode.ORDERED, Duration.ofMinutes(60)).run(js)));
        assertEquals(List.of(1L, 1L), entered(Funnel.builder().steps("product", "checkout")
                .window(Duration.ofMinutes(60)).build().run(js)));
    }

    @Test
    void anyOrderTimeFromFirstStepStartsAtStepOneNotAtTheAnchor() {
        // window from cart@0; step 1 (product) first occurs at 5, so product..checkout is 1 minute
        FunnelResult r = funnel(FunnelMode.ANY_ORDER, Duration.ofMinutes(60)).run(journeys(
                ev("b", 0, "cart"), ev("b", 5, "product"), ev("b", 6, "checkout")));
        assertEquals(List.of(1L, 1L, 1L), entered(r));
        assertEquals(60.0, r.step("checkout").timeFromFirst().max());
        // the {product, cart} prefix completes at 5 (when its last step occurred): 0 s from step 1
        assertEquals(0.0, r.step("cart").timeFromFirst().max());
        assertEquals(60.0, r.step("checkout").timeFromPrevious().max());
    }

    @Test
    void strictModeStopsAtARepeatedFirstStep() {
        List<CustomerJourney> js = journeys(ev("c", 0, "product"), ev("c", 1, "product"), ev("c", 2, "cart"),
                ev("c", 3, "checkout"));
        // the repeat neither re-anchors (to product@1) nor is skipped: the journey stops at step 1
        assertEquals(List.of(1L, 0L, 0L), entered(funnel(FunnelMode.STRICT, null).run(js)));
        assertEquals(List.of(1L, 1L, 1L), entered(funnel(FunnelMode.ORDERED, null).run(js)));
    }

    @Test
    void timeQuantilesReadTheLowerOrderStatistic() {
        // product → cart after 1, 2, 3 and 4 minutes: the median is x(⌊0.5·3⌋) = x(1) = 120 s (0-based),
        // not the 150 s that interpolating between the middle two would give
        FunnelResult r = Funnel.builder().steps("product", "cart").build().run(journeys(
                ev("a", 0, "product"), ev("a", 1, "cart"), ev("b", 0, "product"), ev("b", 2, "cart"),
                ev("c", 0, "product"), ev("c", 3, "cart"), ev("d", 0, "product"), ev("d", 4, "cart")));
        assertEquals(120, r.step("cart").timeFromPrevious().median(), 1.2);
    }
}
