package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.ScaledCounter.Counts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link ConcurrentRecorder}: exact totals and untorn, prefix-consistent snapshots under load. */
class ConcurrentRecorderTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000_000;

    /**
     * Per writer thread: how many observations, and the highest sequence number seen. An observation
     * {@code (thread << 32) | seq} is applied in two separate steps, so a snapshot that caught one
     * half-way (torn) or skipped one of a thread's earlier observations breaks
     * {@code count == max + 1}.
     */
    static final class ThreadTally implements Accumulator<ThreadTally, long[]> {
        final long[] count = new long[THREADS];
        final long[] max = new long[THREADS];

        ThreadTally() {
            Arrays.fill(max, -1);
        }

        void accept(long observation) {
            int t = (int) (observation >>> 32);
            long seq = observation & 0xffffffffL;
            count[t]++;
            max[t] = Math.max(max[t], seq);
        }

        @Override
        public ThreadTally combine(ThreadTally other) {
            for (int t = 0; t < THREADS; t++) {
                count[t] += other.count[t];
                max[t] = Math.max(max[t], other.max[t]);
            }
            return this;
        }

        @Override
        public long[] result() {
            return count.clone();
        }

        @Override
        public ThreadTally emptyCopy() {
            return new ThreadTally();
        }

        @Override
        public byte[] encode() {
            return Encoding.writer("test-thread-tally", 1).putLongs(count).putLongs(max).toBytes();
        }

        @Override
        public ThreadTally copy() {
            return emptyCopy().combine(this);
        }

        void assertPrefixes(String where) {
            for (int t = 0; t < THREADS; t++) {
                if (count[t] != max[t] + 1) {
                    throw new AssertionError(where + ": thread " + t + " has " + count[t]
                            + " observations but sequence numbers up to " + max[t]);
                }
            }
        }
    }

    @Test
    void manyWritersAndSnapshotsGiveExactTotalsAndConsistentSnapshots() throws Exception {
        ConcurrentRecorder<ThreadTally, long[]> recorder = ConcurrentRecorder.of(new ThreadTally());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (long seq = 0; seq < PER_THREAD; seq++) {
                    recorder.recordLong(ThreadTally::accept, (id << 32) | seq);
                }
            }, "writer-" + t);
            writers.add(w);
            w.start();
        }
        ThreadTally fromIntervals = new ThreadTally();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        long[] snapshotsTaken = new long[1];
        Thread reader = new Thread(() -> {
            try {
                long[] previous = new long[THREADS];
                while (!done.get()) {
                    fromIntervals.combine(recorder.intervalSnapshot());
                    fromIntervals.assertPrefixes("sum of interval snapshots");
                    ThreadTally all = recorder.snapshot();
                    all.assertPrefixes("snapshot");
                    for (int t = 0; t < THREADS; t++) {
                        assertTrue(all.count[t] >= previous[t], "snapshots never go backwards");
                        assertTrue(all.count[t] >= fromIntervals.count[t]);
                    }
                    previous = all.count.clone();
                    snapshotsTaken[0]++;
                }
            } catch (Throwable e) {
                readerFailure.set(e);
            }
        }, "reader");
        reader.start();
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        done.set(true);
        reader.join();
        if (readerFailure.get() != null) {
            throw new AssertionError("reader failed", readerFailure.get());
        }
        fromIntervals.combine(recorder.intervalSnapshot());
        ThreadTally total = recorder.snapshot();
        long[] expected = new long[THREADS];
        Arrays.fill(expected, PER_THREAD);
        assertEquals(Arrays.toString(expected), Arrays.toString(total.result()));
        assertEquals(Arrays.toString(expected), Arrays.toString(fromIntervals.result()));
        total.assertPrefixes("final snapshot");
        assertTrue(snapshotsTaken[0] > 0, "the reader ran concurrently");
        // Dead writers' stripes are drained and dropped.
        assertEquals(0, recorder.stripes());
        assertEquals(Arrays.toString(expected), Arrays.toString(recorder.result()));
    }

    @Test
    void intervalSnapshotsPartitionAndSnapshotsBelongToTheCaller() {
        ConcurrentRecorder<ScaledCounter, Counts> r = ConcurrentRecorder.of(new ScaledCounter(2).accept(100));
        assertEquals(new Counts(0, 0), r.result(), "the prototype's state is ignored");
        r.record(ScaledCounter::accept, 5L);
        r.recordLong(ScaledCounter::accept, 7);
        ScaledCounter first = r.intervalSnapshot();
        assertEquals(new Counts(2, 24), first.result());
        r.recordInt((c, v) -> c.accept(v), 1);
        r.recordDouble((c, v) -> c.accept((long) v), 2.0);
        r.recordAll(c -> c.accept(10).accept(10));
        assertEquals(new Counts(4, 46), r.intervalSnapshot().result());
        assertEquals(new Counts(0, 0), r.intervalSnapshot().result(), "nothing new arrived");
        ScaledCounter all = r.snapshot();
        assertEquals(new Counts(6, 70), all.result());
        all.accept(1000);
        assertEquals(new Counts(6, 70), r.result(), "a snapshot is a copy");
        assertNotSame(r.snapshot(), r.snapshot());
        assertEquals(new Counts(2, 24), first.result());
        assertEquals(1, r.stripes(), "one stripe for this thread");
        assertTrue(r.toString().startsWith("ConcurrentRecorder[ScaledCounter, 1 stripe, "), r.toString());
    }

    @Test
    void aRejectedObservationPropagatesAndCountsNothing() {
        ConcurrentRecorder<ScaledCounter, Counts> r = ConcurrentRecorder.of(new ScaledCounter(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.recordLong((c, v) -> {
            throw new InvalidInputException("value must be >= 0: " + v);
        }, -1));
        assertEquals("value must be >= 0: -1", e.getMessage());
        r.recordLong(ScaledCounter::accept, 3);
        assertEquals(new Counts(1, 3), r.result(), "the writer can go on after an exception");
        assertThrows(NullPointerException.class, () -> ConcurrentRecorder.of(null));
    }
}
