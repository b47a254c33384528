package io.cxkit.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journey work in DuckDB SQL, the way a DuckDB user writes it (window functions over
 * {@code PARTITION BY customer ORDER BY ts, seq}); the same text runs over the loaded table
 * {@code events} or over {@code read_csv} of the event file. BENCHMARKS.md shows the SQL.
 *
 * <p>Semantics match cxkit's: one journey per customer, events ordered by time then input order
 * ({@code seq}); the journey's channel is its first event's; a step counts at its first occurrence
 * after the previous step and at most 7 days after the first step's first occurrence (inclusive).
 * Attribution journeys end at the first {@code purchase} (conversion) or, without one, at the last
 * event ({@code (null)}).
 */
public final class JourneySql {
    private JourneySql() {
    }

    /**
     * Prints the three queries over the table (what BENCHMARKS.md shows).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(funnelSql(TABLE, JourneyWork.STEPS, JourneyWork.WINDOW_DAYS) + ";\n");
        System.out.println(pathsSql(TABLE, JourneyWork.TOP) + ";\n");
        System.out.println(transitionsSql(TABLE) + ";");
    }

    /** The events table: what {@link #load} creates. */
    static final String TABLE = "events";

    /**
     * The CSV file as the same columns as the table.
     *
     * @param csv the file written by {@link JourneyData#writeCsv}
     * @return a FROM-clause source
     */
    static String csvSource(Path csv) {
        return "(SELECT event_id AS seq, customer_id AS customer, \"timestamp\" AS ts, touchpoint, channel, outcome,"
                + " \"value\" FROM read_csv('" + csv.toAbsolutePath() + "', header = true, columns = {"
                + "'event_id': 'BIGINT', 'customer_id': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'touchpoint': 'VARCHAR',"
                + " 'channel': 'VARCHAR', 'outcome': 'VARCHAR', 'value': 'DOUBLE'}))";
    }

    /**
     * An in-memory DuckDB with the events in table {@code events(seq BIGINT, customer VARCHAR,
     * ts TIMESTAMP, touchpoint VARCHAR, channel VARCHAR, outcome VARCHAR, value DOUBLE)}, loaded
     * with the appender (time as epoch milliseconds, converted once).
     *
     * @param d the data
     * @return the open connection
     * @throws SQLException on a database error
     */
    public static Connection load(JourneyData d) throws SQLException {
        return Peers.loadTable("seq BIGINT, customer VARCHAR, t BIGINT, touchpoint VARCHAR, channel VARCHAR, "
                + "outcome VARCHAR, \"value\" DOUBLE", TABLE, "seq, customer, epoch_ms(t) AS ts, touchpoint, channel, "
                + "outcome, \"value\"", a -> {
                    for (int i = 0; i < d.size; i++) {
                        a.beginRow();
                        a.append((long) i);
                        a.append(d.customerNames[d.customer[i]]);
                        a.append(d.millis[i]);
                        a.append(d.touchpointNames[d.touchpoint[i]]);
                        a.append(d.channels[d.channel[i]].name());
                        if (Double.isNaN(d.value[i])) {
                            a.appendNull();
                            a.appendNull();
                        } else {
                            a.append(JourneyData.PURCHASE);
                            a.append(d.value[i]);
                        }
                        a.endRow();
                    }
                });
    }

    /**
     * The ordered funnel SQL: per channel, journeys and journeys reaching each step. The journey's
     * channel comes from one ordered aggregate over all events; the steps are matched over the step
     * touchpoints' events only (in {@code ORDERED} mode other events cannot change the result), one
     * window layer per step, each step's first occurrence after the previous step's and within the
     * window of the first step's.
     *
     * @param source the events table or {@link #csvSource}
     * @param steps the step touchpoints in order
     * @param windowDays the window from the first step, in days
     * @return the query
     */
    static String funnelSql(String source, List<String> steps, int windowDays) {
        StringBuilder in = new StringBuilder();
        for (String s : steps) {
            in.append(in.length() == 0 ? "" : ", ").append('\'').append(s).append('\'');
        }
        StringBuilder q = new StringBuilder("WITH src AS (SELECT * FROM " + source + "),\n"
                + "journey AS (\n"
                + "  SELECT customer, first(channel ORDER BY ts, seq) AS channel FROM src GROUP BY customer),\n"
                + "e AS (\n"
                + "  SELECT customer, ts, touchpoint, row_number() OVER (PARTITION BY customer ORDER BY ts, seq) AS rn\n"
                + "  FROM src WHERE touchpoint IN (" + in + ")),\n"
                + "s0 AS (\n"
                + "  SELECT *, min(rn) FILTER (WHERE touchpoint = '" + steps.get(0) + "') OVER c AS r0,\n"
                + "         min(ts) FILTER (WHERE touchpoint = '" + steps.get(0) + "') OVER c AS t0\n"
                + "  FROM e WINDOW c AS (PARTITION BY customer))");
        for (int s = 1; s < steps.size(); s++) {
            q.append(",\ns").append(s).append(" AS (\n  SELECT *, min(rn) FILTER (WHERE touchpoint = '")
                    .append(steps.get(s)).append("' AND rn > r").append(s - 1).append(" AND ts <= t0 + INTERVAL ")
                    .append(windowDays).append(" DAY)\n    OVER (PARTITION BY customer) AS r").append(s)
                    .append("\n  FROM s").append(s - 1).append(')');
        }
        q.append(",\nreached AS (SELECT * FROM s").append(steps.size() - 1).append(" WHERE rn = 1)\n");
        q.append("SELECT journey.channel, count(*) AS journeys");
        for (int s = 0; s < steps.size(); s++) {
            q.append(", count(r").append(s).append(')');
        }
        q.append("\nFROM journey LEFT JOIN reached USING (customer) GROUP BY journey.channel");
        return q.toString();
    }

