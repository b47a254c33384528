package io.cxkit.journey.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.LogJourney;
import io.cxkit.journey.RandomLogs;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The transition graph over the event log equals the former object-path counting
 * ({@link ReferenceTransitions}) on random logs (same-instant and sub-millisecond events, every way
 * of cutting journeys, 1 to 4 threads), encodes to the same bytes as the object path, and combines
 * across logs whose dictionaries number touchpoints differently.
 */
class TransitionsLogProperties {

    @Property(tries = 40)
    void logPathEqualsTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int n,
            @ForAll @IntRange(min = 1, max = 4) int threads) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        for (JourneyBuilder rules : RandomLogs.rules()) {
            List<CustomerJourney> journeys = rules.build(events);
            ReferenceTransitions ref = new ReferenceTransitions();
            journeys.forEach(ref::accept);
            String what = rules + " seed=" + seed;
            TransitionGraph byLog = TransitionGraph.create().acceptAll(log, rules, threads);
            assertEquals(ref.result(), byLog.result(), what);
            TransitionGraph byObject = TransitionGraph.create();
            journeys.forEach(byObject::accept);
            assertEquals(ref.result(), byObject.result(), what);
            assertArrayEquals(byObject.encode(), byLog.encode(), what);
            assertEquals(ref.result(), TransitionGraph.decode(byLog.encode()).result(), what);
        }
    }

    @Property(tries = 40)
    void combineAcrossLogsWithDifferentDictionaries(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 400) int n) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        List<List<JourneyEvent>> halves = RandomLogs.splitByCustomer(events);
        List<JourneyEvent> even = halves.get(0);
        List<JourneyEvent> odd = halves.get(1);
        JourneyBuilder rules = JourneyBuilder.create().splitOnOutcome();
        ReferenceTransitions ref = new ReferenceTransitions();
        rules.build(events).forEach(ref::accept);
        TransitionGraph left = TransitionGraph.create().acceptAll(EventLog.of(even), rules);
        TransitionGraph right = TransitionGraph.create().acceptAll(EventLog.of(odd), rules, 2);
        assertEquals(ref.result(), left.copy().combine(right).result(), "seed=" + seed);
        assertEquals(ref.result(), right.combine(left).result(), "seed=" + seed);
        TransitionGraph both = TransitionGraph.create().acceptAll(EventLog.of(odd), rules)
                .acceptAll(EventLog.of(even), rules);
        assertEquals(ref.result(), both.result(), "seed=" + seed);
    }

    @Test
    void missingArgumentsAreRejected() {
        TransitionGraph g = TransitionGraph.create();
        EventLog log = EventLog.of(RandomLogs.events(5, 20));
        assertThrows(NullPointerException.class, () -> g.accept((LogJourney) null));
        assertThrows(IllegalArgumentException.class, () -> g.acceptAll(log, JourneyBuilder.create(), 0));
        assertThrows(NullPointerException.class, () -> g.acceptAll(null, JourneyBuilder.create()));
        assertEquals(0, g.journeys());
    }
}
