package io.cxkit.spark;

import static io.cxkit.spark.SparkTestSupport.assertFailsWith;
import static io.cxkit.spark.SparkTestSupport.assertMessage;
import static io.cxkit.spark.SparkTestSupport.session;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Interval;
import io.cxkit.journey.survival.LogRankGroup;
import io.cxkit.journey.survival.LogRankTest;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.journey.survival.SurvivalStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier and log-rank on Spark, through the catalog and through {@link CxFunctions}: every
 * field equal to the local {@link SurvivalAccumulator} on the same rows (counts exactly, the rest to
 * 1e-12 relative), over seven partitions so that states are serialized, shuffled and merged.
 */
class SurvivalFunctionsTest {
    private static final long SEED = 20_261_201L;
    private static final String[] GROUPS = {"detractor", "passive", "promoter"};
    /** region, days (whole, so times tie), churned (boolean), status (0/1 int), band. */
    private static final StructType SCHEMA = new StructType()
            .add("region", DataTypes.StringType, false)
            .add("days", DataTypes.IntegerType, true)
            .add("churned", DataTypes.BooleanType, true)
            .add("status", DataTypes.IntegerType, true)
            .add("band", DataTypes.StringType, true);
    private static final List<Row> ROWS = rows(new SplittableRandom(SEED));
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = session("cx-spark-survival", "spark.sql.catalog.cx", CxCatalog.class.getName(),
                "spark.sql.catalog.cx90", CxCatalog.class.getName(), "spark.sql.catalog.cx90.confidence", "0.90");
        CxFunctions.register(spark);
        spark.createDataFrame(ROWS, SCHEMA).repartition(7).createOrReplaceTempView("customers");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Hazards differ by band (detractors churn sooner); about a third censored; days in [0, 400). */
    private static List<Row> rows(SplittableRandom r) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            int g = r.nextInt(GROUPS.length);
            int days = (int) Math.min(399, -Math.log(1 - r.nextDouble()) * (80 + 60 * g));
            boolean churned = r.nextInt(3) != 0;
            out.add(RowFactory.create(i % 4 == 0 ? "north" : "south", days, churned, churned ? 1 : 0, GROUPS[g]));
        }
        return out;
    }

    /** The local library's accumulators per region: pooled (for Kaplan–Meier) and by band (log-rank). */
    private static Map<String, SurvivalAccumulator> local(boolean byBand) {
        Map<String, SurvivalAccumulator> out = new TreeMap<>();
        for (Row row : ROWS) {
            SurvivalAccumulator acc = out.computeIfAbsent(row.getString(0), k -> SurvivalAccumulator.create());
            if (byBand) {
                acc.accept(row.getInt(1), row.getBoolean(2), row.getString(4));
            } else {
                acc.accept(row.getInt(1), row.getBoolean(2));
            }
        }
        return out;
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, was " + actual);
            return;
        }
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    private static void assertKaplanMeier(SurvivalAccumulator expected, Row s, double confidence, String what) {
        SurvivalCurve curve = expected.result().overall();
        assertEquals(curve.n(), s.getLong(s.fieldIndex("n")), what + " n");
        assertEquals(curve.events(), s.getLong(s.fieldIndex("events")), what + " events");
        assertEquals(curve.n() - curve.events(), s.getLong(s.fieldIndex("censored")), what + " censored");
        MedianSurvival median = curve.median(SurvivalConfType.LOG, confidence);
        assertClose(median.time(), s.getDouble(s.fieldIndex("median")), what + " median");
        assertClose(median.interval().lower(), s.getDouble(s.fieldIndex("medianLower")), what + " medianLower");
        assertClose(median.interval().upper(), s.getDouble(s.fieldIndex("medianUpper")), what + " medianUpper");
        List<Row> steps = s.getList(s.fieldIndex("steps"));
        assertEquals(curve.steps().size(), steps.size(), what + " steps");
        for (int i = 0; i < steps.size(); i++) {
            SurvivalStep want = curve.steps().get(i);
            Row got = steps.get(i);
            String at = what + " step " + i;
            assertClose(want.time(), got.getDouble(0), at + " time");
            assertEquals(want.atRisk(), got.getLong(1), at + " atRisk");
            assertEquals(want.events(), got.getLong(2), at + " events");
            assertEquals(want.censored(), got.getLong(3), at + " censored");
            assertClose(want.survival(), got.getDouble(4), at + " survival");
            assertClose(want.stdErr(), got.getDouble(5), at + " stdErr");
            Interval ci = want.interval(SurvivalConfType.LOG, confidence);
            assertClose(ci.lower(), got.getDouble(6), at + " lower");
            assertClose(ci.upper(), got.getDouble(7), at + " upper");
        }
    }

    private static void assertLogRank(SurvivalAccumulator expected, Row s, String what) {
        LogRankTest test = expected.result().logRank();
        assertEquals(expected.n(), s.getLong(s.fieldIndex("n")), what + " n");
        assertEquals(expected.result().overall().events(), s.getLong(s.fieldIndex("events")), what + " events");
        assertClose(test.chiSquare(), s.getDouble(s.fieldIndex("chiSquare")), what + " chiSquare");
        assertEquals(test.df(), s.getInt(s.fieldIndex("df")), what + " df");
        assertClose(test.pValue(), s.getDouble(s.fieldIndex("pValue")), what + " pValue");
        List<Row> groups = s.getList(s.fieldIndex("groups"));
        assertEquals(test.groups().size(), groups.size(), what + " groups");
        for (int i = 0; i < groups.size(); i++) {
            LogRankGroup want = test.groups().get(i);
            Row got = groups.get(i);
            assertEquals(want.group(), got.getString(0), what);
            assertEquals(want.n(), got.getLong(1), what + " " + want.group() + " n");
            assertEquals(want.observed(), got.getLong(2), what + " " + want.group() + " observed");
            assertClose(want.expected(), got.getDouble(3), what + " " + want.group() + " expected");
        }
    }

    private static void assertPerRegion(List<Row> out, String km, String lr, double confidence) {
        Map<String, SurvivalAccumulator> pooled = local(false);
        Map<String, SurvivalAccumulator> byBand = local(true);
        assertEquals(pooled.size(), out.size(), "regions");
        for (Row row : out) {
            String region = row.getString(0);
            assertKaplanMeier(pooled.get(region), row.getStruct(row.fieldIndex(km)), confidence, km + "@" + region);
            assertLogRank(byBand.get(region), row.getStruct(row.fieldIndex(lr)), lr + "@" + region);
        }
        assertTrue(byBand.get("south").result().logRank().pValue() < 0.05, "the seeded bands differ");
    }

    @Test
    void theCatalogFunctionsMatchTheLocalLibrary() {
        assertPerRegion(spark.sql("SELECT region, cx.kaplan_meier(days, churned) AS km,"
                + " cx.log_rank(days, status, band) AS lr FROM customers GROUP BY region").collectAsList(),
                "km", "lr", 0.95);
        assertPerRegion(spark.sql("SELECT region, cx90.KAPLAN_MEIER(days, status) AS km,"
                + " cx90.log_rank(CAST(days AS DOUBLE), churned, band) AS lr FROM customers GROUP BY region")
                .collectAsList(), "km", "lr", 0.90);
    }

    @Test
    void theDataFrameAndRegisteredFunctionsMatchTheLocalLibrary() {
        Dataset<Row> customers = spark.table("customers");
        assertPerRegion(customers.groupBy("region").agg(CxFunctions.kaplanMeier(col("days"), col("churned")).as("km"),
                CxFunctions.logRank(col("days"), col("status"), col("band")).as("lr")).collectAsList(), "km", "lr", 0.95);
        assertPerRegion(spark.sql("SELECT region, cx_kaplan_meier(days, status) AS km,"
                + " cx_log_rank(days, status, band) AS lr FROM customers GROUP BY region").collectAsList(),
                "km", "lr", 0.95);
        spark.udf().register("km90", CxFunctions.kaplanMeier(0.90));
        assertPerRegion(spark.sql("SELECT region, km90(days, status) AS km, cx_log_rank(days, status, band) AS lr"
                + " FROM customers GROUP BY region").collectAsList(), "km", "lr", 0.90);
    }

    @Test
    void theDocsSqlRuns() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "spark.md"));
        int marker = doc.indexOf("<!-- spark-sql: SurvivalFunctionsTest");
        assertTrue(marker >= 0, "docs/spark.md has the survival SQL block");
        int from = doc.indexOf("```sql\n", marker) + "```sql\n".length();
        String block = doc.substring(from, doc.indexOf("```", from));
        List<Row> last = List.of();
        for (String statement : block.split(";\\s*\n")) {
            if (!statement.isBlank()) {
                last = spark.sql(statement.replaceAll("--[^\n]*", "")).collectAsList();
            }
        }
        Map<String, SurvivalAccumulator> pooled = local(false);
        long steps = pooled.values().stream().mapToLong(a -> a.result().overall().steps().size()).sum();
        assertEquals(steps, last.size(), "one row per step and region");
        assertEquals(2, spark.sql("SELECT * FROM survival").count());
    }

    @Test
    void noRowsGiveEmptyResultsNotZeros() {
        for (String q : new String[] {
            "SELECT cx.kaplan_meier(days, churned) AS km, cx.log_rank(days, churned, band) AS lr FROM customers"
                + " WHERE days < 0",
            "SELECT cx_kaplan_meier(days, status) AS km, cx_log_rank(days, status, band) AS lr FROM customers"
                + " WHERE days < 0"}) {
            Row r = spark.sql(q).first();
            Row km = r.getStruct(0);
            assertEquals(0L, km.getLong(km.fieldIndex("n")), q);
            assertTrue(Double.isNaN(km.getDouble(km.fieldIndex("median"))), q);
            assertTrue(km.getList(km.fieldIndex("steps")).isEmpty(), q);
            Row lr = r.getStruct(1);
            assertEquals(0L, lr.getLong(lr.fieldIndex("n")), q);
            assertEquals(0, lr.getInt(lr.fieldIndex("df")), q);
            assertTrue(Double.isNaN(lr.getDouble(lr.fieldIndex("pValue"))), q);
            assertTrue(lr.getList(lr.fieldIndex("groups")).isEmpty(), q);
        }
        Row one = spark.sql("SELECT cx.log_rank(days, churned, 'all') FROM customers").first().getStruct(0);
        assertEquals(ROWS.size(), one.getLong(0));
        assertEquals(0, one.getInt(3), "one group: nothing to compare");
    }

    @Test
    void badInputFailsTheQueryWithTheLibrarysMessage() {
        assertFailsWith("survival time must be finite and >= 0: -1.0",
                () -> spark.sql("SELECT cx.kaplan_meier(-1, churned) FROM customers").collectAsList());
        assertFailsWith("survival time must be finite and >= 0: NaN",
                () -> spark.sql("SELECT cx_kaplan_meier(CAST('NaN' AS DOUBLE), 1)").collectAsList());
        assertFailsWith("status must be 0 (censored) or 1 (event): 2",
                () -> spark.sql("SELECT cx.kaplan_meier(days, status + 1) FROM customers").collectAsList());
        assertFailsWith("status must be 0 (censored) or 1 (event): 0.5",
                () -> spark.sql("SELECT cx_kaplan_meier(days, 0.5D) FROM customers").collectAsList());
        assertFailsWith("cx.kaplan_meier: the time argument must not be null",
                () -> spark.sql("SELECT cx.kaplan_meier(CAST(NULL AS INT), churned) FROM customers").collectAsList());
        assertFailsWith("cx_kaplan_meier: the event argument must not be null",
                () -> spark.sql("SELECT cx_kaplan_meier(days, CAST(NULL AS INT)) FROM customers").collectAsList());
        assertFailsWith("cx.log_rank: the group argument must not be null",
                () -> spark.sql("SELECT cx.log_rank(days, churned, NULL) FROM customers").collectAsList());
        assertFailsWith("cx_log_rank: the group argument must not be null",
                () -> spark.table("customers").agg(CxFunctions.logRank(col("days"), col("churned"),
                        org.apache.spark.sql.functions.lit(null).cast("string"))).collectAsList());
    }

    @Test
    void wrongArgumentsFailAnalysisNamingTheFunction() {
        assertMessage("cx.kaplan_meier takes 2 arguments (time, event): got 3",
                () -> spark.sql("SELECT cx.kaplan_meier(days, churned, band) FROM customers").collectAsList());
        assertMessage("cx.log_rank takes 3 arguments (time, event, group): got 2",
                () -> spark.sql("SELECT cx.log_rank(days, churned) FROM customers").collectAsList());
        assertMessage("cx.kaplan_meier: the time argument must be numeric: got STRING",
                () -> spark.sql("SELECT cx.kaplan_meier(band, churned) FROM customers").collectAsList());
        assertMessage("cx.kaplan_meier: the event argument must be boolean or numeric (1 = event, 0 = censored): got STRING",
                () -> spark.sql("SELECT cx.kaplan_meier(days, band) FROM customers").collectAsList());
        assertMessage("cx.log_rank: the group argument must be a string: got INT (CAST it AS STRING)",
                () -> spark.sql("SELECT cx.log_rank(days, churned, status) FROM customers").collectAsList());
        // The session-registered function takes a numeric event: Spark casts no boolean to a double.
        Exception registered = assertThrows(Exception.class,
                () -> spark.sql("SELECT cx_kaplan_meier(days, churned) FROM customers").collectAsList());
        assertTrue(registered.getMessage().contains("churned"), registered.getMessage());
    }

}
