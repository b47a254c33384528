package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.service.TicketFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Random journeys, tickets and attribution paths for the journey accumulators' contract tests. */
public final class JourneyFixtures {
    public static final String[] TOUCHPOINTS = {"home", "product", "cart", "checkout", "support"};
    private static final Channel[] CHANNELS = {Channel.WEB, Channel.EMAIL, Channel.PHONE};

    private JourneyFixtures() {
    }

    public static CustomerJourney journey(SplittableRandom r) {
        String customer = "c" + r.nextInt(1000);
        int n = 1 + r.nextInt(6);
        List<JourneyEvent> events = new ArrayList<>();
        Instant t = Events.T0.plusSeconds(r.nextInt(86400 * 60));
        for (int i = 0; i < n; i++) {
            t = t.plusSeconds(1 + r.nextInt(7200));
            events.add(JourneyEvent.of(customer, t, TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)],
                    CHANNELS[r.nextInt(CHANNELS.length)]));
        }
        return CustomerJourney.of(customer, events);
    }

    public static TicketFacts ticket(SplittableRandom r) {
        boolean solved = r.nextInt(4) > 0;
        Optional<Duration> fr = r.nextInt(5) > 0 ? Optional.of(Duration.ofSeconds(r.nextInt(20000))) : Optional.empty();
        Optional<Duration> res = solved ? Optional.of(Duration.ofSeconds(r.nextInt(200000))) : Optional.empty();
        int reopens = r.nextInt(5) == 0 ? 1 + r.nextInt(2) : 0;
        return new TicketFacts("T" + r.nextInt(100000), "c" + r.nextInt(100), Events.T0, Optional.of(Channel.EMAIL),
                Optional.of("billing"), fr, res, Duration.ofSeconds(r.nextInt(50000)), solved, reopens,
                r.nextInt(6) == 0, solved && reopens == 0);
    }

    public static AttributionJourney attribution(SplittableRandom r) {
        int n = 1 + r.nextInt(4);
        List<String> tps = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Instant t = Events.T0;
        for (int i = 0; i < n; i++) {
            tps.add(TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)]);
            t = t.plusSeconds(r.nextInt(86400));
            times.add(t);
        }
        boolean converted = r.nextInt(3) == 0;
        return AttributionJourney.of(tps, times, converted, converted ? 10 + r.nextInt(90) : 0);
    }
}
