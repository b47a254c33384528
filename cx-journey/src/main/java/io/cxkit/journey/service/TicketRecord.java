package io.cxkit.journey.service;

import io.cxkit.core.Channel;
import io.cxkit.core.SegmentKey;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One ticket as a help desk exports it, one row per ticket (Zendesk's ticket export, cxkit's
 * generated {@code tickets.csv}): the durations are already measured by the help desk, in elapsed
 * time and, where the export has them, within business hours. Aggregated by
 * {@link TicketRecordAccumulator}; for event logs see {@link ServiceMetrics#tickets}.
 *
 * @param ticketId the ticket
 * @param solved whether the ticket is solved (or closed) at export time
 * @param created when it was opened, if the export says
 * @param channel its channel (Zendesk's {@code Via}), if known
 * @param team its team (Zendesk's {@code Group}), if known
 * @param elapsed first reply, full resolution and requester wait in elapsed time
 * @param businessHours the same within business hours ({@link TicketTimes#none()} if not exported)
 * @param reopens how many times it was reopened, or -1 if unknown
 * @param replies how many public agent replies it had, or -1 if unknown
 * @param contacts how many contacts it took, or -1 if unknown
 * @param satisfaction its satisfaction-survey status
 */
public record TicketRecord(String ticketId, boolean solved, Optional<Instant> created, Optional<Channel> channel,
        Optional<String> team, TicketTimes elapsed, TicketTimes businessHours, int reopens, int replies, int contacts,
        TicketSatisfaction satisfaction) {

    /**
     * Validates the components.
     *
     * @param ticketId ticket id
     * @param solved solved
     * @param created creation time
     * @param channel channel
     * @param team team
     * @param elapsed elapsed times
     * @param businessHours business-hours times
     * @param reopens reopens or -1
     * @param replies replies or -1
     * @param contacts contacts or -1
     * @param satisfaction satisfaction status
     * @throws IllegalArgumentException if a component is missing or a count is below -1
     */
    public TicketRecord {
        if (ticketId == null || ticketId.isEmpty()) {
            throw new IllegalArgumentException("ticketId must not be empty: '" + ticketId + "'");
        }
        notNull(created, "created");
        notNull(channel, "channel");
        notNull(team, "team");
        notNull(elapsed, "elapsed");
        notNull(businessHours, "businessHours");
        notNull(satisfaction, "satisfaction");
        count(reopens, "reopens");
        count(replies, "replies");
        count(contacts, "contacts");
    }

    private static void notNull(Object o, String name) {
        if (o == null) {
            throw new IllegalArgumentException(name + " must not be missing: null");
        }
    }

    private static void count(int v, String name) {
        if (v < -1) {
            throw new IllegalArgumentException(name + " must be >= 0, or -1 for unknown: " + v);
        }
    }

    /**
     * Segments tickets by channel ({@code "(none)"} if unknown).
     *
     * @return the segment function
     */
    public static Function<TicketRecord, SegmentKey> byChannel() {
        return t -> SegmentKey.of(t.channel().map(Channel::name).orElse("(none)"));
    }

    /**
     * Segments tickets by team ({@code "(none)"} if unknown).
     *
     * @return the segment function
     */
    public static Function<TicketRecord, SegmentKey> byTeam() {
        return t -> SegmentKey.of(t.team().orElse("(none)"));
    }
}
