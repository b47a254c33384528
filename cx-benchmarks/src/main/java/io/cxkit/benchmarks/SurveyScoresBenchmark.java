package io.cxkit.benchmarks;

import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeGrain;
import io.cxkit.io.SurveyReader;
import io.cxkit.survey.ColumnarScores;
import io.cxkit.survey.RatingScale;
import io.cxkit.survey.ResponseColumns;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.ScoredResponse;
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
public class SurveyScoresBenchmark {

    /** Creates the benchmark (JMH does). */
    public SurveyScoresBenchmark() {
    }

    /** The seeded responses and the cxkit columnar reference every approach must equal. */
    @State(Scope.Benchmark)
    public static class Data {
        /** Number of responses. */
        @Param({"1000000", "10000000"})
        public int size;

        SurveyData data;
        Summary reference;

        /** Creates the state (JMH does). */
        public Data() {
        }

        /** Generates the responses and computes the reference. */
        @Setup(Level.Trial)
        public void setUp() {
            data = new SurveyData(size, SurveyData.SEED);
            reference = Summary.of(ONE.aggregate(data.columns(false)));
        }
    }

    /** The responses as unweighted columns; checks the columnar rows at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class Columns {
        ResponseColumns columns;

        /** Creates the state (JMH does). */
        public Columns() {
        }

