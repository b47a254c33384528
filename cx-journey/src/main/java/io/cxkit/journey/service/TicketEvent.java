package io.cxkit.journey.service;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.journey.JourneyEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * One event on a support ticket (or conversation): which ticket, whose, when, what happened,
 * whether a bot did it, and the channel and team the ticket belongs to (read from its
 * {@link TicketEventType#CREATED} event).
 *
 * <pre>{@code
 * TicketEvent.of("T-1", "c-42", t0, TicketEventType.CREATED).withChannel(Channel.EMAIL).withTeam("billing");
 * TicketEvent.of("T-1", "c-42", t1, TicketEventType.AGENT_REPLY).byBot();
 * }</pre>
 *
 * @param ticketId the ticket; not blank
 * @param customerId the customer who raised it; not blank
 * @param time when; not null
 * @param type what happened; not null
 * @param bot whether a bot (not a person) did it; meaningful for replies
 * @param channel the ticket's channel, if known
 * @param team the team handling the ticket, if known
 */
public record TicketEvent(String ticketId, String customerId, Instant time, TicketEventType type, boolean bot,
        Optional<Channel> channel, Optional<String> team) {

    /**
     * Validates the components.
     *
     * @param ticketId see the class comment
     * @param customerId see the class comment
     * @param time see the class comment
     * @param type see the class comment
     * @param bot see the class comment
     * @param channel see the class comment
     * @param team see the class comment
     * @throws IllegalArgumentException if a required field is missing or blank
     */
    public TicketEvent {
        Check.notBlank(ticketId, "ticket event ticketId");
        Check.notBlank(customerId, "ticket event customerId");
        if (time == null) {
            throw new IllegalArgumentException("ticket event time must not be missing: null (ticket " + ticketId + ")");
        }
        if (type == null) {
            throw new IllegalArgumentException("ticket event type must not be missing: null (ticket " + ticketId + ")");
        }
        channel = channel == null ? Optional.empty() : channel;
        team = team == null ? Optional.empty() : team;
        team.ifPresent(t -> Check.notBlank(t, "ticket event team"));
    }

    /**
     * An event by a person, without channel or team.
     *
     * @param ticketId the ticket
     * @param customerId the customer
     * @param time when
     * @param type what happened
     * @return the event
     */
    public static TicketEvent of(String ticketId, String customerId, Instant time, TicketEventType type) {
        return new TicketEvent(ticketId, customerId, time, type, false, Optional.empty(), Optional.empty());
    }

    /**
     * Returns a copy marked as done by a bot.
     *
     * @return a new event
     */
    public TicketEvent byBot() {
        return new TicketEvent(ticketId, customerId, time, type, true, channel, team);
    }

    /**
     * Returns a copy with the channel.
     *
     * @param channel the channel
     * @return a new event
     */
    public TicketEvent withChannel(Channel channel) {
        return new TicketEvent(ticketId, customerId, time, type, bot, Optional.ofNullable(channel), team);
    }

    /**
     * Returns a copy with the team.
     *
     * @param team the team
     * @return a new event
     */
    public TicketEvent withTeam(String team) {
        return new TicketEvent(ticketId, customerId, time, type, bot, channel, Optional.ofNullable(team));
    }
}
