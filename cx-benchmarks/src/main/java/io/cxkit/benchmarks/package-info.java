/**
 * JMH benchmarks of cxkit's hot paths and of the tools users would pick instead (DuckDB over JDBC,
 * Java streams, Commons Math), on seeded generated data. Every benchmark returns its result or
 * feeds a {@code Blackhole}, and the peers' answers are cross-checked against cxkit's before any
 * timing counts. Not published; {@code BENCHMARKS.md} holds the figures and how they were taken.
 */
package io.cxkit.benchmarks;