        /**
         * Builds the columns and cross-checks.
         *
         * @param d the responses
         */
        @Setup(Level.Trial)
        public void setUp(Data d) {
            columns = d.data.columns(false);
            d.reference.requireSame("columnar1Thread", Summary.of(ONE.aggregate(columns)));
            d.reference.requireSame("columnar2Threads", Summary.of(TWO.aggregate(columns)));
            System.gc();
        }
    }

    /** The responses as weighted columns; checks their counts at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class WeightedColumns {
        ResponseColumns columns;

        /** Creates the state (JMH does). */
        public WeightedColumns() {
        }

        /**
         * Builds the columns and cross-checks the counts (the weighted scores have no unweighted twin).
         *
         * @param d the responses
         */
        @Setup(Level.Trial)
        public void setUp(Data d) {
            columns = d.data.columns(true);
            requireSameCounts(d.reference, Summary.of(ONE.aggregate(columns)));
            requireSameCounts(d.reference, Summary.of(TWO.aggregate(columns)));
            System.gc();
        }
    }

    /** The responses as records; checks the object path, streams and Commons Math rows. */
    @State(Scope.Benchmark)
    public static class Records {
        List<ScoredResponse> records;

        /** Creates the state (JMH does). */
        public Records() {
        }

        /**
         * Makes the records and cross-checks.
         *
         * @param d the responses
         */
        @Setup(Level.Trial)
        public void setUp(Data d) {
            records = d.data.records();
            d.reference.requireSame("objectPath", Summary.of(records.stream().collect(ONE.collector())));
            d.reference.requireSame("streamsGroupingBy", Peers.streams(records));
            d.reference.requireSame("commonsMathPerGroup", Peers.commonsMath(records));
            System.gc();
        }
    }

    /** The responses as a CSV file and the library's readers; checks the three cxkit CSV rows. */
    @State(Scope.Benchmark)
    public static class CsvFile {
        Path csv;
        final SurveyReader reader = SurveyReader.builder().segmentBy("touchpoint")
                .period(TimeGrain.MONTH, ZoneOffset.UTC).unweighted().build();
        final SurveyReader reader2 = SurveyReader.builder().segmentBy("touchpoint")
                .period(TimeGrain.MONTH, ZoneOffset.UTC).unweighted().threads(2).build();

        /** Creates the state (JMH does). */
        public CsvFile() {
        }

        /**
         * Writes the file (once per size, reused) and cross-checks.
         *
         * @param d the responses
         * @throws IOException if the file cannot be written or read
         */
        @Setup(Level.Trial)
        public void setUp(Data d) throws IOException {
            csv = csvFile(d.data);
            d.reference.requireSame("csvToReport", Summary.of(reader.read(csv).report().segments()));
            d.reference.requireSame("csvToReport2Threads", Summary.of(reader2.read(csv).report().segments()));
            d.reference.requireSame("csvFixedLayoutFloor", Summary.of(fixedLayout(csv)));
            System.gc();
        }
    }

    /** DuckDB with the responses loaded into a table; checks the GROUP BY at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class DuckTable {
        Connection duck;

        /** Creates the state (JMH does). */
        public DuckTable() {
        }

        /**
         * Loads the table and cross-checks.
         *
         * @param d the responses
         * @throws SQLException on a database error
         */
        @Setup(Level.Trial)
        public void setUp(Data d) throws SQLException {
            duck = Peers.duckdb(d.data);
            d.reference.requireSame("duckdbGroupBy1Thread", Peers.duckdbGroupBy(duck, 1));
            d.reference.requireSame("duckdbGroupBy2Threads", Peers.duckdbGroupBy(duck, 2));
            System.gc();
        }

        /**
         * Closes DuckDB.
         *
         * @throws SQLException on a database error
         */
        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            duck.close();
        }
    }

    /** DuckDB reading the CSV file; checks read_csv + GROUP BY at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class DuckCsv {
        Connection duck;
        Path csv;

        /** Creates the state (JMH does). */
        public DuckCsv() {
        }

        /**
         * Opens DuckDB and cross-checks.
         *
         * @param d the responses
         * @throws SQLException on a database error
         * @throws IOException if the file cannot be written
         */
        @Setup(Level.Trial)
        public void setUp(Data d) throws SQLException, IOException {
            csv = csvFile(d.data);
            duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
            d.reference.requireSame("duckdbCsv1Thread", Peers.duckdbCsv(duck, 1, csv));
            d.reference.requireSame("duckdbCsv2Threads", Peers.duckdbCsv(duck, 2, csv));
            System.gc();
        }

        /**
         * Closes DuckDB.
         *
         * @throws SQLException on a database error
         */
        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            duck.close();
        }
    }

    /** 12 bytes per response of {@code long}s, for the memory-bandwidth floor. */
    @State(Scope.Benchmark)
    public static class Bandwidth {
        /** Number of responses. */
        @Param({"1000000", "10000000"})
        public int size;

        long[] words;

        /** Creates the state (JMH does). */
        public Bandwidth() {
        }

        /** Fills the array. */
        @Setup(Level.Trial)
        public void setUp() {
            words = new long[(int) (size * 12L / 8)];
            for (int i = 0; i < words.length; i++) {
                words[i] = i * 0x9E3779B97F4A7C15L;
            }
        }
    }

    private static final ColumnarScores ONE = ColumnarScores.of(TimeGrain.MONTH, ZoneOffset.UTC);
    private static final ColumnarScores TWO = ONE.threads(2);

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

    private static SegmentedResult<ScoreCardResult> fixedLayout(Path csv) throws IOException {
        // Presize from the file length (rows here are ~45 bytes), as a reader would, to avoid regrowth.
        int expected = (int) Math.min(Integer.MAX_VALUE - 8, Files.size(csv) / 32);
        ResponseColumns.Builder b = ResponseColumns.builder(RatingScale.csat5(), RatingScale.ces7(), expected);
        return ONE.aggregate(SurveyCsv.read(csv, b, false).build());
    }

    /**
     * cxkit columnar, one thread, unweighted.
     *
     * @param c the unweighted columns
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnar1Thread(Columns c) {
        return ONE.aggregate(c.columns);
    }

    /**
     * cxkit columnar, two threads, unweighted.
     *
     * @param c the unweighted columns
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnar2Threads(Columns c) {
        return TWO.aggregate(c.columns);
    }

    /**
     * cxkit columnar, one thread, weighted.
     *
     * @param c the weighted columns
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnarWeighted1Thread(WeightedColumns c) {
        return ONE.aggregate(c.columns);
    }

    /**
     * cxkit columnar, two threads, weighted.
     *
     * @param c the weighted columns
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> columnarWeighted2Threads(WeightedColumns c) {
        return TWO.aggregate(c.columns);
    }

    /**
     * cxkit object path: a stream of records collected with {@link ColumnarScores#collector()}.
     *
     * @param r the records
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> objectPath(Records r) {
        return r.records.stream().collect(ONE.collector());
    }

    /**
     * cxkit from the CSV file to the report, one thread, through the library's public reader:
     * {@code SurveyReader} segmented by touchpoint and UTC month, weight column ignored (DuckDB's
     * query is unweighted too).
     *
     * @param f the CSV file and readers
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> csvToReport(CsvFile f) {
        return f.reader.read(f.csv).report().segments();
    }

    /**
     * The same with {@code threads(2)}: the file split at a line feed in the middle, two parts read
     * in parallel and combined (files under 8 MiB, e.g. the smoke run's, are read with one thread).
     *
     * @param f the CSV file and readers
     * @return the scores
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> csvToReport2Threads(CsvFile f) {
        return f.reader2.read(f.csv).report().segments();
    }

    /**
     * Context, not a user path: a lower bound from a minimal reader that knows this file's exact
     * layout ({@link SurveyCsv}: no quoting, no validation beyond digits, private to the
     * benchmarks) into {@code ResponseColumns} and the columnar aggregation.
     *
     * @param f the CSV file and readers
     * @return the scores
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public SegmentedResult<ScoreCardResult> csvFixedLayoutFloor(CsvFile f) throws IOException {
        return fixedLayout(f.csv);
    }

    /**
     * Peer: idiomatic streams groupingBy with a counting collector.
     *
     * @param r the records
     * @return the summary
     */
    @Benchmark
    public Summary streamsGroupingBy(Records r) {
        return Peers.streams(r.records);
    }

    /**
     * Peer: Commons Math SummaryStatistics per group.
     *
     * @param r the records
     * @return the summary
     */
    @Benchmark
    public Summary commonsMathPerGroup(Records r) {
        return Peers.commonsMath(r.records);
    }

    /**
     * Peer: DuckDB GROUP BY over the in-memory table, one thread.
     *
     * @param t DuckDB with the table
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbGroupBy1Thread(DuckTable t) throws SQLException {
        return Peers.duckdbGroupBy(t.duck, 1);
    }

    /**
     * Peer: DuckDB GROUP BY over the in-memory table, two threads.
     *
     * @param t DuckDB with the table
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbGroupBy2Threads(DuckTable t) throws SQLException {
        return Peers.duckdbGroupBy(t.duck, 2);
    }

    /**
     * Peer: DuckDB read_csv + GROUP BY, one thread.
     *
     * @param c DuckDB and the CSV file
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbCsv1Thread(DuckCsv c) throws SQLException {
        return Peers.duckdbCsv(c.duck, 1, c.csv);
    }

    /**
     * Peer: DuckDB read_csv + GROUP BY, two threads.
     *
     * @param c DuckDB and the CSV file
     * @return the summary
     * @throws SQLException on a database error
     */
    @Benchmark
    public Summary duckdbCsv2Threads(DuckCsv c) throws SQLException {
        return Peers.duckdbCsv(c.duck, 2, c.csv);
    }

    /**
     * Context: one thread summing 12 bytes per response sequentially (the bandwidth floor).
     *
     * @param b the array
     * @return the sum
     */
    @Benchmark
    public long memorySequentialRead(Bandwidth b) {
        long[] a = b.words;
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
