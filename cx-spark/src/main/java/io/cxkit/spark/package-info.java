/**
 * cxkit on Spark: the survey scores, key drivers and survival (Kaplan–Meier, log-rank) as Spark SQL
 * aggregate functions — {@link io.cxkit.spark.CxFunctions} for the DataFrame API and
 * session-registered SQL functions, {@link io.cxkit.spark.CxCatalog}, a DataSource V2 function
 * catalog, for pure SQL ({@code SELECT cx.nps(score) …}) — and {@link io.cxkit.spark.CxJourneys},
 * funnels, path variants and attribution over an event DataFrame with the local journey engine.
 *
 * <p>No statistic is implemented twice: each function's buffer is the library's own accumulator,
 * fed row by row inside a task and moved between executors only as its versioned binary encoding,
 * so a Spark aggregation returns the numbers the local API returns for the same rows. The journey
 * analyses cut and count each customer's journeys in one task with the library's event log and
 * accumulators, and the driver combines the tasks' validated encodings. Spark is a provided
 * dependency; the cluster supplies it.
 *
 * <p>The aggregate functions (scores, key drivers, survival) each implement Spark's
 * {@code AggregateFunction}/{@code Aggregator} methods (input types, buffer, update, merge,
 * result); those method blocks look alike by Spark's design and differ in what they feed and read
 * out. What they share, the byte-array state, is written once ({@code AccumulatorBuffer},
 * {@code AccumulatorState}).
 */
package io.cxkit.spark;
