package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.JourneyStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One journey of one customer, as cut from the event log by a {@link JourneyBuilder}: its events
 * in time order and the facts derived from them.
 *
 * <p><b>Order.</b> Events are sorted by time <em>stably</em>: events with equal timestamps keep the
 * order in which they were given. Every fact below depends only on this order.
 *
 * <p><b>Facts.</b>
 * <ul>
 *   <li>{@link #touchpointCount()} — number of events; {@link #distinctTouchpoints()};
 *   <li>{@link #loops()} — events that revisit a touchpoint already seen in the journey
 *       ({@code touchpointCount − distinctTouchpoints}); {@code a b a a} has 2 loops;
 *   <li>{@link #channelSwitches()} — consecutive events on different channels;
 *   <li>{@link #crossChannelRecontacts(Set)} — channel switches whose earlier event was not
 *       resolved (its outcome is absent or not one of the resolving outcomes): the customer came
 *       back through another channel because the first contact did not settle it;
 *   <li>{@link #stagesReached()}, {@link #duration()} (first to last event), {@link #outcome()}
 *       (the last outcome seen on the journey).
 * </ul>
 *
 * @param customerId the customer
 * @param caseId the case id shared by the events when the journey was built by case
 * @param events the events in stable time order; not empty; all of this customer
 * @param outcome the journey's outcome: the outcome of its last event that has one
 */
public record CustomerJourney(String customerId, Optional<String> caseId, List<JourneyEvent> events,
        Optional<String> outcome) {

    /** The default resolving outcome for {@link #crossChannelRecontacts()}: {@code "resolved"}. */
    public static final String RESOLVED = "resolved";

    /**
     * Validates, sorts (stably) and copies the events.
     *
     * @param customerId see the class comment
     * @param caseId see the class comment
     * @param events see the class comment
     * @param outcome see the class comment
     * @throws IllegalArgumentException if there are no events or one belongs to another customer
     */
    public CustomerJourney {
        Check.notBlank(customerId, "journey customerId");
        caseId = caseId == null ? Optional.empty() : caseId;
        outcome = outcome == null ? Optional.empty() : outcome;
        Check.notNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("journey events must not be empty: customer " + customerId);
        }
        List<JourneyEvent> sorted = new ArrayList<>(events);
        for (int i = 0; i < sorted.size(); i++) {
            JourneyEvent e = sorted.get(i);
            Check.notNull(e, "journey events[" + i + "]");
            if (!e.customerId().equals(customerId)) {
                throw new IllegalArgumentException("journey events must all belong to customer "
                        + customerId + ": events[" + i + "] belongs to " + e.customerId());
            }
        }
        sorted.sort(Comparator.comparing(JourneyEvent::time)); // stable
        events = List.copyOf(sorted);
    }

    /**
     * A journey of the given events, its outcome taken from the last event that has one.
     *
     * @param customerId the customer
     * @param events the events in any order
     * @return the journey
     */
    public static CustomerJourney of(String customerId, List<JourneyEvent> events) {
        CustomerJourney j = new CustomerJourney(customerId, Optional.empty(), events, Optional.empty());
        return new CustomerJourney(customerId, Optional.empty(), j.events, lastOutcome(j.events));
    }

    static Optional<String> lastOutcome(List<JourneyEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).outcome().isPresent()) {
                return events.get(i).outcome();
            }
        }
        return Optional.empty();
    }

    /**
     * Time of the first event.
     *
     * @return the start
     */
    public Instant start() {
        return events.get(0).time();
    }

    /**
     * Time of the last event.
     *
     * @return the end
     */
    public Instant end() {
        return events.get(events.size() - 1).time();
    }

    /**
     * Time from the first to the last event; zero for a single event.
     *
     * @return the duration
     */
    public Duration duration() {
        return Duration.between(start(), end());
    }

    /**
     * Number of events (touchpoint visits, with repeats).
     *
     * @return the count, at least 1
     */
    public int touchpointCount() {
        return events.size();
    }

    /**
     * Number of different touchpoints visited.
     *
     * @return the count, at least 1
     */
    public int distinctTouchpoints() {
        Set<String> seen = new HashSet<>();
        for (JourneyEvent e : events) {
            seen.add(e.touchpoint());
        }
        return seen.size();
    }

    /**
     * Events revisiting a touchpoint seen earlier in the journey.
     *
     * @return {@code touchpointCount() − distinctTouchpoints()}
     */
    public int loops() {
        return touchpointCount() - distinctTouchpoints();
    }

    /**
     * Per touchpoint, how many times it was repeated (visits beyond the first); only touchpoints
     * with repeats appear.
     *
     * @return touchpoint to repeat count
     */
    public Map<String, Integer> repeatedTouchpoints() {
        Map<String, Integer> visits = new HashMap<>();
        for (JourneyEvent e : events) {
            visits.merge(e.touchpoint(), 1, Integer::sum);
        }
        Map<String, Integer> out = new java.util.TreeMap<>();
        visits.forEach((k, v) -> {
            if (v > 1) {
                out.put(k, v - 1);
            }
        });
        return out;
    }

    /**
     * Number of consecutive event pairs on different channels.
     *
     * @return the count
     */
    public int channelSwitches() {
        int n = 0;
        for (int i = 1; i < events.size(); i++) {
            if (!events.get(i).channel().equals(events.get(i - 1).channel())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Channel switches after a contact that was not resolved (outcome absent or not one of
     * {@code resolvingOutcomes}, compared case-insensitively).
     *
     * @param resolvingOutcomes outcomes that mean "resolved"
     * @return the count
     */
    public int crossChannelRecontacts(Set<String> resolvingOutcomes) {
        Set<String> lower = new HashSet<>();
        for (String s : resolvingOutcomes) {
            lower.add(s.toLowerCase(Locale.ROOT));
        }
        int n = 0;
        for (int i = 1; i < events.size(); i++) {
            JourneyEvent prev = events.get(i - 1);
            boolean resolved = prev.outcome().map(o -> lower.contains(o.toLowerCase(Locale.ROOT)))
                    .orElse(false);
            if (!resolved && !events.get(i).channel().equals(prev.channel())) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@link #crossChannelRecontacts(Set)} with the single resolving outcome {@value #RESOLVED}.
     *
     * @return the count
     */
    public int crossChannelRecontacts() {
        return crossChannelRecontacts(Set.of(RESOLVED));
    }

    /**
     * The stages reached, in stage order.
     *
     * @return the distinct stages
     */
    public List<JourneyStage> stagesReached() {
        TreeSet<JourneyStage> s = new TreeSet<>();
        for (JourneyEvent e : events) {
            e.stage().ifPresent(s::add);
        }
        return List.copyOf(s);
    }

    /**
     * The channels used, in order of first use.
     *
     * @return the distinct channels
     */
    public List<Channel> channels() {
        return events.stream().map(JourneyEvent::channel).distinct().toList();
    }

    /**
     * The touchpoint path, with repeats.
     *
     * @return touchpoint ids in event order
     */
    public List<String> path() {
        return events.stream().map(JourneyEvent::touchpoint).toList();
    }

    /**
     * All facts at once, for reports.
     *
     * @return the facts
     */
    public JourneyFacts facts() {
        return new JourneyFacts(customerId, start(), duration(), touchpointCount(),
                distinctTouchpoints(), loops(), channelSwitches(), crossChannelRecontacts(),
                stagesReached(), outcome);
    }

    /**
     * Returns e.g. {@code CustomerJourney[c-42, 3 events, 2026-03-02T09:00:00Z +PT2H, path=[ad, cart,
     * checkout], outcome=purchased]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "CustomerJourney[" + customerId + caseId.map(c -> " case " + c).orElse("") + ", "
                + events.size() + (events.size() == 1 ? " event, " : " events, ") + start() + " +"
                + duration() + ", path=" + path() + outcome.map(o -> ", outcome=" + o).orElse("") + "]";
    }
}
