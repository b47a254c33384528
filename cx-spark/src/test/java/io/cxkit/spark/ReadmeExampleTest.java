package io.cxkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.io.TempDir;

/** Runs the five-line example of cx-spark/README-section.md, as written, on a Parquet file. */
class ReadmeExampleTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("cx-spark-readme")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void fiveLineExampleRuns(@TempDir Path dir) {
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
        spark.createDataFrame(rows, schema).write().parquet(path);

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
}
