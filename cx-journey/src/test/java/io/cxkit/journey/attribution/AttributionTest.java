package io.cxkit.journey.attribution;

import io.cxkit.core.ReferenceTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.Events;
import io.cxkit.journey.JourneyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Attribution: a hand-computed chain (B blocks every conversion), R's absorbing-chain algebra
 * ({@code reference/attribution.R}), heuristics, edge cases, algebra and bad input.
 */
class AttributionTest {
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    /** The hand example: A>B conv 100, A null, B conv 50, A>C null, C>B conv 30, C null. */
    static List<AttributionJourney> hand() {
        return List.of(
                AttributionJourney.of(List.of("A", "B"), List.of(T0, T0.plus(Duration.ofHours(24))), true, 100),
                AttributionJourney.of(List.of("A"), List.of(T0), false, 0),
                AttributionJourney.of(List.of("B"), List.of(T0), true, 50),
                AttributionJourney.of(List.of("A", "C"), List.of(T0, T0), false, 0),
                AttributionJourney.of(List.of("C", "B"), List.of(T0, T0.plus(Duration.ofHours(48))), true, 30),
                AttributionJourney.of(List.of("C"), List.of(T0), false, 0));
    }

    static AttributionAccumulator of(int order, List<AttributionJourney> js) {
        AttributionAccumulator acc = AttributionAccumulator.of(order, Duration.ofHours(24));
        js.forEach(acc::accept);
        return acc;
    }

    private static void credit(AttributionModelResult r, String tp, double conversions, double value, double re) {
        TouchpointCredit c = r.credit(tp).orElseThrow();
        assertEquals(conversions, c.conversions(), 1e-12, tp + " conversions in " + r);
        assertEquals(value, c.value(), 1e-10, tp + " value in " + r);
        if (!Double.isNaN(re)) {
            assertEquals(re, c.removalEffect(), 1e-12, tp + " removal effect in " + r);
        }
    }

    @Test
    void handComputedMarkovOrderOne() {
        // x_B = 1, x_C = 1/3, x_A = 4/9, P = 1/2; without A: 5/18, without B: 0, without C: 1/3
        AttributionModelResult r = of(1, hand()).markov(AttributionAccumulator.DEFAULT_MAX_STATES);
        assertEquals(0.5, r.conversionProbability(), 1e-15);
        assertEquals(4, r.states());
        credit(r, "A", 0.75, 45, 4.0 / 9);
        credit(r, "B", 27.0 / 16, 101.25, 1.0); // its removal blocks all conversions
        credit(r, "C", 0.5625, 33.75, 1.0 / 3);
        assertTrue(r.toString().contains("markov order 1, 4 states, P(conversion)=0.5000"), r.toString());
    }

    @Test
    void handComputedMarkovOrderTwoWithValueRemovalEffects() {
        AttributionModelResult r = of(2, hand()).markov(100);
        assertEquals(7, r.states());
        credit(r, "A", 0.6, 1800.0 / 31, 1.0 / 3);
        credit(r, "B", 1.8, 180.0 * 18 / 31, 1.0);
        credit(r, "C", 0.6, 540.0 / 31, 1.0 / 3);
        assertEquals(5.0 / 9, r.credit("A").orElseThrow().valueRemovalEffect(), 1e-12);
        assertEquals(1.0 / 6, r.credit("C").orElseThrow().valueRemovalEffect(), 1e-12);
    }

