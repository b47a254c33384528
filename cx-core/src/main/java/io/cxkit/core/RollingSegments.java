package io.cxkit.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Segmented accumulators over a rolling window of calendar periods: one
 * {@link SegmentedAccumulator} per period, the last N periods (or a duration) kept and older ones
 * dropped, periods closed as the event-time watermark passes them, and roll-ups to coarser keys
 * computed from the kept accumulators. See {@link RollingWindow} for the rules.
 *
 * <pre>{@code
 * RollingSegments<NetPromoterScore, NpsResult> weekly = RollingSegments.of(NetPromoterScore.create(),
 *         RollingWindow.of(12, TimeGrain.WEEK, zone).withLateness(Duration.ofHours(6)),
 *         (week, closed) -> trend.close(week, ...));      // called once per period, in order
 * NetPromoterScore s = weekly.segment(SegmentKey.of("checkout"), time);
 * if (s != null) s.accept(9);                              // null: too late, counted in late()
 * weekly.acrossPeriods();                                  // by touchpoint over the kept weeks
 * weekly.rollUp(k -> SegmentKey.overall());                // everything kept, as one segment
 * }</pre>
 *
 * <p><b>Keys.</b> Callers address a segment by its attribute key and a time (or a period); the
 * period is not part of the attribute key. {@link #segments()} and {@link #rollUp} see the
 * full key: the attribute parts followed by the period label (e.g. {@code checkout|2026-W03}), as
 * {@link Segmentation} writes it.
 *
 * <p><b>Late data.</b> An observation whose period is closed or already dropped is refused:
 * {@link #segment(SegmentKey, Instant)} returns {@code null} and counts it in {@link #late()}.
 * Nothing is refused silently.
 *
 * <p><b>Closing and dropping.</b> A period closes when the watermark reaches its end (see
 * {@link RollingWindow}); the listener given to {@link #of(Accumulator, RollingWindow, BiConsumer)}
 * is then called once with the period and its segments, in period order, before the call that
 * moved the watermark returns. A period that falls out of the retention before it closed is closed
 * (listener called) first and then dropped. Memory: one accumulator per segment per kept period.
 *
 * <p>Not thread-safe: feed it from one thread, or record into a {@link ConcurrentRecorder} and let
 * the reading thread move interval snapshots in with {@link #segment(SegmentKey, TimeBucket)}.
 *
 * @param <A> the per-segment accumulator type
 * @param <R> the per-segment result type
 */
public final class RollingSegments<A extends Accumulator<A, R>, R> {

    private final A prototype;
    private final RollingWindow window;
    private final BiConsumer<TimeBucket, SegmentedAccumulator<A, R>> onClose;
    private final long latenessMillis;
    /** Kept periods in order; the closed ones form a prefix. */
    private final TreeMap<TimeBucket, Slot<A, R>> slots = new TreeMap<>();
    private long newest = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    /** Periods before this bucket are closed, whether kept or dropped; null before any closes. */
    private TimeBucket closedBefore;
    private Slot<A, R> recent;
    /** The watermark at which the first open period closes; MAX_VALUE if none is open. */
    private long nextCloseAt = Long.MAX_VALUE;
    /** The newest time at which the first kept period leaves the retention; MAX_VALUE if none. */
    private long nextDropAt = Long.MAX_VALUE;
    /** Collects the periods closed during {@link #advanceTo}; null otherwise. */
    private List<TimeBucket> closing;
    private long late;
    private long closed;
    private long dropped;

    private static final class Slot<A extends Accumulator<A, R>, R> {
        final TimeBucket bucket;
        final long startMillis;
        final long endMillis;
        final SegmentedAccumulator<A, R> segments;
        boolean closed;

        Slot(TimeBucket bucket, RollingWindow w, A prototype) {
            this.bucket = bucket;
            this.startMillis = millis(bucket.start(), w);
            this.endMillis = millis(bucket.end(), w);
            this.segments = SegmentedAccumulator.of(prototype);
        }
    }

    private RollingSegments(A prototype, RollingWindow window,
            BiConsumer<TimeBucket, SegmentedAccumulator<A, R>> onClose) {
        this.prototype = prototype;
        this.window = window;
        this.onClose = onClose;
        this.latenessMillis = window.allowedLateness().toMillis();
    }

    /**
     * A rolling window without a close listener.
     *
     * @param <A> the per-segment accumulator type
     * @param <R> the per-segment result type
     * @param prototype the configuration of every segment (its state is ignored), not null
     * @param window the periods, retention and lateness, not null
     * @return a new, empty rolling window
     */
    public static <A extends Accumulator<A, R>, R> RollingSegments<A, R> of(A prototype, RollingWindow window) {
        return of(prototype, window, (p, s) -> { });
    }

    /**
     * A rolling window that calls {@code onClose} once for each period as it closes.
     *
     * @param <A> the per-segment accumulator type
     * @param <R> the per-segment result type
     * @param prototype the configuration of every segment (its state is ignored), not null
     * @param window the periods, retention and lateness, not null
     * @param onClose receives each closed period and its segments (keyed by attribute key only);
     *     the segments must not be modified, and may be kept only as a {@code copy()}
     * @return a new, empty rolling window
     */
    public static <A extends Accumulator<A, R>, R> RollingSegments<A, R> of(A prototype, RollingWindow window,
            BiConsumer<TimeBucket, SegmentedAccumulator<A, R>> onClose) {
        Check.notNull(prototype, "prototype");
        Check.notNull(window, "window");
        Check.notNull(onClose, "onClose");
        return new RollingSegments<>(prototype.emptyCopy(), window, onClose);
    }

    private static long millis(LocalDate day, RollingWindow w) {
        return day.atStartOfDay(w.zone()).toInstant().toEpochMilli();
    }

    /**
     * The window's rules.
     *
     * @return the window
     */
    public RollingWindow window() {
        return window;
    }

    /**
     * Returns the live accumulator of a segment in the period of {@code time}, creating it if new,
     * after moving the watermark to {@code time − allowedLateness} if that is later (which may
     * close and drop periods).
     *
     * @param key the attribute key (without the period), not null
     * @param time the observation's event time, not null
     * @return the accumulator to feed; or {@code null} if the period is already closed or dropped
     *     (the observation is counted in {@link #late()}). Null, not an {@code Optional}, on
     *     purpose: this is called once per observation on the live path and must not allocate.
     */
    public A segment(SegmentKey key, Instant time) {
        Check.notNull(key, "key");
        Check.notNull(time, "time");
        long t = time.toEpochMilli();
        if (t > newest) {
            newest = t;
            long w = t - latenessMillis;
            if (w > watermark) {
                watermark = w;
            }
            if (watermark >= nextCloseAt || newest >= nextDropAt) {
                roll();
            }
        }
        Slot<A, R> s = recent;
        if (s == null || t < s.startMillis || t >= s.endMillis || s.closed) {
            s = slot(window.grain().bucketOf(time, window.zone()));
            if (s == null) {
                return null;
            }
            recent = s;
        }
        return s.segments.segment(key);
    }

    /**
     * Returns the live accumulator of a segment in a given period, for data already bucketed by
     * period (e.g. an interval snapshot of a {@link ConcurrentRecorder} keyed by period). Moves
     * the retention forward to {@code period} if it is newer, but not the watermark: only event
     * times and {@link #advanceTo(Instant)} close periods.
     *
     * @param key the attribute key (without the period), not null
     * @param period a period of the window's grain, not null
     * @return the accumulator to feed; or {@code null} if the period is closed or dropped (counted
     *     in {@link #late()}); null rather than {@code Optional} for the reason given above
     * @throws IllegalArgumentException if the period has another grain
     */
    public A segment(SegmentKey key, TimeBucket period) {
        Check.notNull(key, "key");
        Check.notNull(period, "period");
        if (period.grain() != window.grain()) {
            throw new IllegalArgumentException("period must be a " + window.grain() + " bucket: "
                    + period.label() + " is a " + period.grain() + " bucket");
        }
        long start = millis(period.start(), window);
        if (start > newest) {
            newest = start;
            if (newest >= nextDropAt) {
                roll();
            }
        }
        Slot<A, R> s = slot(period);
        return s == null ? null : s.segments.segment(key);
    }

    private Slot<A, R> slot(TimeBucket bucket) {
        Slot<A, R> s = slots.get(bucket);
        if (s != null && !s.closed) {
            return s;
        }
        if (s != null || (closedBefore != null && bucket.compareTo(closedBefore) < 0)
                || !retained(bucket, millis(bucket.end(), window))) {
            late++;
            return null;
        }
        s = new Slot<>(bucket, window, prototype);
        if (watermark >= s.endMillis) {
            // The watermark already passed this period before it had data: it is closed, and
            // nothing can be added to it.
            late++;
            return null;
        }
        slots.put(bucket, s);
        schedule();
        return s;
    }

    private boolean retained(TimeBucket bucket, long endMillis) {
        if (newest == Long.MIN_VALUE) {
            return true;
        }
        if (window.keepDuration().isPresent()) {
            return endMillis > newest - window.keepDuration().get().toMillis();
        }
        TimeBucket oldest = window.grain().bucketOf(Instant.ofEpochMilli(newest), window.zone());
        for (int i = 1; i < window.keepPeriods(); i++) {
            oldest = oldest.previous();
        }
        return bucket.compareTo(oldest) >= 0;
    }

    /**
     * Moves the watermark to {@code now} if that is later (for instance from a clock, so that
     * periods close when no data arrives), closing and dropping periods as the window says.
     *
     * @param now no data with an earlier event time will be accepted into a period that ends by
     *     then; not null
     * @return the periods this call closed, in order; empty if none
     */
    public List<TimeBucket> advanceTo(Instant now) {
        Check.notNull(now, "now");
        long t = now.toEpochMilli();
        newest = Math.max(newest, t);
        watermark = Math.max(watermark, t);
        closing = new ArrayList<>();
        try {
            roll();
            return List.copyOf(closing);
        } finally {
            closing = null;
        }
    }

    /** Drops the periods out of retention (closing them first) and closes those the watermark passed. */
    private void roll() {
        while (!slots.isEmpty()) {
            Slot<A, R> first = slots.firstEntry().getValue();
            if (retained(first.bucket, first.endMillis)) {
                break;
            }
            close(first);
            slots.pollFirstEntry();
            dropped++;
            if (recent == first) {
                recent = null;
            }
        }
        for (Slot<A, R> s : slots.values()) {
            if (s.closed) {
                continue;
            }
            if (s.endMillis > watermark) {
                break;
            }
            close(s);
        }
        schedule();
    }

    /** Recomputes when {@link #roll()} next has work to do. */
    private void schedule() {
        nextCloseAt = Long.MAX_VALUE;
        for (Slot<A, R> s : slots.values()) {
            if (!s.closed) {
                nextCloseAt = s.endMillis;
                break;
            }
        }
        if (slots.isEmpty()) {
            nextDropAt = Long.MAX_VALUE;
        } else if (window.keepDuration().isPresent()) {
            long end = slots.firstEntry().getValue().endMillis;
            long d = window.keepDuration().get().toMillis();
            nextDropAt = end > Long.MAX_VALUE - d ? Long.MAX_VALUE : end + d;
        } else {
            TimeBucket b = slots.firstKey();
            for (int i = 0; i < window.keepPeriods(); i++) {
                b = b.next();
            }
            nextDropAt = millis(b.start(), window);
        }
    }

    private void close(Slot<A, R> s) {
        if (s.closed) {
            return;
        }
        s.closed = true;
        closed++;
        if (closing != null) {
            closing.add(s.bucket);
        }
        TimeBucket after = s.bucket.next();
        if (closedBefore == null || after.compareTo(closedBefore) > 0) {
            closedBefore = after;
        }
        onClose.accept(s.bucket, s.segments);
    }

    /**
     * The kept periods, oldest first.
     *
     * @return an unmodifiable list
     */
    public List<TimeBucket> periods() {
        return List.copyOf(slots.keySet());
    }

    /**
     * Tells whether a period is closed (it takes no more data). Periods before the first kept
     * one are closed too.
     *
     * @param period the period, not null
     * @return true if closed
     */
    public boolean isClosed(TimeBucket period) {
        Check.notNull(period, "period");
        Slot<A, R> s = slots.get(period);
        return s != null ? s.closed : closedBefore != null && period.compareTo(closedBefore) < 0;
    }

    /**
     * The kept segments of one period, keyed by attribute key.
     *
     * @param period the period, not null
     * @return a copy; empty if the period is not kept or had no data
     */
    public SegmentedAccumulator<A, R> period(TimeBucket period) {
        Check.notNull(period, "period");
        Slot<A, R> s = slots.get(period);
        return s == null ? SegmentedAccumulator.of(prototype) : s.segments.copy();
    }

    /**
     * Every kept segment under its full key: the attribute parts, then the period label.
     *
     * @return a new segmented accumulator (a copy)
     */
    public SegmentedAccumulator<A, R> segments() {
        SegmentedAccumulator<A, R> out = SegmentedAccumulator.of(prototype);
        for (Slot<A, R> s : slots.values()) {
            String label = s.bucket.label();
            for (int i = 0; i < s.segments.size(); i++) {
                List<String> parts = new ArrayList<>(s.segments.keyOf(i).parts());
                parts.add(label);
                out.segment(new SegmentKey(parts)).combine(s.segments.segment(i));
            }
        }
        return out;
    }

    /**
     * Rolls the kept segments up to coarser keys: each full key (attribute parts, then the period
     * label) is mapped by {@code coarser}, and segments that map to the same key are combined.
     * E.g. {@code k -> k.select(0)} keeps the first attribute over all kept periods, and
     * {@code k -> SegmentKey.overall()} gives one segment for everything kept.
     *
     * @param coarser maps a full key to its roll-up key, not null
     * @return a new segmented accumulator
     */
    public SegmentedAccumulator<A, R> rollUp(UnaryOperator<SegmentKey> coarser) {
        return segments().rollUp(coarser);
    }

    /**
     * The kept segments combined over all kept periods, keyed by attribute key: the roll-up that
     * drops the period.
     *
     * @return a new segmented accumulator
     */
    public SegmentedAccumulator<A, R> acrossPeriods() {
        SegmentedAccumulator<A, R> out = SegmentedAccumulator.of(prototype);
        for (Slot<A, R> s : slots.values()) {
            out.combine(s.segments);
        }
        return out;
    }

    /**
     * Observations refused because their period was closed or dropped.
     *
     * @return the count
     */
    public long late() {
        return late;
    }

    /**
     * Periods closed so far (each exactly once).
     *
     * @return the count
     */
    public long closedPeriods() {
        return closed;
    }

    /**
     * Periods dropped from the window so far.
     *
     * @return the count
     */
    public long droppedPeriods() {
        return dropped;
    }

    /**
     * The watermark: data for periods that end by then is refused.
     *
     * @return the watermark, or empty before any data or {@link #advanceTo(Instant)}
     */
    public Optional<Instant> watermark() {
        return watermark == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(watermark));
    }

    /**
     * Returns e.g. {@code RollingSegments[RollingWindow[...], 12 periods 2026-W01..2026-W12, 3 closed, 0 late]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "RollingSegments[" + window + ", " + slots.size() + (slots.size() == 1 ? " period" : " periods")
                + (slots.isEmpty() ? "" : " " + slots.firstKey().label() + ".." + slots.lastKey().label())
                + ", " + closed + " closed, " + dropped + " dropped, " + late + " late]";
    }
}
