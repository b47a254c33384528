package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.JourneyStage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs large enough for the builder's bucketed sort to use many buckets (and, spilled, many runs)
 * give the journeys of the object path: customers from one to tens of thousands, names sharing
 * long prefixes, same-instant events, optional fields on some events.
 */
class EventLogBucketSortTest {
    private static final List<JourneyBuilder> RULES = List.of(JourneyBuilder.create(),
            JourneyBuilder.create().byCase().splitOnInactivity(Duration.ofHours(2)).splitOnOutcome());

    static List<JourneyEvent> events(long seed, int n, int customers) {
        Random r = new Random(seed);
        Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
        List<JourneyEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(customers);
            String name = c % 3 == 0 ? "customer-000000" + c : c % 3 == 1 ? "c" + c : "C" + (c * 7919L % 1_000_003);
            long nanos = r.nextInt(4) == 0 ? r.nextInt(20) * 1_000_000_000L
                    : (long) r.nextInt(40 * 24 * 3600) * 1_000_000_000L + r.nextInt(1000);
            JourneyEvent e = JourneyEvent.of(name, t0.plusNanos(nanos), "tp" + r.nextInt(40),
                    Channel.predefined().get(r.nextInt(8)));
            if (r.nextInt(15) == 0) {
                e = e.withOutcome(r.nextBoolean() ? "purchase" : "refund").withValue(r.nextInt(400) / 4.0);
            }
            if (r.nextInt(40) == 0) {
                e = e.withStage(JourneyStage.defaults().get(r.nextInt(3))).withCaseId("k" + r.nextInt(3));
            }
            out.add(e);
        }
        return out;
    }

    @Test
    void manyBucketsAndRunsGiveTheJourneysOfTheObjectPath(@TempDir Path dir) {
        int[][] shapes = {{80_000, 30_000}, {70_000, 1}, {70_000, 7}, {70_000, 70_000}};
        long seed = 11;
        for (int[] shape : shapes) {
            List<JourneyEvent> events = events(seed++, shape[0], shape[1]);
            try (EventLog log = EventLog.of(events);
                    EventLog.Builder spilling = EventLog.builder().memoryBudget(1_000_000).tempDirectory(dir)) {
                for (JourneyEvent e : events) {
                    spilling.add(e);
                }
                try (EventLog spilled = spilling.build()) {
                    assertTrue(spilled.spilled() && spilled.runCount() > 1, spilled.toString());
                    for (JourneyBuilder rules : RULES) {
                        List<CustomerJourney> expected = rules.build(events);
                        assertEquals(expected, log.journeys(rules), rules + " " + shape[0] + "/" + shape[1]);
                        assertEquals(expected, spilled.journeys(rules), "spilled " + rules);
                    }
                }
            }
        }
    }
}
