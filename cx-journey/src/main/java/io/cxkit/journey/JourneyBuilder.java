package io.cxkit.journey;

import io.cxkit.core.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts an event log into {@link CustomerJourney journeys}. Immutable; each {@code split...}
 * method returns a new builder, and the rules combine.
 *
 * <ol>
 *   <li>Events are grouped by customer (and by case id when {@link #byCase()} is on; events
 *       without a case id then form one group per customer).
 *   <li>Each group is sorted by time <em>stably</em> — input order decides between equal
 *       timestamps — so unsorted input gives the same journeys as sorted input.
 *   <li>A group is cut into journeys: before an event that comes more than the inactivity gap
 *       after the previous one ({@link #splitOnInactivity}; a gap exactly equal to the limit does
 *       not cut), and after an event with an ending outcome ({@link #splitOnOutcome}).
 * </ol>
 *
 * <p>Journeys are returned sorted by customer id, then start time, then case id.
 *
 * <pre>{@code
 * List<CustomerJourney> journeys = JourneyBuilder.create()
 *         .splitOnInactivity(Duration.ofDays(30))
 *         .splitOnOutcome(Set.of("purchased", "churned"))
 *         .build(events);
 * }</pre>
 */
public final class JourneyBuilder {
    private final Duration gap;
    private final boolean byCase;
    private final boolean onAnyOutcome;
    private final Set<String> endingOutcomes;

    private JourneyBuilder(Duration gap, boolean byCase, boolean onAnyOutcome, Set<String> endingOutcomes) {
        this.gap = gap;
        this.byCase = byCase;
        this.onAnyOutcome = onAnyOutcome;
        this.endingOutcomes = endingOutcomes;
    }

    /**
     * One journey per customer (no splitting).
     *
     * @return a builder
     */
    public static JourneyBuilder create() {
        return new JourneyBuilder(null, false, false, Set.of());
    }

    /**
     * Returns a builder that also cuts when the time between consecutive events exceeds
     * {@code gap}.
     *
     * @param gap the inactivity gap, &gt; 0
     * @return a new builder
     * @throws IllegalArgumentException if the gap is zero or negative
     */
    public JourneyBuilder splitOnInactivity(Duration gap) {
        Check.notNull(gap, "gap");
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("inactivity gap must be > 0: " + gap);
        }
        return new JourneyBuilder(gap, byCase, onAnyOutcome, endingOutcomes);
    }

    /**
     * Returns a builder that also ends a journey after any event that has an outcome.
     *
     * @return a new builder
     */
    public JourneyBuilder splitOnOutcome() {
        return new JourneyBuilder(gap, byCase, true, Set.of());
    }

    /**
     * Returns a builder that also ends a journey after an event with one of these outcomes.
     *
     * @param outcomes the ending outcomes (exact match); not empty
     * @return a new builder
     * @throws IllegalArgumentException if the set is empty
     */
    public JourneyBuilder splitOnOutcome(Set<String> outcomes) {
        Check.notNull(outcomes, "outcomes");
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("ending outcomes must not be empty: " + outcomes);
        }
        return new JourneyBuilder(gap, byCase, false, Set.copyOf(outcomes));
    }

    /**
     * Returns a builder that groups events by their case id (within a customer).
     *
     * @return a new builder
     */
    public JourneyBuilder byCase() {
        return new JourneyBuilder(gap, true, onAnyOutcome, endingOutcomes);
    }

    /**
     * The inactivity gap after which a journey is cut.
     *
     * @return the gap given to {@link #splitOnInactivity}; empty when journeys are not cut on inactivity
     */
    public Optional<Duration> inactivityGap() {
        return Optional.ofNullable(gap);
    }

    /**
     * Whether a journey ends after any event that has an outcome ({@link #splitOnOutcome()}).
     *
     * @return {@code true} for any outcome; {@code false} when only {@link #endingOutcomes()} end one
     */
    public boolean endsOnAnyOutcome() {
        return onAnyOutcome;
    }

    /**
     * The outcomes after which a journey ends ({@link #splitOnOutcome(Set)}).
     *
     * @return the outcomes, unmodifiable; empty when journeys are not cut on named outcomes
     */
    public Set<String> endingOutcomes() {
        return endingOutcomes;
    }

    /**
     * Whether events are grouped by case id within a customer ({@link #byCase()}).
     *
     * @return {@code true} when journeys are per customer and case
     */
    public boolean groupsByCase() {
        return byCase;
    }

    /** The inactivity gap in milliseconds; {@code Long.MAX_VALUE} when journeys are not cut on inactivity. */
    long gapMillis() {
        return gap == null ? Long.MAX_VALUE : gap.toMillis();
    }

    /** Whether a journey ends after this event (it has an ending outcome). */
    boolean endsOn(String outcome) {
        return onAnyOutcome || endingOutcomes.contains(outcome);
    }

    boolean ends(JourneyEvent e) {
        return e.outcome().isPresent() && (onAnyOutcome || endingOutcomes.contains(e.outcome().get()));
    }

    private record GroupKey(String customer, String caseId) {
    }

    /**
     * Builds the journeys.
     *
     * @param events the events in any order; none null
     * @return the journeys, sorted by customer, start and case; empty for an empty log
     * @throws NullPointerException if {@code events} or an element is null
     */
    public List<CustomerJourney> build(Iterable<JourneyEvent> events) {
        Check.notNull(events, "events");
        Map<GroupKey, List<JourneyEvent>> groups = new LinkedHashMap<>();
        int index = 0;
        for (JourneyEvent e : events) {
            Check.notNull(e, "events[" + index + "]");
            String c = byCase ? e.caseId().orElse("") : "";
            groups.computeIfAbsent(new GroupKey(e.customerId(), c), k -> new ArrayList<>()).add(e);
            index++;
        }
        List<CustomerJourney> out = new ArrayList<>();
        long gapMillis = gap == null ? Long.MAX_VALUE : gap.toMillis();
        for (Map.Entry<GroupKey, List<JourneyEvent>> g : groups.entrySet()) {
            List<JourneyEvent> list = g.getValue();
            list.sort(Comparator.comparing(JourneyEvent::time)); // stable
            Optional<String> caseId = g.getKey().caseId().isEmpty() ? Optional.empty()
                    : Optional.of(g.getKey().caseId());
            int from = 0;
            for (int i = 0; i < list.size(); i++) {
                boolean cutBefore = i > from && list.get(i).time().toEpochMilli()
                        - list.get(i - 1).time().toEpochMilli() > gapMillis;
                if (cutBefore) {
                    out.add(make(g.getKey().customer(), caseId, list.subList(from, i)));
                    from = i;
                }
                if (ends(list.get(i))) {
                    out.add(make(g.getKey().customer(), caseId, list.subList(from, i + 1)));
                    from = i + 1;
                }
            }
            if (from < list.size()) {
                out.add(make(g.getKey().customer(), caseId, list.subList(from, list.size())));
            }
        }
        out.sort(Comparator.comparing(CustomerJourney::customerId).thenComparing(CustomerJourney::start)
                .thenComparing(j -> j.caseId().orElse("")));
        return out;
    }

    private static CustomerJourney make(String customer, Optional<String> caseId, List<JourneyEvent> ev) {
        return new CustomerJourney(customer, caseId, ev, CustomerJourney.lastOutcome(ev));
    }

    /**
     * Returns e.g. {@code JourneyBuilder[per customer, gap PT720H, ending outcomes [purchased]]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "JourneyBuilder[" + (byCase ? "per customer and case" : "per customer")
                + (gap == null ? "" : ", gap " + gap)
                + (onAnyOutcome ? ", ending on any outcome" : "")
                + (endingOutcomes.isEmpty() ? "" : ", ending outcomes " + new java.util.TreeSet<>(endingOutcomes))
                + "]";
    }
}
