package io.cxkit.journey.funnel;

import io.cxkit.core.InvalidInputException;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A conversion funnel: ordered steps, a matching {@link FunnelMode} and a conversion window.
 *
 * <p><b>Unit.</b> The funnel counts <em>journeys</em>: every journey offered is one trial. To
 * count customers instead, build one journey per customer ({@link JourneyBuilder#perCustomer()}).
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
 * <pre>{@code
 * Funnel f = Funnel.builder()
 *         .steps("product_page", "cart", "checkout")
 *         .window(Duration.ofDays(7))
 *         .build();
 * FunnelResult r = f.run(journeys);
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
            if (step == null) {
                throw new IllegalArgumentException("funnel step must not be missing: null");
            }
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
                step(FunnelStep.touchpoint(t));
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
            if (mode == null) {
                throw new IllegalArgumentException("funnel mode must not be missing: null");
            }
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
     * Runs the funnel over journeys in one pass.
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
     * Matches one journey: fills {@code times} with the epoch-millisecond time at which each step
     * was reached and returns how many steps were reached.
     */
    int match(List<JourneyEvent> events, long[] times) {
        int k = steps.size();
        int n = events.size();
        if (mode == FunnelMode.ANY_ORDER) {
            int anchor = -1;
            for (int i = 0; i < n && anchor < 0; i++) {
                for (int s = 0; s < k; s++) {
                    if (steps.get(s).matches(events.get(i))) {
                        anchor = i;
                        break;
                    }
                }
            }
            if (anchor < 0) {
                return 0;
            }
            long deadline = deadline(events.get(anchor).time().toEpochMilli());
            java.util.Arrays.fill(times, 0, k, Long.MIN_VALUE);
            for (int i = anchor; i < n; i++) {
                long t = events.get(i).time().toEpochMilli();
                if (t > deadline) {
                    break;
                }
                for (int s = 0; s < k; s++) {
                    if (times[s] == Long.MIN_VALUE && steps.get(s).matches(events.get(i))) {
                        times[s] = t;
                    }
                }
            }
            int depth = 0;
            long done = Long.MIN_VALUE;
            while (depth < k && times[depth] != Long.MIN_VALUE) {
                done = Math.max(done, times[depth]);
                times[depth] = done; // the prefix completes when its last step occurs
                depth++;
            }
            return depth;
        }
        int anchor = -1;
        for (int i = 0; i < n; i++) {
            if (steps.get(0).matches(events.get(i))) {
                anchor = i;
                break;
            }
        }
        if (anchor < 0) {
            return 0;
        }
        long t0 = events.get(anchor).time().toEpochMilli();
        long deadline = deadline(t0);
        times[0] = t0;
        int s = 1;
        for (int i = anchor + 1; i < n && s < k; i++) {
            JourneyEvent e = events.get(i);
            long t = e.time().toEpochMilli();
            if (t > deadline) {
                break;
            }
            if (steps.get(s).matches(e)) {
                times[s++] = t;
            } else if (mode == FunnelMode.STRICT) {
                break;
            }
        }
        return s;
    }

    private long deadline(long t0) {
        return t0 > 0 && windowMillis > Long.MAX_VALUE - t0 ? Long.MAX_VALUE : t0 + windowMillis;
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
