package io.cxkit.benchmarks;

import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeGrain;
import io.cxkit.io.SurveyReader;
import io.cxkit.survey.ColumnarScores;
import io.cxkit.survey.RatingScale;
import io.cxkit.survey.ResponseColumns;
import io.cxkit.survey.ScoredResponse;
import io.cxkit.survey.ScoreCardResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * "Many survey responses → NPS (with SE), CSAT top-2 share and CES mean/variance per (touchpoint,
 * month)": cxkit's columnar, object and CSV paths against Java streams, Commons Math and DuckDB, on
 * the same seeded data ({@link SurveyData}). Each trial first computes its approach's result once
 * and checks it equals the cxkit columnar reference ({@link Summary#requireSame}); only then is
 * anything timed. Divide the time per operation by {@code size} for time per response.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class SurveyScoresBenchmark {

    /** Number of responses. */
    @Param({"1000000", "10000000"})
    public int size;

    private SurveyData data;
    private ResponseColumns columns;
    private ResponseColumns weightedColumns;
    private List<ScoredResponse> records;
    private Path csv;
    private Connection duck;
    private long[] bandwidth;
    private final ColumnarScores one = ColumnarScores.of(TimeGrain.MONTH, ZoneOffset.UTC);
    private final ColumnarScores two = one.threads(2);
    private final SurveyReader csvReader = SurveyReader.builder().segmentBy("touchpoint")
            .period(TimeGrain.MONTH, ZoneOffset.UTC).unweighted().build();
    private final SurveyReader csvReader2 = SurveyReader.builder().segmentBy("touchpoint")
            .period(TimeGrain.MONTH, ZoneOffset.UTC).unweighted().threads(2).build();

    /** Creates the benchmark state (JMH does). */
    public SurveyScoresBenchmark() {
    }

    /**
     * Generates the data, builds what the benchmark needs, and cross-checks its result.
     *
     * @param params which benchmark is about to run
     * @throws Exception if setup or the cross-check fails
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        String bench = params.getBenchmark();
        String name = bench.substring(bench.lastIndexOf('.') + 1);
        data = new SurveyData(size, SurveyData.SEED);
        columns = data.columns(false);
        Summary reference = Summary.of(one.aggregate(columns));
        if (name.startsWith("memory")) {
            bandwidth = new long[(int) (size * 12L / 8)];
            for (int i = 0; i < bandwidth.length; i++) {
                bandwidth[i] = i * 0x9E3779B97F4A7C15L;
            }
            columns = null;
            return;
        }
        if (name.contains("Weighted")) {
            weightedColumns = data.columns(true);
            Summary w1 = Summary.of(one.aggregate(weightedColumns));
            Summary w2 = Summary.of(two.aggregate(weightedColumns));
            requireSameCounts(reference, w1);
            requireSameCounts(reference, w2);
        }
        if (name.startsWith("object") || name.startsWith("streams") || name.startsWith("commons")) {
            records = data.records();
        }
        if (name.contains("Csv") || name.contains("csv")) {
            csv = csvFile(data);
        }
        if (name.startsWith("duckdb")) {
            duck = name.contains("Csv") ? java.sql.DriverManager.getConnection("jdbc:duckdb:") : Peers.duckdb(data);
        }
        Summary mine = switch (name) {
            case "columnar1Thread", "columnarWeighted1Thread" -> Summary.of(one.aggregate(columns));
            case "columnar2Threads", "columnarWeighted2Threads" -> Summary.of(two.aggregate(columns));
            case "objectPath" -> Summary.of(objectPath());
            case "csvToReport" -> Summary.of(csvToReport());
            case "csvToReport2Threads" -> Summary.of(csvToReport2Threads());
            case "csvFixedLayoutFloor" -> Summary.of(csvFixedLayoutFloor());
            case "streamsGroupingBy" -> streamsGroupingBy();
            case "commonsMathPerGroup" -> commonsMathPerGroup();
            case "duckdbGroupBy1Thread" -> duckdbGroupBy1Thread();
            case "duckdbGroupBy2Threads" -> duckdbGroupBy2Threads();
            case "duckdbCsv1Thread" -> duckdbCsv1Thread();
            case "duckdbCsv2Threads" -> duckdbCsv2Threads();
            default -> throw new IllegalStateException("no cross-check for " + name);
        };
        reference.requireSame(name, mine);
        if (!name.contains("Weighted")) {
            if (!name.startsWith("columnar")) {
                columns = null;
            }
        } else {
            columns = null;
        }
        System.gc();
    }

    private static void requireSameCounts(Summary a, Summary b) {
        if (!a.rows.keySet().equals(b.rows.keySet())) {
            throw new IllegalStateException("weighted segments differ");
        }
        a.rows.forEach((k, v) -> {
            double[] w = b.rows.get(k);
            if (v[Summary.NPS_N] != w[Summary.NPS_N] || v[Summary.CSAT_N] != w[Summary.CSAT_N]
                    || v[Summary.CES_N] != w[Summary.CES_N]) {
                throw new IllegalStateException("weighted counts differ in " + k);
            }
        });
    }

    static Path csvFile(SurveyData d) throws IOException {
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "cxkit-bench");
        Files.createDirectories(dir);
        Path f = dir.resolve("responses-" + d.size + "-" + SurveyData.SEED + ".csv");
        if (!Files.exists(f)) {
            Path tmp = Files.createTempFile(dir, "responses", ".tmp");
            d.writeCsv(tmp);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return f;
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException on a database error
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (duck != null) {
            duck.close();
        }
    }

    /**
     * cxkit columnar, one thread, unweighted.
     *
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnar1Thread() {
        return one.aggregate(columns);
    }

    /**
     * cxkit columnar, two threads, unweighted.
     *
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnar2Threads() {
        return two.aggregate(columns);
    }

    /**
     * cxkit columnar, one thread, weighted.
     *
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnarWeighted1Thread() {
        return one.aggregate(weightedColumns);
    }

    /**
     * cxkit columnar, two threads, weighted.
     *
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnarWeighted2Threads() {
        return two.aggregate(weightedColumns);
    }

    /**
     * cxkit object path: a stream of records collected with {@link ColumnarScores#collector()}.
     *
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> objectPath() {
        return records.stream().collect(one.collector());
    }

    /**
     * cxkit from the CSV file to the report, one thread, through the library's public reader:
     * {@code SurveyReader} segmented by touchpoint and UTC month, weight column ignored (DuckDB's
     * query is unweighted too).
     *
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> csvToReport() {
        return csvReader.read(csv).report().segments();
    }

    /**
     * The same with {@code threads(2)}: the file split at a line feed in the middle, two parts read
     * in parallel and combined (files under 8 MiB, e.g. the smoke run's, are read with one thread).
     *
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> csvToReport2Threads() {
        return csvReader2.read(csv).report().segments();
    }

    /**
     * Context, not a user path: a lower bound from a minimal reader that knows this file's exact
     * layout ({@link SurveyCsv}: no quoting, no validation beyond digits, private to the
     * benchmarks) into {@code ResponseColumns} and the columnar aggregation.
     *
     * @return the scores
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> csvFixedLayoutFloor() throws IOException {
        // Presize from the file length (rows here are ~45 bytes), as a reader would, to avoid regrowth.
        int expected = (int) Math.min(Integer.MAX_VALUE - 8, Files.size(csv) / 32);
        ResponseColumns.Builder b = ResponseColumns.builder(RatingScale.csat5(), RatingScale.ces7(), expected);
        return one.aggregate(SurveyCsv.read(csv, b, false).build());
    }

    /**
     * Peer: idiomatic streams groupingBy with a counting collector.
     *
     * @return the summary
     */
    @Benchmark
    public Summary streamsGroupingBy() {
        return Peers.streams(records);
    }

    /**
     * Peer: Commons Math SummaryStatistics per group.
     *
     * @return the summary
     */
    @Benchmark
    public Summary commonsMathPerGroup() {
        return Peers.commonsMath(records);
    }

    /**
     * Peer: DuckDB GROUP BY over the in-memory table, one thread.
     *
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbGroupBy1Thread() throws SQLException {
        return Peers.duckdbGroupBy(duck, 1);
    }

    /**
     * Peer: DuckDB GROUP BY over the in-memory table, two threads.
     *
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbGroupBy2Threads() throws SQLException {
        return Peers.duckdbGroupBy(duck, 2);
    }

    /**
     * Peer: DuckDB read_csv + GROUP BY, one thread.
     *
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbCsv1Thread() throws SQLException {
        return Peers.duckdbCsv(duck, 1, csv);
    }

    /**
     * Peer: DuckDB read_csv + GROUP BY, two threads.
     *
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbCsv2Threads() throws SQLException {
        return Peers.duckdbCsv(duck, 2, csv);
    }

    /**
     * Context: one thread summing 12 bytes per response sequentially (the bandwidth floor).
     *
     * @return the sum
     */
    @Benchmark
    public long memorySequentialRead() {
        long[] a = bandwidth;
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i];
        }
        return s0 + s1 + s2 + s3;
    }
}
