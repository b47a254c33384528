package io.cxkit.journey.service;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Support service metrics from ticket events: first response time, full resolution time,
 * requester wait time, first-contact resolution, repeat-contact rate, reopen rate and SLA
 * attainment. Immutable configuration; {@link #tickets} turns events into per-ticket
 * {@link TicketFacts}, and a {@link ServiceMetricsAccumulator} aggregates them (mergeable).
 *
 * <p><b>Definitions.</b> A ticket's events are sorted by time stably (ties keep input order); its
 * single {@link TicketEventType#CREATED} event starts it and no event may precede it.
 * <ul>
 *   <li><b>First response</b>: creation to the first {@link TicketEventType#AGENT_REPLY} by a
 *       person. Bot replies count only with {@link Builder#countBotReplies(boolean)}.
 *   <li><b>Resolution</b>: creation to the <em>last</em> {@link TicketEventType#SOLVED}, for
 *       tickets whose final state is solved (a reopened and re-solved ticket counts the whole
 *       span; a ticket reopened and never solved again has none).
 *   <li><b>Requester wait</b>: the sum of the periods in which the customer waits for the agent
 *       side — from creation, a customer reply after a response, or a reopen, until the next
 *       counted reply or solve. A wait still open at the end of the data is not counted.
 *   <li><b>Repeat contact</b>: the same customer opens another ticket after this one's creation
 *       and no later than the repeat window (default 7 days, elapsed time) after this ticket's
 *       final solve, or after its creation if it is not solved.
 *   <li><b>First-contact resolution</b>: solved, never reopened, and no repeat contact.
 * </ul>
 *
 * <p>All durations are measured in the business time of the {@link BusinessCalendar} (default:
 * elapsed time); the repeat window is always elapsed time.
 */
public final class ServiceMetrics {
    private final BusinessCalendar calendar;
    private final boolean countBots;
    private final Duration repeatWindow;
    private final Duration firstResponseTarget;
    private final Duration resolutionTarget;

    private ServiceMetrics(Builder b) {
        this.calendar = b.calendar;
        this.countBots = b.countBots;
        this.repeatWindow = b.repeatWindow;
        this.firstResponseTarget = b.firstResponseTarget;
        this.resolutionTarget = b.resolutionTarget;
    }

    /**
     * Starts a configuration: elapsed time, bots not counted, 7-day repeat window, no SLA targets.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ServiceMetrics}; every setter checks its argument. */
    public static final class Builder {
        private BusinessCalendar calendar = BusinessCalendar.elapsed();
        private boolean countBots;
        private Duration repeatWindow = Duration.ofDays(7);
        private Duration firstResponseTarget;
        private Duration resolutionTarget;

        private Builder() {
        }

        /**
         * Measures durations in this calendar's business time.
         *
         * @param calendar the calendar
         * @return this builder
         */
        public Builder calendar(BusinessCalendar calendar) {
            Check.notNull(calendar, "calendar");
            this.calendar = calendar;
            return this;
        }

        /**
         * Whether bot replies count as responses (first response, end of a wait).
         *
         * @param count true to count them
         * @return this builder
         */
        public Builder countBotReplies(boolean count) {
            this.countBots = count;
            return this;
        }

        /**
         * The repeat-contact window.
         *
         * @param window &gt;= 0
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder repeatWindow(Duration window) {
            this.repeatWindow = nonNegative(window, "repeat window");
            return this;
        }

        /**
         * The first-response SLA target.
         *
         * @param target &gt;= 0
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder firstResponseTarget(Duration target) {
            this.firstResponseTarget = nonNegative(target, "first response target");
            return this;
        }

        /**
         * The resolution SLA target.
         *
         * @param target &gt;= 0
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder resolutionTarget(Duration target) {
            this.resolutionTarget = nonNegative(target, "resolution target");
            return this;
        }

        private static Duration nonNegative(Duration d, String name) {
            Check.notNull(d, "d");
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must be >= 0: " + d);
            }
            return d;
        }

        /**
         * Builds the configuration.
         *
         * @return the metrics
         */
        public ServiceMetrics build() {
            return new ServiceMetrics(this);
        }
    }

    /**
     * A new, empty accumulator with this configuration's SLA targets.
     *
     * @return the accumulator
     */
    public ServiceMetricsAccumulator accumulator() {
        return new ServiceMetricsAccumulator(firstResponseTarget, resolutionTarget);
    }

    /**
     * A new, empty accumulator of ticket-export rows ({@link TicketRecord}) with this
     * configuration's SLA targets. The calendar, bot and repeat-window settings do not apply: a
     * ticket export carries its own elapsed and business-hours durations, and no event history.
     *
     * @param rule which column decides first-contact resolution
     * @return the accumulator
     * @throws IllegalArgumentException if {@code rule} is null
     */
    public TicketRecordAccumulator recordAccumulator(FirstContactRule rule) {
        return new TicketRecordAccumulator(firstResponseTarget, resolutionTarget, rule);
    }

    /**
     * Aggregates all tickets.
     *
     * @param events ticket events in any order
     * @return the result
     */
    public ServiceMetricsResult run(Iterable<TicketEvent> events) {
        ServiceMetricsAccumulator acc = accumulator();
        tickets(events).forEach(acc::accept);
        return acc.result();
    }

    /**
     * Aggregates tickets per segment, e.g. {@link TicketFacts#byChannel()}.
     *
     * @param events ticket events in any order
     * @param segmentOf the segment of a ticket
     * @return the result per segment
     */
    public SegmentedResult<ServiceMetricsResult> bySegment(Iterable<TicketEvent> events,
            Function<TicketFacts, SegmentKey> segmentOf) {
        SegmentedAccumulator<ServiceMetricsAccumulator, ServiceMetricsResult> acc = SegmentedAccumulator.of(accumulator());
        for (TicketFacts t : tickets(events)) {
            acc.segment(segmentOf.apply(t)).accept(t);
        }
        return acc.result();
    }

    private static final class Ticket {
        final List<TicketEvent> events = new ArrayList<>();
        TicketEvent created;
        Instant end;
    }

    /**
     * Computes the facts of every ticket, sorted by creation time then ticket id.
     *
     * @param events ticket events in any order
     * @return one fact record per ticket
     * @throws IllegalArgumentException if a ticket has no or two created events, an event before
     *     its creation, or events of different customers
     */
    public List<TicketFacts> tickets(Iterable<TicketEvent> events) {
        Check.notNull(events, "events");
        Map<String, Ticket> byId = new LinkedHashMap<>();
        int index = 0;
        for (TicketEvent e : events) {
            Check.notNull(e, "ticket events[" + index + "]");
            Ticket t = byId.computeIfAbsent(e.ticketId(), k -> new Ticket());
            if (!t.events.isEmpty() && !t.events.get(0).customerId().equals(e.customerId())) {
                throw new IllegalArgumentException("ticket " + e.ticketId() + " has events of two customers: "
                        + t.events.get(0).customerId() + " and " + e.customerId());
            }
            if (e.type() == TicketEventType.CREATED) {
                if (t.created != null) {
                    throw new IllegalArgumentException("ticket " + e.ticketId() + " must have one created event:"
                            + " found a second at " + e.time());
                }
                t.created = e;
            }
            t.events.add(e);
            index++;
        }
        List<Ticket> tickets = new ArrayList<>(byId.values());
        for (Ticket t : tickets) {
            if (t.created == null) {
                throw new IllegalArgumentException("ticket " + t.events.get(0).ticketId()
                        + " must have a created event: found none");
            }
            t.events.sort(Comparator.comparing(TicketEvent::time)); // stable
        }
        List<Partial> partial = new ArrayList<>(tickets.size());
        for (Ticket t : tickets) {
            partial.add(measure(t));
        }
        // repeat contacts: per customer, tickets in creation order
        partial.sort(Comparator.comparing((Partial p) -> p.created).thenComparing(p -> p.ticketId));
        Map<String, List<Partial>> byCustomer = new LinkedHashMap<>();
        for (Partial p : partial) {
            byCustomer.computeIfAbsent(p.customerId, k -> new ArrayList<>()).add(p);
        }
        for (List<Partial> list : byCustomer.values()) {
            for (int i = 0; i + 1 < list.size(); i++) {
                Partial p = list.get(i);
                Instant limit = (p.solvedAt != null ? p.solvedAt : p.created).plus(repeatWindow);
                p.repeat = !list.get(i + 1).created.isAfter(limit);
            }
        }
        List<TicketFacts> out = new ArrayList<>(partial.size());
        for (Partial p : partial) {
            boolean fcr = p.solvedAt != null && p.reopens == 0 && !p.repeat;
            out.add(new TicketFacts(p.ticketId, p.customerId, p.created, p.channel, p.team,
                    Optional.ofNullable(p.firstResponse),
                    Optional.ofNullable(p.solvedAt == null ? null : calendar.between(p.created, p.solvedAt)),
                    Duration.ofMillis(p.waitMillis), p.solvedAt != null, p.reopens, p.repeat, fcr));
        }
        return out;
    }

    private static final class Partial {
        String ticketId;
        String customerId;
        Instant created;
        Optional<Channel> channel;
        Optional<String> team;
        Duration firstResponse;
        Instant solvedAt;
        int reopens;
        long waitMillis;
        boolean repeat;
    }

    private Partial measure(Ticket t) {
        Partial p = new Partial();
        TicketEvent c = t.created;
        p.ticketId = c.ticketId();
        p.customerId = c.customerId();
        p.created = c.time();
        p.channel = c.channel();
        p.team = c.team();
        boolean waiting = true;
        Instant waitStart = c.time();
        for (TicketEvent e : t.events) {
            if (e == c) {
                continue;
            }
            if (e.time().isBefore(c.time())) {
                throw new IllegalArgumentException("ticket " + p.ticketId + " has a " + e.type() + " event at "
                        + e.time() + " before its creation at " + c.time());
            }
            switch (e.type()) {
                case AGENT_REPLY -> {
                    if (e.bot() && !countBots) {
                        break;
                    }
                    if (p.firstResponse == null) {
                        p.firstResponse = calendar.between(c.time(), e.time());
                    }
                    if (waiting) {
                        p.waitMillis += calendar.between(waitStart, e.time()).toMillis();
                        waiting = false;
                    }
                }
                case CUSTOMER_REPLY -> {
                    if (!waiting) {
                        waiting = true;
                        waitStart = e.time();
                    }
                }
                case SOLVED -> {
                    if (waiting) {
                        p.waitMillis += calendar.between(waitStart, e.time()).toMillis();
                        waiting = false;
                    }
                    p.solvedAt = e.time();
                }
                case REOPENED -> {
                    p.reopens++;
                    p.solvedAt = null;
                    if (!waiting) {
                        waiting = true;
                        waitStart = e.time();
                    }
                }
                default -> throw new IllegalArgumentException("ticket " + p.ticketId
                        + " has an unexpected event type: " + e.type());
            }
        }
        return p;
    }

    /**
     * Returns e.g. {@code ServiceMetrics[BusinessCalendar[elapsed time], bots not counted, repeat
     * window PT168H, first response target PT1H, resolution target none]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "ServiceMetrics[" + calendar + ", bots " + (countBots ? "counted" : "not counted") + ", repeat window "
                + repeatWindow + ", first response target " + (firstResponseTarget == null ? "none" : firstResponseTarget)
                + ", resolution target " + (resolutionTarget == null ? "none" : resolutionTarget) + "]";
    }
}