    @Test
    void handComputedHeuristics() {
        AttributionResult rep = of(1, hand()).result();
        credit(rep.model(AttributionModel.FIRST_TOUCH), "A", 1, 100, Double.NaN);
        credit(rep.model(AttributionModel.FIRST_TOUCH), "C", 1, 30, Double.NaN);
        credit(rep.model(AttributionModel.LAST_TOUCH), "B", 3, 180, Double.NaN);
        credit(rep.model(AttributionModel.LAST_TOUCH), "A", 0, 0, Double.NaN);
        credit(rep.model(AttributionModel.LINEAR), "B", 2, 115, Double.NaN);
        // half-life 24 h: A one half-life before B (weights 1/2 : 1), C two half-lives (1/4 : 1)
        AttributionModelResult td = rep.model(AttributionModel.TIME_DECAY);
        credit(td, "A", 1.0 / 3, 100.0 / 3, Double.NaN);
        credit(td, "B", 2.0 / 3 + 1 + 0.8, 200.0 / 3 + 50 + 24, Double.NaN);
        credit(td, "C", 0.2, 6, Double.NaN);
        assertEquals(5, rep.models().size());
        assertTrue(rep.toString().contains("time decay"), rep.toString());
    }

    @Test
    void matchesAbsorbingChainAlgebraInR() {
        Map<String, List<AttributionJourney>> data = new LinkedHashMap<>();
        for (ReferenceTables.Row r : ReferenceTables.load("attribution_journeys.csv")) {
            data.computeIfAbsent(r.s("dataset"), k -> new ArrayList<>()).add(AttributionJourney.of(
                    Arrays.asList(r.s("touchpoints").split(">")), r.l("converted") == 1, r.d("value")));
        }
        Map<String, AttributionModelResult> results = new LinkedHashMap<>();
        data.forEach((d, js) -> {
            for (int k = 1; k <= 3; k++) {
                results.put(d + "/markov" + k, of(k, js).markov(AttributionAccumulator.DEFAULT_MAX_STATES));
            }
            AttributionAccumulator acc = of(1, js);
            results.put(d + "/first", acc.heuristic(AttributionModel.FIRST_TOUCH));
            results.put(d + "/last", acc.heuristic(AttributionModel.LAST_TOUCH));
            results.put(d + "/linear", acc.heuristic(AttributionModel.LINEAR));
        });
        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (ReferenceTables.Row row : ReferenceTables.load("attribution_reference.csv")) {
            AttributionModelResult r = results.get(row.s("dataset") + "/" + row.s("model"));
            TouchpointCredit c = r.credit(row.s("touchpoint")).orElseThrow();
            String w = row.s("dataset") + " " + row.s("model") + " " + row.s("touchpoint");
            double[][] pairs = {
                {row.d("conversions"), c.conversions()}, {row.d("value"), c.value()},
                {row.d("removal_effect"), c.removalEffect()}, {row.d("value_removal_effect"), c.valueRemovalEffect()},
                {row.d("p_conversion"), r.conversionProbability()}, {row.l("states"), r.states()}};
            String[] names = {"conversions", "value", "RE", "value RE", "P(conv)", "states"};
            for (int i = 0; i < pairs.length; i++) {
                checks++;
                double e = pairs[i][0];
                double a = pairs[i][1];
                boolean ok = Double.isNaN(e) ? Double.isNaN(a) : Math.abs(e - a) <= 1e-9 * Math.abs(e) + 1e-12;
                if (!ok) {
                    failures.add(w + " " + names[i] + ": expected " + e + ", got " + a);
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checks + " checks failed");
        assertEquals(48 * 6, checks);
    }

    @Test
    void zeroConversionsGiveZeroCreditsWithANote() {
        AttributionAccumulator acc = of(2, List.of(AttributionJourney.of(List.of("A", "B"), false, 0),
                AttributionJourney.of(List.of("B"), false, 0)));
        AttributionModelResult m = acc.markov(10);
        assertEquals(0, m.conversions());
        assertEquals(0.0, m.credit("A").orElseThrow().conversions());
        assertTrue(Double.isNaN(m.credit("A").orElseThrow().removalEffect()));
        assertTrue(m.note().startsWith("no conversions"), m.note());
        AttributionModelResult lin = acc.heuristic(AttributionModel.LINEAR);
        assertEquals(0.0, lin.credit("B").orElseThrow().conversions());
        assertTrue(lin.toString().contains("no conversions"), lin.toString());
    }

    @Test
    void conversionsWithoutValueAndUntimedJourneys() {
        AttributionAccumulator acc = of(1, List.of(AttributionJourney.of(List.of("A", "B"), true, 0),
                AttributionJourney.of(List.of("A"), false, 0)));
        AttributionModelResult m = acc.markov(10);
        assertEquals(1.0, m.credit("A").orElseThrow().conversions() + m.credit("B").orElseThrow().conversions(), 1e-12);
        assertEquals(0.0, m.credit("A").orElseThrow().value());
        assertTrue(m.note().contains("no value"), m.note());
        AttributionResult rep = acc.result();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rep.model(AttributionModel.TIME_DECAY));
        assertEquals("time decay attribution is not available: time-decay attribution needs touch times: "
                + "1 converting journeys have none", e.getMessage());
        assertThrows(IllegalStateException.class, () -> acc.heuristic(AttributionModel.TIME_DECAY));
    }

    @Test
    void stateExplosionIsRefusedWithAClearError() {
        AttributionAccumulator acc = AttributionAccumulator.of(3, Duration.ofDays(7));
        Random r = new Random(3);
        for (int i = 0; i < 3000; i++) {
            List<String> tps = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                tps.add("tp" + r.nextInt(20));
            }
            acc.accept(AttributionJourney.of(tps, r.nextBoolean(), 0));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> acc.markov(AttributionAccumulator.DEFAULT_MAX_STATES));
        assertTrue(e.getMessage().startsWith("Markov order 3 chain has "), e.getMessage());
        assertTrue(e.getMessage().contains("more than the limit 2000; use a lower order"), e.getMessage());
        AttributionResult rep = acc.result();
        assertThrows(IllegalStateException.class, () -> rep.model(AttributionModel.MARKOV));
        assertEquals(3, rep.models().size()); // untimed journeys: no time decay either
        assertEquals(2, rep.unavailable().size());
        assertTrue(rep.toString().contains("call markov(maxStates)"), rep.toString());
        assertThrows(IllegalArgumentException.class, () -> acc.markov(0));
        assertThrows(IllegalArgumentException.class, () -> acc.markov(AttributionAccumulator.MAX_STATES_LIMIT + 1));
    }

