package io.cxkit.journey.funnel;

import static io.cxkit.journey.Events.ev;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.Comparison;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TwoSampleTest;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.Events;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Funnel counts worked out by hand. Steps product → cart → checkout, window 60 minutes.
 *
 * <pre>
 * a: product@0 home@1 cart@2 checkout@10           ordered 3 | strict 1 (home breaks) | any 3
 * b: cart@0 product@5 checkout@6                   ordered 1 (no cart after product) | strict 1 | any 3
 * c: product@0 product@3 cart@4 cart@6 checkout@70 ordered 2 (checkout outside window) | strict 1 | any 2
 * d: home@0                                        not entered in any mode
 * e: product@0 cart@0 (tie, input order) checkout@60 (exactly at window end)  3 | 3 | 3
 * f: cart@0 product@0 (tie, cart first)            ordered 1 | strict 1 | any 2
 * </pre>
 */
class FunnelTest {
    static final List<JourneyEvent> LOG = List.of(
            // deliberately unsorted across and within customers; tied events keep their relative order
            ev("c", 70, "checkout"), ev("a", 10, "checkout"), ev("b", 6, "checkout"), ev("a", 0, "product"),
            ev("e", 0, "product"), ev("c", 3, "product"), ev("d", 0, "home"), ev("a", 1, "home"),
            ev("c", 0, "product"), ev("e", 0, "cart"), ev("a", 2, "cart"), ev("b", 0, "cart"),
            ev("c", 4, "cart"), ev("c", 6, "cart"), ev("b", 5, "product"), ev("e", 60, "checkout"),
            ev("f", 0, "cart", Channel.MOBILE_APP), ev("f", 0, "product", Channel.MOBILE_APP));

    static final List<CustomerJourney> JOURNEYS = JourneyBuilder.create().build(LOG);

    static Funnel funnel(FunnelMode mode) {
        return Funnel.builder().steps("product", "cart", "checkout").mode(mode)
                .window(Duration.ofMinutes(60)).build();
    }

    @Test
    void orderedByHand() {
        FunnelResult r = funnel(FunnelMode.ORDERED).run(JOURNEYS);
        assertEquals(6, r.journeys());
        FunnelStepResult product = r.step("product");
        assertEquals(List.of(5L, 3L, 2L), List.of(product.entered(), product.converted(), product.dropped()));
        assertEquals(ProportionEstimate.of(5, 6), product.fromPrevious());
        assertEquals(ProportionEstimate.of(5, 5), product.fromFirst());
        FunnelStepResult cart = r.step("cart");
        assertEquals(List.of(3L, 2L, 1L), List.of(cart.entered(), cart.converted(), cart.dropped()));
        assertEquals(ProportionEstimate.of(3, 5), cart.fromPrevious());
        FunnelStepResult checkout = r.step("checkout");
        assertEquals(List.of(2L, 2L, 0L), List.of(checkout.entered(), checkout.converted(), checkout.dropped()));
        assertEquals(ProportionEstimate.of(2, 3), checkout.fromPrevious());
        assertEquals(ProportionEstimate.of(2, 5), checkout.fromFirst());
        assertEquals(ProportionEstimate.of(2, 5), r.conversion());
        // cart after product: a 2 min, c 4 min, e 0 min → 0, 120, 240 s
        assertEquals(3, cart.timeFromPrevious().n());
        assertEquals(0, cart.timeFromPrevious().min());
        assertEquals(120, cart.timeFromPrevious().median(), 1.2);
        assertEquals(240, cart.timeFromPrevious().max());
        // checkout after cart: a 8 min, e 60 min; end to end: a 10 min, e 60 min
        assertEquals(480, checkout.timeFromPrevious().median(), 4.8);
        assertEquals(600, r.timeToConvert().median(), 6);
        assertEquals(3600, r.timeToConvert().max());
        assertTrue(product.timeFromPrevious().isEmpty());
        // reconciliation: dropped at every step + completed = entered
        assertEquals(r.entered(), r.steps().stream().mapToLong(FunnelStepResult::dropped).sum() + r.completed());
        assertTrue(r.toString().contains("product"), r.toString());
        assertTrue(r.toString().startsWith("Funnel ORDERED, window PT1H: 6 journeys, 5 entered, 2 completed"),
                r.toString());
    }

