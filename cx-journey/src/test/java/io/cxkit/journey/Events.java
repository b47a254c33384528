package io.cxkit.journey;

import io.cxkit.core.Channel;
import java.time.Instant;

/** Compact builders for hand-written event logs: times are minutes after 2026-03-02T09:00Z. */
final class Events {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Events() {
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    static JourneyEvent ev(String customer, long minute, String touchpoint) {
        return JourneyEvent.of(customer, at(minute), touchpoint, Channel.WEB);
    }

    static JourneyEvent ev(String customer, long minute, String touchpoint, Channel channel) {
        return JourneyEvent.of(customer, at(minute), touchpoint, channel);
    }
}
