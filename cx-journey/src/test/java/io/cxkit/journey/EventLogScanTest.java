package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link EventLog#scan} gives one result for every thread count, in memory or spilled. */
class EventLogScanTest {

    /** An order-sensitive accumulator: the journeys as text, in the order they were fed and combined. */
    static final class Seen {
        final List<String> journeys = new ArrayList<>();
        double sum; // a floating-point sum, whose value depends on the order of additions

        void accept(LogJourney j) {
            journeys.add(j.toCustomerJourney().toString());
            for (int i = 0; i < j.size(); i++) {
                sum += j.timeMillis(i) * 1e-7 + (Double.isNaN(j.value(i)) ? 0 : j.value(i) / 3);
            }
        }

        Seen combine(Seen o) {
            journeys.addAll(o.journeys);
            sum += o.sum;
            return this;
        }
    }

    @Property(tries = 40)
    void theResultIsTheSameForEveryThreadCountAndSpilledOrNot(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 400) int n) throws IOException {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        JourneyBuilder rules = JourneyBuilder.create().byCase().splitOnOutcome();
        List<String> expected = rules.build(events).stream().map(CustomerJourney::toString).toList();
        Seen one = log.scan(rules, 1, Seen::new, Seen::accept, Seen::combine);
        assertEquals(expected, one.journeys);
        Path dir = Files.createTempDirectory("cxkit-scan-test");
        try (EventLog spilled = EventLogSpillTest.spilled(events, 500, dir)) {
            for (int threads = 1; threads <= 4; threads++) {
                for (EventLog l : List.of(log, spilled)) {
                    Seen s = l.scan(rules, threads, Seen::new, Seen::accept, Seen::combine);
                    assertEquals(expected, s.journeys, threads + " threads, " + l);
                    assertEquals(Double.doubleToLongBits(one.sum), Double.doubleToLongBits(s.sum),
                            threads + " threads, " + l);
                }
            }
        }
        Files.delete(dir);
    }

    @Test
    void aLogOfManyUnitsIsCombinedInCustomerOrder() {
        List<JourneyEvent> events = RandomLogs.events(99, 400);
        EventLog.Builder b = EventLog.builder();
        events.forEach(b::add);
        for (int c = 0; c < 150_000; c++) { // many one-event customers: several units
            b.add(String.format("z%06d", c), 0L, "home", io.cxkit.core.Channel.WEB, null, null, Double.NaN, null);
        }
        EventLog log = b.build();
        JourneyBuilder rules = JourneyBuilder.create();
        long[] count = new long[1];
        List<String> order = new ArrayList<>();
        log.forEachJourney(rules, j -> {
            count[0]++;
            if (count[0] % 997 == 0) {
                order.add(j.customerId());
            }
        });
        for (int threads : new int[] {1, 2, 3}) {
            List<String> seen = log.scan(rules, threads, ArrayList::new, (l, j) -> l.add(j.customerId()),
                    (x, y) -> {
                        x.addAll(y);
                        return x;
                    });
            assertEquals(count[0], seen.size());
            List<String> sampled = new ArrayList<>();
            for (int i = 996; i < seen.size(); i += 997) {
                sampled.add(seen.get(i));
            }
            assertEquals(order, sampled, threads + " threads");
        }
    }

    @Test
    void anEmptyLogGivesTheEmptyAccumulatorAndBadArgumentsAreNamed() {
        EventLog empty = EventLog.builder().build();
        List<String> fresh = new ArrayList<>();
        assertSame(fresh, empty.scan(JourneyBuilder.create(), 2, () -> fresh, (l, j) -> { }, (x, y) -> x));
        assertEquals("scan threads must be in [1, 1024]: 0", assertThrows(IllegalArgumentException.class,
                () -> empty.scan(JourneyBuilder.create(), 0, ArrayList::new, (l, j) -> { }, (x, y) -> x))
                .getMessage());
        assertEquals("rules must not be null", assertThrows(NullPointerException.class,
                () -> empty.scan(null, 1, ArrayList::new, (l, j) -> { }, (x, y) -> x)).getMessage());
        assertEquals("combine must not be null", assertThrows(NullPointerException.class,
                () -> empty.scan(JourneyBuilder.create(), 1, ArrayList::new, (l, j) -> { }, null)).getMessage());
        assertEquals("action must not be null", assertThrows(NullPointerException.class,
                () -> empty.forEachJourney(JourneyBuilder.create(), 0, 0, null)).getMessage());
        assertEquals("events[1] must not be null", assertThrows(NullPointerException.class,
                () -> EventLog.of(java.util.Arrays.asList(RandomLogs.events(1, 1).get(0), null))).getMessage());
    }

    @Test
    void anExceptionInAWorkerIsRethrown() {
        EventLog log = EventLog.of(RandomLogs.events(5, 300));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> log.scan(JourneyBuilder.create(), 2, ArrayList::new, (l, j) -> {
                    throw new IllegalStateException("boom " + j.customerId());
                }, (x, y) -> x));
        assertEquals("boom", e.getMessage().substring(0, 4));
    }
}