    @Test
    void strictByHand() {
        FunnelResult r = funnel(FunnelMode.STRICT).run(JOURNEYS);
        assertEquals(List.of(5L, 1L, 1L), r.steps().stream().map(FunnelStepResult::entered).toList());
    }

    @Test
    void anyOrderByHand() {
        FunnelResult r = funnel(FunnelMode.ANY_ORDER).run(JOURNEYS);
        assertEquals(List.of(5L, 5L, 3L), r.steps().stream().map(FunnelStepResult::entered).toList());
        // b: product at 5, cart at 0 → the {product, cart} prefix completes at 5; checkout at 6
        // so b's time from previous for checkout is 60 s; a: 480 s; e: 3600 s
        assertEquals(List.of(60.0, 3600.0), List.of(r.step("checkout").timeFromPrevious().min(),
                r.step("checkout").timeFromPrevious().max()));
    }

    @Test
    void noWindowAndStageAndPredicateSteps() {
        Funnel f = Funnel.builder().steps("product", "cart", "checkout").build();
        assertEquals(List.of(5L, 3L, 3L), f.run(JOURNEYS).steps().stream().map(FunnelStepResult::entered).toList());
        List<CustomerJourney> js = JourneyBuilder.create().build(List.of(
                ev("x", 0, "ad").withStage(JourneyStage.AWARENESS),
                ev("x", 1, "shop").withStage(JourneyStage.PURCHASE).withValue(250).withOutcome("purchased"),
                ev("x", 2, "receipt").withValue(250),
                ev("y", 0, "ad").withStage(JourneyStage.AWARENESS),
                ev("y", 1, "shop").withStage(JourneyStage.PURCHASE).withValue(20).withOutcome("purchased")));
        Funnel g = Funnel.builder().step(FunnelStep.ofStage(JourneyStage.AWARENESS))
                .step(FunnelStep.ofOutcome("purchased"))
                .step(FunnelStep.of("big order", e -> e.value().orElse(0) >= 100)).build();
        // one event fulfils at most one step: x's "shop" is its purchase, its "receipt" the big order;
        // (were "receipt" missing, x would stop at 2 steps); y has no order of 100 or more
        assertEquals(List.of(2L, 2L, 1L), g.run(js).steps().stream().map(FunnelStepResult::entered).toList());
        assertEquals("Funnel[ORDERED, window none, steps [awareness, purchased, big order]]", g.toString());
    }

    @Test
    void emptyLogGivesEmptyRates() {
        FunnelResult r = funnel(FunnelMode.ORDERED).run(List.of());
        assertEquals(0, r.journeys());
        assertEquals(0, r.entered());
        assertEquals(0, r.conversion().n());
        assertTrue(Double.isNaN(r.conversion().estimate()));
        assertTrue(r.timeToConvert().isEmpty());
    }

    @Test
    void firstStepCountEqualsJourneysEntering() {
        long containing = JOURNEYS.stream().filter(j -> j.path().contains("product")).count();
        assertEquals(containing, funnel(FunnelMode.ORDERED).run(JOURNEYS).entered());
        assertEquals(containing, funnel(FunnelMode.STRICT).run(JOURNEYS).entered());
    }

