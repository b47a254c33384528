package io.cxkit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The user's side of {@link ShadedJarIT}, run in its own JVM whose class path holds Spark and the
 * shaded jar only: pure SQL through the catalog, no cxkit class named here. Prints one line per
 * group: {@code g n estimate standardError lower upper} for {@code cx.nps} and then for
 * {@code cx.ces_weighted} (whose t interval needs the relocated Commons Math).
 */
public final class ShadedJarQuery {
    /** The rows, as SQL: the same formula {@link ShadedJarIT} feeds the local library. */
    static final String ROWS = "SELECT id % 3 AS g, CAST(id * 7 % 11 AS INT) AS score,"
            + " CAST(1 + id * 5 % 7 AS INT) AS effort, 0.5 + id % 4 AS w FROM range(0, 3000, 1, 6)";

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
        } finally {
            spark.stop();
        }
    }
}
