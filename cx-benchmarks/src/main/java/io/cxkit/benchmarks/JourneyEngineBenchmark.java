package io.cxkit.benchmarks;

import io.cxkit.core.SegmentedResult;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.paths.TopPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 * "An interaction log → a 4-step ordered funnel by channel, the top-20 path variants, order-1
 * Markov attribution" ({@link JourneyWork}) on the same seeded events ({@link JourneyData}):
 * cxkit's event log at 1 and 2 threads, cxkit's object path (the engine before the event log),
 * DuckDB over a loaded table at 1 and 2 threads, and file → funnel through cxkit's reader against
 * DuckDB {@code read_csv}. Each fixture is its own
 * {@code @State}; its setup runs its approach once and checks the answer against cxkit's
 * ({@link Reference}) before anything is timed, so a disagreement fails the trial. Divide the time
 * per operation by {@code size} for time per event.
 *
 * <p>Over 500 lines on purpose: the fixtures are nested {@code @State} classes beside the one-line
 * benchmarks that take them, as JMH's samples keep them; the work itself is in {@link JourneyWork}
 * and {@link JourneySql}.
 *
 * <p><b>Size.</b> About 580 lines: one {@code @State} class per fixture (object path, log,
 * DuckDB table, CSV file, DuckDB over the CSV) and one short method per benchmark; keeping them in
 * one class keeps the benchmark names of BENCHMARKS.md in one place.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class JourneyEngineBenchmark {

    /** Creates the benchmark (JMH does). */
    public JourneyEngineBenchmark() {
    }

    /** The seeded events. */
    @State(Scope.Benchmark)
    public static class Data {
        /** Number of events. */
        @Param({"10000000"})
        public int size;

        /** Number of customers (at most {@code size / 10}, so small smoke sizes keep 10 events each). */
        @Param({"1000000"})
        public int customers;

        JourneyData data;

        /** Creates the state (JMH does). */
        public Data() {
        }

        /** Generates the events. */
        @Setup(Level.Trial)
        public void setUp() {
            data = new JourneyData(size, Math.max(1, Math.min(customers, size / 10)), JourneyData.SEED);
        }
    }

    /** cxkit's answers (on the event log), which every approach must give. */
    @State(Scope.Benchmark)
    public static class Reference {
        JourneyAnswers.FunnelCounts funnel;
        JourneyAnswers.TopVariants paths;
        JourneyAnswers.MarkovCredits markov;

        /** Creates the state (JMH does). */
        public Reference() {
        }

        /**
         * Computes the answers on the event log, one thread (the object path and DuckDB are held
         * to them).
         *
         * @param d the events
         */
        @Setup(Level.Trial)
        public void setUp(Data d) {
            try (EventLog log = d.data.log()) {
                funnel = JourneyAnswers.FunnelCounts.of(JourneyWork.funnel(log, 1));
                paths = JourneyAnswers.TopVariants.of(JourneyWork.paths(log, 1));
                markov = JourneyAnswers.MarkovCredits.of(JourneyWork.markov(log, 1));
            }
        }
    }

    /** The events in an event log, built once; checks the log rows at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class Log {
        EventLog log;

        /** Creates the state (JMH does). */
        public Log() {
        }

        /**
         * Builds the log and checks the three answers at 1 and 2 threads.
         *
         * @param d the events
         * @param ref the answers
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) {
            log = d.data.log();
            for (int threads = 1; threads <= 2; threads++) {
                ref.funnel.requireSame("funnelLog, " + threads + " threads",
                        JourneyAnswers.FunnelCounts.of(JourneyWork.funnel(log, threads)));
                ref.paths.requireSame("pathsLog, " + threads + " threads",
                        JourneyAnswers.TopVariants.of(JourneyWork.paths(log, threads)));
                ref.markov.requireSame("markovLog, " + threads + " threads",
                        JourneyAnswers.MarkovCredits.of(JourneyWork.markov(log, threads)));
            }
            System.gc();
        }
    }

    /** The event file for cxkit's reader; checks file → funnel at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class CsvFile {
        Path csv;

        /** Creates the state (JMH does). */
        public CsvFile() {
        }

        /**
         * Writes the file (once per size, reused) and checks.
         *
         * @param d the events
         * @param ref the answers
         * @throws IOException if the file cannot be written
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) throws IOException {
            csv = d.data.csvFile();
            ref.funnel.requireSame("csvToFunnel", JourneyAnswers.FunnelCounts.of(JourneyWork.csvToFunnel(csv, 1)));
            ref.funnel.requireSame("csvToFunnel2Threads",
                    JourneyAnswers.FunnelCounts.of(JourneyWork.csvToFunnel(csv, 2)));
            System.gc();
        }
    }

    /** The events as objects, for building journeys. */
    @State(Scope.Benchmark)
    public static class Events {
        List<JourneyEvent> events;

        /** Creates the state (JMH does). */
        public Events() {
        }

        /**
         * Makes the event objects and checks that they build the reference's journeys.
         *
         * @param d the events
         * @param ref the answers
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) {
            events = d.data.events();
            ref.funnel.requireSame("buildJourneys", JourneyAnswers.FunnelCounts.of(
                    JourneyWork.funnel(JourneyWork.RULES.build(events))));
        }
    }

    /** The journeys as objects (the object path's input), built once. */
    @State(Scope.Benchmark)
    public static class Journeys {
        List<CustomerJourney> journeys;

        /** Creates the state (JMH does). */
        public Journeys() {
        }

        /**
         * Builds the journeys and checks the object path's three answers against the log's.
         *
         * @param d the events
         * @param ref the answers
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) {
            journeys = JourneyWork.RULES.build(d.data.events());
            ref.funnel.requireSame("funnelObjects", JourneyAnswers.FunnelCounts.of(JourneyWork.funnel(journeys)));
            ref.paths.requireSame("pathsObjects", JourneyAnswers.TopVariants.of(JourneyWork.paths(journeys)));
            ref.markov.requireSame("markovObjects", JourneyAnswers.MarkovCredits.of(JourneyWork.markov(journeys)));
        }
    }

    /** DuckDB with the events loaded into a table; each query's state loads it in its one setup. */
    public abstract static class DuckTable {
        Connection duck;

        /** Creates the state (JMH does). */
        protected DuckTable() {
        }

        /**
         * Closes DuckDB.
         *
         * @throws SQLException on a database error
         */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            duck.close();
        }
    }

    /** DuckDB's funnel query over the table, checked at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class DuckFunnel extends DuckTable {
        final String sql = JourneySql.funnelSql(JourneySql.TABLE, JourneyWork.STEPS, JourneyWork.WINDOW_DAYS);

        /** Creates the state (JMH does). */
        public DuckFunnel() {
        }

        /**
         * Loads the table and checks the query.
         *
         * @param d the events
         * @param ref the answers
         * @throws SQLException on a database error
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) throws SQLException {
            duck = JourneySql.load(d.data);
            ref.funnel.requireSame("funnelDuckdb1Thread", JourneySql.funnel(duck, 1, sql));
            ref.funnel.requireSame("funnelDuckdb2Threads", JourneySql.funnel(duck, 2, sql));
        }
    }

    /** DuckDB's path variants query over the table, checked at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class DuckPaths extends DuckTable {
        final String sql = JourneySql.pathsSql(JourneySql.TABLE, JourneyWork.TOP);

        /** Creates the state (JMH does). */
        public DuckPaths() {
        }

        /**
         * Loads the table and checks the query.
         *
         * @param d the events
         * @param ref the answers
         * @throws SQLException on a database error
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) throws SQLException {
            duck = JourneySql.load(d.data);
            ref.paths.requireSame("pathsDuckdb1Thread", JourneySql.paths(duck, 1, sql));
            ref.paths.requireSame("pathsDuckdb2Threads", JourneySql.paths(duck, 2, sql));
        }
    }

    /** DuckDB's transition counts query over the table (+ the Markov solve), checked at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class DuckMarkov extends DuckTable {
        final String sql = JourneySql.transitionsSql(JourneySql.TABLE);

        /** Creates the state (JMH does). */
        public DuckMarkov() {
        }

        /**
         * Loads the table and checks the query.
         *
         * @param d the events
         * @param ref the answers
         * @throws SQLException on a database error
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) throws SQLException {
            duck = JourneySql.load(d.data);
            ref.markov.requireSame("markovDuckdb1Thread", JourneySql.markov(duck, 1, sql));
            ref.markov.requireSame("markovDuckdb2Threads", JourneySql.markov(duck, 2, sql));
        }
    }

    /** DuckDB reading the event file with {@code read_csv}, funnel query checked at 1 and 2 threads. */
    @State(Scope.Benchmark)
    public static class DuckCsv {
        Connection duck;
        String sql;

        /** Creates the state (JMH does). */
        public DuckCsv() {
        }

        /**
         * Writes the file (once per size, reused) and checks the query.
         *
         * @param d the events
         * @param ref the answers
         * @throws SQLException on a database error
         * @throws IOException if the file cannot be written
         */
        @Setup(Level.Trial)
        public void setUp(Data d, Reference ref) throws SQLException, IOException {
            Path csv = d.data.csvFile();
            duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
            sql = JourneySql.funnelSql(JourneySql.csvSource(csv), JourneyWork.STEPS, JourneyWork.WINDOW_DAYS);
            ref.funnel.requireSame("csvDuckdb1Thread", JourneySql.funnel(duck, 1, sql));
            ref.funnel.requireSame("csvDuckdb2Threads", JourneySql.funnel(duck, 2, sql));
        }

        /**
         * Closes DuckDB.
         *
         * @throws SQLException on a database error
         */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            duck.close();
        }
    }

    /**
     * Object path: build the journeys from the event objects (what every analysis needed first).
     *
     * @param e the events
     * @return the journeys
     */
    @Benchmark
    public List<CustomerJourney> buildJourneys(Events e) {
        return JourneyWork.RULES.build(e.events);
    }

    /**
     * Event log: append the events and sort them into the log.
     *
     * @param d the events
     * @return the log
     */
    @Benchmark
    public EventLog buildEventLog(Data d) {
        return d.data.log();
    }

    /**
     * Object path: the funnel by channel over the built journeys.
     *
     * @param j the journeys
     * @return the funnel per channel
     */
    @Benchmark
    public SegmentedResult<FunnelResult> funnelObjects(Journeys j) {
        return JourneyWork.funnel(j.journeys);
    }

    /**
     * Object path: the top path variants over the built journeys.
     *
     * @param j the journeys
     * @return the variants
     */
    @Benchmark
    public TopPaths pathsObjects(Journeys j) {
        return JourneyWork.paths(j.journeys);
    }

    /**
     * Object path: order-1 Markov attribution over the built journeys.
     *
     * @param j the journeys
     * @return the attribution
     */
    @Benchmark
    public AttributionModelResult markovObjects(Journeys j) {
        return JourneyWork.markov(j.journeys);
    }

    /**
     * Event log: the funnel by channel, one thread.
     *
     * @param l the log
     * @return the funnel per channel
     */
    @Benchmark
    public SegmentedResult<FunnelResult> funnelLog1Thread(Log l) {
        return JourneyWork.funnel(l.log, 1);
    }

    /**
     * Event log: the funnel by channel, customers split across two threads.
     *
     * @param l the log
     * @return the funnel per channel
     */
    @Benchmark
    public SegmentedResult<FunnelResult> funnelLog2Threads(Log l) {
        return JourneyWork.funnel(l.log, 2);
    }

    /**
     * Event log: the top path variants, one thread.
     *
     * @param l the log
     * @return the variants
     */
    @Benchmark
    public TopPaths pathsLog1Thread(Log l) {
        return JourneyWork.paths(l.log, 1);
    }

    /**
     * Event log: the top path variants, two threads.
     *
     * @param l the log
     * @return the variants
     */
    @Benchmark
    public TopPaths pathsLog2Threads(Log l) {
        return JourneyWork.paths(l.log, 2);
    }

    /**
     * Event log: order-1 Markov attribution, one thread.
     *
     * @param l the log
     * @return the attribution
     */
    @Benchmark
    public AttributionModelResult markovLog1Thread(Log l) {
        return JourneyWork.markov(l.log, 1);
    }

    /**
     * Event log: order-1 Markov attribution, two threads.
     *
     * @param l the log
     * @return the attribution
     */
    @Benchmark
    public AttributionModelResult markovLog2Threads(Log l) {
        return JourneyWork.markov(l.log, 2);
    }

    /**
     * File → funnel through the library: reader into the log, sort, funnel on one thread.
     *
     * @param f the file
     * @return the funnel per channel
     */
    @Benchmark
    public SegmentedResult<FunnelResult> csvToFunnel(CsvFile f) {
        return JourneyWork.csvToFunnel(f.csv, 1);
    }

    /**
     * File → funnel through the library, the funnel on two threads (the read is one thread).
     *
     * @param f the file
     * @return the funnel per channel
     */
    @Benchmark
    public SegmentedResult<FunnelResult> csvToFunnel2Threads(CsvFile f) {
        return JourneyWork.csvToFunnel(f.csv, 2);
    }

    /**
     * DuckDB: the funnel query over the table, one thread.
     *
     * @param q the table and query
     * @return the counts
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.FunnelCounts funnelDuckdb1Thread(DuckFunnel q) throws SQLException {
        return JourneySql.funnel(q.duck, 1, q.sql);
    }

    /**
     * DuckDB: the funnel query over the table, two threads.
     *
     * @param q the table and query
     * @return the counts
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.FunnelCounts funnelDuckdb2Threads(DuckFunnel q) throws SQLException {
        return JourneySql.funnel(q.duck, 2, q.sql);
    }

    /**
     * DuckDB: the path variants query, one thread.
     *
     * @param q the table and query
     * @return the variants
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.TopVariants pathsDuckdb1Thread(DuckPaths q) throws SQLException {
        return JourneySql.paths(q.duck, 1, q.sql);
    }

    /**
     * DuckDB: the path variants query, two threads.
     *
     * @param q the table and query
     * @return the variants
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.TopVariants pathsDuckdb2Threads(DuckPaths q) throws SQLException {
        return JourneySql.paths(q.duck, 2, q.sql);
    }

    /**
     * DuckDB: the transition counts query plus the Markov solve in Java, one thread.
     *
     * @param q the table and query
     * @return the credits
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.MarkovCredits markovDuckdb1Thread(DuckMarkov q) throws SQLException {
        return JourneySql.markov(q.duck, 1, q.sql);
    }

    /**
     * DuckDB: the transition counts query plus the Markov solve in Java, two threads.
     *
     * @param q the table and query
     * @return the credits
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.MarkovCredits markovDuckdb2Threads(DuckMarkov q) throws SQLException {
        return JourneySql.markov(q.duck, 2, q.sql);
    }

    /**
     * DuckDB: {@code read_csv} of the event file + the funnel query, one thread.
     *
     * @param q the connection and query
     * @return the counts
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.FunnelCounts csvDuckdb1Thread(DuckCsv q) throws SQLException {
        return JourneySql.funnel(q.duck, 1, q.sql);
    }

    /**
     * DuckDB: {@code read_csv} of the event file + the funnel query, two threads.
     *
     * @param q the connection and query
     * @return the counts
     * @throws SQLException on a database error
     */
    @Benchmark
    public JourneyAnswers.FunnelCounts csvDuckdb2Threads(DuckCsv q) throws SQLException {
        return JourneySql.funnel(q.duck, 2, q.sql);
    }
}
