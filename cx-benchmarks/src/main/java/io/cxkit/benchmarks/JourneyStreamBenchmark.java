package io.cxkit.benchmarks;

import io.cxkit.core.Channel;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.IncrementalJourneyBuilder;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.funnel.FunnelResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "An event log → journeys → a three-step funnel": the batch {@link JourneyBuilder} (whole list,
 * group, sort, cut) against the {@link IncrementalJourneyBuilder} fed one event at a time in
 * arrival order, with no lateness (events in time order) and with one minute of allowed lateness
 * (events arrive up to a minute out of order). Same seeded events for all; setup checks that each
 * approach gives the batch funnel. Divide by {@code size} for time per event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class JourneyStreamBenchmark {

    /** Number of events. */
    @Param({"1000000"})
    public int size;

    static final Set<String> TOUCHPOINTS = Set.of("home", "product_page", "cart", "checkout", "support");
    private static final List<String> ORDERED = List.of("home", "product_page", "cart", "checkout", "support");
    private static final JourneyBuilder RULES = JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30))
            .splitOnOutcome(Set.of("purchased"));
    private static final Funnel FUNNEL = Funnel.builder().steps("product_page", "cart", "checkout")
            .window(Duration.ofHours(1)).build();

    private List<JourneyEvent> inOrder;
    private List<JourneyEvent> shuffled;

    /** Creates the benchmark state (JMH does). */
    public JourneyStreamBenchmark() {
    }

    /** Generates the events and cross-checks both incremental paths against the batch funnel. */
    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(20261201L);
        int customers = Math.max(10, size / 20);
        int[] progress = new int[customers];
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        inOrder = new ArrayList<>(size);
        long millis = 0;
        for (int i = 0; i < size; i++) {
            millis += rnd.nextInt(400);
            int c = rnd.nextInt(customers);
            String tp = rnd.nextInt(10) < 7 ? ORDERED.get(progress[c]++) : ORDERED.get(rnd.nextInt(ORDERED.size()));
            JourneyEvent e = JourneyEvent.of("c" + c, t0.plusMillis(millis), tp, Channel.WEB);
            if (tp.equals("checkout") || progress[c] > 3) {
                progress[c] = 0;
                e = rnd.nextBoolean() ? e.withOutcome("purchased") : e;
            }
            inOrder.add(e);
        }
        // Up to a minute out of order: sort by time plus a random delay in [0, 60 s].
        long[] keys = new long[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            keys[i] = inOrder.get(i).time().toEpochMilli() + rnd.nextInt(60_001);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
        shuffled = new ArrayList<>(size);
        for (Integer i : order) {
            shuffled.add(inOrder.get(i));
        }
        FunnelResult reference = batch();
        FunnelResult batchShuffled = funnelOf(RULES.build(shuffled));
        require(reference, incrementalInOrder(), "incrementalInOrder");
        require(batchShuffled, incrementalWithLateness(), "incrementalWithLateness");
    }

    private static FunnelResult funnelOf(List<CustomerJourney> journeys) {
        FunnelAccumulator acc = FUNNEL.accumulator();
        journeys.forEach(acc::accept);
        return acc.result();
    }

    private static void require(FunnelResult expected, FunnelResult actual, String what) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("cross-check failed for " + what + ": expected " + expected + " but got "
                    + actual);
        }
    }

    private static FunnelResult stream(List<JourneyEvent> events, Duration lateness) {
        FunnelAccumulator acc = FUNNEL.accumulator();
        IncrementalJourneyBuilder live = IncrementalJourneyBuilder.builder(RULES).knownTouchpoints(TOUCHPOINTS)
                .allowedLateness(lateness).to(acc).build();
        for (JourneyEvent e : events) {
            if (!live.accept(e)) {
                throw new IllegalStateException("event refused as late: " + e);
            }
        }
        live.flush();
        return acc.result();
    }

    /**
     * Batch: build every journey from the whole list, then the funnel.
     *
     * @return the funnel
     */
    @Benchmark
    public FunnelResult batch() {
        return funnelOf(RULES.build(inOrder));
    }

    /**
     * Incremental, events in time order, no lateness.
     *
     * @return the funnel
     */
    @Benchmark
    public FunnelResult incrementalInOrder() {
        return stream(inOrder, Duration.ZERO);
    }

    /**
     * Incremental, events up to a minute out of order, one minute of allowed lateness.
     *
     * @return the funnel
     */
    @Benchmark
    public FunnelResult incrementalWithLateness() {
        return stream(shuffled, Duration.ofMinutes(1));
    }
}
