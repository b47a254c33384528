package io.cxkit.journey.service;

import io.cxkit.core.Channel;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.TimeGrain;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one ticket tells the service metrics (see {@link ServiceMetrics} for definitions). Durations
 * are in the business time of the calendar used.
 *
 * @param ticketId the ticket
 * @param customerId the customer
 * @param created when it was opened
 * @param channel its channel, if known
 * @param team its team, if known
 * @param firstResponse time to the first counted reply; empty if none
 * @param resolution time from creation to the final solve; empty if not solved at the end
 * @param requesterWait total time the customer waited for the agent side
 * @param solved whether the ticket's last state is solved
 * @param reopens how many times it was reopened
 * @param repeatContact whether the customer opened another ticket within the repeat window
 * @param firstContactResolved solved, never reopened and no repeat contact
 */
public record TicketFacts(String ticketId, String customerId, Instant created, Optional<Channel> channel,
        Optional<String> team, Optional<Duration> firstResponse, Optional<Duration> resolution,
        Duration requesterWait, boolean solved, int reopens, boolean repeatContact, boolean firstContactResolved) {

    /**
     * Segments tickets by channel ({@code "(none)"} if unknown).
     *
     * @return the segment function
     */
    public static Function<TicketFacts, SegmentKey> byChannel() {
        return t -> SegmentKey.of(t.channel().map(Channel::name).orElse("(none)"));
    }

    /**
     * Segments tickets by team ({@code "(none)"} if unknown).
     *
     * @return the segment function
     */
    public static Function<TicketFacts, SegmentKey> byTeam() {
        return t -> SegmentKey.of(t.team().orElse("(none)"));
    }

    /**
     * Segments tickets by the calendar period of their creation.
     *
     * @param grain day, week, month, quarter or year
     * @param zone the zone periods are in
     * @return the segment function
     */
    public static Function<TicketFacts, SegmentKey> byPeriod(TimeGrain grain, ZoneId zone) {
        return t -> SegmentKey.of(grain.bucketOf(t.created(), zone).label());
    }
}
