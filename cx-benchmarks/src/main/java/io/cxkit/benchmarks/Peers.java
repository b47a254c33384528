package io.cxkit.benchmarks;

import io.cxkit.survey.ResponseColumns;
import io.cxkit.survey.ScoredResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The peer implementations, each computing the same {@link Summary} outputs (unweighted, UTC months). */
public final class Peers {
    private Peers() {
    }

    /** Group key of the Java peers. */
    record Key(String touchpoint, YearMonth month) {
        String label() {
            return touchpoint + "|" + month;
        }
    }

    /** Mutable per-group counts for the streams peer. */
    static final class Stats {
        long npsN;
        long promoters;
        long detractors;
        long csatN;
        long top2;
        long cesN;
        long cesSum;
        long cesSumSq;

        void add(ScoredResponse r) {
            if (r.nps() != ResponseColumns.MISSING) {
                npsN++;
                promoters += r.nps() >= 9 ? 1 : 0;
                detractors += r.nps() <= 6 ? 1 : 0;
            }
            if (r.csat() != ResponseColumns.MISSING) {
                csatN++;
                top2 += r.csat() >= 4 ? 1 : 0;
            }
            if (r.ces() != ResponseColumns.MISSING) {
                cesN++;
                cesSum += r.ces();
                cesSumSq += (long) r.ces() * r.ces();
            }
        }

        Stats merge(Stats o) {
            npsN += o.npsN;
            promoters += o.promoters;
            detractors += o.detractors;
            csatN += o.csatN;
            top2 += o.top2;
            cesN += o.cesN;
            cesSum += o.cesSum;
            cesSumSq += o.cesSumSq;
            return this;
        }
    }

    static Key key(ScoredResponse r) {
        return new Key(r.touchpoint(), YearMonth.from(Instant.ofEpochMilli(r.epochMillis()).atZone(ZoneOffset.UTC)));
    }

    /**
     * Idiomatic streams: groupingBy (touchpoint, YearMonth) with a custom collector of counts.
     *
     * @param records the responses
     * @return the summary
     */
    public static Summary streams(List<ScoredResponse> records) {
        Map<Key, Stats> groups = records.stream().collect(Collectors.groupingBy(Peers::key,
                Collector.of(Stats::new, Stats::add, Stats::merge)));
        Summary s = new Summary();
        groups.forEach((k, v) -> {
            double mean = (double) v.cesSum / v.cesN;
            double var = (v.cesSumSq - v.cesN * mean * mean) / (v.cesN - 1);
            s.put(k.label(), new long[] {v.npsN, v.promoters, v.detractors, v.csatN, v.top2, v.cesN}, mean, var);
        });
        return s;
    }

    /** Commons Math statistics of one group. */
    static final class MathGroup {
        final SummaryStatistics npsCode = new SummaryStatistics();
        final SummaryStatistics top2 = new SummaryStatistics();
        final SummaryStatistics ces = new SummaryStatistics();
    }

    /**
     * Commons Math: a HashMap of groups, each with SummaryStatistics of the NPS code (+1/0/−1), the
     * CSAT top-2 indicator and the CES answer.
     *
     * @param records the responses
     * @return the summary
     */
    public static Summary commonsMath(List<ScoredResponse> records) {
        Map<Key, MathGroup> groups = new HashMap<>();
        for (ScoredResponse r : records) {
            MathGroup g = groups.computeIfAbsent(key(r), k -> new MathGroup());
            if (r.nps() != ResponseColumns.MISSING) {
                g.npsCode.addValue(r.nps() >= 9 ? 1 : r.nps() <= 6 ? -1 : 0);
            }
            if (r.csat() != ResponseColumns.MISSING) {
                g.top2.addValue(r.csat() >= 4 ? 1 : 0);
            }
            if (r.ces() != ResponseColumns.MISSING) {
                g.ces.addValue(r.ces());
            }
        }
        Summary s = new Summary();
        groups.forEach((k, g) -> {
            double n = g.npsCode.getN();
            double[] v = {n, 100 * g.npsCode.getMean(), 100 * Math.sqrt(g.npsCode.getPopulationVariance() / n),
                g.top2.getN(), 100 * g.top2.getMean(), g.ces.getN(), g.ces.getMean(),
                g.ces.getN() < 2 ? Double.NaN : g.ces.getVariance()};
            s.rows.put(k.label(), v);
        });
        return s;
    }

    private static final String AGGREGATES = "count(nps), count(*) FILTER (WHERE nps >= 9), "
            + "count(*) FILTER (WHERE nps <= 6), count(csat), count(*) FILTER (WHERE csat >= 4), count(ces), "
            + "avg(ces), var_samp(ces)";

