/**
 * The ground every cxkit module stands on: the domain model (customers, channels, touchpoints,
 * journey stages, interactions, journeys), calendar buckets in an explicit {@link java.time.ZoneId}
 * and segment keys, the {@link io.cxkit.core.Accumulator} contract with its versioned binary
 * {@link io.cxkit.core.Encoding}, and the shared statistics (compensated sums, Welford/Chan moments,
 * proportion and t intervals, two-sample tests, Benjamini–Hochberg, a mergeable quantile sketch).
 *
 * <p>Semantics shared by every accumulator in cxkit: {@code accept} takes one observation as
 * primitives without allocating; {@code combine(other)} checks that the configurations match before
 * it changes anything, returns {@code this}, and is associative and commutative, so partial results
 * merged in any order equal the single pass (exactly for counts); {@code result()} is an immutable
 * record. Empty input is reported, never hidden: {@code n == 0} and a {@code NaN} estimate, since 0
 * is a valid score. An encoding carries a type tag and a version and is validated when decoded.
 *
 * <p>Nothing here reads files, writes JSON, logs, or knows about a command line or an engine.
 */
package io.cxkit.core;
