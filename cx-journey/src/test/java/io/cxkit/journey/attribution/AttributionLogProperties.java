package io.cxkit.journey.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.EventLogProperties;
import io.cxkit.journey.Events;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.RandomLogs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Attribution over the event log equals the object path it replaced ({@link ObjectPathAttribution}):
 * conversions, orders 1–3, removal effects and every heuristic model, for every way of cutting
 * journeys, and split across threads.
 */
class AttributionLogProperties {
    private static final List<Set<String>> CONVERSIONS = List.of(Set.of("purchase"), Set.of("purchase", "resolved"),
            Set.of(RandomLogs.OUTCOMES), Set.of("nothing-matches"));

    @Property(tries = 120)
    void logAndObjectsEqualTheObjectPath(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 3) int order, @ForAll @IntRange(min = 0, max = 3) int conv,
            @ForAll @IntRange(min = 0, max = 6) int rule) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        JourneyBuilder rules = EventLogProperties.RULES.get(rule);
        Set<String> conversions = CONVERSIONS.get(conv);
        Duration halfLife = Duration.ofHours(1 + (seed & 7));
        ObjectPathAttribution oracle = new ObjectPathAttribution(order, halfLife);
        AttributionAccumulator objects = AttributionAccumulator.of(order, halfLife);
        for (CustomerJourney j : rules.build(events)) {
            oracle.accept(AttributionJourney.of(j, conversions));
            objects.accept(AttributionJourney.of(j, conversions));
        }
        AttributionAccumulator fromLog = AttributionAccumulator.of(order, halfLife);
        EventLog log = EventLog.of(events);
        log.forEachJourney(rules, j -> fromLog.accept(j, conversions));
        String where = "seed=" + seed + " n=" + n + " order=" + order + " " + rules + " " + conversions;
        assertSame(oracle::result, objects::result, where);
        assertSame(oracle::result, fromLog::result, where);
        assertSame(() -> oracle.markov(5), () -> fromLog.markov(5), where);
        assertArrayEquals(objects.encode(), fromLog.encode(), where);
        byte[] bytes = fromLog.encode();
        AttributionAccumulator decoded = AttributionAccumulator.decode(bytes);
        assertArrayEquals(bytes, decoded.encode(), where);
        assertEquals(fromLog.result(), decoded.result(), where);
    }

    @Property(tries = 60)
    void customerRangesOnThreadsCombineToTheSinglePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 3) int order, @ForAll @IntRange(min = 1, max = 4) int threads) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        JourneyBuilder rules = JourneyBuilder.create().byCase().splitOnOutcome();
        Set<String> conversions = Set.of("purchase");
        AttributionAccumulator single = AttributionAccumulator.of(order, Duration.ofDays(1));
        log.forEachJourney(rules, j -> single.accept(j, conversions));
        AttributionAccumulator parallel = log.scan(rules, threads, () -> AttributionAccumulator.of(order,
                Duration.ofDays(1)), (a, j) -> a.accept(j, conversions), AttributionAccumulator::combine);
        AttributionResult a = single.result();
        AttributionResult b = parallel.result();
        assertEquals(a.models().keySet(), b.models().keySet());
        assertEquals(a.unavailable(), b.unavailable());
        for (Map.Entry<AttributionModel, AttributionModelResult> e : a.models().entrySet()) {
            AttributionModelResult x = e.getValue();
            AttributionModelResult y = b.models().get(e.getKey());
            assertEquals(x.journeys(), y.journeys());
            assertEquals(x.conversions(), y.conversions());
            assertEquals(x.totalValue(), y.totalValue(), 1e-9 * Math.max(1, x.totalValue()));
            assertEquals(x.credits().size(), y.credits().size());
            for (int i = 0; i < x.credits().size(); i++) {
                TouchpointCredit cx = x.credits().get(i);
                TouchpointCredit cy = y.credits().get(i);
                assertEquals(cx.touchpoint(), cy.touchpoint());
                assertEquals(cx.conversions(), cy.conversions(), 1e-9 * Math.max(1, x.conversions()), e.getKey() + "");
                assertEquals(cx.value(), cy.value(), 1e-9 * Math.max(1, x.totalValue()), e.getKey() + "");
            }
        }
    }

    @Test
    void aLogTouchpointWithAReservedNameIsRefusedBeforeAnythingIsCounted() {
        EventLog log = EventLog.of(List.of(Events.ev("a", 1, "home"), Events.ev("a", 2, AttributionAccumulator.NULL)));
        AttributionAccumulator acc = AttributionAccumulator.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> log.forEachJourney(JourneyBuilder.create(), j -> acc.accept(j, Set.of("purchase"))));
        assertEquals("touchpoint must be a non-blank name other than " + AttributionAccumulator.RESERVED
                + ": '(null)'", e.getMessage());
        assertEquals(0, acc.journeys());
        assertEquals(List.of(), acc.heuristic(AttributionModel.LINEAR).credits());
    }

    @Test
    void aNegativeConversionValueInTheLogIsRefusedWithTheCustomer() {
        EventLog log = EventLog.of(List.of(Events.ev("a", 1, "cart").withOutcome("purchase").withValue(-3)));
        AttributionAccumulator acc = AttributionAccumulator.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> log.forEachJourney(JourneyBuilder.create(), j -> acc.accept(j, Set.of("purchase"))));
        assertEquals("conversion value must be finite and >= 0: -3.0 (customer a)", e.getMessage());
        assertEquals(0, acc.journeys());
    }

    /** Both throw the same exception, or both return equal results. */
    private static <T> void assertSame(Supplier<T> expected, Supplier<T> actual, String where) {
        Object want;
        try {
            want = expected.get();
        } catch (RuntimeException e) {
            RuntimeException got = assertThrows(RuntimeException.class, actual::get, where);
            assertEquals(e.getClass(), got.getClass(), where);
            assertEquals(e.getMessage(), got.getMessage(), where);
            return;
        }
        assertEquals(want, actual.get(), where);
    }
}
