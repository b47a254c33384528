package io.cxkit.flink;

import static io.cxkit.flink.FlinkTestSupport.collect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsBands;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.ScoreAccumulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/**
 * The Flink functions in Flink's local runtime, batch and streaming (grouped and windowed), against
 * the local library fed the same rows. Parallelism 2, so batch aggregation runs in two phases and
 * partial states are serialized and merged.
 */
class FlinkScoresTest {
    private static final int ROWS = 3000;
    private static final int GROUPS = 3;
    /** Event time: one answer per second; ten-minute tumbling windows hold 600 ids each. */
    private static final long WINDOW_IDS = 600;

    /** The rows, as datagen computed columns; {@link #answer} is the same formula in Java. */
    private static final String DDL = "CREATE TEMPORARY TABLE responses ("
            + " id BIGINT,"
            + " g AS CAST(id % 3 AS INT),"
            + " score AS CASE WHEN id % 17 = 0 THEN CAST(NULL AS INT) ELSE CAST(id * 7 % 11 AS INT) END,"
            + " rating AS CASE WHEN id % 13 = 0 THEN CAST(NULL AS INT) ELSE CAST(1 + id * 3 % 5 AS INT) END,"
            + " effort AS CAST(1 + id * 5 % 7 AS INT),"
            + " w AS 0.5 + CAST(id % 4 AS DOUBLE),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 1000, 3),"
            + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND"
            + ") WITH ('connector' = 'datagen', 'number-of-rows' = '" + ROWS + "', 'fields.id.kind' = 'sequence',"
            + " 'fields.id.start' = '0', 'fields.id.end' = '" + (ROWS - 1) + "')";

