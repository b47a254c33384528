package io.cxkit.spark;

import static io.cxkit.spark.SparkTestSupport.ROWS;
import static io.cxkit.spark.SparkTestSupport.SCHEMA;
import static io.cxkit.spark.SparkTestSupport.assertAllGroups;
import static io.cxkit.spark.SparkTestSupport.assertFailsWith;
import static io.cxkit.spark.SparkTestSupport.local;
import static io.cxkit.spark.SparkTestSupport.session;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsBands;
import io.cxkit.survey.RatingScale;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark functions against the local library on the same rows, in local[2] with several
 * partitions, so partial accumulators really are encoded, shuffled and combined.
 */
class CxFunctionsTest {
    private static SparkSession spark;
    private static Dataset<Row> responses;

    @BeforeAll
    static void startSpark() {
        spark = session("cx-spark-test");
        CxFunctions.register(spark);
        // Seven input partitions: every group is split across tasks and merged after a shuffle.
        responses = spark.createDataFrame(ROWS, SCHEMA).repartition(7);
        responses.createOrReplaceTempView("responses");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
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