    @Test
    void segmentsAndComparison() {
        Funnel f = funnel(FunnelMode.ORDERED);
        SegmentedResult<FunnelResult> bySeg = f.bySegment(JOURNEYS,
                j -> SegmentKey.of(j.events().get(0).channel().name()));
        assertEquals(List.of(SegmentKey.of("mobile_app"), SegmentKey.of("web")), bySeg.keys());
        FunnelResult web = bySeg.get(SegmentKey.of("web"));
        FunnelResult app = bySeg.get(SegmentKey.of("mobile_app"));
        assertEquals(5, web.journeys());
        assertEquals(1, app.entered());
        assertEquals(0, app.completed());
        Comparison c = web.compareConversion(app, 0.95);
        assertEquals(TwoSampleTest.twoProportions(ProportionEstimate.of(2, 4), ProportionEstimate.of(0, 1), 0.95), c);
        assertEquals(0.5, c.difference(), 1e-12);
        assertEquals(TwoSampleTest.twoProportions(ProportionEstimate.of(3, 4), ProportionEstimate.of(0, 1), 0.95),
                web.compareStep(app, "cart", 0.95));
    }

    @Test
    void combineAndEncodingEqualSinglePass() {
        Funnel f = funnel(FunnelMode.ORDERED);
        FunnelAccumulator all = f.accumulator();
        FunnelAccumulator a = f.accumulator();
        FunnelAccumulator b = f.accumulator();
        for (int i = 0; i < JOURNEYS.size(); i++) {
            all.accept(JOURNEYS.get(i));
            (i % 2 == 0 ? a : b).accept(JOURNEYS.get(i));
        }
        assertEquals(all.result(), b.copy().combine(a).result());
        FunnelAccumulator decoded = FunnelAccumulator.decode(all.encode(), f);
        assertEquals(all.result(), decoded.result());
        assertArrayEquals(all.encode(), decoded.encode());
        assertEquals("FunnelAccumulator[3 steps, 6 journeys, reached [5, 3, 2]]", all.toString());
    }

    @Test
    void badInput() {
        assertEquals("conversion window must be > 0: PT-1H", assertThrows(IllegalArgumentException.class,
                () -> Funnel.builder().window(Duration.ofHours(-1))).getMessage());
        assertEquals("conversion window must be > 0: PT0S", assertThrows(IllegalArgumentException.class,
                () -> Funnel.builder().window(Duration.ZERO)).getMessage());
        assertEquals("unknown funnel step: touchpoint 'chekout' is not among the known touchpoints [cart, checkout]",
                assertThrows(IllegalArgumentException.class, () -> Funnel.builder()
                        .knownTouchpoints(Set.of("cart", "checkout")).steps("cart", "chekout").build()).getMessage());
        assertEquals("unknown funnel step: 'pay' (steps are [product, cart, checkout])",
                assertThrows(IllegalArgumentException.class,
                        () -> funnel(FunnelMode.ORDERED).run(JOURNEYS).step("pay")).getMessage());
        assertEquals("funnel steps must not be empty: []",
                assertThrows(IllegalArgumentException.class, () -> Funnel.builder().build()).getMessage());
        assertEquals("funnel step names must be unique: 'cart' appears twice",
                assertThrows(IllegalArgumentException.class, () -> Funnel.builder().steps("cart", "cart").build())
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> FunnelStep.ofTouchpoint(" "));
        FunnelAccumulator x = funnel(FunnelMode.ORDERED).accumulator();
        FunnelAccumulator y = funnel(FunnelMode.STRICT).accumulator();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> x.combine(y)).getMessage()
                .startsWith("cannot combine funnels with different definitions"));
        assertThrows(IllegalArgumentException.class, () -> FunnelAccumulator.decode(x.encode(),
                funnel(FunnelMode.STRICT)));
        assertEquals("funnel depth must be in [0, 3]: 4", assertThrows(IllegalArgumentException.class,
                () -> x.acceptReached(4, new long[4])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.acceptReached(2, new long[] {5, 3, 0}));
        assertEquals("funnel step times must have at least depth=2 entries: 1",
                assertThrows(IllegalArgumentException.class, () -> x.acceptReached(2, new long[] {5})).getMessage());
    }
}
