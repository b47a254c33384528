package io.cxkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Interval;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog through Spark Connect: a Connect server started in this JVM (Spark's
 * {@code SparkConnectPlugin} on a local session configured with {@code spark.sql.catalog.cx}), and a
 * Connect client ({@code org.apache.spark.sql.connect.SparkSession}, Spark's JVM client) that sends
 * nothing but SQL text. The results equal the local library's; a bad answer fails the client's query
 * with the library's message. Only the catalog reaches a Connect client: {@link CxFunctions} and
 * {@link CxJourneys} are code that runs where the session lives, i.e. on the server.
 */
class SparkConnectTest {
    private static final String QUERY = "SELECT id % 3 AS g, cx.nps(CAST(id * 7 % 11 AS INT)) AS nps,"
            + " cx.kaplan_meier(id % 97, id % 5 <> 0) AS km FROM range(0, 3000, 1, 6) GROUP BY g ORDER BY g";
    private static SparkSession server;
    private static SparkSession client;

    @BeforeAll
    static void startServerAndClient() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = SparkTestSupport.session("cx-spark-connect-server",
                "spark.plugins", "org.apache.spark.sql.connect.SparkConnectPlugin",
                "spark.connect.grpc.binding.address", "127.0.0.1",
                "spark.connect.grpc.binding.port", Integer.toString(port),
                "spark.sql.catalog.cx", CxCatalog.class.getName());
        client = org.apache.spark.sql.connect.SparkSession.builder().remote("sc://127.0.0.1:" + port).getOrCreate();
    }

    @AfterAll
    static void stopServer() {
        // The client session is not released: 4.1's server answers a release through its pipelines
        // module, which cx-spark leaves out (not on Maven Central); stopping the server ends it.
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aConnectClientCallsTheCatalogFunctionsAndGetsTheLibrarysNumbers() {
        assertTrue(client.getClass().getName().contains(".connect."), client.getClass().getName());
        NetPromoterScore[] nps = new NetPromoterScore[3];
        SurvivalAccumulator[] km = new SurvivalAccumulator[3];
        for (int g = 0; g < 3; g++) {
            nps[g] = NetPromoterScore.create();
            km[g] = SurvivalAccumulator.create();
        }
        for (long id = 0; id < 3000; id++) { // the rows of QUERY
            int g = (int) (id % 3);
            nps[g].accept((int) (id * 7 % 11));
            km[g].accept(id % 97, id % 5 != 0);
        }
        List<Row> rows = client.sql(QUERY).collectAsList();
        assertEquals(3, rows.size());
        for (Row row : rows) {
            int g = (int) row.getLong(0);
            NpsResult want = nps[g].result();
            Interval ci = want.interval(0.95);
            Row got = row.getStruct(1);
            assertEquals(want.n(), got.getLong(got.fieldIndex("n")));
            assertEquals(want.promoters(), got.getLong(got.fieldIndex("promoters")));
            assertEquals(want.estimate(), got.getDouble(got.fieldIndex("estimate")), 1e-12 * 100);
            assertEquals(ci.lower(), got.getDouble(got.fieldIndex("lower")), 1e-12 * 100);
            assertEquals(ci.upper(), got.getDouble(got.fieldIndex("upper")), 1e-12 * 100);
            SurvivalCurve curve = km[g].result().overall();
            MedianSurvival median = curve.median();
            Row k = row.getStruct(2);
            assertEquals(curve.n(), k.getLong(k.fieldIndex("n")));
            assertEquals(curve.events(), k.getLong(k.fieldIndex("events")));
            assertEquals(median.time(), k.getDouble(k.fieldIndex("median")), 1e-12 * 100);
            assertEquals(curve.steps().size(), k.getList(k.fieldIndex("steps")).size());
        }
    }

    @Test
    void badInputFailsTheClientsQueryWithTheLibrarysMessage() {
        Exception e = assertThrows(Exception.class, () -> client.sql("SELECT cx.nps(11)").collectAsList());
        assertTrue(String.valueOf(e.getMessage()).contains("NPS score must be in [0, 10]: 11"), e::toString);
        Exception analysis = assertThrows(Exception.class, () -> client.sql("SELECT cx.nps('x')").collectAsList());
        assertTrue(String.valueOf(analysis.getMessage()).contains("cx.nps: the score argument must be numeric"),
                analysis::toString);
    }
}
