package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxkit.core.JourneyStage;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The journey summary over the event log equals the object path it replaced
 * ({@link ObjectPathJourneySummary}): durations, touchpoint counts, switches, re-contacts, loops,
 * stages reached and outcomes, for every way of cutting journeys, and split across threads.
 */
class JourneySummaryLogProperties {

    @Property(tries = 150)
    void logAndObjectsEqualTheObjectPath(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 0, max = 6) int rule, @ForAll @IntRange(min = 1, max = 4) int threads) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        JourneyBuilder rules = EventLogProperties.RULES.get(rule);
        ObjectPathJourneySummary oracle = new ObjectPathJourneySummary();
        JourneySummary objects = JourneySummary.create();
        for (CustomerJourney j : rules.build(events)) {
            oracle.accept(j);
            objects.accept(j);
        }
        EventLog log = EventLog.of(events);
        JourneySummary fromLog = JourneySummary.create();
        log.forEachJourney(rules, fromLog::accept);
        JourneySummary parallel = log.scan(rules, threads, JourneySummary::create, JourneySummary::accept,
                JourneySummary::combine);
        String where = "seed=" + seed + " n=" + n + " " + rules;
        JourneySummaryResult want = oracle.result();
        assertEquals(want, objects.result(), where);
        assertEquals(want, fromLog.result(), where);
        assertEquals(want, parallel.result(), where);
        byte[] bytes = fromLog.encode();
        assertArrayEquals(objects.encode(), bytes, where);
        JourneySummary decoded = JourneySummary.decode(bytes);
        assertArrayEquals(bytes, decoded.encode(), where);
        assertEquals(want, decoded.result(), where);
    }

    @Test
    void stagesOfTheSameNameAndOutcomesInAnyCaseCountAsTheObjectPathCountsThem() {
        JourneyStage otherSupport = JourneyStage.of("support", 9);
        List<JourneyEvent> events = new ArrayList<>(List.of(
                Events.ev("a", 0, "chat", io.cxkit.core.Channel.CHAT).withStage(JourneyStage.SUPPORT)
                        .withOutcome("RESOLVED"),
                Events.ev("a", 1, "phone", io.cxkit.core.Channel.PHONE).withStage(otherSupport),
                Events.ev("a", 2, "chat", io.cxkit.core.Channel.CHAT).withStage(JourneyStage.SUPPORT)
                        .withOutcome("Escalated"),
                Events.ev("b", 0, "home")));
        ObjectPathJourneySummary oracle = new ObjectPathJourneySummary();
        JourneyBuilder.create().build(events).forEach(oracle::accept);
        JourneySummary s = JourneySummary.create();
        EventLog.of(events).forEachJourney(JourneyBuilder.create(), s::accept);
        assertEquals(oracle.result(), s.result());
        assertEquals(2L, s.result().stagesReached().get("support"));
    }
}
