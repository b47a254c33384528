package io.cxkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.NetPromoterScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's Flink example as written: the two Java lines, then the SQL block read from
 * README.md itself, over a generated table of answers five seconds apart, against the library.
 */
class ReadmeExampleTest {
    private static final int ROWS = 3000;
    private static final String[] TOUCHPOINTS = {"web", "app", "store"};

    @Test
    void theReadmesWindowedQueryMatchesTheLibrary() throws Exception {
        // The example, as in the README.
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        CxFlink.register(env);            // cx_nps, cx_csat, cx_ces and their _weighted variants

        env.getConfig().set("parallelism.default", "2");
        env.executeSql("CREATE TEMPORARY TABLE responses (id BIGINT,"
                + " touchpoint AS CASE id % 3 WHEN 0 THEN 'web' WHEN 1 THEN 'app' ELSE 'store' END,"
                + " score AS CAST(id * 7 % 11 AS INT), rating AS CAST(1 + id * 3 % 5 AS INT),"
                + " weight AS 0.5 + CAST(id % 4 AS DOUBLE), ts AS TO_TIMESTAMP_LTZ(id * 5000, 3),"
                + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '" + ROWS + "',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '" + (ROWS - 1) + "')");
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolve("../README.md"));
        int marker = readme.indexOf("<!-- flink-sql:");
        assertTrue(marker >= 0, "README.md has the Flink SQL block");
        int start = readme.indexOf('\n', readme.indexOf("```sql", marker)) + 1;
        String sql = readme.substring(start, readme.indexOf("```", start));

        Map<String, NetPromoterScore> nps = new HashMap<>();
        Map<String, CustomerSatisfaction> csat = new HashMap<>();
        for (long id = 0; id < ROWS; id++) {
            String key = id * 5 / 3600 + "/" + TOUCHPOINTS[(int) (id % 3)];
            nps.computeIfAbsent(key, k -> NetPromoterScore.create()).accept((int) (id * 7 % 11));
            csat.computeIfAbsent(key, k -> CustomerSatisfaction.create()).accept((int) (1 + id * 3 % 5), 0.5 + id % 4);
        }
        int rows = 0;
        CloseableIterator<Row> it = env.executeSql(sql).collect();
        try {
            while (it.hasNext()) {
                Row r = it.next();
                long hour = ((LocalDateTime) r.getField(0)).atZone(ZoneId.systemDefault()).toEpochSecond() / 3600;
                String key = hour + "/" + r.getField(1);
                FlinkScoresTest.assertSame(nps.get(key).result(), (Row) r.getField(2), false, 0.95, "nps " + key);
                FlinkScoresTest.assertSame(csat.get(key).result(), (Row) r.getField(3), true, 0.95, "csat " + key);
                rows++;
            }
        } finally {
            it.close();
        }
        assertEquals(nps.size(), rows, "one row per (hour, touchpoint)");
    }
}
