package io.cxkit.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;

/**
 * Lets many threads feed one accumulator without a shared lock, and a reader take consistent
 * snapshots while they do: the live-service counterpart of an {@link Accumulator}, in the manner of
 * {@link java.util.concurrent.atomic.LongAdder} (one stripe per writing thread) and HdrHistogram's
 * {@code Recorder} (a writer-reader phaser that swaps a stripe's accumulator under its writer).
 *
 * <pre>{@code
 * ConcurrentRecorder<NetPromoterScore, NpsResult> live = ConcurrentRecorder.of(NetPromoterScore.create());
 * // any number of consumer threads:
 * live.recordInt(NetPromoterScore::accept, 9);         // no lock, no allocation
 * // a reader thread, every few seconds:
 * NpsResult now = live.result();                     // everything recorded so far
 * NetPromoterScore lastTick = live.intervalSnapshot(); // what arrived since the last interval snapshot
 * }</pre>
 *
 * <p><b>How.</b> Each writing thread gets its own stripe (found through a {@link ThreadLocal}): an
 * accumulator that only that thread writes, and a busy flag, padded so that two threads' stripes
 * never share a cache line. A write sets the flag (one volatile store), applies the observation to
 * the stripe's current accumulator and clears the flag (a release store). A snapshot, for each
 * stripe in turn, installs a fresh empty accumulator, waits until the writer has finished any
 * observation it began on the old one (the writer-reader phase flip of HdrHistogram's
 * {@code WriterReaderPhaser}, which with one writer per stripe needs only the flag), and then
 * combines the old accumulator into the recorder's totals. Writers never wait; a snapshot waits at
 * most for one or two observations per stripe.
 *
 * <p><b>Guarantees.</b>
 * <ul>
 *   <li>No observation is torn, lost or counted twice: each is applied whole to exactly one
 *       accumulator, which is combined exactly once into the totals.
 *   <li>{@link #snapshot()} contains every observation whose {@code record} call returned before
 *       the snapshot began, none that began after it ended, and any subset of those running
 *       concurrently (observations from one thread in that thread's order: a prefix).
 *   <li>{@link #intervalSnapshot()} returns what arrived since the previous interval snapshot (or
 *       since creation): interval snapshots partition the observations, so combining all of them
 *       equals {@link #snapshot()} taken at the same moment.
 *   <li>Snapshots are serialised among themselves (one reader at a time); they never block writers.
 *   <li>The accumulators returned by snapshots are new, owned by the caller and never touched again
 *       by the recorder.
 * </ul>
 *
 * <p><b>Cost and memory.</b> A write costs a {@code ThreadLocal} look-up, a volatile store, a
 * volatile load and a release store on top of the wrapped accumulator's {@code accept}. Memory is one
 * accumulator per thread that has written, plus the totals; a stripe whose thread has died is
 * drained into the totals and dropped at the next snapshot, so memory is bounded by the threads
 * alive, not by the threads ever seen. Observations passed as lambdas that capture nothing (method
 * references such as {@code NetPromoterScore::accept}) allocate nothing per call.
 *
 * <p>An exception thrown by the observation (e.g. an answer off the scale) propagates to the
 * writer; the accumulators' own rule that a rejected observation changes nothing decides what was
 * counted.
 *
 * @param <A> the wrapped accumulator type
 * @param <R> its result type
 */
public final class ConcurrentRecorder<A extends Accumulator<A, R>, R> {

    private final A prototype;
    private final List<Stripe<A>> stripes = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Stripe<A>> mine = new ThreadLocal<>();
    private final Object readerLock = new Object();
    /** Everything drained so far; guarded by {@link #readerLock}. */
    private final A total;
    /** Drained since the last interval snapshot; guarded by {@link #readerLock}. */
    private A interval;
    private long snapshots;

    private ConcurrentRecorder(A prototype) {
        this.prototype = prototype;
        this.total = prototype.emptyCopy();
        this.interval = prototype.emptyCopy();
    }

    /**
     * Returns an empty recorder whose stripes and snapshots are empty copies of {@code prototype}
     * (its state is ignored; it is not retained).
     *
     * @param <A> the accumulator type
     * @param <R> its result type
     * @param prototype an accumulator with the wanted configuration; not null
     * @return a new recorder
     */
    public static <A extends Accumulator<A, R>, R> ConcurrentRecorder<A, R> of(A prototype) {
        Check.notNull(prototype, "prototype");
        return new ConcurrentRecorder<>(prototype.emptyCopy());
    }

    /**
     * Records one {@code int} observation, e.g. {@code recordInt(NetPromoterScore::accept, 9)}.
     *
     * @param observe applies the observation to an accumulator; not null
     * @param value the observation
     */
    public void recordInt(ObjIntConsumer<A> observe, int value) {
        Stripe<A> s = stripe();
        try {
            observe.accept(s.enter(), value);
        } finally {
            s.exit();
        }
    }

    /**
     * Records one {@code long} observation, e.g. a timestamp or a duration in milliseconds.
     *
     * @param observe applies the observation to an accumulator; not null
     * @param value the observation
     */
    public void recordLong(ObjLongConsumer<A> observe, long value) {
        Stripe<A> s = stripe();
        try {
            observe.accept(s.enter(), value);
        } finally {
            s.exit();
        }
    }