    @Property(tries = 40)
    void creditsSumToTotalsAndCombineEqualsSinglePass(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 200) int n, @ForAll @IntRange(min = 1, max = 4) int parts,
            @ForAll @IntRange(min = 1, max = 3) int order) {
        Random r = new Random(seed);
        String[] ch = {"search", "email", "social", "direct"};
        AttributionAccumulator single = AttributionAccumulator.of(order, Duration.ofDays(2));
        AttributionAccumulator[] acc = new AttributionAccumulator[parts];
        for (int p = 0; p < parts; p++) {
            acc[p] = single.emptyCopy();
        }
        for (int i = 0; i < n; i++) {
            int len = 1 + r.nextInt(5);
            List<String> tps = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            for (int j = 0; j < len; j++) {
                tps.add(ch[r.nextInt(ch.length)]);
                times.add(T0.plusSeconds(3600L * (j * 5 + r.nextInt(5))));
            }
            boolean conv = r.nextInt(3) == 0;
            AttributionJourney j = AttributionJourney.of(tps, times, conv, conv ? Math.round(r.nextDouble() * 1000) / 10.0 : 0);
            single.accept(j);
            acc[r.nextInt(parts)].accept(j);
        }
        AttributionAccumulator merged = acc[0];
        for (int p = parts - 1; p > 0; p--) {
            merged.combine(acc[p]);
        }
        AttributionResult a = single.result();
        AttributionResult b = AttributionAccumulator.decode(merged.encode()).result();
        assertEquals(a.model(AttributionModel.MARKOV), b.model(AttributionModel.MARKOV));
        for (AttributionModel m : AttributionModel.values()) {
            AttributionModelResult x = a.model(m);
            AttributionModelResult y = b.model(m);
            double conv = 0;
            double value = 0;
            for (TouchpointCredit c : x.credits()) {
                TouchpointCredit d = y.credit(c.touchpoint()).orElseThrow();
                assertEquals(c.conversions(), d.conversions(), 1e-9);
                assertEquals(c.value(), d.value(), 1e-7);
                assertTrue(c.conversions() >= 0, c.toString());
                conv += c.conversions();
                value += c.value();
            }
            assertEquals(x.conversions(), conv, 1e-9, m + " conversions sum");
            assertEquals(x.totalValue(), value, 1e-7 * Math.max(1, x.totalValue()), m + " value sum");
        }
    }

    @Test
    void fromCustomerJourney() {
        List<JourneyEvent> ev = List.of(Events.ev("c1", 0, "search"), Events.ev("c1", 60, "product"),
                Events.ev("c1", 120, "checkout").withOutcome("purchased").withValue(42), Events.ev("c1", 180, "faq"));
        CustomerJourney j = CustomerJourney.of("c1", ev);
        AttributionJourney a = AttributionJourney.of(j, Set.of("purchased"));
        assertEquals(List.of("search", "product", "checkout"), a.touchpoints());
        assertTrue(a.converted());
        assertEquals(42, a.value());
        assertEquals("search > product > checkout > (conversion 42.0)", a.toString());
        AttributionJourney b = AttributionJourney.of(j, Set.of("other"));
        assertEquals(4, b.touchpoints().size());
        assertEquals("search > product > checkout > faq > (null)", b.toString());
    }

    @Test
    void badInputFailsWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttributionJourney.of(List.of(), true, 1));
        assertEquals("journey touchpoints must not be empty: []", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AttributionJourney.of(List.of("A"), false, 5));
        assertEquals("conversion value must be 0 for a journey that did not convert: 5.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AttributionJourney.of(List.of("A"), true, -1));
        assertEquals("conversion value must be finite and >= 0: -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AttributionJourney.of(List.of("(null)"), true, 1));
        assertTrue(e.getMessage().endsWith(": '(null)'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttributionJourney.of(List.of(" "), true, 1));
        assertThrows(IllegalArgumentException.class,
                () -> AttributionJourney.of(List.of("A", "B"), List.of(T0), true, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> AttributionJourney.of(List.of("A", "B"), List.of(T0, T0.minusSeconds(1)), true, 1));
        assertTrue(e.getMessage().startsWith("journey times must be non-decreasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AttributionJourney.of(List.of("A"), Arrays.asList((Instant) null), true, 1));
        assertEquals("journey times must not contain a missing time: [null]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AttributionAccumulator.of(4, Duration.ofDays(1)));
        assertEquals("Markov order must be in [1, 3]: 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttributionAccumulator.of(1, Duration.ZERO));
        AttributionAccumulator acc = AttributionAccumulator.create();
        assertThrows(NullPointerException.class, () -> acc.accept(null));
        assertThrows(IllegalArgumentException.class, () -> acc.heuristic(AttributionModel.MARKOV));
        e = assertThrows(IllegalArgumentException.class,
                () -> acc.combine(AttributionAccumulator.of(2, Duration.ofDays(7))));
        assertTrue(e.getMessage().startsWith("cannot combine attribution accumulators with different settings"));
        assertThrows(NullPointerException.class, () -> acc.combine(null));
        assertThrows(IllegalArgumentException.class, () -> AttributionAccumulator.decode(new byte[] {0}));
        acc.accept(AttributionJourney.of(List.of("A"), true, 1));
        assertEquals(2, acc.combine(acc).journeys());
        assertEquals(1, acc.order());
        assertEquals(Duration.ofDays(7), acc.halfLife());
        assertTrue(acc.toString().contains("journeys=2"), acc.toString());
    }
}
