package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.core.JourneyStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random event logs for equality tests of the object path against the event log: repeated
 * and same-instant events, sub-millisecond times, out-of-order input, outcomes, values, stages and
 * case ids, all drawn from small alphabets so that funnels, paths and cases collide often.
 */
public final class RandomLogs {
    public static final String[] TOUCHPOINTS = {"home", "product", "cart", "checkout", "faq", "chat", "refund"};
    public static final String[] OUTCOMES = {"purchase", "resolved", "churned"};
    public static final Channel[] CHANNELS = {Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL, Channel.PHONE};

    private RandomLogs() {
    }

    /**
     * The events split into two logs' worth by customer, the second with its customers in reverse
     * order (each customer's events keep their input order), so that the two logs' dictionaries
     * number the touchpoints differently while the journeys stay those of the whole.
     */
    public static List<List<JourneyEvent>> splitByCustomer(List<JourneyEvent> events) {
        List<JourneyEvent> even = new ArrayList<>();
        List<JourneyEvent> odd = new ArrayList<>();
        for (JourneyEvent e : events) {
            (e.customerId().hashCode() % 2 == 0 ? even : odd).add(e);
        }
        odd.sort(java.util.Comparator.comparing(JourneyEvent::customerId).reversed());
        return List.of(even, odd);
    }

    /** The ways of cutting journeys that the equality tests run (those of {@code EventLogProperties}). */
    public static List<JourneyBuilder> rules() {
        return EventLogProperties.RULES;
    }

    public static List<JourneyEvent> events(long seed, int n) {
        Random r = new Random(seed);
        int customers = 1 + r.nextInt(30);
        Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
        List<JourneyEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long nanos = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(5) * 60_000_000_000L; // same instants
                case 1 -> r.nextInt(600) * 60_000_000_000L + r.nextInt(1000) * 1_000_000L; // ms
                case 2 -> r.nextInt(3) * 86_400_000_000_000L + r.nextInt(1_000_000_000); // sub-ms
                default -> (long) r.nextInt(20 * 24 * 60) * 60_000_000_000L;
            };
            JourneyEvent e = JourneyEvent.of("c" + r.nextInt(customers), t0.plusNanos(nanos),
                    TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)], CHANNELS[r.nextInt(CHANNELS.length)]);
            if (r.nextInt(6) == 0) {
                e = e.withOutcome(OUTCOMES[r.nextInt(OUTCOMES.length)]);
            }
            if (r.nextInt(4) == 0) {
                e = e.withValue(r.nextInt(200) / 4.0);
            }
            if (r.nextInt(3) == 0) {
                e = e.withStage(JourneyStage.defaults().get(r.nextInt(JourneyStage.defaults().size())));
            }
            if (r.nextInt(3) > 0) {
                e = e.withCaseId("k" + r.nextInt(4));
            }
            out.add(e);
        }
        return out;
    }
}
