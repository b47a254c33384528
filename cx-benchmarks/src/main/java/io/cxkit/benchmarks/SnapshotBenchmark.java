package io.cxkit.benchmarks;

import io.cxkit.core.ConcurrentRecorder;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
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
 * What a reader pays for a consistent view of a {@link ConcurrentRecorder} of per-segment NPS, by
 * number of segments: {@code snapshot()} (drain the stripes into the totals, copy the totals) and
 * {@code intervalSnapshot()} (drain, hand over the interval). Before each call one observation per
 * segment is recorded (not timed), so every call drains a full stripe. Setup cross-checks the
 * snapshot against a segmented accumulator fed directly.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SnapshotBenchmark {

    /** Number of segments. */
    @Param({"10", "1000", "100000"})
    public int segments;

    private ConcurrentRecorder<SegmentedAccumulator<NetPromoterScore, NpsResult>, SegmentedResult<NpsResult>> recorder;

    /** Creates the benchmark state (JMH does). */
    public SnapshotBenchmark() {
    }

    /** Builds the recorder with every segment present, and cross-checks a snapshot. */
    @Setup(Level.Trial)
    public void setUp() {
        SegmentedAccumulator<NetPromoterScore, NpsResult> proto = SegmentedAccumulator.of(NetPromoterScore.create());
        recorder = ConcurrentRecorder.of(proto);
        SegmentedAccumulator<NetPromoterScore, NpsResult> direct = SegmentedAccumulator.of(NetPromoterScore.create());
        for (int i = 0; i < segments; i++) {
            direct.segment(SegmentKey.of("tp" + (i % 50), "seg" + i)).accept(i % 11);
        }
        recordOnePerSegment();
        if (!recorder.snapshot().result().equals(direct.result())) {
            throw new IllegalStateException("cross-check failed: snapshot differs from direct feeding");
        }
    }

    /** Records one observation into every segment of this thread's stripe (not timed). */
    @Setup(Level.Invocation)
    public void recordOnePerSegment() {
        recorder.recordAll(acc -> {
            for (int i = 0; i < segments; i++) {
                acc.segment(acc.idOf(SegmentKey.of("tp" + (i % 50), "seg" + i))).accept(i % 11);
            }
        });
    }

    /**
     * Everything so far.
     *
     * @return the snapshot
     */
    @Benchmark
    public SegmentedAccumulator<NetPromoterScore, NpsResult> snapshot() {
        return recorder.snapshot();
    }

    /**
     * What arrived since the last interval snapshot.
     *
     * @return the interval
     */
    @Benchmark
    public SegmentedAccumulator<NetPromoterScore, NpsResult> intervalSnapshot() {
        return recorder.intervalSnapshot();
    }
}