    /**
     * Records one {@code double} observation.
     *
     * @param observe applies the observation to an accumulator; not null
     * @param value the observation
     */
    public void recordDouble(ObjDoubleConsumer<A> observe, double value) {
        Stripe<A> s = stripe();
        try {
            observe.accept(s.enter(), value);
        } finally {
            s.exit();
        }
    }

    /**
     * Records one object observation, e.g. {@code record(SurveyScores::accept, response)}.
     *
     * @param <T> the observation type
     * @param observe applies the observation to an accumulator; not null
     * @param value the observation
     */
    public <T> void record(BiConsumer<A, T> observe, T value) {
        Stripe<A> s = stripe();
        try {
            observe.accept(s.enter(), value);
        } finally {
            s.exit();
        }
    }

    /**
     * Applies any sequence of calls to this thread's accumulator as one observation: a snapshot
     * sees all of them or none. The accumulator must not escape {@code observe}.
     *
     * @param observe the calls; not null
     */
    public void recordAll(Consumer<A> observe) {
        Stripe<A> s = stripe();
        try {
            observe.accept(s.enter());
        } finally {
            s.exit();
        }
    }

    private Stripe<A> stripe() {
        Stripe<A> s = mine.get();
        if (s == null) {
            s = new Stripe<>(prototype.emptyCopy());
            mine.set(s);
            stripes.add(s);
        }
        return s;
    }

    /**
     * Returns a new accumulator holding everything recorded so far (see the class comment for what
     * "so far" means while writers run).
     *
     * @return a new accumulator owned by the caller
     */
    public A snapshot() {
        synchronized (readerLock) {
            drain();
            return total.copy();
        }
    }

    /**
     * Returns a new accumulator holding what was recorded since the previous interval snapshot (or
     * since the recorder was created), and starts a new interval.
     *
     * @return a new accumulator owned by the caller
     */
    public A intervalSnapshot() {
        synchronized (readerLock) {
            drain();
            A out = interval;
            interval = prototype.emptyCopy();
            return out;
        }
    }

    /**
     * The result of everything recorded so far: {@code snapshot().result()}.
     *
     * @return the result
     */
    public R result() {
        synchronized (readerLock) {
            drain();
            return total.result();
        }
    }

    /**
     * Number of stripes (threads that have written and were alive at the last snapshot, plus any
     * that started writing since).
     *
     * @return the number of stripes
     */
    public int stripes() {
        return stripes.size();
    }

    /** Moves every stripe's observations into the totals; caller holds {@link #readerLock}. */
    private void drain() {
        snapshots++;
        List<Stripe<A>> dead = new ArrayList<>();
        for (Stripe<A> s : stripes) {
            boolean alive = s.owner.get() != null && s.owner.get().isAlive();
            A old = s.swap(prototype.emptyCopy());
            total.combine(old);
            interval.combine(old);
            if (!alive) {
                // The owner has died, so nothing more can be written to this stripe.
                dead.add(s);
            }
        }
        stripes.removeAll(dead);
    }

    /**
     * Returns e.g. {@code ConcurrentRecorder[NetPromoterScore, 4 stripes, 12 snapshots]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "ConcurrentRecorder[" + prototype.getClass().getSimpleName() + ", " + stripes.size()
                + (stripes.size() == 1 ? " stripe, " : " stripes, ") + snapshots
                + (snapshots == 1 ? " snapshot]" : " snapshots]");
    }

    /** Padding before a stripe's hot fields, so that two threads' stripes never share a cache line. */
    @SuppressWarnings("unused")
    private static class PadBefore {
        long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
    }

    /** A stripe's hot fields: the accumulator being written and the writer's busy flag. */
    private static class Hot<A> extends PadBefore {
        volatile A current;
        volatile int busy;
    }

    /**
     * One thread's accumulator and its writer-reader phaser. With exactly one writer per stripe,
     * HdrHistogram's {@code WriterReaderPhaser} reduces to a flag: the writer sets {@code busy}
     * (a volatile store) before it reads {@code current} and clears it (a release store) after
     * the observation; the reader stores a new {@code current} (volatile) and then waits while
     * {@code busy} is set. Volatile accesses are totally ordered, so either the writer's read
     * sees the new accumulator, or the reader sees the flag of the observation on the old one and
     * waits for it to end (at worst it also waits for one observation on the new one).
     */
    @SuppressWarnings("unused")
    private static final class Stripe<A> extends Hot<A> {
        private static final VarHandle BUSY;

        static {
            try {
                BUSY = MethodHandles.lookup().findVarHandle(Hot.class, "busy", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
        final WeakReference<Thread> owner = new WeakReference<>(Thread.currentThread());

        Stripe(A first) {
            this.current = first;
        }

        /** Marks the start of an observation and returns the accumulator to apply it to. */
        A enter() {
            busy = 1;
            return current;
        }

        /** Marks the end of an observation. */
        void exit() {
            BUSY.setRelease(this, 0);
        }

        /** Installs {@code next} and waits until no observation can still be writing the old one. */
        A swap(A next) {
            A old = current;
            current = next;
            while (busy != 0) {
                Thread.onSpinWait();
            }
            return old;
        }
    }
}
