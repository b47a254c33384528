package io.cxkit.journey.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.EventLogProperties;
import io.cxkit.journey.Events;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.RandomLogs;
import io.cxkit.survey.RatingScale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Joining ratings to the journeys of an event log equals the object path it replaced
 * ({@link ObjectPathJourneySatisfaction}): matches, grace windows (ratings exactly at a journey's
 * end plus grace, at its start, between journeys), ties, unknown customers, impact and hidden
 * pain, for every way of cutting journeys.
 */
class JourneySatisfactionLogProperties {
    private static final List<Duration> GRACE = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(2),
            Duration.ofDays(7));

    @Property(tries = 150)
    void logAndObjectsEqualTheObjectPath(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 0, max = 200) int ratings, @ForAll @IntRange(min = 0, max = 3) int grace,
            @ForAll @IntRange(min = 0, max = 6) int rule) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        JourneyBuilder rules = EventLogProperties.RULES.get(rule);
        List<CustomerJourney> journeys = rules.build(events);
        List<JourneyScore> scores = scores(seed, ratings, journeys, GRACE.get(grace));
        RatingScale scale = RatingScale.csat5();
        JourneySatisfactionResult want = ObjectPathJourneySatisfaction.of(scale, GRACE.get(grace)).join(journeys, scores);
        JourneySatisfaction join = JourneySatisfaction.of(scale, GRACE.get(grace));
        String where = "seed=" + seed + " n=" + n + " " + rules;
        assertEquals(want, join.join(journeys, scores), where);
        assertEquals(want, join.join(EventLog.of(events), rules, scores), where);
    }

    /** Ratings at journey starts, ends, ends plus grace, just after, and at random times, some for unknown customers. */
    private static List<JourneyScore> scores(long seed, int count, List<CustomerJourney> journeys, Duration grace) {
        Random r = new Random(seed ^ 0x5EED);
        List<JourneyScore> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String customer;
            Instant t;
            if (journeys.isEmpty() || r.nextInt(8) == 0) {
                customer = r.nextInt(3) == 0 ? "nobody" : "c" + r.nextInt(30);
                t = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(r.nextInt(20 * 86_400));
            } else {
                CustomerJourney j = journeys.get(r.nextInt(journeys.size()));
                customer = j.customerId();
                t = switch (r.nextInt(5)) {
                    case 0 -> j.start();
                    case 1 -> j.end();
                    case 2 -> j.end().plus(grace);
                    case 3 -> j.end().plus(grace).plusNanos(1);
                    default -> j.start().plusSeconds(r.nextInt(3 * 86_400));
                };
            }
            int score = 1 + r.nextInt(5);
            out.add(r.nextBoolean() ? JourneyScore.ofJourney(customer, t, score)
                    : JourneyScore.ofTouchpoint(customer, t, RandomLogs.TOUCHPOINTS[r.nextInt(3)], score));
        }
        return out;
    }

    @Test
    void aRatingOffTheScaleIsRefusedWithTheCustomerOnTheLogPathToo() {
        EventLog log = EventLog.of(List.of(Events.ev("a", 0, "home")));
        JourneySatisfaction join = JourneySatisfaction.of(RatingScale.csat5(), Duration.ZERO);
        List<JourneyScore> scores = List.of(JourneyScore.ofJourney("a", Events.ev("a", 0, "home").time(), 6));
        assertEquals("journey score must be in [1, 5]: 6 (customer a)", assertThrows(IllegalArgumentException.class,
                () -> join.join(log, JourneyBuilder.create(), scores)).getMessage());
    }
}
