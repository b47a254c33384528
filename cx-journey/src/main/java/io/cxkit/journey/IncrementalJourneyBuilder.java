package io.cxkit.journey;

import io.cxkit.core.Check;
import io.cxkit.core.InvalidInputException;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.funnel.FunnelStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Cuts journeys from events fed one at a time, as they happen, and hands each journey to any
 * journey analysis as soon as it is complete: the streaming counterpart of {@link JourneyBuilder},
 * giving the same journeys on the same events without buffering the whole log.
 *
 * <pre>{@code
 * Funnel funnel = Funnel.builder().steps("product_page", "cart", "checkout").build();
 * FunnelAccumulator conversions = funnel.accumulator();
 * PathVariants paths = PathVariants.create();
 * IncrementalJourneyBuilder live = IncrementalJourneyBuilder.builder(
 *                 JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30)).splitOnOutcome(Set.of("purchased")))
 *         .allowedLateness(Duration.ofSeconds(10))
 *         .knownTouchpoints(Set.of("home", "product_page", "cart", "checkout"))
 *         .to(conversions)                 // checks the funnel's steps against the known touchpoints
 *         .to(paths::accept)
 *         .build();
 * live.accept(event);                      // false if later than the allowed lateness (counted)
 * live.advanceTo(clock.instant());         // closes journeys idle for longer than the gap
 * live.flush();                            // end of stream: closes every open journey
 * }</pre>
 *
 * <p><b>Order and lateness.</b> Events may arrive out of order by up to the allowed lateness: the
 * <em>watermark</em> is the latest event time seen minus the lateness (or a later time given to
 * {@link #advanceTo(Instant)}). An event earlier than the watermark is refused ({@link #accept}
 * returns false) and counted in {@link #lateEvents()}. Events at or before the watermark are final:
 * they are applied to their customer's journey in time order, ties in arrival order, exactly as
 * {@link JourneyBuilder#build} sorts a group stably in input order.
 *
 * <p><b>When a journey closes</b> (and is emitted), by the rules of the {@link JourneyBuilder}
 * given: after an event with an ending outcome (outcome or case end); before an event that comes
 * more than the inactivity gap after the previous one; as soon as the watermark is more than the
 * gap past the journey's last event (no later event could continue it); and at {@link #flush()}.
 * So every journey that {@code JourneyBuilder.build} would return on the accepted events (in
 * arrival order) is emitted exactly once, with the same events, unless the state bound below cut
 * it short.
 *
 * <p><b>Bounded state, counted expiry.</b> State is one open journey per customer (per customer and
 * case with {@link JourneyBuilder#byCase()}) plus the events not yet past the watermark. At most
 * {@link Builder#maxOpenJourneys(int)} groups are held (default {@value #DEFAULT_MAX_OPEN}); when a
 * new group would exceed it, the group fed least recently is <em>expired</em>: its open journey is
 * emitted as it stands and counted in {@link #expiredJourneys()}, and a later event of that
 * customer starts a new journey. With no inactivity gap and no ending outcome, journeys only close
 * by expiry or {@link #flush()}.
 *
 * <p><b>Strict touchpoints.</b> By default the known touchpoints must be declared
 * ({@link Builder#knownTouchpoints}); an event at another touchpoint is rejected with an
 * {@link InvalidInputException} listing them, and so is a funnel with a touchpoint step that is not
 * among them ({@link #check(Funnel)}, {@link Builder#to(FunnelAccumulator)}). Call
 * {@link Builder#anyTouchpoint()} to accept every touchpoint instead.
 *
 * <p>Not thread-safe: partition events by customer and give each consumer thread its own builder;
 * the analyses they feed can be shared through an {@link io.cxkit.core.ConcurrentRecorder}.
 *
 * <p><b>Size.</b> About 530 lines, most of it this contract and the builder's options; the
 * watermark, the per-customer pending events and the expiry order are one piece of state that
 * every close decision reads, so they stay in one class.
 */
public final class IncrementalJourneyBuilder {

    /** The default bound on open journeys (groups) held at once. */
    public static final int DEFAULT_MAX_OPEN = 1_000_000;

    private static final Comparator<Pending> ORDER =
            Comparator.comparing((Pending p) -> p.event.time()).thenComparingLong(p -> p.seq);

    private final JourneyBuilder rules;
    private final long gapMillis;
    private final Duration lateness;
    private final Set<String> touchpoints;
    private final int maxOpen;
    private final List<Consumer<CustomerJourney>> sinks;

    /** Open groups, least recently fed first. */
    private final LinkedHashMap<GroupKey, Group> groups = new LinkedHashMap<>(16, 0.75f, true);
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(ORDER);
    /** Groups by the time at which they may have gone idle; entries of removed groups are skipped. */
    private final PriorityQueue<Group> idle = new PriorityQueue<>(Comparator.comparingLong(g -> g.deadline));
    /** Events still waiting for the watermark, per expired group. */
    private final Map<GroupKey, Integer> orphans = new java.util.HashMap<>();
    private Instant maxTime;
    private Instant watermark;
    private long seq;
    private long accepted;
    private long late;
    private long emitted;
    private long expired;

    private record GroupKey(String customer, String caseId) {
    }

    private record Pending(JourneyEvent event, long seq, GroupKey key) {
    }

    private static final class Group {
        final GroupKey key;
        final List<JourneyEvent> open = new ArrayList<>();
        long lastMillis;
        long deadline = Long.MAX_VALUE;
        boolean scheduled;
        int pending;

        Group(GroupKey key) {
            this.key = key;
        }
    }

    private IncrementalJourneyBuilder(Builder b) {
        this.rules = b.rules;
        this.gapMillis = b.rules.gapMillis();
        this.lateness = b.lateness;
        this.touchpoints = b.touchpoints;
        this.maxOpen = b.maxOpen;
        this.sinks = List.copyOf(b.sinks);
    }

    /**
     * Starts a streaming builder that cuts journeys by the rules of {@code rules}.
     *
     * @param rules the grouping and cutting rules (inactivity gap, ending outcomes, by case)
     * @return a builder with no lateness, strict touchpoints (to be declared) and no sinks
     */
    public static Builder builder(JourneyBuilder rules) {
        return new Builder(Check.notNull(rules, "rules"));
    }

    /** Configures an {@link IncrementalJourneyBuilder}; every rule is checked in {@link #build()}. */
    public static final class Builder {
        private final JourneyBuilder rules;
        private Duration lateness = Duration.ZERO;
        private Set<String> touchpoints;
        private boolean anyTouchpoint;
        private int maxOpen = DEFAULT_MAX_OPEN;
        private final List<Consumer<CustomerJourney>> sinks = new ArrayList<>();
        private final List<Funnel> funnels = new ArrayList<>();

        private Builder(JourneyBuilder rules) {
            this.rules = rules;
        }

        /**
         * How far behind the latest event time an event may arrive and still count.
         *
         * @param lateness &ge; 0 (default zero: events must arrive in time order, ties allowed)
         * @return this builder
         */
        public Builder allowedLateness(Duration lateness) {
            Check.notNull(lateness, "allowedLateness");
            if (lateness.isNegative()) {
                throw new IllegalArgumentException("allowedLateness must be >= 0: " + lateness);
            }
            this.lateness = lateness;
            return this;
        }

        /**
         * Declares the touchpoints that exist: events at others, and funnels with steps at others,
         * are rejected.
         *
         * @param known the touchpoint ids, not empty
         * @return this builder
         */
        public Builder knownTouchpoints(Set<String> known) {
            Check.notNull(known, "knownTouchpoints");
            if (known.isEmpty()) {
                throw new IllegalArgumentException("knownTouchpoints must not be empty: []");
            }
            this.touchpoints = Set.copyOf(known);
            return this;
        }

        /**
         * Accepts events at any touchpoint (not strict).
         *
         * @return this builder
         */
        public Builder anyTouchpoint() {
            this.anyTouchpoint = true;
            return this;
        }

        /**
         * Bounds the open journeys held at once; see the class comment for the expiry rule.
         *
         * @param max &ge; 1
         * @return this builder
         */
        public Builder maxOpenJourneys(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxOpenJourneys must be >= 1: " + max);
            }
            this.maxOpen = max;
            return this;
        }

        /**
         * Sends every closed journey to {@code sink} (e.g. {@code paths::accept}, or a
         * {@link io.cxkit.core.ConcurrentRecorder}'s {@code record}).
         *
         * @param sink receives each journey once, not null
         * @return this builder
         */
        public Builder to(Consumer<CustomerJourney> sink) {
            sinks.add(Check.notNull(sink, "sink"));
            return this;
        }

        /**
         * Counts every closed journey in a funnel, whose touchpoint steps are checked against the
         * known touchpoints at {@link #build()}.
         *
         * @param funnel the funnel's accumulator, not null
         * @return this builder
         */
        public Builder to(FunnelAccumulator funnel) {
            Check.notNull(funnel, "funnel");
            funnels.add(funnel.funnel());
            return to(funnel::accept);
        }

        /**
         * Builds the streaming builder.
         *
         * @return a new, empty streaming builder
         * @throws InvalidInputException if neither known touchpoints nor {@link #anyTouchpoint()}
         *     was given (or both), or a funnel step names an unknown touchpoint
         */
        public IncrementalJourneyBuilder build() {
            if ((touchpoints == null) == !anyTouchpoint) {
                throw new InvalidInputException("declare the known touchpoints (knownTouchpoints) or accept any "
                        + "(anyTouchpoint), not " + (anyTouchpoint ? "both" : "neither"));
            }
            IncrementalJourneyBuilder b = new IncrementalJourneyBuilder(this);
            funnels.forEach(b::check);
            return b;
        }
    }

    /**
     * Checks that every touchpoint step of a funnel names a known touchpoint (always passes with
     * {@link Builder#anyTouchpoint()}): a step that can never occur would silently give zero
     * conversions.
     *
     * @param funnel the funnel, not null
     * @throws InvalidInputException naming the step and listing the known touchpoints
     */
    public void check(Funnel funnel) {
        Check.notNull(funnel, "funnel");
        if (touchpoints == null) {
            return;
        }
        for (FunnelStep s : funnel.steps()) {
            if (s.kind().equals("touchpoint") && !touchpoints.contains(s.target())) {
                throw new InvalidInputException("unknown funnel step '" + s.name() + "': touchpoint '" + s.target()
                        + "' is not among the known touchpoints " + new TreeSet<>(touchpoints));
            }
        }
    }

    /**
     * Feeds one event.
     *
     * @param event the event, not null
     * @return true if taken; false if it is earlier than the watermark (counted in
     *     {@link #lateEvents()}, otherwise ignored)
     * @throws InvalidInputException if its touchpoint is not known (strict mode); nothing changes
     */
    public boolean accept(JourneyEvent event) {
        Check.notNull(event, "event");
        if (touchpoints != null && !touchpoints.contains(event.touchpoint())) {
            throw new InvalidInputException("unknown touchpoint '" + event.touchpoint() + "' in event of customer "
                    + event.customerId() + " at " + event.time() + "; known touchpoints: " + new TreeSet<>(touchpoints));
        }
        Instant t = event.time();
        if (watermark != null && t.isBefore(watermark)) {
            late++;
            return false;
        }
        accepted++;
        GroupKey key = new GroupKey(event.customerId(), rules.groupsByCase() ? event.caseId().orElse("") : "");
        group(key).pending++;
        pending.add(new Pending(event, seq++, key));
        if (maxTime == null || t.isAfter(maxTime)) {
            maxTime = t;
            Instant w = t.minus(lateness);
            if (watermark == null || w.isAfter(watermark)) {
                watermark = w;
            }
        }
        settle();
        return true;
    }

    /**
     * Moves the watermark to {@code now} if later (e.g. from a clock, so that idle journeys close
     * when no events arrive). Events earlier than {@code now} are refused from then on.
     *
     * @param now the time, not null
     */
    public void advanceTo(Instant now) {
        Check.notNull(now, "now");
        if (watermark == null || now.isAfter(watermark)) {
            watermark = now;
        }
        settle();
    }

    /**
     * End of stream: applies every pending event and closes every open journey. The builder can be
     * fed again afterwards (later events only: the watermark stays).
     */
    public void flush() {
        while (!pending.isEmpty()) {
            apply(pending.poll());
        }
        List<Group> all = new ArrayList<>(groups.values());
        groups.clear();
        idle.clear();
        orphans.clear();
        for (Group g : all) {
            emit(g);
        }
    }

    private Group group(GroupKey key) {
        Group g = groups.get(key);
        if (g == null) {
            g = new Group(key);
            Integer waiting = orphans.remove(key);
            g.pending = waiting == null ? 0 : waiting;
            groups.put(key, g);
            if (groups.size() > maxOpen) {
                expireEldest(g);
            }
        }
        return g;
    }

    /**
     * Expires the group fed least recently, preferring one with no event waiting for the
     * watermark (its state is then gone entirely).
     */
    private void expireEldest(Group keep) {
        Group victim = null;
        for (Group g : groups.values()) {
            if (g == keep) {
                continue;
            }
            if (victim == null) {
                victim = g;
            }
            if (g.pending == 0) {
                victim = g;
                break;
            }
        }
        if (victim == null) {
            return;
        }
        groups.remove(victim.key);
        if (!victim.open.isEmpty()) {
            expired++;
            emit(victim);
        }
        if (victim.pending > 0) {
            orphans.merge(victim.key, victim.pending, Integer::sum);
        }
    }

    /** Applies the events the watermark has passed, then closes the journeys it left idle. */
    private void settle() {
        while (!pending.isEmpty() && !pending.peek().event.time().isAfter(watermark)) {
            apply(pending.poll());
        }
        long w = watermark.toEpochMilli();
        while (!idle.isEmpty() && w - idle.peek().deadline > 0) {
            Group g = idle.poll();
            g.scheduled = false;
            if (g.open.isEmpty()) {
                continue;
            }
            if (w - g.lastMillis > gapMillis) {
                emit(g);
                if (g.pending == 0) {
                    groups.remove(g.key);
                }
            } else {
                schedule(g);
            }
        }
    }

    private void apply(Pending p) {
        Group g = group(p.key); // new if expired while this event waited: it starts a new journey
        g.pending--;
        JourneyEvent e = p.event;
        long t = e.time().toEpochMilli();
        if (!g.open.isEmpty() && t - g.lastMillis > gapMillis) {
            emit(g);
        }
        g.open.add(e);
        g.lastMillis = t;
        if (rules.ends(e)) {
            emit(g);
            if (g.pending == 0) {
                groups.remove(g.key); // a stale entry left in the idle queue is skipped when polled
            }
        } else if (gapMillis != Long.MAX_VALUE) {
            schedule(g);
        }
    }

    private void schedule(Group g) {
        long deadline = g.lastMillis > Long.MAX_VALUE - gapMillis ? Long.MAX_VALUE : g.lastMillis + gapMillis;
        if (!g.scheduled) {
            g.deadline = deadline;
            g.scheduled = true;
            idle.add(g);
        }
        // Otherwise the queued deadline is earlier; settle() re-schedules from the last event.
    }

    private void emit(Group g) {
        if (g.open.isEmpty()) {
            return;
        }
        List<JourneyEvent> events = List.copyOf(g.open);
        g.open.clear();
        Optional<String> caseId = g.key.caseId().isEmpty() ? Optional.empty() : Optional.of(g.key.caseId());
        CustomerJourney j = new CustomerJourney(g.key.customer(), caseId, events, CustomerJourney.lastOutcome(events));
        emitted++;
        for (Consumer<CustomerJourney> s : sinks) {
            s.accept(j);
        }
    }

    /**
     * Events taken so far.
     *
     * @return the count
     */
    public long acceptedEvents() {
        return accepted;
    }

    /**
     * Events refused because they were earlier than the watermark.
     *
     * @return the count
     */
    public long lateEvents() {
        return late;
    }

    /**
     * Journeys emitted so far (expired ones included).
     *
     * @return the count
     */
    public long emittedJourneys() {
        return emitted;
    }

    /**
     * Journeys emitted early because the bound on open journeys was reached.
     *
     * @return the count
     */
    public long expiredJourneys() {
        return expired;
    }

    /**
     * Groups (customers, or customer and case) currently held.
     *
     * @return the count, at most the bound on open journeys
     */
    public int openJourneys() {
        return groups.size();
    }

    /**
     * Events taken but not yet past the watermark.
     *
     * @return the count
     */
    public int pendingEvents() {
        return pending.size();
    }

    /**
     * The watermark: events earlier than it are refused.
     *
     * @return the watermark, or empty before the first event or {@link #advanceTo(Instant)}
     */
    public Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }

    /**
     * Returns e.g. {@code IncrementalJourneyBuilder[JourneyBuilder[...], lateness PT10S, 120 accepted, 3 late,
     * 40 emitted, 0 expired, 12 open, 5 pending]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "IncrementalJourneyBuilder[" + rules + ", lateness " + lateness + ", " + accepted + " accepted, "
                + late + " late, " + emitted + " emitted, " + expired + " expired, " + groups.size() + " open, "
                + pending.size() + " pending]";
    }
}
