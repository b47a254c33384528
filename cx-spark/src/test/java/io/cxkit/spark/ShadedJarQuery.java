package io.cxkit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The user's side of {@link ShadedJarIT}, run in its own JVM whose class path holds Spark and the
 * shaded jar only. Pure SQL through the catalog prints one line per group: {@code g n estimate
 * standardError lower upper} for {@code cx.nps} and then for {@code cx.ces_weighted} (whose t
 * interval needs the relocated Commons Math), and {@code n events median medianLower medianUpper}
 * for {@code cx.kaplan_meier}; the journey API ({@link io.cxkit.spark.CxJourneys}, cx-journey inside
 * the jar) prints {@code journeys reached...} of a funnel.
 */
public final class ShadedJarQuery {
    /** The rows, as SQL: the same formula {@link ShadedJarIT} feeds the local library. */
    static final String ROWS = "SELECT id % 3 AS g, CAST(id * 7 % 11 AS INT) AS score,"
            + " CAST(1 + id * 5 % 7 AS INT) AS effort, 0.5 + id % 4 AS w, id % 97 AS days, id % 5 <> 0 AS churned"
            + " FROM range(0, 3000, 1, 6)";
    /** The events, as SQL: the same formula {@link ShadedJarIT} appends to a local event log. */
    static final String EVENTS = "SELECT CONCAT('c', id % 200) AS customer,"
            + " timestamp_seconds(1767225600 + (id div 200) * 60) AS time,"
            + " element_at(array('home', 'product', 'cart', 'checkout'), CAST(1 + id * 7 % 4 AS INT)) AS touchpoint,"
            + " 'web' AS channel FROM range(0, 2000, 1, 4)";
    /** The funnel's steps. */
    static final String[] STEPS = {"home", "product", "cart", "checkout"};

    private ShadedJarQuery() {
    }

    /**
     * Runs the query and prints the results.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("cx-shaded-jar")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.catalog.cx", "io.cxkit.spark.CxCatalog")
                .getOrCreate();
        try {
            spark.sql(ROWS).createOrReplaceTempView("responses");
            for (Row row : spark.sql("SELECT g, cx.nps(score) AS nps, cx.ces_weighted(effort, w) AS ces"
                    + " FROM responses GROUP BY g ORDER BY g").collectAsList()) {
                for (String f : new String[] {"nps", "ces"}) {
                    Row s = row.getStruct(row.fieldIndex(f));
                    System.out.println("RESULT " + f + " " + row.getLong(0) + " " + s.getLong(0) + " "
                            + s.getDouble(2) + " " + s.getDouble(3) + " " + s.getDouble(4) + " " + s.getDouble(5));
                }
            }
            Row km = spark.sql("SELECT cx.kaplan_meier(days, churned) FROM responses").first().getStruct(0);
            System.out.println("RESULT km " + km.getLong(0) + " " + km.getLong(1) + " " + km.getDouble(3) + " "
                    + km.getDouble(4) + " " + km.getDouble(5));
            io.cxkit.journey.funnel.FunnelResult funnel = io.cxkit.spark.CxJourneys.funnel(spark.sql(EVENTS),
                    io.cxkit.spark.JourneyColumns.create(), io.cxkit.journey.JourneyBuilder.create(),
                    io.cxkit.journey.funnel.Funnel.builder().steps(STEPS).build());
            StringBuilder line = new StringBuilder("RESULT funnel " + funnel.journeys());
            funnel.steps().forEach(s -> line.append(' ').append(s.entered()));
            System.out.println(line);
        } finally {
            spark.stop();
        }
    }
}
