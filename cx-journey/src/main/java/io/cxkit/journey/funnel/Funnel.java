package io.cxkit.journey.funnel;

import io.cxkit.core.Check;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.LogJourney;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A conversion funnel: ordered steps, a matching {@link FunnelMode} and a conversion window.
 *
 * <p><b>Unit.</b> The funnel counts <em>journeys</em>: every journey offered is one trial. To
 * count customers instead, build one journey per customer ({@link JourneyBuilder#create()}).
 *
 * <p><b>Anchor and window.</b> A journey enters at its <em>first</em> event that matches the first
 * step (in {@link FunnelMode#ANY_ORDER}: that matches any step). Later occurrences of the first
 * step do not re-anchor. Only events at most {@code window} after the anchor count (an event
 * exactly at the window's end counts). Events that tie in time keep input order.
 *
 * <p><b>Repeated steps.</b> The first occurrence of a step after the previous step counts; repeats
 * neither add to the counts nor move the step's time.
 *
 * <p><b>Counts.</b> For step {@code s}: {@code entered} = journeys that reached it;
 * {@code converted} = of those, journeys that reached step {@code s+1} (for the last step, equal to
 * {@code entered}: reaching the last step is converting); {@code dropped = entered − converted}.
 * So the first step's dropped counts plus the last step's converted add up to the journeys that
 * entered. Rates carry Wilson intervals: conversion from the previous step
 * ({@code entered_s / entered_{s−1}}; for the first step, {@code entered_0 / journeys}) and from
 * the first step ({@code entered_s / entered_0}). Times from the previous and from the first step
 * are in seconds, as {@link io.cxkit.core.QuantileSketch} summaries (±1%).
 *
 * <p><b>Where it runs.</b> Over an {@link EventLog} ({@link #run(EventLog, JourneyBuilder, int)},
 * {@link #bySegment(EventLog, JourneyBuilder, int, ToIntFunction, IntFunction)}), on one or more
 * threads, without an object per journey or event; or over {@link CustomerJourney} objects
 * ({@link #run(Iterable)}); one matcher reads either, so both give the same result for the same
 * journeys.
 *
 * <pre>{@code
 * Funnel f = Funnel.builder()
 *         .steps("product_page", "cart", "checkout")
 *         .window(Duration.ofDays(7))
 *         .build();
 * FunnelResult r = f.run(log, JourneyBuilder.create(), 2);   // or f.run(journeys)
 * }</pre>
 */
public final class Funnel {
    private final List<FunnelStep> steps;
    private final FunnelMode mode;
    private final long windowMillis;
    private final Duration window;

    private Funnel(List<FunnelStep> steps, FunnelMode mode, Duration window) {
        this.steps = List.copyOf(steps);
        this.mode = mode;
        this.window = window;
        this.windowMillis = window == null ? Long.MAX_VALUE : window.toMillis();
    }

    /**
     * Starts a funnel definition (mode {@link FunnelMode#ORDERED}, no window limit).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Funnel}; every rule is checked in {@link #build()}. */
    public static final class Builder {
        private final List<FunnelStep> steps = new ArrayList<>();
        private FunnelMode mode = FunnelMode.ORDERED;
        private Duration window;
        private Set<String> knownTouchpoints;

        private Builder() {
        }

        /**
         * Adds a step.
         *
         * @param step the step
         * @return this builder
         */
        public Builder step(FunnelStep step) {
            Check.notNull(step, "funnel step");
            steps.add(step);
            return this;
        }

        /**
         * Adds one touchpoint step per id, in order.
         *
         * @param touchpoints touchpoint ids
         * @return this builder
         */
        public Builder steps(String... touchpoints) {
            for (String t : touchpoints) {
                step(FunnelStep.ofTouchpoint(t));
            }
            return this;
        }

        /**
         * Sets the matching mode.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(FunnelMode mode) {
            Check.notNull(mode, "mode");
            this.mode = mode;
            return this;
        }

        /**
         * Sets the conversion window, measured from the anchor event.
         *
         * @param window &gt; 0, or {@code null} for no limit
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder window(Duration window) {
            if (window != null && (window.isNegative() || window.isZero())) {
                throw new IllegalArgumentException("conversion window must be > 0: " + window);
            }
            this.window = window;
            return this;
        }

        /**
         * Declares the touchpoints that exist, so that a touchpoint step naming another one fails
         * at {@link #build()} (catches typos).
         *
         * @param touchpoints the known touchpoint ids
         * @return this builder
         */
        public Builder knownTouchpoints(Set<String> touchpoints) {
            this.knownTouchpoints = Set.copyOf(touchpoints);
            return this;
        }

        /**
         * Builds the funnel.
         *
         * @return the funnel
         * @throws IllegalArgumentException if there are no steps or two steps share a name; an
         *     {@link InvalidInputException} if a touchpoint step names an unknown
         *     touchpoint
         */
        public Funnel build() {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("funnel steps must not be empty: []");
            }
            Set<String> names = new HashSet<>();
            for (FunnelStep s : steps) {
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException("funnel step names must be unique: '" + s.name()
                            + "' appears twice");
                }
                if (knownTouchpoints != null && s.kind().equals("touchpoint")
                        && !knownTouchpoints.contains(s.target())) {
                    throw new InvalidInputException("unknown funnel step: touchpoint '" + s.target()
                            + "' is not among the known touchpoints " + new java.util.TreeSet<>(knownTouchpoints));
                }
            }
            return new Funnel(steps, mode, window);
        }
    }

    /**
     * The steps in order.
     *
     * @return an unmodifiable list
     */
    public List<FunnelStep> steps() {
        return steps;
    }

    /**
     * The matching mode.
     *
     * @return the mode
     */
    public FunnelMode mode() {
        return mode;
    }

    /**
     * The conversion window, if limited.
     *
     * @return the window; empty for no limit
     */
    public Optional<Duration> window() {
        return Optional.ofNullable(window);
    }

    /**
     * The step names in order.
     *
     * @return the names
     */
    public List<String> stepNames() {
        return steps.stream().map(FunnelStep::name).toList();
    }

    /** The window in whole milliseconds (what event times are compared at); Long.MAX_VALUE for none. */
    long windowMillis() {
        return windowMillis;
    }

    /** Identifies the configuration for combine and decode checks. */
    String signature() {
        return mode + " window=" + (window == null ? "none" : window) + " steps=" + steps;
    }

    /**
     * A new, empty accumulator for this funnel.
     *
     * @return the accumulator
     */
    public FunnelAccumulator accumulator() {
        return new FunnelAccumulator(this);
    }

    /**
     * Runs the funnel over journeys in one pass; each journey is matched as
     * {@link FunnelAccumulator#accept(CustomerJourney)} does.
     *
     * @param journeys the journeys
     * @return the result
     */
    public FunnelResult run(Iterable<CustomerJourney> journeys) {
        FunnelAccumulator acc = accumulator();
        for (CustomerJourney j : journeys) {
            acc.accept(j);
        }
        return acc.result();
    }

    /**
     * Runs the funnel over every journey of an event log in one pass, on the calling thread.
     * Equal to {@code run(rules.build(events))} for the log's events.
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @return the result
     * @throws NullPointerException if an argument is null
     */
    public FunnelResult run(EventLog log, JourneyBuilder rules) {
        return run(log, rules, 1);
    }

    /**
     * Runs the funnel over every journey of an event log with the customers split across
     * {@code threads} threads ({@link EventLog#scan}), merging their counts with
     * {@link FunnelAccumulator#combine}: the same result as one thread.
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @param threads threads to use, in [1, 1024]
     * @return the result
     * @throws IllegalArgumentException if {@code threads} is not in [1, 1024]
     * @throws NullPointerException if an argument is null
     */
    public FunnelResult run(EventLog log, JourneyBuilder rules, int threads) {
        Check.notNull(log, "log");
        return log.scan(rules, threads, this::accumulator, FunnelAccumulator::accept, FunnelAccumulator::combine)
                .result();
    }

    /**
     * Runs the funnel per segment, e.g. by first channel or customer plan.
     *
     * @param journeys the journeys
     * @param segmentOf the segment of a journey
     * @return the result per segment
     */
    public SegmentedResult<FunnelResult> bySegment(Iterable<CustomerJourney> journeys,
            Function<CustomerJourney, SegmentKey> segmentOf) {
        SegmentedAccumulator<FunnelAccumulator, FunnelResult> acc = SegmentedAccumulator.of(accumulator());
        for (CustomerJourney j : journeys) {
            acc.segment(segmentOf.apply(j)).accept(j);
        }
        return acc.result();
    }

    /**
     * Runs the funnel per segment over every journey of an event log on the calling thread; see
     * {@link #bySegment(EventLog, JourneyBuilder, int, ToIntFunction, IntFunction)}.
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @param segmentOf a journey's segment id, in [0, 2<sup>24</sup>)
     * @param keyOf the key of a segment id; never null
     * @return the result per segment, sorted by key
     * @throws IllegalArgumentException if {@code segmentOf} returns an id outside [0, 2<sup>24</sup>)
     * @throws NullPointerException if an argument is null or {@code keyOf} returns null
     */
    public SegmentedResult<FunnelResult> bySegment(EventLog log, JourneyBuilder rules,
            ToIntFunction<LogJourney> segmentOf, IntFunction<SegmentKey> keyOf) {
        return bySegment(log, rules, 1, segmentOf, keyOf);
    }

    /**
     * Runs the funnel per segment over every journey of an event log, with the customers split
     * across {@code threads} threads. A journey's segment is a small id ({@code segmentOf}, e.g.
     * {@code j -> j.channel(0)} for the first event's channel), named once per id by
     * {@code keyOf} (e.g. {@code id -> SegmentKey.of(log.channels().get(id).name())}), so counting
     * allocates nothing per journey. Ids that {@code keyOf} maps to the same key are one segment.
     *
     * <pre>{@code
     * SegmentedResult<FunnelResult> byChannel = funnel.bySegment(log, rules, 2,
     *         j -> j.channel(0), id -> SegmentKey.of(log.channels().get(id).name()));
     * }</pre>
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @param threads threads to use, in [1, 1024]
     * @param segmentOf a journey's segment id, in [0, 2<sup>24</sup>)
     * @param keyOf the key of a segment id; never null
     * @return the result per segment, sorted by key; only segments with journeys appear
     * @throws IllegalArgumentException if {@code threads} is not in [1, 1024] or {@code segmentOf}
     *     returns an id outside [0, 2<sup>24</sup>)
     * @throws NullPointerException if an argument is null or {@code keyOf} returns null
     */
    public SegmentedResult<FunnelResult> bySegment(EventLog log, JourneyBuilder rules, int threads,
            ToIntFunction<LogJourney> segmentOf, IntFunction<SegmentKey> keyOf) {
        Check.notNull(log, "log");
        Check.notNull(segmentOf, "segmentOf");
        Check.notNull(keyOf, "keyOf");
        return log.scan(rules, threads, () -> new BySegment(segmentOf, keyOf), BySegment::accept, (a, b) -> {
            a.segments.combine(b.segments);
            return a;
        }).segments.result();
    }

    /** One scan unit's segmented counts: the caller's segment ids mapped to the accumulator's ids once each. */
    /** Segment ids index a table, so they are small: below 2^24. */
    private static final int MAX_SEGMENT_ID = 1 << 24;

    private final class BySegment {
        private final SegmentedAccumulator<FunnelAccumulator, FunnelResult> segments =
                SegmentedAccumulator.of(accumulator());
        private final ToIntFunction<LogJourney> segmentOf;
        private final IntFunction<SegmentKey> keyOf;
        private int[] slot = new int[0]; // caller's id -> segment id + 1; 0 = not yet named

        BySegment(ToIntFunction<LogJourney> segmentOf, IntFunction<SegmentKey> keyOf) {
            this.segmentOf = segmentOf;
            this.keyOf = keyOf;
        }

        void accept(LogJourney j) {
            int id = segmentOf.applyAsInt(j);
            if (id < 0 || id >= MAX_SEGMENT_ID) {
                throw new IllegalArgumentException("funnel segment id must be in [0, " + MAX_SEGMENT_ID + "): " + id
                        + " for " + j);
            }
            if (id >= slot.length) {
                slot = Arrays.copyOf(slot, Math.max(id + 1, slot.length * 2));
            }
            if (slot[id] == 0) {
                SegmentKey key = keyOf.apply(id);
                slot[id] = segments.idOf(Check.notNull(key, "funnel segment key of segment id " + id)) + 1;
            }
            segments.segment(slot[id] - 1).accept(j);
        }
    }

    /**
     * Returns e.g. {@code Funnel[ORDERED, window PT168H, steps [product_page, cart, checkout]]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "Funnel[" + mode + ", window " + (window == null ? "none" : window) + ", steps "
                + stepNames() + "]";
    }
}
