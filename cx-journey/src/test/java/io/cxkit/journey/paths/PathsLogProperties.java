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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Path variants over the event log equal the former object-path counting ({@link ReferencePaths})
 * on random logs: whole, to and from a touchpoint (one the log never holds included), depths 1 to
 * 5, repeats collapsed or not, every way of cutting journeys, 1 to 4 threads, the object entry
 * points, top-k with ties, and combine across logs whose dictionaries number touchpoints differently.
 */
class PathsLogProperties {

    static List<ReferencePaths> views() {
        List<ReferencePaths> out = new ArrayList<>();
        for (boolean collapse : new boolean[] {false, true}) {
            out.add(new ReferencePaths(ReferencePaths.View.WHOLE, "", 0, collapse));
            for (String anchor : List.of("home", "cart", "refund", "nowhere")) {
                for (int depth : new int[] {1, 2, 5}) {
                    out.add(new ReferencePaths(ReferencePaths.View.LEADING_TO, anchor, depth, collapse));
                    out.add(new ReferencePaths(ReferencePaths.View.FOLLOWING, anchor, depth, collapse));
                }
            }
        }
        return out;
    }

    @Property(tries = 25)
    void logPathEqualsTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 4) int threads) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        for (JourneyBuilder rules : RandomLogs.rules()) {
            List<CustomerJourney> journeys = rules.build(events);
            for (ReferencePaths ref : views()) {
                journeys.forEach(j -> ref.accept(j.path()));
                PathVariantsResult expected = ref.result();
                String what = expected.view() + " " + rules + " seed=" + seed;
                PathVariants byLog = ref.accumulator().acceptAll(log, rules, threads);
                assertEquals(expected, byLog.result(), what);
                PathVariants byObject = ref.accumulator();
                journeys.forEach(byObject::accept);
                assertEquals(expected, byObject.result(), what);
                assertArrayEquals(byObject.encode(), byLog.encode(), what);
                assertEquals(expected, PathVariants.decode(byLog.encode()).result(), what);
                for (int k = 0; k <= 4; k++) {
                    assertEquals(expected.top(k), byLog.result().top(k), what + " top " + k);
                }
            }
        }
    }

    @Property(tries = 25)
    void combineAcrossLogsWithDifferentDictionaries(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 300) int n) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        List<List<JourneyEvent>> halves = RandomLogs.splitByCustomer(events);
        EventLog a = EventLog.of(halves.get(0));
        EventLog b = EventLog.of(halves.get(1));
        JourneyBuilder rules = JourneyBuilder.create().byCase();
        List<CustomerJourney> journeys = rules.build(events);
        for (ReferencePaths ref : views()) {
            journeys.forEach(j -> ref.accept(j.path()));
            PathVariants left = ref.accumulator().acceptAll(a, rules);
            PathVariants right = ref.accumulator().acceptAll(b, rules);
            String what = ref.result().view() + " seed=" + seed;
            assertEquals(ref.result(), left.copy().combine(right).result(), what);
            assertEquals(ref.result(), right.combine(left).result(), what);
            PathVariants both = ref.accumulator().acceptAll(a, rules).acceptAll(b, rules);
            assertEquals(ref.result(), both.result(), what);
        }
    }

    @Test
    void objectPathsCountThroughTheSameCode() {
        PathVariants p = PathVariants.ofLeadingTo("checkout", 2).collapsingRepeats();
        p.accept(List.of("home", "home", "cart", "cart", "checkout", "home"));
        p.accept(Arrays.asList("home", "cart", "checkout"));
        p.accept(List.of("home"));
        PathVariantsResult r = p.result();
        assertEquals(2, r.journeys());
        assertEquals(1, r.skipped());
        assertEquals(List.of("home", "cart", "checkout"), r.variants().get(0).path());
        assertEquals(2, r.variants().get(0).count());
        assertEquals("path[1]", assertThrows(NullPointerException.class,
                () -> p.accept(Arrays.asList("home", null))).getMessage().substring(0, 7));
        assertThrows(NullPointerException.class, () -> p.accept((List<String>) null));
        assertThrows(NullPointerException.class, () -> p.accept((LogJourney) null));
        assertThrows(NullPointerException.class, () -> p.accept((CustomerJourney) null));
    }
}