    private static Integer answer(String column, long id) {
        return switch (column) {
            case "score" -> id % 17 == 0 ? null : (int) (id * 7 % 11);
            case "rating" -> id % 13 == 0 ? null : (int) (1 + id * 3 % 5);
            case "effort" -> (int) (1 + id * 5 % 7);
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static double weight(long id) {
        return 0.5 + id % 4;
    }

    private static TableEnvironment env(boolean streaming) {
        TableEnvironment env = TableEnvironment.create(streaming ? EnvironmentSettings.inStreamingMode()
                : EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", "2");
        CxFlink.register(env);
        env.executeSql(DDL);
        return env;
    }

    /** The library's results per key, fed row by row; the key is {@code keyOf(id)}. */
    private static Map<Long, Estimate> local(String column, boolean weighted,
            Supplier<? extends ScoreAccumulator<?, ?>> make, java.util.function.LongUnaryOperator keyOf) {
        Map<Long, ScoreAccumulator<?, ?>> accs = new HashMap<>();
        for (long id = 0; id < ROWS; id++) {
            ScoreAccumulator<?, ?> a = accs.computeIfAbsent(keyOf.applyAsLong(id), k -> make.get());
            Integer v = answer(column, id);
            if (v == null && weighted) {
                a.acceptMissing(weight(id));
            } else if (v == null) {
                a.acceptMissing();
            } else if (weighted) {
                a.accept(v, weight(id));
            } else {
                a.accept(v);
            }
        }
        Map<Long, Estimate> out = new HashMap<>();
        accs.forEach((k, a) -> out.put(k, (Estimate) a.result()));
        return out;
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, was " + actual);
        } else {
            assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
        }
    }

    /** One result row of a cx function against the library's result, field by field. */
    static void assertSame(Estimate expected, Row s, boolean weighted, double confidence, String what) {
        long missing = expected instanceof NpsResult r ? r.missing()
                : expected instanceof CsatResult r ? r.missing() : ((CesResult) expected).missing();
        assertEquals(expected.n(), (long) (Long) s.getField(0), what + " n");
        assertEquals(missing, (long) (Long) s.getField(1), what + " missing");
        assertClose(expected.estimate(), (Double) s.getField(2), what + " estimate");
        assertClose(expected.standardError(), (Double) s.getField(3), what + " standardError");
        Interval ci = expected.interval(confidence);
        assertClose(ci.lower(), (Double) s.getField(4), what + " lower");
        assertClose(ci.upper(), (Double) s.getField(5), what + " upper");
        int next = 6;
        if (weighted) {
            assertClose(expected.effectiveN(), (Double) s.getField(next++), what + " effectiveN");
        }
        if (expected instanceof NpsResult r) {
            assertEquals(r.promoters(), (long) (Long) s.getField(next), what + " promoters");
            assertEquals(r.passives(), (long) (Long) s.getField(next + 1), what + " passives");
            assertEquals(r.detractors(), (long) (Long) s.getField(next + 2), what + " detractors");
            next += 3;
        } else if (expected instanceof CsatResult r) {
            assertClose(r.rating().mean(), (Double) s.getField(next++), what + " meanRating");
        } else {
            assertClose(((CesResult) expected).percentAgree(), (Double) s.getField(next++), what + " percentAgree");
        }
        assertEquals(next, s.getArity(), what + " arity");
    }

    private static final String ALL_SIX = "cx_nps(score), cx_nps_weighted(score, w), cx_csat(rating),"
            + " cx_csat_weighted(rating, w), cx_ces(effort), cx_ces_weighted(effort, w)";

    private static void assertAllSix(Map<Long, Row> byKey, java.util.function.LongUnaryOperator keyOf) {
        Object[][] specs = {
            {"score", false, (Supplier<NetPromoterScore>) NetPromoterScore::create},
            {"score", true, (Supplier<NetPromoterScore>) NetPromoterScore::create},
            {"rating", false, (Supplier<CustomerSatisfaction>) CustomerSatisfaction::create},
            {"rating", true, (Supplier<CustomerSatisfaction>) CustomerSatisfaction::create},
            {"effort", false, (Supplier<CustomerEffort>) CustomerEffort::create},
            {"effort", true, (Supplier<CustomerEffort>) CustomerEffort::create}};
        for (int f = 0; f < specs.length; f++) {
            @SuppressWarnings("unchecked")
            Supplier<? extends ScoreAccumulator<?, ?>> make = (Supplier<? extends ScoreAccumulator<?, ?>>) specs[f][2];
            Map<Long, Estimate> expected = local((String) specs[f][0], (Boolean) specs[f][1], make, keyOf);
            assertEquals(expected.keySet(), byKey.keySet(), "keys");
            for (Map.Entry<Long, Estimate> e : expected.entrySet()) {
                Row out = byKey.get(e.getKey());
                assertSame(e.getValue(), (Row) out.getField(out.getArity() - 6 + f), (Boolean) specs[f][1], 0.95,
                        "function " + f + " @ " + e.getKey());
            }
        }
    }

    @Test
    void batchGroupByMatchesTheLocalLibrary() throws Exception {
        Map<Long, Row> byGroup = new HashMap<>();
        for (Row r : collect(env(false), "SELECT g, " + ALL_SIX + " FROM responses GROUP BY g")) {
            byGroup.put((long) (Integer) r.getField(0), r);
        }
        assertEquals(GROUPS, byGroup.size());
        assertAllSix(byGroup, id -> id % GROUPS);
    }

    @Test
    void streamingTumblingWindowsMatchTheLocalLibrary() throws Exception {
        Map<Long, Row> byWindowAndGroup = new HashMap<>();
        String sql = "SELECT window_start, g, " + ALL_SIX
                + " FROM TABLE(TUMBLE(TABLE responses, DESCRIPTOR(ts), INTERVAL '10' MINUTES))"
                + " GROUP BY window_start, window_end, g";
        for (Row r : collect(env(true), sql)) {
            assertEquals(RowKind.INSERT, r.getKind(), "a window result is final");
            long window = ((java.time.LocalDateTime) r.getField(0)).atZone(java.time.ZoneId.systemDefault())
                    .toInstant().toEpochMilli() / 1000 / WINDOW_IDS;
            byWindowAndGroup.put(window * 10 + (Integer) r.getField(1), r);
        }
        assertEquals(ROWS / WINDOW_IDS * GROUPS, byWindowAndGroup.size());
        assertAllSix(byWindowAndGroup, id -> id / WINDOW_IDS * 10 + id % GROUPS);
    }

    @Test
    void streamingGroupByUpdatesEndAtTheLocalLibrarysResult() throws Exception {
        Map<Long, Row> last = new HashMap<>();
        for (Row r : collect(env(true), "SELECT g, " + ALL_SIX + " FROM responses GROUP BY g")) {
            long g = (Integer) r.getField(0);
            if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                last.put(g, r);
            } else {
                last.remove(g);
            }
        }
        assertAllSix(last, id -> id % GROUPS);
    }

    @Test
    void customConfigurationAndConfidence() throws Exception {
        TableEnvironment env = env(false);
        NetPromoterScore nps = NetPromoterScore.of(new NpsBands(5, 8), MissingAnswerPolicy.NEUTRAL);
        NpsWeightedAggregate f = new NpsWeightedAggregate(nps, 0.90);
        assertTrue(f.toString().startsWith("NpsWeightedAggregate[") && f.toString().endsWith(", confidence 0.9]"),
                f.toString());
        env.createTemporarySystemFunction("nps90", f);
        Map<Long, Estimate> expected = local("score", true, nps::emptyCopy, id -> id % GROUPS);
        for (Row r : collect(env, "SELECT g, nps90(score, w) FROM responses GROUP BY g")) {
            long g = (Integer) r.getField(0);
            assertSame(expected.get(g), (Row) r.getField(1), true, 0.90, "nps90 @ " + g);
        }
    }

    @Test
    void sqlDdlByClassNameAndEmptyGroups() throws Exception {
        TableEnvironment env = env(false);
        env.executeSql("CREATE TEMPORARY SYSTEM FUNCTION ddl_csat AS 'io.cxkit.flink.CsatAggregate'");
        Row r = collect(env, "SELECT ddl_csat(rating), cx_nps(score) FROM responses WHERE id < 0").get(0);
        for (int i = 0; i < 2; i++) {
            Row s = (Row) r.getField(i);
            assertEquals(0L, s.getField(0));
            assertTrue(Double.isNaN((Double) s.getField(2)), "empty input: NaN estimate, not 0");
        }
        Row one = collect(env, "SELECT ddl_csat(rating) FROM responses WHERE id = 1").get(0);
        assertEquals(1L, ((Row) one.getField(0)).getField(0));
    }

    private static void assertJobFailsWith(TableEnvironment env, String sql, String message) {
        Throwable thrown = assertThrows(Exception.class, () -> collect(env, sql));
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(message)) {
                return;
            }
        }
        throw new AssertionError("expected '" + message + "' in the cause chain of " + thrown, thrown);
    }

    @Test
    void badInputFailsTheJobWithTheLibrarysMessage() {
        TableEnvironment env = env(false);
        assertJobFailsWith(env, "SELECT cx_nps(score + 11) FROM responses WHERE id = 1",
                "NPS score must be in [0, 10]: 18");
        assertJobFailsWith(env, "SELECT cx_nps(9.7) FROM responses WHERE id = 1",
                "NPS score must be a whole number: 9.7");
        assertJobFailsWith(env, "SELECT cx_ces(CAST(4294967305 AS BIGINT)) FROM responses WHERE id = 1",
                "CES rating must be in the int range: 4294967305");
        assertJobFailsWith(env, "SELECT cx_csat_weighted(rating, w - 10) FROM responses WHERE id = 1",
                "weight must be finite and > 0: -8.5");
        assertJobFailsWith(env, "SELECT cx_nps_weighted(score, CAST(NULL AS DOUBLE)) FROM responses WHERE id = 1",
                "weight must be finite and > 0: NaN");
        assertJobFailsWith(env, "SELECT cx_nps(touchpoint) FROM (SELECT 'web' AS touchpoint)",
                "cx_nps");
    }

    @Test
    void updatingInputIsRejectedAsTheFunctionsAreAppendOnly() {
        TableEnvironment env = env(true);
        assertJobFailsWith(env, "SELECT cx_nps(c) FROM (SELECT g, CAST(COUNT(*) % 11 AS INT) AS c"
                + " FROM responses GROUP BY g)", "retract");
    }
}
