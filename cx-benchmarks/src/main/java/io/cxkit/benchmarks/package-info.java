/**
 * JMH benchmarks of cxkit's hot paths and of the tools users would pick instead (DuckDB over JDBC,
 * Java streams, Commons Math), on seeded generated data. Every benchmark returns its result or
 * feeds a {@code Blackhole}, and the peers' answers are cross-checked against cxkit's before any
 * timing counts. Not published; {@code BENCHMARKS.md} holds the figures and how they were taken.
 *
 * <p>Each fixture is its own {@code @State} class, as JMH intends, so a benchmark sets up only the
 * data it times. Their setups look alike (make the data, build the approach, cross-check it against
 * the reference answer) but each builds a different approach; that likeness is deliberate.
 */
package io.cxkit.benchmarks;
