package io.cxkit.benchmarks;

import io.cxkit.core.ConcurrentRecorder;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@code accept(score)} into one NPS: a plain accumulator (one per thread: the
 * unshared ideal), a {@code synchronized} wrapper shared by the threads, and a
 * {@link ConcurrentRecorder} shared by the threads, at 1 and 2 threads. Operations per
 * microsecond, summed over the threads. Each trial's setup first records a fixed sample through the
 * approach from two threads and checks the result equals a single-threaded plain accumulator's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecorderBenchmark {

    /** Creates the benchmark (JMH does). */
    public RecorderBenchmark() {
    }

    private static final int[] SCORES = new int[1 << 16];

    static {
        Random rnd = new Random(17);
        for (int i = 0; i < SCORES.length; i++) {
            SCORES[i] = rnd.nextInt(11);
        }
    }

    /** Each thread's position in the shared score sample. */
    @State(Scope.Thread)
    public static class Cursor {
        private int i;

        /** Creates the cursor (JMH does). */
        public Cursor() {
        }

        int next() {
            i = (i + 1) & (SCORES.length - 1);
            return SCORES[i];
        }
    }

    /** A plain accumulator per thread (no sharing at all). */
    @State(Scope.Thread)
    public static class Plain {
        final NetPromoterScore nps = NetPromoterScore.create();

        /** Creates the state (JMH does). */
        public Plain() {
        }
    }

    /** One accumulator shared by the threads behind a monitor. */
    @State(Scope.Benchmark)
    public static class Locked {
        private final NetPromoterScore nps = NetPromoterScore.create();

        /** Creates the state (JMH does). */
        public Locked() {
        }

        synchronized void accept(int score) {
            nps.accept(score);
        }

        synchronized NpsResult result() {
            return nps.result();
        }

        /**
         * Cross-checks the approach.
         *
         * @throws InterruptedException if interrupted
         */
        @Setup(Level.Trial)
        public void check() throws InterruptedException {
            Locked probe = new Locked();
            requireSame(twoThreads(probe::accept), probe.result());
        }
    }

    /** One recorder shared by the threads. */
    @State(Scope.Benchmark)
    public static class Striped {
        final ConcurrentRecorder<NetPromoterScore, NpsResult> recorder = ConcurrentRecorder.of(NetPromoterScore.create());

        /** Creates the state (JMH does). */
        public Striped() {
        }

        /**
         * Cross-checks the approach.
         *
         * @throws InterruptedException if interrupted
         */
        @Setup(Level.Trial)
        public void check() throws InterruptedException {
            ConcurrentRecorder<NetPromoterScore, NpsResult> probe = ConcurrentRecorder.of(NetPromoterScore.create());
            requireSame(twoThreads(s -> probe.recordInt(NetPromoterScore::accept, s)), probe.result());
        }
    }

    /** Feeds the sample through {@code sink} from two threads; returns the single-threaded reference. */
    static NpsResult twoThreads(java.util.function.IntConsumer sink) throws InterruptedException {
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int first = t;
            threads[t] = new Thread(() -> {
                for (int i = first; i < SCORES.length; i += 2) {
                    sink.accept(SCORES[i]);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        NetPromoterScore reference = NetPromoterScore.create();
        for (int s : SCORES) {
            reference.accept(s);
        }
        return reference.result();
    }

    static void requireSame(NpsResult expected, NpsResult actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("cross-check failed: expected " + expected + " but got " + actual);
        }
    }

    /**
     * Plain accumulator, one thread.
     *
     * @param p the accumulator
     * @param c the input
     * @return the accumulator
     */
    @Benchmark
    @Threads(1)
    public NetPromoterScore plain1Thread(Plain p, Cursor c) {
        p.nps.accept(c.next());
        return p.nps;
    }

    /**
     * Plain accumulator per thread, two threads (nothing shared: the ceiling).
     *
     * @param p this thread's accumulator
     * @param c the input
     * @return the accumulator
     */
    @Benchmark
    @Threads(2)
    public NetPromoterScore plain2ThreadsUnshared(Plain p, Cursor c) {
        p.nps.accept(c.next());
        return p.nps;
    }

    /**
     * Synchronized shared accumulator, one thread.
     *
     * @param l the shared accumulator
     * @param c the input
     * @return the state
     */
    @Benchmark
    @Threads(1)
    public Locked synchronized1Thread(Locked l, Cursor c) {
        l.accept(c.next());
        return l;
    }

    /**
     * Synchronized shared accumulator, two threads.
     *
     * @param l the shared accumulator
     * @param c the input
     * @return the state
     */
    @Benchmark
    @Threads(2)
    public Locked synchronized2Threads(Locked l, Cursor c) {
        l.accept(c.next());
        return l;
    }

    /**
     * Concurrent recorder, one thread.
     *
     * @param s the shared recorder
     * @param c the input
     * @return the state
     */
    @Benchmark
    @Threads(1)
    public Striped recorder1Thread(Striped s, Cursor c) {
        s.recorder.recordInt(NetPromoterScore::accept, c.next());
        return s;
    }

    /**
     * Concurrent recorder, two threads.
     *
     * @param s the shared recorder
     * @param c the input
     * @return the state
     */
    @Benchmark
    @Threads(2)
    public Striped recorder2Threads(Striped s, Cursor c) {
        s.recorder.recordInt(NetPromoterScore::accept, c.next());
        return s;
    }
}
