package io.cxkit.journey;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * {@link EventLog#scan}: a fresh accumulator per unit of customers, fed on worker threads, combined
 * on the calling thread strictly in unit order, with at most {@code threads + 1} units in flight. A
 * log held in memory hands each unit a customer range of itself; a spilled log is merged on the
 * calling thread into one in-memory segment per unit, so the heap holds a few units, not the log.
 */
final class ParallelScan<A> {
    private final EventLog log;
    private final JourneyBuilder rules;
    private final int threads;
    private final Supplier<? extends A> create;
    private final BiConsumer<? super A, ? super LogJourney> accept;
    private final BinaryOperator<A> combine;
    private final int unit;
    private final int units;

    ParallelScan(EventLog log, JourneyBuilder rules, int threads, Supplier<? extends A> create,
            BiConsumer<? super A, ? super LogJourney> accept, BinaryOperator<A> combine) {
        this.log = log;
        this.rules = rules;
        this.threads = threads;
        this.create = create;
        this.accept = accept;
        this.combine = combine;
        this.unit = log.unitCustomers();
        int nc = log.customerCount();
        this.units = nc == 0 ? 0 : (int) ((nc + (long) unit - 1) / unit);
    }

    A run() {
        if (units == 0) {
            return create.get();
        }
        EventLog.Segment all = log.inMemory();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(Math.min(threads, units), r -> {
            Thread t = new Thread(r, "cxkit-scan");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<A>> inFlight = new ArrayDeque<>();
        EventColumns one = new EventColumns();
        A result = null;
        try (SpillRuns.Cursor cursor = all == null ? log.openCursor() : null) {
            for (int u = 0; u < units; u++) {
                int from = u * unit;
                int to = Math.min(log.customerCount(), from + unit);
                EventLog.Segment segment = all != null ? all : read(cursor, one, from, to);
                int a = all != null ? from : 0;
                int b = all != null ? to : to - from;
                if (pool == null) {
                    result = fold(result, u, feed(segment, a, b));
                    continue;
                }
                inFlight.add(pool.submit(() -> feed(segment, a, b)));
                if (inFlight.size() > threads) {
                    result = fold(result, u - threads, await(inFlight.poll()));
                }
            }
            for (int u = units - inFlight.size(); !inFlight.isEmpty(); u++) {
                result = fold(result, u, await(inFlight.poll()));
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return result;
    }

    private A fold(A result, int u, A acc) {
        return u == 0 ? acc : combine.apply(result, acc);
    }

    private A feed(EventLog.Segment segment, int from, int to) {
        A acc = create.get();
        JourneyCutter cutter = new JourneyCutter(log, rules, j -> accept.accept(acc, j));
        segment.cut(cutter, from, to);
        return acc;
    }

    /** Merges customers {@code [from, to)} of a spilled log into one in-memory segment. */
    private static EventLog.Segment read(SpillRuns.Cursor cursor, EventColumns one, int from, int to) {
        int count = to - from;
        EventColumns cols = new EventColumns();
        int[] start = new int[count + 1];
        int[] ids = new int[count];
        for (int k = 0; k < count; k++) {
            if (!cursor.next(one)) {
                throw new IllegalStateException("spilled event log ended after " + (from + k) + " customers");
            }
            ids[k] = cursor.customer;
            for (int e = 0; e < one.size(); e++) {
                cols.addFrom(one, e);
            }
            start[k + 1] = cols.size();
        }
        return new EventLog.Segment(cols, start, ids);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("event log scan was interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("event log scan failed: " + c, c);
        }
    }
}
