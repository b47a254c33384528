package io.cxkit.journey;

import io.cxkit.core.Channel;
import java.time.Instant;

/** Compact builders for hand-written event logs: times are minutes after 2026-03-02T09:00Z. */
public final class Events {
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Events() {
    }

    public static Instant at(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    public static JourneyEvent ev(String customer, long minute, String touchpoint) {
        return JourneyEvent.of(customer, at(minute), touchpoint, Channel.WEB);
    }

    public static JourneyEvent ev(String customer, long minute, String touchpoint, Channel channel) {
        return JourneyEvent.of(customer, at(minute), touchpoint, channel);
    }
}
