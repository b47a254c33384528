package io.cxkit.journey.retention;

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
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.TimeGrain;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Retention over the event log equals the object path it replaced ({@link ObjectPathRetention}):
 * cohorts, cells and churn for every grain, in zones with and without daylight saving, for every
 * way of cutting journeys, and split across threads.
 */
class RetentionLogProperties {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/Sao_Paulo"), ZoneId.of("Pacific/Chatham"));

    @Property(tries = 150)
    void logAndObjectsEqualTheObjectPath(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll TimeGrain grain, @ForAll @IntRange(min = 0, max = 3) int zone,
            @ForAll @IntRange(min = 0, max = 6) int rule, @ForAll @IntRange(min = 1, max = 4) int threads) {
        List<JourneyEvent> events = shifted(RandomLogs.events(seed, n), seed);
        JourneyBuilder rules = EventLogProperties.RULES.get(rule);
        ZoneId z = ZONES.get(zone);
        ObjectPathRetention oracle = new ObjectPathRetention(grain, z);
        RetentionAccumulator objects = RetentionAccumulator.of(grain, z);
        for (CustomerJourney j : rules.build(events)) {
            oracle.accept(j);
            objects.accept(j);
        }
        EventLog log = EventLog.of(events);
        RetentionAccumulator fromLog = RetentionAccumulator.of(grain, z);
        log.forEachJourney(rules, fromLog::accept);
        RetentionAccumulator parallel = log.scan(rules, threads, () -> RetentionAccumulator.of(grain, z),
                RetentionAccumulator::accept, RetentionAccumulator::combine);
        String where = "seed=" + seed + " n=" + n + " " + grain + " " + z + " " + rules;
        RetentionResult want = oracle.result();
        assertEquals(want, objects.result(), where);
        assertEquals(want, fromLog.result(), where);
        assertEquals(want, parallel.result(), where);
        assertEquals(oracle.customers(), fromLog.customers(), where);
        byte[] bytes = fromLog.encode();
        assertArrayEquals(objects.encode(), bytes, where);
        assertArrayEquals(bytes, parallel.encode(), where);
        RetentionAccumulator decoded = RetentionAccumulator.decode(bytes);
        assertArrayEquals(bytes, decoded.encode(), where);
        assertEquals(want, decoded.result(), where);
    }

    /** Moves events by up to a few months, so that events cross month, quarter and DST boundaries. */
    private static List<JourneyEvent> shifted(List<JourneyEvent> events, long seed) {
        List<JourneyEvent> out = new ArrayList<>(events.size());
        long days = Math.floorMod(seed, 230);
        for (JourneyEvent e : events) {
            out.add(new JourneyEvent(e.customerId(), e.time().plusSeconds(86_400 * days + 3_600 * (e.touchpoint().length() % 5)),
                    e.touchpoint(), e.channel(), e.stage(), e.outcome(), e.value(), e.caseId()));
        }
        return out;
    }

    @Test
    void aSpanBeyondTheLimitIsRefusedAsTheObjectPathRefusedIt() {
        List<JourneyEvent> events = List.of(Events.ev("a", 0, "home"), Events.ev("b", 60L * 24 * 1500, "home"));
        ObjectPathRetention oracle = new ObjectPathRetention(TimeGrain.DAY, ZoneId.of("UTC"));
        InvalidInputException want = assertThrows(InvalidInputException.class,
                () -> JourneyBuilder.create().build(events).forEach(oracle::accept));
        RetentionAccumulator acc = RetentionAccumulator.of(TimeGrain.DAY, ZoneId.of("UTC"));
        InvalidInputException got = assertThrows(InvalidInputException.class,
                () -> EventLog.of(events).forEachJourney(JourneyBuilder.create(), acc::accept));
        assertEquals(want.getMessage(), got.getMessage());
        assertEquals(1, acc.customers());
        assertEquals(oracle.result(), acc.result());
    }
}
