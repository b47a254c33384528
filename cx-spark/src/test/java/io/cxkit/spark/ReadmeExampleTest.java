package io.cxkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's Spark examples as written, on a Parquet file: the Java lines, every statement
 * of the SQL block and the PySpark recipe's {@code F.expr} (read from README.md itself, so the
 * documentation cannot drift from what runs).
 */
class ReadmeExampleTest {
    private static final Path README = Path.of(System.getProperty("user.dir")).resolve("../README.md");
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSupport.session("cx-spark-readme");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static String writeResponses(Path dir) {
        StructType schema = new StructType().add("touchpoint", DataTypes.StringType)
                .add("score", DataTypes.IntegerType).add("rating", DataTypes.IntegerType)
                .add("weight", DataTypes.DoubleType);
        SplittableRandom r = new SplittableRandom(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(RowFactory.create(i % 2 == 0 ? "web" : "store", r.nextInt(11), 1 + r.nextInt(5),
                    0.5 + r.nextDouble()));
        }
        String path = dir.resolve("responses.parquet").toString();
        spark.createDataFrame(rows, schema).repartition(3).write().parquet(path);
        return path;
    }

    @Test
    void fiveLineExampleRuns(@TempDir Path dir) {
        String path = writeResponses(dir);

        // The example, as in the README (path substituted).
        CxFunctions.register(spark);
        Dataset<Row> responses = spark.read().parquet(path);
        responses.createOrReplaceTempView("responses");
        Dataset<Row> nps = spark.sql("SELECT touchpoint, cx_nps(score) AS nps FROM responses GROUP BY touchpoint");
        Dataset<Row> csat = responses.groupBy("touchpoint").agg(CxFunctions.csatWeighted(col("rating"), col("weight")).as("csat"));

        nps.show(false);
        csat.select("touchpoint", "csat.estimate", "csat.lower", "csat.upper", "csat.effectiveN").show(false);
        assertEquals(2, nps.count());
        assertEquals(400L, nps.selectExpr("sum(nps.n)").first().getLong(0));
        assertEquals(2, csat.count());
    }

    /** The README's text between the marker line and the end of the fenced block after it. */
    private static String block(String marker) throws IOException {
        String readme = Files.readString(README);
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "README.md has no " + marker);
        int start = readme.indexOf('\n', readme.indexOf("```", at)) + 1;
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void sqlCatalogAndPySparkExamplesRunAndMatchTheLibrary(@TempDir Path dir) throws IOException {
        String path = writeResponses(dir);
        spark.conf().set("spark.sql.catalog.cx", "io.cxkit.spark.CxCatalog");
        Dataset<Row> responses = spark.read().parquet(path);
        responses.createOrReplaceTempView("responses");
        Map<String, NetPromoterScore> expected = new HashMap<>();
        for (Row r : responses.collectAsList()) {
            expected.computeIfAbsent(r.getString(0), k -> NetPromoterScore.create()).accept(r.getInt(1));
        }

        String[] statements = block("<!-- spark-sql:").split(";");
        int ran = 0;
        for (String sql : statements) {
            if (sql.isBlank()) {
                continue;
            }
            for (Row row : spark.sql(sql).collectAsList()) {
                NpsResult want = expected.get(row.getString(0)).result();
                double estimate = hasField(row, "nps") ? row.getStruct(row.fieldIndex("nps")).getDouble(2)
                        : row.getDouble(row.fieldIndex("estimate"));
                assertEquals(want.estimate(), estimate, 1e-12, sql);
            }
            ran++;
        }
        assertEquals(2, ran, "SQL statements in the README block");

        Matcher expr = Pattern.compile("F\\.expr\\(\"([^\"]+)\"\\)").matcher(block("**PySpark**"));
        assertTrue(expr.find(), "the PySpark recipe uses F.expr");
        List<Row> py = responses.groupBy("touchpoint").agg(functions.expr(expr.group(1)).alias("nps"))
                .select("touchpoint", "nps.estimate", "nps.lower", "nps.upper", "nps.n").collectAsList();
        assertEquals(2, py.size());
        for (Row row : py) {
            NpsResult want = expected.get(row.getString(0)).result();
            assertEquals(want.estimate(), row.getDouble(1), 1e-12);
            assertEquals(want.interval(0.95).lower(), row.getDouble(2), 1e-12);
            assertEquals(want.n(), row.getLong(4));
        }
    }

    private static boolean hasField(Row row, String name) {
        return java.util.Arrays.asList(row.schema().fieldNames()).contains(name);
    }
}
