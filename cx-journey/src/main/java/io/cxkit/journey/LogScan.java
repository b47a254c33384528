package io.cxkit.journey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs a journey analysis over an {@link EventLog} on several threads: the customers (in string
 * order) are split into {@code threads} contiguous ranges of about equal size, each range's
 * journeys are fed to its own state on its own thread ({@link EventLog#forEachJourney(JourneyBuilder,
 * int, int, java.util.function.Consumer)}), and the states come back in range order, so that
 * merging them left to right gives a result independent of how the threads were scheduled.
 *
 * <pre>{@code
 * FunnelAccumulator acc = LogScan.combined(log, rules, 2, funnel::accumulator, FunnelAccumulator::accept);
 * }</pre>
 *
 * <p>With one thread (or fewer than two customers) everything runs on the calling thread. A
 * failure on any thread is rethrown on the calling thread after every thread has stopped.
 */
public final class LogScan {
    private LogScan() {
    }

    /**
     * Feeds each customer range's journeys to a fresh state, one thread per range.
     *
     * @param <T> the per-range state
     * @param log the log
     * @param rules how events are cut into journeys
     * @param threads the number of threads (and ranges), &gt;= 1
     * @param state makes one empty state per range
     * @param accept counts one journey into a state; the journey view is reused, copy what you keep
     * @return the states, in customer order: at most {@code threads}, at least one
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws NullPointerException if an argument is null
     */
    public static <T> List<T> partitions(EventLog log, JourneyBuilder rules, int threads, Supplier<? extends T> state,
            BiConsumer<? super T, ? super LogJourney> accept) {
        Check.notNull(log, "log");
        Check.notNull(rules, "rules");
        Check.notNull(state, "state");
        Check.notNull(accept, "accept");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        int customers = log.customerCount();
        int parts = Math.max(1, Math.min(threads, customers));
        List<T> states = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            states.add(state.get());
        }
        if (parts == 1) {
            T only = states.get(0);
            log.forEachJourney(rules, j -> accept.accept(only, j));
            return states;
        }
        Throwable[] failures = new Throwable[parts];
        Thread[] workers = new Thread[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            workers[p - 1] = new Thread(() -> scan(log, rules, customers, parts, part, states.get(part), accept,
                    failures), "cx-log-scan-" + p);
            workers[p - 1].start();
        }
        scan(log, rules, customers, parts, 0, states.get(0), accept, failures);
        boolean interrupted = false;
        for (Thread w : workers) {
            while (true) {
                try {
                    w.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable f : failures) {
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f != null) {
                throw (Error) f; // scan() records only unchecked throwables
            }
        }
        return states;
    }

    private static <T> void scan(EventLog log, JourneyBuilder rules, int customers, int parts, int part, T state,
            BiConsumer<? super T, ? super LogJourney> accept, Throwable[] failures) {
        int from = (int) ((long) customers * part / parts);
        int to = (int) ((long) customers * (part + 1) / parts);
        try {
            log.forEachJourney(rules, from, to, j -> accept.accept(state, j));
        } catch (RuntimeException | Error e) {
            failures[part] = e;
        }
    }

    /**
     * {@link #partitions} with one accumulator per range, merged in customer order with
     * {@link Accumulator#combine}: the single-pass answer for a mergeable accumulator.
     *
     * @param <A> the accumulator type
     * @param log the log
     * @param rules how events are cut into journeys
     * @param threads the number of threads, &gt;= 1
     * @param fresh makes one empty accumulator per range (all of the same configuration)
     * @param accept counts one journey into an accumulator
     * @return the merged accumulator (the first range's, with the others combined into it)
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws NullPointerException if an argument is null
     */
    public static <A extends Accumulator<A, ?>> A combined(EventLog log, JourneyBuilder rules, int threads,
            Supplier<A> fresh, BiConsumer<? super A, ? super LogJourney> accept) {
        List<A> parts = partitions(log, rules, threads, fresh, accept);
        A out = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            out.combine(parts.get(p));
        }
        return out;
    }
}