    /**
     * An in-memory DuckDB holding the responses in table {@code responses} (loaded with the
     * appender, then the time converted to TIMESTAMP once).
     *
     * @param d the data
     * @return the open connection
     * @throws SQLException on a database error
     */
    public static Connection duckdb(SurveyData d) throws SQLException {
        return loadTable("customer VARCHAR, t BIGINT, touchpoint VARCHAR, channel VARCHAR, nps TINYINT, csat TINYINT, "
                + "ces TINYINT, weight DOUBLE", "responses", "customer, epoch_ms(t) AS ts, touchpoint, channel, nps, "
                + "csat, ces, weight", a -> {
                    for (int i = 0; i < d.size; i++) {
                        a.beginRow();
                        a.append("C" + d.customer[i]);
                        a.append(d.time[i]);
                        a.append(d.touchpointNames[d.touchpoint[i]]);
                        a.append(d.channelNames[d.channel[i]]);
                        answer(a, d.nps[i]);
                        answer(a, d.csat[i]);
                        answer(a, d.ces[i]);
                        a.append(d.weight[i]);
                        a.endRow();
                    }
                });
    }

    /** Appends rows to a DuckDB appender. */
    interface Rows {
        /**
         * Appends every row.
         *
         * @param a the appender
         * @throws SQLException on a database error
         */
        void appendTo(DuckDBAppender a) throws SQLException;
    }

    /**
     * A new in-memory DuckDB with one table: the rows go through the appender into a table
     * {@code raw} with the time as epoch milliseconds in column {@code t}, then {@code table} is
     * created from {@code select} over it (converting the time once) and {@code raw} dropped.
     *
     * @param rawColumns the column definitions of {@code raw}
     * @param table the table to create
     * @param select the select list over {@code raw}
     * @param rows what to append
     * @return the open connection
     * @throws SQLException on a database error
     */
    static Connection loadTable(String rawColumns, String table, String select, Rows rows) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE raw(" + rawColumns + ")");
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender("main", "raw")) {
                rows.appendTo(a);
            }
            st.execute("CREATE TABLE " + table + " AS SELECT " + select + " FROM raw");
            st.execute("DROP TABLE raw");
        }
        return c;
    }

    private static void answer(DuckDBAppender a, int v) throws SQLException {
        if (v == ResponseColumns.MISSING) {
            a.appendNull();
        } else {
            a.append((byte) v);
        }
    }

    /**
     * The timed DuckDB GROUP BY over the loaded table.
     *
     * @param c the connection from {@link #duckdb(SurveyData)}
     * @param threads DuckDB threads
     * @return the summary
     * @throws SQLException on a database error
     */
    public static Summary duckdbGroupBy(Connection c, int threads) throws SQLException {
        return query(c, threads, "SELECT touchpoint, date_trunc('month', ts) AS m, " + AGGREGATES
                + " FROM responses GROUP BY touchpoint, m");
    }

    /**
     * DuckDB read_csv of the benchmark file plus the same GROUP BY.
     *
     * @param c any DuckDB connection
     * @param threads DuckDB threads
     * @param csv the CSV file
     * @return the summary
     * @throws SQLException on a database error
     */
    public static Summary duckdbCsv(Connection c, int threads, Path csv) throws SQLException {
        return query(c, threads, "SELECT touchpoint, date_trunc('month', epoch_ms(\"time\")) AS m, " + AGGREGATES
                + " FROM read_csv('" + csv.toAbsolutePath() + "', header = true, columns = {'customer': 'VARCHAR', "
                + "'time': 'BIGINT', 'touchpoint': 'VARCHAR', 'channel': 'VARCHAR', 'nps': 'TINYINT', "
                + "'csat': 'TINYINT', 'ces': 'TINYINT', 'weight': 'DOUBLE'}) GROUP BY touchpoint, m");
    }

    private static Summary query(Connection c, int threads, String sql) throws SQLException {
        Summary s = new Summary();
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    LocalDate m = rs.getObject(2, LocalDate.class);
                    long[] counts = new long[6];
                    for (int i = 0; i < 6; i++) {
                        counts[i] = rs.getLong(3 + i);
                    }
                    double var = rs.getDouble(10);
                    s.put(rs.getString(1) + "|" + YearMonth.from(m), counts, rs.getDouble(9),
                            rs.wasNull() ? Double.NaN : var);
                }
            }
        }
        return s;
    }
}
