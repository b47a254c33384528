package io.cxkit.journey.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.JourneyStage;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.LogJourney;
import io.cxkit.journey.RandomLogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The funnel over the event log equals the former object-path matcher ({@link ReferenceFunnel}) on
 * random logs: every mode, windows from a nanosecond (compared as 0 ms) to none, every way of
 * cutting journeys, touchpoint / stage / outcome / predicate steps and steps the log never holds,
 * per-segment breakdowns, the object entry points and 1 to 4 threads.
 */
class FunnelLogProperties {
    static final List<Duration> WINDOWS = Arrays.asList(null, Duration.ofNanos(1), Duration.ofNanos(999_999),
            Duration.ofMillis(1), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(90),
            Duration.ofMinutes(30), Duration.ofDays(1));

    /** Step lists: plain touchpoints, a repeatable first step, mixed kinds, and targets no event has. */
    static List<List<FunnelStep>> stepLists() {
        return List.of(
                List.of(FunnelStep.ofTouchpoint("product"), FunnelStep.ofTouchpoint("cart"), FunnelStep.ofTouchpoint("checkout")),
                List.of(FunnelStep.ofTouchpoint("home"), FunnelStep.ofTouchpoint("product")),
                List.of(FunnelStep.ofTouchpoint("cart")),
                List.of(FunnelStep.ofTouchpoint("home"), FunnelStep.ofStage(JourneyStage.SUPPORT),
                        FunnelStep.ofOutcome("purchase"), FunnelStep.of("big", e -> e.value().orElse(0) > 25)),
                List.of(FunnelStep.of("web", e -> e.channel().name().equals("web")), FunnelStep.ofTouchpoint("chat"),
                        FunnelStep.ofOutcome("resolved")),
                List.of(FunnelStep.ofTouchpoint("faq"), FunnelStep.ofTouchpoint("nowhere"), FunnelStep.ofOutcome("never"),
                        FunnelStep.ofStage(JourneyStage.of("unknown stage", 9))));
    }

    static List<Funnel> funnels() {
        List<Funnel> out = new ArrayList<>();
        for (List<FunnelStep> steps : stepLists()) {
            for (FunnelMode mode : FunnelMode.values()) {
                for (Duration w : WINDOWS) {
                    Funnel.Builder b = Funnel.builder().mode(mode).window(w);
                    steps.forEach(b::step);
                    out.add(b.build());
                }
            }
        }
        return out;
    }

    static Funnel funnel(int steps, FunnelMode mode, int window) {
        return funnels().get((steps * FunnelMode.values().length + mode.ordinal()) * WINDOWS.size() + window);
    }

