package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.InvalidInputException;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.funnel.FunnelStep;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TransitionGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link IncrementalJourneyBuilder}: the batch builder's journeys, one event at a time. */
class IncrementalJourneyBuilderTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> TOUCHPOINTS = List.of("home", "product_page", "cart", "checkout", "support");
    private static final Comparator<CustomerJourney> TOTAL = Comparator.comparing(CustomerJourney::toString);

    private static JourneyEvent event(String customer, long minute, String touchpoint) {
        return JourneyEvent.of(customer, T0.plusSeconds(60 * minute), touchpoint, Channel.WEB);
    }

    /**
     * A random log in arrival order: events of a few customers at coarse times (many ties), some
     * with outcomes and case ids, each delayed by a random amount in [0, lateness] before it
     * arrives. No event is then earlier than the watermark when it arrives.
     */
    private static List<JourneyEvent> arrivals(Random rnd, int n, long latenessMinutes) {
        record Arrival(JourneyEvent event, long at, int index) {
        }
        List<Arrival> out = new ArrayList<>();
        long minute = 0;
        for (int i = 0; i < n; i++) {
            minute += rnd.nextInt(4) == 0 ? rnd.nextInt(90) : rnd.nextInt(3);
            JourneyEvent e = event("c" + rnd.nextInt(6), minute, TOUCHPOINTS.get(rnd.nextInt(TOUCHPOINTS.size())));
            int r = rnd.nextInt(10);
            if (r == 0) {
                e = e.withOutcome("purchased");
            } else if (r == 1) {
                e = e.withOutcome("browsed");
            }
            if (rnd.nextBoolean()) {
                e = e.withCaseId("k" + rnd.nextInt(3));
            }
            out.add(new Arrival(e, minute + (latenessMinutes == 0 ? 0 : (long) rnd.nextInt((int) latenessMinutes + 1)), i));
        }
        out.sort(Comparator.comparingLong(Arrival::at).thenComparingInt(Arrival::index));
        return out.stream().map(Arrival::event).toList();
    }

    private static List<JourneyBuilder> rules() {
        return List.of(JourneyBuilder.create(),
                JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30)),
                JourneyBuilder.create().splitOnOutcome(Set.of("purchased")),
                JourneyBuilder.create().splitOnOutcome().splitOnInactivity(Duration.ofMinutes(45)),
                JourneyBuilder.create().byCase().splitOnOutcome(Set.of("purchased"))
                        .splitOnInactivity(Duration.ofMinutes(20)));
    }

    /** Same journeys, hence the same numbers in every analysis, as the batch path. */
    @Property(tries = 200)
    void incrementalEqualsBatchOverRandomInterleavingsWithinTheLateness(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int latenessMinutes, @ForAll @IntRange(min = 0, max = 4) int rule,
            @ForAll @IntRange(min = 0, max = 300) int n) {
        List<JourneyEvent> log = arrivals(new Random(seed), n, latenessMinutes);
        JourneyBuilder batch = rules().get(rule);
        List<CustomerJourney> expected = new ArrayList<>(batch.build(log));
        Funnel funnel = Funnel.builder().steps("product_page", "cart", "checkout").window(Duration.ofHours(2)).build();
        FunnelAccumulator funnelLive = funnel.accumulator();
        PathVariants pathsLive = PathVariants.create();
        TransitionGraph transitionsLive = TransitionGraph.create();
        JourneySummary summaryLive = JourneySummary.create();
        AttributionAccumulator attributionLive = AttributionAccumulator.create();
        List<CustomerJourney> emitted = new ArrayList<>();
        IncrementalJourneyBuilder live = IncrementalJourneyBuilder.builder(batch)
                .allowedLateness(Duration.ofMinutes(latenessMinutes))
                .knownTouchpoints(Set.copyOf(TOUCHPOINTS))
                .to(emitted::add).to(funnelLive).to(pathsLive::accept).to(transitionsLive::accept)
                .to(summaryLive::accept)
                .to(j -> attributionLive.accept(AttributionJourney.of(j, Set.of("purchased"))))
                .build();
        for (JourneyEvent e : log) {
            assertTrue(live.accept(e), "within the lateness: " + e);
        }
        live.flush();
        assertEquals(0, live.lateEvents());
        assertEquals(0, live.expiredJourneys());
        assertEquals(0, live.openJourneys());
        assertEquals(expected.size(), live.emittedJourneys());
        List<CustomerJourney> got = new ArrayList<>(emitted);
        expected.sort(TOTAL);
        got.sort(TOTAL);
        assertEquals(expected, got);
        FunnelAccumulator funnelBatch = funnel.accumulator();
        PathVariants pathsBatch = PathVariants.create();
        TransitionGraph transitionsBatch = TransitionGraph.create();
        JourneySummary summaryBatch = JourneySummary.create();
        AttributionAccumulator attributionBatch = AttributionAccumulator.create();
        for (CustomerJourney j : batch.build(log)) {
            funnelBatch.accept(j);
            pathsBatch.accept(j);
            transitionsBatch.accept(j);
            summaryBatch.accept(j);
            attributionBatch.accept(AttributionJourney.of(j, Set.of("purchased")));
        }
        assertEquals(funnelBatch.result(), funnelLive.result());
        assertEquals(pathsBatch.result(), pathsLive.result());
        assertEquals(transitionsBatch.result(), transitionsLive.result());
        assertEquals(summaryBatch.result(), summaryLive.result());
        assertEquals(attributionBatch.result().toString(), attributionLive.result().toString());
    }

    @Test
    void journeysCloseAsSoonAsTheyAreCompleteNotAtTheEnd() {
        List<CustomerJourney> out = new ArrayList<>();
        IncrementalJourneyBuilder live = IncrementalJourneyBuilder.builder(
                JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30)).splitOnOutcome(Set.of("purchased")))
                .anyTouchpoint().to(out::add).build();
        live.accept(event("a", 0, "home"));
        live.accept(event("a", 5, "checkout").withOutcome("purchased"));
        assertEquals(1, out.size(), "an ending outcome closes the journey at once");
        assertEquals(List.of("home", "checkout"), out.get(0).path());
        live.accept(event("b", 10, "home"));
        live.accept(event("c", 30, "home"));
        assertEquals(1, out.size());
        live.accept(event("c", 41, "cart"));
        assertEquals(2, out.size(), "b idle for more than 30 minutes: closed by the watermark");
        assertEquals("b", out.get(1).customerId());
        live.advanceTo(T0.plusSeconds(60 * 72));
        assertEquals(3, out.size(), "the clock closes c without new events");
        assertEquals(0, live.openJourneys());
        assertFalse(live.accept(event("d", 70, "home")), "earlier than the watermark");
        assertEquals(1, live.lateEvents());
        assertEquals(5, live.acceptedEvents());
        assertEquals(0, live.pendingEvents());
        assertEquals(T0.plusSeconds(60 * 72), live.watermark().orElseThrow());
        assertTrue(live.toString().contains("5 accepted, 1 late, 3 emitted, 0 expired, 0 open, 0 pending"),
                live.toString());
    }

    @Test
    void aGapExactlyEqualToTheLimitDoesNotCutEvenWhenTheWatermarkIsThere() {
        List<CustomerJourney> out = new ArrayList<>();
        JourneyBuilder rules = JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30));
        IncrementalJourneyBuilder live = IncrementalJourneyBuilder.builder(rules).anyTouchpoint().to(out::add).build();
        List<JourneyEvent> log = List.of(event("e", 100, "home"), event("f", 130, "home"), event("e", 130, "cart"),
                event("e", 161, "checkout"));
        log.subList(0, 3).forEach(live::accept);
        assertEquals(List.of(), out, "e's first two events are exactly 30 minutes apart: one journey");
        live.accept(log.get(3));
        assertEquals(2, out.size(), "31 minutes later: e's journey and idle f close");
        live.flush();
        out.sort(TOTAL);
        List<CustomerJourney> batch = new ArrayList<>(rules.build(log));
        batch.sort(TOTAL);
        assertEquals(batch, out);
        assertEquals(3, out.size());
    }

    @Test
    void openStateIsBoundedAndExpiryIsCounted() {
        List<CustomerJourney> out = new ArrayList<>();
        IncrementalJourneyBuilder live = IncrementalJourneyBuilder.builder(JourneyBuilder.create())
                .anyTouchpoint().maxOpenJourneys(3).allowedLateness(Duration.ofMinutes(5)).to(out::add).build();
        for (int i = 0; i < 100; i++) {
            live.accept(event("c" + (i % 10), i, "home"));
            assertTrue(live.openJourneys() <= 3, "bounded");
        }
        live.flush();
        long events = out.stream().mapToLong(CustomerJourney::touchpointCount).sum();
        assertEquals(100, events, "every accepted event is in exactly one emitted journey");
        assertEquals(out.size(), live.emittedJourneys());
        assertTrue(live.expiredJourneys() > 0);
        assertEquals(live.emittedJourneys() - 3, live.expiredJourneys(), "all but the 3 flushed were expired");
    }

    @Test
    void strictModeRejectsUnknownTouchpointsAndFunnelStepsListingTheKnownOnes() {
        Set<String> known = Set.of("home", "cart", "checkout");
        IncrementalJourneyBuilder live = IncrementalJourneyBuilder.builder(JourneyBuilder.create())
                .knownTouchpoints(known).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> live.accept(event("a", 0, "chekout")));
        assertEquals("unknown touchpoint 'chekout' in event of customer a at 2026-03-02T09:00:00Z; known touchpoints: "
                + "[cart, checkout, home]", e.getMessage());
        assertEquals(0, live.acceptedEvents());
        Funnel typo = Funnel.builder().steps("home", "chekout").build();
        InvalidInputException f = assertThrows(InvalidInputException.class, () -> live.check(typo));
        assertEquals("unknown funnel step 'chekout': touchpoint 'chekout' is not among the known touchpoints "
                + "[cart, checkout, home]", f.getMessage());
        assertThrows(InvalidInputException.class, () -> IncrementalJourneyBuilder.builder(JourneyBuilder.create())
                .knownTouchpoints(known).to(typo.accumulator()).build());
        live.check(Funnel.builder().steps("home", "checkout").step(FunnelStep.ofOutcome("purchased")).build());
        InvalidInputException neither = assertThrows(InvalidInputException.class,
                () -> IncrementalJourneyBuilder.builder(JourneyBuilder.create()).build());
        assertEquals("declare the known touchpoints (knownTouchpoints) or accept any (anyTouchpoint), not neither",
                neither.getMessage());
        assertThrows(InvalidInputException.class, () -> IncrementalJourneyBuilder.builder(JourneyBuilder.create())
                .knownTouchpoints(known).anyTouchpoint().build());
        IncrementalJourneyBuilder any = IncrementalJourneyBuilder.builder(JourneyBuilder.create()).anyTouchpoint()
                .build();
        any.check(typo);
        assertTrue(any.accept(event("a", 0, "chekout")));
        assertThrows(IllegalArgumentException.class, () -> IncrementalJourneyBuilder.builder(JourneyBuilder.create())
                .maxOpenJourneys(0));
        assertThrows(IllegalArgumentException.class, () -> IncrementalJourneyBuilder.builder(JourneyBuilder.create())
                .allowedLateness(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> IncrementalJourneyBuilder.builder(JourneyBuilder.create())
                .knownTouchpoints(Set.of()));
        assertEquals("event must not be null",
                assertThrows(NullPointerException.class, () -> any.accept(null)).getMessage());
    }
}