    /**
     * The top path variants SQL: each customer's touchpoints joined in order, counted, most
     * frequent first, ties by path.
     *
     * @param source the events table or {@link #csvSource}
     * @param k how many
     * @return the query
     */
    static String pathsSql(String source, int k) {
        return "SELECT path, count(*) AS n, sum(count(*)) OVER () AS journeys\n"
                + "FROM (SELECT string_agg(touchpoint, ' > ' ORDER BY ts, seq) AS path FROM " + source
                + " GROUP BY customer)\n"
                + "GROUP BY path ORDER BY n DESC, path LIMIT " + k;
    }

    /**
     * The order-1 transition counts SQL: {@code (start)} → first touchpoint, touchpoint →
     * touchpoint up to the first purchase, and the last one → {@code (conversion)} (with the
     * purchase value) or {@code (null)}. Two window layers: row number and previous touchpoint in
     * time order, then the first purchase's row number and the last row per customer. (One layer
     * comparing a {@code {ts, seq}} struct with the first purchase's was slower: 4.2 vs 2.6 s at
     * 1M events on the loaded machine.)
     *
     * @param source the events table or {@link #csvSource}
     * @return the query: from, to, count, value
     */
    static String transitionsSql(String source) {
        return "WITH e AS (\n"
                + "  SELECT customer, touchpoint, outcome, \"value\", row_number() OVER w AS rn,\n"
                + "         lag(touchpoint, 1, '(start)') OVER w AS prev\n"
                + "  FROM " + source + "\n"
                + "  WINDOW w AS (PARTITION BY customer ORDER BY ts, seq)),\n"
                + "c AS (\n"
                + "  SELECT *, min(rn) FILTER (WHERE outcome = '" + JourneyData.PURCHASE + "') OVER p AS conv,\n"
                + "         coalesce(min(rn) FILTER (WHERE outcome = '" + JourneyData.PURCHASE + "') OVER p,"
                + " max(rn) OVER p) AS last\n"
                + "  FROM e WINDOW p AS (PARTITION BY customer))\n"
                + "SELECT prev, touchpoint, count(*), 0.0 FROM c WHERE rn <= last GROUP BY prev, touchpoint\n"
                + "UNION ALL\n"
                + "SELECT touchpoint, CASE WHEN conv IS NULL THEN '(null)' ELSE '(conversion)' END, count(*),\n"
                + "       coalesce(sum(\"value\"), 0)\n"
                + "FROM c WHERE rn = last GROUP BY ALL";
    }

    /**
     * Runs the funnel.
     *
     * @param c the connection
     * @param threads DuckDB threads
     * @param sql from {@link #funnelSql}
     * @return the counts
     * @throws SQLException on a database error
     */
    static JourneyAnswers.FunnelCounts funnel(Connection c, int threads, String sql) throws SQLException {
        Map<String, long[]> m = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            try (ResultSet rs = st.executeQuery(sql)) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long[] counts = new long[cols - 1];
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = rs.getLong(2 + i);
                    }
                    m.put(rs.getString(1), counts);
                }
            }
        }
        return new JourneyAnswers.FunnelCounts(m);
    }

    /**
     * Runs the path variants query.
     *
     * @param c the connection
     * @param threads DuckDB threads
     * @param sql from {@link #pathsSql}
     * @return the variants
     * @throws SQLException on a database error
     */
    static JourneyAnswers.TopVariants paths(Connection c, int threads, String sql) throws SQLException {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long journeys = 0;
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                    counts.add(rs.getLong(2));
                    journeys = rs.getLong(3);
                }
            }
        }
        return new JourneyAnswers.TopVariants(journeys, labels, counts);
    }

    /**
     * Runs the transition counts query and turns the counts into Markov credits
     * ({@link MarkovCheck}).
     *
     * @param c the connection
     * @param threads DuckDB threads
     * @param sql from {@link #transitionsSql}
     * @return the credits
     * @throws SQLException on a database error
     */
    static JourneyAnswers.MarkovCredits markov(Connection c, int threads, String sql) throws SQLException {
        MarkovCheck chain = new MarkovCheck();
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    chain.add(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4));
                }
            }
        }
        return chain.credits();
    }
}
