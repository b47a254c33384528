package io.cxkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import io.cxkit.survey.RatingScale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * The Spark functions against the local library on the same rows, in local[2] with several
 * partitions, so partial accumulators really are encoded, shuffled and combined.
 */
class CxFunctionsTest {
    private static final long SEED = 20_261_123L;
    private static final int ROWS = 3_000;
    private static final String[] TOUCHPOINTS = {"web", "app", "store", "phone", "chat"};
    private static final StructType SCHEMA = new StructType()
            .add("touchpoint", DataTypes.StringType, false)
            .add("nps", DataTypes.IntegerType, true)
            .add("csat", DataTypes.IntegerType, true)
            .add("ces", DataTypes.IntegerType, true)
            .add("w", DataTypes.DoubleType, true);

    private static SparkSession spark;
    private static List<Row> rows;
    private static Dataset<Row> responses;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("cx-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        CxFunctions.register(spark);
        rows = seededRows(new SplittableRandom(SEED));
        // Seven input partitions: every group is split across tasks and merged after a shuffle.
        responses = spark.createDataFrame(rows, SCHEMA).repartition(7);
        responses.createOrReplaceTempView("responses");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Answers with ~5% nulls each, weights in [0.2, 3); the "quiet" touchpoint has no answers. */
    private static List<Row> seededRows(SplittableRandom r) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String tp = TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)];
            out.add(RowFactory.create(tp, maybe(r, r.nextInt(11)), maybe(r, 1 + r.nextInt(5)),
                    maybe(r, 1 + r.nextInt(7)), 0.2 + 2.8 * r.nextDouble()));
        }
        for (int i = 0; i < 5; i++) {
            out.add(RowFactory.create("quiet", null, null, null, 1.0));
        }
        return out;
    }

    private static Integer maybe(SplittableRandom r, int v) {
        return r.nextInt(20) == 0 ? null : v;
    }

    /** The local library's answer for one group, fed row by row. */
    private static Map<String, Estimate> local(String column, boolean weighted, MetricFactory make) {
        Map<String, Object> accs = new HashMap<>();
        int idx = SCHEMA.fieldIndex(column);
        for (Row row : rows) {
            Object acc = accs.computeIfAbsent(row.getString(0), k -> make.create());
            Integer score = row.isNullAt(idx) ? null : row.getInt(idx);
            double w = row.getDouble(4);
            feed(acc, score, weighted, w);
        }
        Map<String, Estimate> results = new HashMap<>();
        accs.forEach((k, a) -> results.put(k, result(a)));
        return results;
    }

    private interface MetricFactory {
        Object create();
    }

    private static void feed(Object acc, Integer score, boolean weighted, double w) {
        if (acc instanceof NetPromoterScore a) {
            if (score == null) {
                if (weighted) {
                    a.acceptMissing(w);
                } else {
                    a.acceptMissing();
                }
            } else if (weighted) {
                a.accept(score, w);
            } else {
                a.accept(score);
            }
        } else if (acc instanceof CustomerSatisfaction a) {
            if (score == null) {
                if (weighted) {
                    a.acceptMissing(w);
                } else {
                    a.acceptMissing();
                }
            } else if (weighted) {
                a.accept(score, w);
            } else {
                a.accept(score);
            }
        } else {
            CustomerEffort a = (CustomerEffort) acc;
            if (score == null) {
                if (weighted) {
                    a.acceptMissing(w);
                } else {
                    a.acceptMissing();
                }
            } else if (weighted) {
                a.accept(score, w);
            } else {
                a.accept(score);
            }
        }
    }

    private static Estimate result(Object acc) {
        if (acc instanceof NetPromoterScore a) {
            return a.result();
        } else if (acc instanceof CustomerSatisfaction a) {
            return a.result();
        }
        return ((CustomerEffort) acc).result();
    }

    private static long missing(Estimate e) {
        if (e instanceof NpsResult r) {
            return r.missing();
        } else if (e instanceof CsatResult r) {
            return r.missing();
        }
        return ((CesResult) e).missing();
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, was " + actual);
            return;
        }
        double tol = 1e-12 * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    /** Checks one output struct against the local result, field by field. */
    private static void assertSame(Estimate expected, Row s, boolean weighted, double confidence,
            String what) {
        assertEquals(expected.n(), s.getLong(s.fieldIndex("n")), what + " n");
        assertEquals(missing(expected), s.getLong(s.fieldIndex("missing")), what + " missing");
        assertClose(expected.estimate(), s.getDouble(s.fieldIndex("estimate")), what + " estimate");
        assertClose(expected.standardError(), s.getDouble(s.fieldIndex("standardError")),
                what + " standardError");
        Interval ci = expected.interval(confidence);
        assertClose(ci.lower(), s.getDouble(s.fieldIndex("lower")), what + " lower");
        assertClose(ci.upper(), s.getDouble(s.fieldIndex("upper")), what + " upper");
        if (weighted) {
            assertClose(expected.effectiveN(), s.getDouble(s.fieldIndex("effectiveN")),
                    what + " effectiveN");
        } else {
            assertTrue(!java.util.Arrays.asList(s.schema().fieldNames()).contains("effectiveN"),
                    what + " has no effectiveN");
        }
        if (expected instanceof NpsResult r) {
            assertEquals(r.promoters(), s.getLong(s.fieldIndex("promoters")), what + " promoters");
            assertEquals(r.passives(), s.getLong(s.fieldIndex("passives")), what + " passives");
            assertEquals(r.detractors(), s.getLong(s.fieldIndex("detractors")), what + " detractors");
        } else if (expected instanceof CsatResult r) {
            assertClose(r.rating().mean(), s.getDouble(s.fieldIndex("meanRating")), what + " meanRating");
        } else {
            CesResult r = (CesResult) expected;
            assertClose(r.percentAgree(), s.getDouble(s.fieldIndex("percentAgree")),
                    what + " percentAgree");
        }
    }

    private static void assertAllGroups(List<Row> out, Map<String, Estimate> expected, String field,
            boolean weighted, double confidence) {
        assertEquals(expected.size(), out.size(), "groups");
        for (Row row : out) {
            String tp = row.getString(row.fieldIndex("touchpoint"));
            Row s = row.getStruct(row.fieldIndex(field));
            assertSame(expected.get(tp), s, weighted, confidence, field + "@" + tp);
        }
    }

    @Test
    void sqlMatchesTheLocalLibraryForEveryFunction() {
        List<Row> out = spark.sql("SELECT touchpoint, cx_nps(nps) AS nps, cx_nps_weighted(nps, w) AS npsw,"
                + " cx_csat(csat) AS csat, cx_csat_weighted(csat, w) AS csatw,"
                + " cx_ces(ces) AS ces, cx_ces_weighted(ces, w) AS cesw"
                + " FROM responses GROUP BY touchpoint").collectAsList();
        assertAllGroups(out, local("nps", false, NetPromoterScore::create), "nps", false, 0.95);
        assertAllGroups(out, local("nps", true, NetPromoterScore::create), "npsw", true, 0.95);
        assertAllGroups(out, local("csat", false, CustomerSatisfaction::create), "csat", false, 0.95);
        assertAllGroups(out, local("csat", true, CustomerSatisfaction::create), "csatw", true, 0.95);
        assertAllGroups(out, local("ces", false, CustomerEffort::create), "ces", false, 0.95);
        assertAllGroups(out, local("ces", true, CustomerEffort::create), "cesw", true, 0.95);
    }

    @Test
    void dataFrameHelpersMatchTheLocalLibrary() {
        List<Row> out = responses.groupBy("touchpoint").agg(
                CxFunctions.nps(col("nps")).as("nps"),
                CxFunctions.npsWeighted(col("nps"), col("w")).as("npsw"),
                CxFunctions.csat(col("csat")).as("csat"),
                CxFunctions.csatWeighted(col("csat"), col("w")).as("csatw"),
                CxFunctions.ces(col("ces")).as("ces"),
                CxFunctions.cesWeighted(col("ces"), col("w")).as("cesw")).collectAsList();
        assertAllGroups(out, local("nps", false, NetPromoterScore::create), "nps", false, 0.95);
        assertAllGroups(out, local("nps", true, NetPromoterScore::create), "npsw", true, 0.95);
        assertAllGroups(out, local("csat", false, CustomerSatisfaction::create), "csat", false, 0.95);
        assertAllGroups(out, local("csat", true, CustomerSatisfaction::create), "csatw", true, 0.95);
        assertAllGroups(out, local("ces", false, CustomerEffort::create), "ces", false, 0.95);
        assertAllGroups(out, local("ces", true, CustomerEffort::create), "cesw", true, 0.95);
    }

    @Test
    void customConfigurationAndConfidenceMatchTheLocalLibrary() {
        NetPromoterScore nps = NetPromoterScore.of(new NpsBands(5, 8), MissingAnswerPolicy.NEUTRAL);
        CustomerSatisfaction csat = CustomerSatisfaction.of(RatingScale.of(1, 5, 5),
                MissingAnswerPolicy.NEUTRAL);
        CustomerEffort ces = CustomerEffort.of(RatingScale.of(1, 7, 6), MissingAnswerPolicy.EXCLUDE);
        spark.udf().register("nps90", CxFunctions.nps(nps, 0.90));
        List<Row> out = responses.groupBy("touchpoint").agg(
                CxFunctions.nps(nps, 0.90).apply(col("nps")).as("nps"),
                CxFunctions.npsWeighted(nps, 0.80).apply(col("nps"), col("w")).as("npsw"),
                CxFunctions.csat(csat, 0.99).apply(col("csat")).as("csat"),
                CxFunctions.cesWeighted(ces, 0.90).apply(col("ces"), col("w")).as("cesw"))
                .collectAsList();
        assertAllGroups(out, local("nps", false, nps::emptyCopy), "nps", false, 0.90);
        assertAllGroups(out, local("nps", true, nps::emptyCopy), "npsw", true, 0.80);
        assertAllGroups(out, local("csat", false, csat::emptyCopy), "csat", false, 0.99);
        assertAllGroups(out, local("ces", true, ces::emptyCopy), "cesw", true, 0.90);
        List<Row> sql = spark.sql("SELECT touchpoint, nps90(nps) AS nps FROM responses GROUP BY touchpoint")
                .collectAsList();
        assertAllGroups(sql, local("nps", false, nps::emptyCopy), "nps", false, 0.90);
    }

    @Test
    void groupsWithoutAnswersAndEmptyInputAreEmptyResults() {
        Row quiet = spark.sql("SELECT cx_nps(nps) AS a, cx_csat_weighted(csat, w) AS b, cx_ces(ces) AS c"
                + " FROM responses WHERE touchpoint = 'quiet'").first();
        for (String f : new String[] {"a", "b", "c"}) {
            Row s = quiet.getStruct(quiet.fieldIndex(f));
            assertEquals(0L, s.getLong(s.fieldIndex("n")), f);
            assertEquals(5L, s.getLong(s.fieldIndex("missing")), f);
            assertTrue(Double.isNaN(s.getDouble(s.fieldIndex("estimate"))), f);
            assertTrue(Double.isNaN(s.getDouble(s.fieldIndex("lower"))), f);
        }
        Row none = spark.sql("SELECT cx_nps(nps) AS a, cx_ces_weighted(ces, w) AS b FROM responses"
                + " WHERE touchpoint = 'nowhere'").first();
        for (String f : new String[] {"a", "b"}) {
            Row s = none.getStruct(none.fieldIndex(f));
            assertEquals(0L, s.getLong(s.fieldIndex("n")), f);
            assertEquals(0L, s.getLong(s.fieldIndex("missing")), f);
            assertTrue(Double.isNaN(s.getDouble(s.fieldIndex("estimate"))), f);
        }
    }

    private static Dataset<Row> tiny(Integer score, Double weight) {
        List<Row> data = List.of(RowFactory.create("a", 9, 4, 5, 1.0), RowFactory.create("a", score,
                score, score, weight), RowFactory.create("b", 3, 2, 2, 1.5));
        return spark.createDataFrame(data, SCHEMA).repartition(2);
    }

    private static void assertFailsWith(String message, Runnable query) {
        Throwable thrown = assertThrows(Exception.class, query::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().contains(message)) {
                return;
            }
        }
        fail("expected an IllegalArgumentException with '" + message + "' in the cause chain of "
                + thrown);
    }

    @Test
    void outOfRangeAnswersFailTheQueryWithTheLibrarysMessage() {
        assertFailsWith("NPS score must be in [0, 10]: 11",
                () -> tiny(11, 1.0).groupBy("touchpoint").agg(CxFunctions.nps(col("nps"))).collectAsList());
        assertFailsWith("CSAT rating must be in [1, 5]: 0",
                () -> tiny(0, 1.0).agg(CxFunctions.csatWeighted(col("csat"), col("w"))).collectAsList());
        tiny(-1, 1.0).createOrReplaceTempView("bad");
        assertFailsWith("CES rating must be in [1, 7]: -1",
                () -> spark.sql("SELECT cx_ces(ces) FROM bad").collectAsList());
    }

    @Test
    void anyNumericAnswerColumnWorksButOnlyWholeNumbersAreAnswers() {
        Row ok = spark.sql("SELECT cx_nps(CAST(9 AS TINYINT)) AS a, cx_nps(CAST(9 AS BIGINT)) AS b,"
                + " cx_nps(9.0D) AS c, cx_nps(CAST(9 AS DECIMAL(3, 0))) AS d").first();
        for (int i = 0; i < 4; i++) {
            Row s = ok.getStruct(i);
            assertEquals(1L, s.getLong(s.fieldIndex("promoters")), "column " + i);
        }
        assertFailsWith("NPS score must be a whole number: 9.7",
                () -> spark.sql("SELECT cx_nps(9.7D)").collectAsList());
        assertFailsWith("CES rating must be a whole number: NaN",
                () -> spark.sql("SELECT cx_ces_weighted(CAST('NaN' AS DOUBLE), 1.0)").collectAsList());
        // Without ANSI mode Spark would wrap this bigint to 9 when casting it to int.
        assertFailsWith("NPS score must be in the int range: 4294967305",
                () -> spark.sql("SELECT cx_nps(CAST(4294967305 AS BIGINT))").collectAsList());
        assertFailsWith("CSAT rating must be in [1, 5]: 6",
                () -> spark.sql("SELECT cx_csat(6.0D)").collectAsList());
    }

    @Test
    void badWeightsFailTheQueryWithTheLibrarysMessage() {
        assertFailsWith("weight must be finite and > 0: 0.0",
                () -> tiny(7, 0.0).agg(CxFunctions.npsWeighted(col("nps"), col("w"))).collectAsList());
        assertFailsWith("weight must be finite and > 0: -2.0",
                () -> tiny(3, -2.0).agg(CxFunctions.cesWeighted(col("ces"), col("w"))).collectAsList());
        assertFailsWith("weight must be finite and > 0: NaN",
                () -> tiny(3, Double.NaN).agg(CxFunctions.csatWeighted(col("csat"), col("w")))
                        .collectAsList());
        assertFailsWith("weight must be finite and > 0: NaN",
                () -> tiny(3, null).agg(CxFunctions.npsWeighted(col("nps"), col("w"))).collectAsList());
        // A missing answer still needs a valid weight.
        assertFailsWith("weight must be finite and > 0: NaN",
                () -> tiny(null, null).agg(CxFunctions.npsWeighted(col("nps"), col("w"))).collectAsList());
    }

    @Test
    void missingAnswersFollowThePolicy() {
        NetPromoterScore strict = NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.FAIL);
        assertFailsWith("NPS score is missing and the missing-answer policy is FAIL",
                () -> tiny(null, 1.0).agg(CxFunctions.nps(strict, 0.95).apply(col("nps"))).collectAsList());
        Row excluded = tiny(null, 1.0).agg(CxFunctions.nps(col("nps")).as("s")).first().getStruct(0);
        assertEquals(2L, excluded.getLong(excluded.fieldIndex("n")));
        assertEquals(1L, excluded.getLong(excluded.fieldIndex("missing")));
    }
}
