package io.cxkit.flink;

import static io.cxkit.flink.FlinkTestSupport.collect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.survey.drivers.DriverImportance;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.drivers.KeyDrivers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/**
 * The key-driver function in Flink's local runtime (batch two-phase aggregation at parallelism 2,
 * and streaming tumbling windows) against the library's {@link KeyDrivers} fed the same rows.
 */
class KeyDriversAggregateTest {
    private static final int ROWS = 2400;
    private static final KeyDrivers MODEL = KeyDrivers.of("overall", List.of("ease", "speed", "price"));

    private static final String DDL = "CREATE TEMPORARY TABLE answers (id BIGINT,"
            + " g AS CAST(id % 2 AS INT),"
            + " ease AS CAST(1 + id * 3 % 7 AS DOUBLE),"
            + " speed AS CAST(1 + id * 5 % 9 AS DOUBLE),"
            + " price AS CASE WHEN id % 19 = 0 THEN CAST(NULL AS DOUBLE) ELSE CAST(1 + id * id % 5 AS DOUBLE) END,"
            + " overall AS CAST((1 + id * 3 % 7) + 2 * (1 + id * 5 % 9) + id % 4 AS DOUBLE),"
            + " w AS 0.5 + CAST(id % 3 AS DOUBLE),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts)"
            + " WITH ('connector' = 'datagen', 'number-of-rows' = '" + ROWS + "', 'fields.id.kind' = 'sequence',"
            + " 'fields.id.start' = '0', 'fields.id.end' = '" + (ROWS - 1) + "')";

    /** The library fed the rows whose key is {@code key(id)}; same formulas as {@link #DDL}. */
    private static Map<Long, KeyDrivers> local(boolean weighted, java.util.function.LongUnaryOperator key) {
        Map<Long, KeyDrivers> out = new HashMap<>();
        for (long id = 0; id < ROWS; id++) {
            double ease = 1 + id * 3 % 7;
            double speed = 1 + id * 5 % 9;
            double price = id % 19 == 0 ? Double.NaN : 1 + id * id % 5;
            double overall = ease + 2 * speed + id % 4;
            KeyDrivers kd = out.computeIfAbsent(key.applyAsLong(id), k -> MODEL.emptyCopy());
            if (weighted) {
                kd.accept(overall, new double[] {ease, speed, price}, 0.5 + id % 3);
            } else {
                kd.accept(overall, new double[] {ease, speed, price});
            }
        }
        return out;
    }

    private static TableEnvironment env(boolean streaming) {
        TableEnvironment env = TableEnvironment.create(streaming ? EnvironmentSettings.inStreamingMode()
                : EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", "2");
        env.executeSql(DDL);
        env.createTemporarySystemFunction("drivers", KeyDriversAggregate.of(MODEL, KeyDriverMethod.RELATIVE_WEIGHTS));
        env.createTemporarySystemFunction("drivers_w", KeyDriversAggregate.ofWeighted(MODEL, KeyDriverMethod.LMG));
        return env;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static void assertSame(KeyDriversResult expected, Row r, String what) {
        assertEquals(expected.n(), r.getField(0), what + " n");
        assertEquals(expected.excluded(), r.getField(1), what + " excluded");
        assertClose(expected.rSquared(), (Double) r.getField(2), what + " rSquared");
        Row[] importances = (Row[]) r.getField(3);
        assertEquals(expected.importances().size(), importances.length, what);
        for (int i = 0; i < importances.length; i++) {
            DriverImportance d = expected.importances().get(i);
            assertEquals(d.driver(), importances[i].getField(0), what);
            assertClose(d.raw(), (Double) importances[i].getField(1), what + " raw " + d.driver());
            assertClose(d.rescaled(), (Double) importances[i].getField(2), what + " rescaled " + d.driver());
            assertClose(d.mean(), (Double) importances[i].getField(3), what + " mean " + d.driver());
        }
    }

    @Test
    void batchGroupByMatchesTheLibrary() throws Exception {
        Map<Long, KeyDrivers> plain = local(false, id -> id % 2);
        Map<Long, KeyDrivers> weighted = local(true, id -> id % 2);
        List<Row> out = collect(env(false), "SELECT g, drivers(overall, ease, speed, price),"
                + " drivers_w(overall, ease, speed, price, w) FROM answers GROUP BY g");
        assertEquals(2, out.size());
        for (Row r : out) {
            long g = (Integer) r.getField(0);
            assertSame(plain.get(g).result(KeyDriverMethod.RELATIVE_WEIGHTS), (Row) r.getField(1), "g=" + g);
            assertSame(weighted.get(g).result(KeyDriverMethod.LMG), (Row) r.getField(2), "weighted g=" + g);
        }
        assertTrue(plain.get(0L).excluded() > 0, "rows with a missing driver are excluded, and counted");
    }

    @Test
    void streamingWindowsMatchTheLibrary() throws Exception {
        Map<Long, KeyDrivers> expected = local(false, id -> id / 600);
        List<Row> out = collect(env(true), "SELECT window_start, drivers(overall, ease, speed, price)"
                + " FROM TABLE(TUMBLE(TABLE answers, DESCRIPTOR(ts), INTERVAL '10' MINUTES))"
                + " GROUP BY window_start, window_end");
        assertEquals(expected.size(), out.size());
        for (Row r : out) {
            long window = ((java.time.LocalDateTime) r.getField(0)).atZone(java.time.ZoneId.systemDefault())
                    .toEpochSecond() / 600;
            assertSame(expected.get(window).result(KeyDriverMethod.RELATIVE_WEIGHTS), (Row) r.getField(1),
                    "window " + window);
        }
    }

    @Test
    void aGroupTooSmallToFitSaysSoInsteadOfFailingTheQuery() throws Exception {
        Row r = collect(env(false), "SELECT drivers(overall, ease, speed, price) FROM answers WHERE id BETWEEN 1 AND 3")
                .get(0);
        Row s = (Row) r.getField(0);
        assertEquals(3L, s.getField(0));
        assertTrue(Double.isNaN((Double) s.getField(2)), "R² of a group too small to fit is NaN");
        Row ease = ((Row[]) s.getField(3))[0];
        assertEquals("ease", ease.getField(0));
        assertTrue(Double.isNaN((Double) ease.getField(1)));
        assertEquals((4.0 + 7.0 + 3.0) / 3, (Double) ease.getField(3), 1e-12, "ease at ids 1..3: 4, 7, 3");
    }

    @Test
    void configurationErrorsAndDescription() {
        assertEquals("KeyDriversAggregate[overall ~ ease + speed + price, RELATIVE_WEIGHTS]",
                KeyDriversAggregate.of(MODEL, KeyDriverMethod.RELATIVE_WEIGHTS).toString());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < KeyDrivers.MAX_LMG_DRIVERS + 1; i++) {
            many.add("d" + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyDriversAggregate.ofWeighted(KeyDrivers.of("y", many), KeyDriverMethod.LMG));
        assertEquals("LMG needs at most 15 drivers: 16", e.getMessage());
    }
}
