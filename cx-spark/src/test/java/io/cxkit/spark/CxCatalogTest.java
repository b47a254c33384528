package io.cxkit.spark;

import static io.cxkit.spark.SparkTestSupport.ROWS;
import static io.cxkit.spark.SparkTestSupport.SCHEMA;
import static io.cxkit.spark.SparkTestSupport.assertAllGroups;
import static io.cxkit.spark.SparkTestSupport.assertFailsWith;
import static io.cxkit.spark.SparkTestSupport.assertMessage;
import static io.cxkit.spark.SparkTestSupport.local;
import static io.cxkit.spark.SparkTestSupport.session;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.drivers.DriverImportance;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.drivers.KeyDrivers;
import io.cxkit.survey.NetPromoterScore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchFunctionException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pure-SQL path: {@code spark.sql.catalog.cx=io.cxkit.spark.CxCatalog}, nothing registered from
 * code, every function equal to the local library on the same rows (split over seven partitions, so
 * states are serialized, shuffled and merged).
 */
class CxCatalogTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = session("cx-spark-catalog", "spark.sql.catalog.cx", CxCatalog.class.getName(),
                "spark.sql.catalog.cx90", CxCatalog.class.getName(),
                "spark.sql.catalog.cx90.confidence", "0.90");
        spark.createDataFrame(ROWS, SCHEMA).repartition(7).createOrReplaceTempView("responses");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyFunctionMatchesTheLocalLibrary() {
        List<Row> out = spark.sql("SELECT touchpoint, cx.nps(nps) AS nps, cx.nps_weighted(nps, w) AS npsw,"
                + " cx.csat(csat) AS csat, cx.csat_weighted(csat, w) AS csatw,"
                + " cx.ces(ces) AS ces, cx.ces_weighted(ces, w) AS cesw"
                + " FROM responses GROUP BY touchpoint").collectAsList();
        assertAllGroups(out, local("nps", false, NetPromoterScore::create), "nps", false, 0.95);
        assertAllGroups(out, local("nps", true, NetPromoterScore::create), "npsw", true, 0.95);
        assertAllGroups(out, local("csat", false, CustomerSatisfaction::create), "csat", false, 0.95);
        assertAllGroups(out, local("csat", true, CustomerSatisfaction::create), "csatw", true, 0.95);
        assertAllGroups(out, local("ces", false, CustomerEffort::create), "ces", false, 0.95);
        assertAllGroups(out, local("ces", true, CustomerEffort::create), "cesw", true, 0.95);
    }

    @Test
    void keyDriversMatchTheLibrary() {
        Map<String, KeyDrivers> plain = new HashMap<>();
        Map<String, KeyDrivers> weighted = new HashMap<>();
        for (Row r : ROWS) {
            double[] x = {value(r, 2), value(r, 3)};
            String tp = r.getString(0);
            plain.computeIfAbsent(tp, k -> KeyDrivers.of("outcome", List.of("driver1", "driver2"))).accept(value(r, 1), x);
            weighted.computeIfAbsent(tp, k -> KeyDrivers.of("outcome", List.of("driver1", "driver2")))
                    .accept(value(r, 1), x, r.getDouble(4));
        }
        List<Row> out = spark.sql("SELECT touchpoint, cx.key_drivers(nps, csat, ces) AS rw,"
                + " cx.key_drivers_lmg_weighted(nps, csat, ces, w) AS lmg FROM responses"
                + " WHERE touchpoint <> 'quiet' GROUP BY touchpoint").collectAsList();
        assertEquals(5, out.size());
        for (Row row : out) {
            String tp = row.getString(0);
            assertDrivers(plain.get(tp).result(KeyDriverMethod.RELATIVE_WEIGHTS), row.getStruct(1), tp);
            assertDrivers(weighted.get(tp).result(KeyDriverMethod.LMG), row.getStruct(2), tp + " weighted");
        }
        Row small = spark.sql("SELECT cx.key_drivers(nps, csat, ces) FROM (SELECT * FROM responses"
                + " WHERE nps IS NOT NULL AND csat IS NOT NULL AND ces IS NOT NULL LIMIT 3)").first().getStruct(0);
        assertEquals(3L, small.getLong(0));
        assertTrue(Double.isNaN(small.getDouble(2)), "a group too small to fit has NaN R², not a failed query");
        assertMessage("cx.key_drivers takes the outcome, 1 to 30 drivers: got 1 arguments",
                () -> spark.sql("SELECT cx.key_drivers(nps) FROM responses").collectAsList());
        assertMessage("cx.key_drivers_weighted: the driver1 argument must be numeric: got STRING",
                () -> spark.sql("SELECT cx.key_drivers_weighted(nps, touchpoint, w) FROM responses").collectAsList());
    }

    private static double value(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getInt(i);
    }

    private static void assertDrivers(KeyDriversResult expected, Row s, String what) {
        assertEquals(expected.n(), s.getLong(0), what + " n");
        assertEquals(expected.excluded(), s.getLong(1), what + " excluded");
        assertEquals(expected.rSquared(), s.getDouble(2), 1e-9, what + " rSquared");
        List<Row> importances = s.getList(3);
        assertEquals(expected.importances().size(), importances.size(), what);
        for (int i = 0; i < importances.size(); i++) {
            DriverImportance d = expected.importances().get(i);
            Row got = importances.get(i);
            assertEquals(d.driver(), got.getString(0), what);
            assertEquals(d.raw(), got.getDouble(1), 1e-9, what + " raw " + d.driver());
            assertEquals(d.rescaled(), got.getDouble(2), 1e-9, what + " rescaled " + d.driver());
            assertEquals(d.mean(), got.getDouble(3), 1e-9, what + " mean " + d.driver());
        }
    }

    @Test
    void theConfidenceOptionSetsEveryInterval() {
        List<Row> out = spark.sql("SELECT touchpoint, cx90.NPS(nps) AS nps, cx90.ces_weighted(ces, w) AS cesw"
                + " FROM responses GROUP BY touchpoint").collectAsList();
        assertAllGroups(out, local("nps", false, NetPromoterScore::create), "nps", false, 0.90);
        assertAllGroups(out, local("ces", true, CustomerEffort::create), "cesw", true, 0.90);
    }

    @Test
    void anyNumericTypeIsReadWithoutACast() {
        Row ok = spark.sql("SELECT cx.nps(CAST(9 AS TINYINT)) AS a, cx.nps(CAST(9 AS SMALLINT)) AS b,"
                + " cx.nps(CAST(9 AS BIGINT)) AS c, cx.nps(CAST(9 AS FLOAT)) AS d, cx.nps(9.0D) AS e,"
                + " cx.nps(CAST(9 AS DECIMAL(3, 0))) AS f, cx.nps_weighted(9, CAST(2 AS DECIMAL(4, 1))) AS g")
                .first();
        for (int i = 0; i < 7; i++) {
            Row s = ok.getStruct(i);
            assertEquals(1L, s.getLong(s.fieldIndex("promoters")), "column " + i);
            assertEquals(100.0, s.getDouble(s.fieldIndex("estimate")), "column " + i);
        }
        assertFailsWith("NPS score must be a whole number: 9.7",
                () -> spark.sql("SELECT cx.nps(9.7D)").collectAsList());
        assertFailsWith("CSAT rating must be a whole number: 4.5",
                () -> spark.sql("SELECT cx.csat(CAST(4.5 AS DECIMAL(2, 1)))").collectAsList());
        assertFailsWith("NPS score must be in the int range: 4294967305",
                () -> spark.sql("SELECT cx.nps(CAST(4294967305 AS BIGINT))").collectAsList());
        assertFailsWith("CES rating must be in [1, 7]: 8",
                () -> spark.sql("SELECT cx.ces(8)").collectAsList());
        assertFailsWith("weight must be finite and > 0: NaN",
                () -> spark.sql("SELECT cx.csat_weighted(4, CAST(NULL AS DOUBLE))").collectAsList());
    }

    @Test
    void nullAnswersAreMissingAndEmptyGroupsAreEmptyResults() {
        Row r = spark.sql("SELECT cx.nps(NULL) AS a, cx.csat(csat) AS b FROM responses"
                + " WHERE touchpoint = 'quiet'").first();
        Row a = r.getStruct(0);
        assertEquals(0L, a.getLong(a.fieldIndex("n")));
        assertEquals(5L, a.getLong(a.fieldIndex("missing")));
        assertTrue(Double.isNaN(a.getDouble(a.fieldIndex("estimate"))));
        Row b = r.getStruct(1);
        assertEquals(5L, b.getLong(b.fieldIndex("missing")));
        assertTrue(Double.isNaN(b.getDouble(b.fieldIndex("upper"))));
    }

    @Test
    void wrongArgumentsFailAnalysisNamingTheFunction() {
        assertMessage("cx.nps: the score argument must be numeric: got STRING",
                () -> spark.sql("SELECT cx.nps(touchpoint) FROM responses").collectAsList());
        assertMessage("cx.csat_weighted: the weight argument must be numeric: got STRING",
                () -> spark.sql("SELECT cx.csat_weighted(csat, touchpoint) FROM responses").collectAsList());
        assertMessage("cx.ces takes 1 argument (answer): got 2",
                () -> spark.sql("SELECT cx.ces(ces, w) FROM responses").collectAsList());
        assertMessage("cx.nps_weighted takes 2 arguments (score, weight): got 1",
                () -> spark.sql("SELECT cx.nps_weighted(nps) FROM responses").collectAsList());
        Exception unknown = assertThrows(Exception.class,
                () -> spark.sql("SELECT cx.median(nps) FROM responses").collectAsList());
        assertTrue(unknown.getMessage().contains("median"), unknown.getMessage());
    }

    @Test
    void theCatalogListsAndLoadsItsFunctions() throws Exception {
        CxCatalog catalog = new CxCatalog();
        catalog.initialize("surveys", new CaseInsensitiveStringMap(Map.of()));
        assertEquals("surveys", catalog.name());
        String[] names = Arrays.stream(catalog.listFunctions(new String[0])).map(Identifier::name)
                .toArray(String[]::new);
        assertArrayEquals(new String[] {"ces", "ces_weighted", "csat", "csat_weighted", "kaplan_meier",
            "key_drivers", "key_drivers_lmg", "key_drivers_lmg_weighted", "key_drivers_weighted", "log_rank", "nps",
            "nps_weighted"}, names);
        assertEquals("nps_weighted", catalog.loadFunction(Identifier.of(new String[0], "NPS_Weighted")).name());
        assertTrue(catalog.loadFunction(Identifier.of(new String[0], "csat")).description()
                .startsWith("surveys.csat(rating): cxkit CSAT"));
        assertThrows(NoSuchFunctionException.class,
                () -> catalog.loadFunction(Identifier.of(new String[0], "median")));
        assertThrows(NoSuchFunctionException.class,
                () -> catalog.loadFunction(Identifier.of(new String[] {"db"}, "nps")));
        assertThrows(NoSuchNamespaceException.class, () -> catalog.listFunctions(new String[] {"db"}));
        assertTrue(catalog.toString().contains("nps_weighted"), catalog.toString());
    }

    @Test
    void aBadConfidenceOptionNamesTheSparkSetting() {
        CxCatalog catalog = new CxCatalog();
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> catalog.initialize("cx", new CaseInsensitiveStringMap(Map.of("confidence", "1.5"))));
        assertEquals("spark.sql.catalog.cx.confidence must be in (0, 1): 1.5", range.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> catalog.initialize("cx", new CaseInsensitiveStringMap(Map.of("Confidence", "high"))));
        assertEquals("spark.sql.catalog.cx.confidence must be a number in (0, 1): 'high'", text.getMessage());
    }

    @Test
    void theStateTravelsAsTheAccumulatorsEncoding() throws Exception {
        NetPromoterScore nps = NetPromoterScore.create();
        nps.accept(10);
        nps.accept(3, 2.0);
        AccumulatorState copy = (AccumulatorState) read(write(new AccumulatorState(StateKind.NPS, nps)));
        assertEquals(nps.result().toString(), copy.accumulator().result().toString());
        assertTrue(copy.toString().startsWith("AccumulatorState[NPS: "), copy.toString());

        // Damage the encoding inside the stream: the library's decode rejects it and the state says
        // what it is; a length out of range is rejected before anything is read.
        CustomerSatisfaction csat = CustomerSatisfaction.create();
        csat.accept(4);
        byte[] encoding = csat.encode();
        byte[] stream = write(new AccumulatorState(StateKind.CSAT, csat));
        int at = indexOf(stream, encoding);
        byte[] damaged = stream.clone();
        damaged[at] ^= (byte) 0xFF;
        InvalidObjectException bad = assertThrows(InvalidObjectException.class, () -> read(damaged));
        assertTrue(bad.getMessage().startsWith("cx-spark aggregation state is not a valid CSAT encoding: "),
                bad.getMessage());
        byte[] huge = stream.clone();
        huge[at - 4] = 0x7F;
        InvalidObjectException length = assertThrows(InvalidObjectException.class, () -> read(huge));
        assertTrue(length.getMessage().startsWith("cx-spark aggregation state: encoded length must be in [1, "),
                length.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("encoding not found in the serialized state");
    }

    private static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
