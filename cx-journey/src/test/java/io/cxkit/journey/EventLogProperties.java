package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.core.Channel;
import io.cxkit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The event log cuts exactly the journeys {@link JourneyBuilder#build} cuts, in the same order. */
public class EventLogProperties {

    /** Every way of cutting journeys the equality tests run: gaps, outcomes, cases and their mix. */
    public static final List<JourneyBuilder> RULES = List.of(
            JourneyBuilder.create(),
            JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30)),
            JourneyBuilder.create().splitOnInactivity(Duration.ofMillis(1)),
            JourneyBuilder.create().splitOnOutcome(),
            JourneyBuilder.create().splitOnOutcome(Set.of("resolved")),
            JourneyBuilder.create().byCase(),
            JourneyBuilder.create().byCase().splitOnInactivity(Duration.ofHours(2)).splitOnOutcome());

    @Property(tries = 150)
    void journeysEqualTheObjectPath(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int n) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        assertEquals(n, log.size());
        for (JourneyBuilder rules : RULES) {
            assertEquals(rules.build(events), log.journeys(rules), rules + " seed=" + seed);
        }
    }

    @Property(tries = 50)
    void customerRangesPartitionTheJourneys(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 5) int parts) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        JourneyBuilder rules = JourneyBuilder.create().byCase().splitOnOutcome();
        List<CustomerJourney> parted = new ArrayList<>();
        int c = log.customerCount();
        for (int p = 0; p < parts; p++) {
            log.forEachJourney(rules, c * p / parts, c * (p + 1) / parts, j -> parted.add(j.toCustomerJourney()));
        }
        assertEquals(rules.build(events), parted);
    }

    @Test
    void timesOutsideWhatNanosecondsHoldAreRejectedWithTheCustomer() {
        EventLog.Builder b = EventLog.builder();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> b.add("c9",
                Instant.parse("1500-01-01T00:00:00Z"), "home", Channel.WEB, null, null, Double.NaN, null));
        assertEquals("event time must lie between 1677-09-22 and 2262-04-11 to be held in an event log:"
                + " 1500-01-01T00:00:00Z (customer c9)", e.getMessage());
    }

    @Test
    void viewReadsIdsAndNamesOfTheSortedLog() {
        EventLog log = EventLog.of(List.of(
                Events.ev("b", 5, "cart").withOutcome("purchase").withValue(12.5),
                Events.ev("a", 3, "home"),
                Events.ev("b", 1, "home")));
        List<String> seen = new ArrayList<>();
        log.forEachJourney(JourneyBuilder.create(), j -> {
            StringBuilder sb = new StringBuilder(j.customerId()).append(':');
            for (int i = 0; i < j.size(); i++) {
                sb.append(j.touchpointName(i)).append(j.outcome(i) == LogJourney.NONE ? "" : "!"
                        + log.outcomes().name(j.outcome(i))).append(Double.isNaN(j.value(i)) ? "" : "=" + j.value(i))
                        .append(' ');
            }
            seen.add(sb.toString().trim());
        });
        assertEquals(List.of("a:home", "b:home cart!purchase=12.5"), seen);
    }
}
