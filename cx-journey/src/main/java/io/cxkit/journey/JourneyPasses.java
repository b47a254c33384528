package io.cxkit.journey;

import io.cxkit.core.Accumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One pass of a mergeable accumulator over every journey of an {@link EventLog}, split by customer
 * across threads: the log's customers (in string order) are cut into {@code threads} contiguous
 * ranges, each range's journeys go into its own {@link Accumulator#emptyCopy() empty copy} on its
 * own thread, and the copies are combined into the given accumulator in range order. A customer's
 * journeys never straddle two ranges, so the result is the single-pass result: exactly for counts,
 * to the rounding of compensated sums for sums.
 *
 * <pre>{@code
 * AttributionAccumulator acc = JourneyPasses.inParallel(log, JourneyBuilder.perCustomer(), 2,
 *         AttributionAccumulator.create(), (a, j) -> a.accept(j, Set.of("purchase")));
 * }</pre>
 */
public final class JourneyPasses {
    /** The most threads one pass starts. */
    public static final int MAX_THREADS = 256;

    private JourneyPasses() {
    }

    /**
     * Adds every journey of {@code log} to {@code into}, {@code threads} customer ranges at a time.
     *
     * @param log the event log
     * @param rules how events are cut into journeys
     * @param threads the number of threads, in [1, {@value #MAX_THREADS}]; 1 runs on the caller's thread
     * @param into the accumulator that receives every journey (it may already hold some)
     * @param accept how one journey is added to one accumulator; it must not keep the reused view
     * @param <A> the accumulator type
     * @return {@code into}
     * @throws IllegalArgumentException if an argument is missing or {@code threads} is out of range
     * @throws RuntimeException the first (in range order) exception an {@code accept} threw; then
     *     {@code into} is unchanged
     */
    public static <A extends Accumulator<A, ?>> A inParallel(EventLog log, JourneyBuilder rules, int threads, A into,
            BiConsumer<? super A, ? super LogJourney> accept) {
        if (log == null || rules == null || into == null || accept == null) {
            throw new IllegalArgumentException("log, rules, into and accept must not be missing");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "]: " + threads);
        }
        int customers = log.customerCount();
        int parts = Math.max(1, Math.min(threads, customers));
        List<A> partial = new ArrayList<>(parts);
        RuntimeException[] failure = new RuntimeException[parts];
        Error[] error = new Error[parts];
        List<Thread> running = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            A acc = into.emptyCopy();
            partial.add(acc);
            int from = (int) ((long) customers * p / parts);
            int to = (int) ((long) customers * (p + 1) / parts);
            int part = p;
            Runnable work = () -> {
                try {
                    log.forEachJourney(rules, from, to, j -> accept.accept(acc, j));
                } catch (RuntimeException e) {
                    failure[part] = e;
                } catch (Error e) {
                    error[part] = e;
                }
            };
            if (parts == 1) {
                work.run();
            } else {
                Thread t = new Thread(work, "cxkit-journeys-" + p);
                t.start();
                running.add(t);
            }
        }
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the journey pass threads", e);
            }
        }
        for (int p = 0; p < parts; p++) {
            if (error[p] != null) {
                throw error[p];
            }
            if (failure[p] != null) {
                throw failure[p];
            }
        }
        for (A acc : partial) {
            into.combine(acc);
        }
        return into;
    }
}
