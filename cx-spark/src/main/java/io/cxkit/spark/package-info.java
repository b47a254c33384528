/**
 * cxkit's accumulators as Spark SQL aggregate functions: {@link io.cxkit.spark.CxFunctions} for the
 * DataFrame API and session-registered SQL functions, and {@link io.cxkit.spark.CxCatalog}, a
 * DataSource V2 function catalog, for pure SQL ({@code SELECT cx.nps(score) …}).
 *
 * <p>No statistic is implemented twice: each function's buffer is the library's own accumulator,
 * fed row by row inside a task and moved between executors only as its versioned binary encoding,
 * so a Spark aggregation returns the numbers the local API returns for the same rows. Spark is a
 * provided dependency; the cluster supplies it.
 */
package io.cxkit.spark;
