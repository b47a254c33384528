package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.QuantileSketch;
import io.cxkit.core.contract.CraftedEncodings;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.paths.TransitionGraph;
import io.cxkit.journey.retention.RetentionAccumulator;
import io.cxkit.journey.service.ServiceMetricsAccumulator;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalCurve;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11's hostile partial results and quadratic paths in cx-journey, each as a regression test. */
class HostileEncodingTest {

    private static String message(Runnable r) {
        return assertThrows(CorruptEncodingException.class, r::run).getMessage();
    }

    private static byte[] attribution(String state, String target) {
        return Encoding.writer(AttributionAccumulator.TYPE, 1).putInt(1).putLong(java.time.Duration.ofDays(7).toNanos())
                .putLong(1).putLong(0).putLong(0).putDoubles(new double[2]).putInt(1).putString("A")
                .putDoubles(new double[16]).putInt(1).putString(state).putDoubles(new double[2]).putInt(1)
                .putString(target).putLong(1).toBytes();
    }

    @Test
    void attributionChainMustBeClosed() {
        // Before: both decoded and result() threw NullPointerException.
        assertTrue(message(() -> AttributionAccumulator.decode(attribution("A", AttributionAccumulator.NULL)))
                .contains("must start at (start)"));
        assertTrue(message(() -> AttributionAccumulator.decode(attribution(AttributionAccumulator.START, "B")))
                .contains("unknown state 'B'"));
        AttributionAccumulator ok = AttributionAccumulator.decode(attribution(AttributionAccumulator.START,
                AttributionAccumulator.NULL));
        assertEquals(1, ok.journeys());
    }

    @Test
    void survivalGroupsAreUniqueAndTimesIncreasing() {
        byte[] twice = Encoding.writer(SurvivalAccumulator.TYPE, 1).putInt(2)
                .putString("g").putDoubles(new double[] {1}).putLongs(new long[] {1}).putLongs(new long[] {0})
                .putString("g").putDoubles(new double[] {2}).putLongs(new long[] {1}).putLongs(new long[] {0}).toBytes();
        // Before: the second group silently replaced the first.
        assertTrue(message(() -> SurvivalAccumulator.decode(twice)).contains("group 'g' twice"));
        byte[] descending = Encoding.writer(SurvivalAccumulator.TYPE, 1).putInt(1).putString("g")
                .putDoubles(new double[] {2, 1}).putLongs(new long[] {1, 1}).putLongs(new long[] {0, 0}).toBytes();
        assertTrue(message(() -> SurvivalAccumulator.decode(descending)).contains("strictly increasing"));
    }

    @Test
    void survivalWithManyDistinctDescendingTimesIsLinearithmic() {
        // Before: each new time was inserted in place (O(n) each), and the median compared every
        // point with every kept one (O(d²)): 200,000 descending times took tens of seconds.
        SurvivalAccumulator s = SurvivalAccumulator.create();
        int n = 200_000;
        for (int i = n; i > 0; i--) {
            s.accept(i / 7.0, i % 3 != 0);
        }
        SurvivalAccumulator back = SurvivalAccumulator.decode(s.encode());
        SurvivalCurve c = back.result().overall();
        assertEquals(n, c.n());
        assertEquals(n, c.steps().size());
        assertTrue(c.median().time() > 0, c::toString);
        assertArrayEquals(s.encode(), back.encode());
    }

    @Test
    void retentionDaysOutOfRangeAreRejected() {
        byte[] far = Encoding.writer(RetentionAccumulator.TYPE, 1).putString("DAY").putString("UTC").putInt(1)
                .putString("c1").putLongs(new long[] {Long.MAX_VALUE}).toBytes();
        // Before: DateTimeException escaped.
        assertTrue(message(() -> RetentionAccumulator.decode(far)).contains("epoch day 9223372036854775807"));
    }

    @Test
    void transitionGraphWithTenThousandTouchpointsFitsInSmallMemory() {
        // Before: a dense 10,000 × 10,000 matrix of counts and sketches ran out of memory at 1 GB.
        List<JourneyEvent> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add(JourneyEvent.of("c1", Events.at(i), "tp" + i, Channel.WEB));
        }
        TransitionGraph g = TransitionGraph.create();
        g.accept(CustomerJourney.of("c1", events));
        TransitionGraph back = TransitionGraph.decode(g.encode());
        assertEquals(10_001, back.result().transitions().size());
        assertArrayEquals(g.encode(), back.encode());
    }

    @Test
    void transitionGraphWithImpossibleFlowsIsRejected() {
        TransitionGraph g = TransitionGraph.create();
        g.accept(CustomerJourney.of("c1", List.of(Events.ev("c1", 0, "a"), Events.ev("c1", 5, "b"))));
        byte[] ok = g.encode();
        TransitionGraph.decode(ok);
        byte[] moreJourneys = ok.clone();
        // the journey count is the first payload long, right after the header
        int at = 4 + 2 + 4 + TransitionGraph.TYPE.length() + 2;
        moreJourneys[at + 7] = 2;
        assertTrue(message(() -> TransitionGraph.decode(moreJourneys)).contains("transitions into and"));
    }

    @Test
    void serviceWithoutTargetsRoundTrips() {
        ServiceMetricsAccumulator a = ServiceMetrics.builder().build().accumulator();
        a.accept(JourneyFixtures.ticket(new java.util.SplittableRandom(1)));
        assertEquals(a.result(), ServiceMetricsAccumulator.decode(a.encode()).result());
        byte[] negative = a.encode();
        // the first-response target (-1 = none) is the first payload long, right after the header
        negative[4 + 2 + 4 + ServiceMetricsAccumulator.TYPE.length() + 2 + 7] = -2;
        assertTrue(message(() -> ServiceMetricsAccumulator.decode(negative)).contains("SLA targets -2"));
    }

    @Test
    void serviceCombineRefusesToOverflow() {
        byte[] empty = QuantileSketch.create().encode();
        // a sketch holding Long.MAX_VALUE waits of 5 s
        byte[] huge = CraftedEncodings.quantileSketch(Long.MAX_VALUE, 5);
        byte[] service = Encoding.writer(ServiceMetricsAccumulator.TYPE, 1).putLong(3_600_000).putLong(28_800_000)
                .putLongs(new long[] {Long.MAX_VALUE, 0, 0, 0, 0, 0, 0}).putBytes(empty).putBytes(empty).putBytes(huge)
                .toBytes();
        ServiceMetricsAccumulator a = ServiceMetricsAccumulator.decode(service);
        byte[] before = a.encode();
        // Before: the counters wrapped to negative numbers.
        assertThrows(IncompatibleAccumulatorException.class, () -> a.combine(ServiceMetricsAccumulator.decode(service)));
        assertArrayEquals(before, a.encode());
    }
}