    @Property(tries = 15)
    void logPathEqualsTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 4) int threads) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        List<Funnel> funnels = funnels();
        for (JourneyBuilder rules : RandomLogs.rules()) {
            List<CustomerJourney> journeys = rules.build(events);
            for (Funnel f : funnels) {
                FunnelResult expected = ReferenceFunnel.run(f, journeys);
                String what = f + " " + rules + " seed=" + seed;
                assertEquals(expected, f.run(log, rules, threads), what);
                assertEquals(expected, f.run(journeys), what);
            }
        }
    }

    @Property(tries = 40)
    void segmentsEqualTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 4) int threads) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        for (JourneyBuilder rules : RandomLogs.rules()) {
            List<CustomerJourney> journeys = rules.build(events);
            for (Funnel f : List.of(funnel(0, FunnelMode.ORDERED, 0), funnel(1, FunnelMode.STRICT, 4),
                    funnel(3, FunnelMode.ANY_ORDER, 6))) {
                Map<SegmentKey, List<CustomerJourney>> groups = new TreeMap<>();
                for (CustomerJourney j : journeys) {
                    groups.computeIfAbsent(SegmentKey.of(j.events().get(0).channel().name()), k -> new ArrayList<>())
                            .add(j);
                }
                Map<SegmentKey, FunnelResult> expected = new TreeMap<>();
                groups.forEach((k, js) -> expected.put(k, ReferenceFunnel.run(f, js)));
                String what = f + " " + rules + " seed=" + seed;
                SegmentedResult<FunnelResult> byLog = f.bySegment(log, rules, threads, j -> j.channel(0),
                        id -> SegmentKey.of(log.channels().get(id).name()));
                assertEquals(expected, byLog.asMap(), what);
                assertEquals(byLog, f.bySegment(journeys, j -> SegmentKey.of(j.events().get(0).channel().name())),
                        what);
            }
        }
    }

    /**
     * The named edge cases by hand, log path against the reference and against worked counts
     * (steps home then product; completed: strict 2 (b, d), ordered 3, any order 4, ordered within
     * 0.5 ms 1 (b), within 1 ms 2 (b, d)).
     * a: home@0 home@1 product@2 (strict stops at the repeated first step: 1; ordered 2);
     * b: home@5 product@5, same instant in that input order (2 in every mode);
     * c: product@9 home@9, same instant the other way (ordered and strict 1; any order 2);
     * d: home at 0.9 ms, product at 1.1 ms past 10:00 (0.2 ms apart, but a sub-millisecond window
     * is 0 ms and times compare in whole ms: 1; with a 1 ms window or none 2).
     */
    @Test
    void handWorkedEdgeCases() {
        java.time.Instant t0 = java.time.Instant.parse("2026-03-02T10:00:00Z");
        io.cxkit.core.Channel web = io.cxkit.core.Channel.WEB;
        List<JourneyEvent> events = List.of(
                JourneyEvent.of("a", t0, "home", web), JourneyEvent.of("a", t0.plusSeconds(60), "home", web),
                JourneyEvent.of("a", t0.plusSeconds(120), "product", web),
                JourneyEvent.of("b", t0.plusSeconds(300), "home", web), JourneyEvent.of("b", t0.plusSeconds(300), "product", web),
                JourneyEvent.of("c", t0.plusSeconds(540), "product", web), JourneyEvent.of("c", t0.plusSeconds(540), "home", web),
                JourneyEvent.of("d", t0.plusNanos(900_000), "home", web), JourneyEvent.of("d", t0.plusNanos(1_100_000), "product", web));
        EventLog log = EventLog.of(events);
        JourneyBuilder rules = JourneyBuilder.create();
        List<CustomerJourney> journeys = rules.build(events);
        Object[][] cases = {
            {FunnelMode.STRICT, null, 2L}, {FunnelMode.ORDERED, null, 3L}, {FunnelMode.ANY_ORDER, null, 4L},
            {FunnelMode.ORDERED, Duration.ofNanos(500_000), 1L}, {FunnelMode.ORDERED, Duration.ofMillis(1), 2L}};
        for (Object[] c : cases) {
            Funnel f = Funnel.builder().steps("home", "product").mode((FunnelMode) c[0]).window((Duration) c[1]).build();
            FunnelResult r = f.run(log, rules);
            assertEquals(ReferenceFunnel.run(f, journeys), r, f.toString());
            assertEquals(4, r.entered(), f.toString());
            assertEquals(c[2], r.completed(), f.toString());
        }
    }

    @Test
    void segmentIdsNamingTheSameKeyAreOneSegment() {
        List<JourneyEvent> events = RandomLogs.events(7, 200);
        EventLog log = EventLog.of(events);
        Funnel f = funnel(0, FunnelMode.ORDERED, 0);
        SegmentedResult<FunnelResult> one = f.bySegment(log, JourneyBuilder.create(), j -> j.channel(0),
                id -> SegmentKey.of("all"));
        assertEquals(List.of(SegmentKey.of("all")), one.keys());
        assertEquals(f.run(log, JourneyBuilder.create()), one.get(SegmentKey.of("all")));
    }

    @Test
    void badSegmentsAndThreadsAreRejected() {
        EventLog log = EventLog.of(RandomLogs.events(3, 50));
        Funnel f = funnel(0, FunnelMode.ORDERED, 0);
        JourneyBuilder rules = JourneyBuilder.create();
        String negative = assertThrows(IllegalArgumentException.class, () -> f.bySegment(log, rules, j -> -1,
                id -> SegmentKey.of("x"))).getMessage();
        assertTrue(negative.startsWith("funnel segment id must be in [0, 16777216): -1 for LogJourney["), negative);
        String huge = assertThrows(IllegalArgumentException.class, () -> f.bySegment(log, rules, j -> 1 << 24,
                id -> SegmentKey.of("x"))).getMessage();
        assertTrue(huge.startsWith("funnel segment id must be in [0, 16777216): 16777216 for "), huge);
        assertEquals("funnel segment key of segment id 0 must not be null", assertThrows(NullPointerException.class,
                () -> f.bySegment(log, rules, j -> 0, id -> null)).getMessage());
        assertEquals("scan threads must be in [1, 1024]: 0",
                assertThrows(IllegalArgumentException.class, () -> f.run(log, rules, 0)).getMessage());
        assertEquals("segmentOf must not be null", assertThrows(NullPointerException.class,
                () -> f.bySegment(log, rules, null, id -> SegmentKey.of("x"))).getMessage());
        assertEquals("log must not be null", assertThrows(NullPointerException.class, () -> f.run(null, rules)).getMessage());
        assertEquals("journey must not be null", assertThrows(NullPointerException.class,
                () -> f.accumulator().accept((LogJourney) null)).getMessage());
    }

    @Test
    void aFailureOnAWorkerThreadReachesTheCaller() {
        EventLog log = EventLog.of(RandomLogs.events(11, 300));
        Funnel f = funnel(0, FunnelMode.ORDERED, 0);
        int last = log.customerCount() - 1;
        String lastCustomer = log.journeys(JourneyBuilder.create()).get(last).customerId();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.bySegment(log,
                JourneyBuilder.create(), 2, j -> j.customerId().equals(lastCustomer) ? -1 : 0,
                id -> SegmentKey.of("x")));
        assertTrue(e.getMessage().startsWith("funnel segment id must be in [0, 16777216): -1 for LogJourney["
                + lastCustomer + ", "),
                e.getMessage());
    }
}
