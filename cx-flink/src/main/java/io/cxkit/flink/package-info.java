/**
 * cxkit's NPS, CSAT and CES accumulators as Flink Table API / SQL aggregate functions, for batch
 * and streaming (grouped and windowed) queries: {@link io.cxkit.flink.CxFlink} registers them,
 * {@link io.cxkit.flink.ScoreAggregateFunction} describes what they return and accept.
 *
 * <p>No statistic is implemented twice: the state of each group is the library's own accumulator,
 * kept live and fed row by row, and encoded (in its versioned binary form, validated on decode)
 * only when Flink writes the state out, at checkpoints or between the phases of a batch
 * aggregation. The functions are append-only: the library's accumulators cannot subtract, so there
 * is no {@code retract}. Flink is a provided dependency.
 */
package io.cxkit.flink;
