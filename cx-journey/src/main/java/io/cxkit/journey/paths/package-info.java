/**
 * Journey paths: {@link io.cxkit.journey.paths.PathVariants} counts the touchpoint sequences
 * journeys take (whole, leading to a touchpoint, or following it) and
 * {@link io.cxkit.journey.paths.TransitionGraph} the directly-follows graph between touchpoints.
 * Both are mergeable accumulators; counts are exact, so any split of the journeys combines to the
 * single-pass result.
 *
 * <p><b>What is counted.</b> The unit is the journey; a journey's path is its touchpoints in event
 * order (ties in time keep input order). {@code create()} counts every journey's full path.
 * {@code ofLeadingTo(tp, n)} and {@code ofFollowing(tp, n)} (the CLI's {@code --to TP} and
 * {@code --from TP} with {@code --depth n}) count only journeys that visit {@code tp}; the others
 * are reported as skipped. The path is cut at the journey's <em>first</em> visit of {@code tp} and
 * <em>includes</em> {@code tp}: up to {@code n} touchpoints before it and then {@code tp}
 * ({@code n + 1} at most), or {@code tp} and up to {@code n} touchpoints after it. Journeys with
 * fewer touchpoints on that side give shorter paths; they are not padded or dropped.
 *
 * <p><b>Collapsing repeats vs depth.</b> With {@code collapsingRepeats()} consecutive repeats of a
 * touchpoint count once ({@code a a b → a b}), and the collapse happens <em>before</em> the cut:
 * the first visit and the depth are counted on the collapsed path, so
 * {@code ofFollowing("a", 1)} over {@code a a b} gives {@code a > b}, not {@code a > a}.
 * Non-consecutive repeats ({@code a b a}) are kept.
 *
 * <p><b>Top k and ties.</b> Variants are ordered by count, descending, and ties by their label
 * ({@code "a > b > c"}, compared as strings). {@code top(k)} lists exactly the first {@code k} in
 * that order, even when the {@code k}-th ties with the next: tied variants beyond {@code k} go to
 * the "other" row, which holds every remaining variant, so the listed counts plus other's add up
 * to the journeys counted.
 *
 * <p><b>Transitions.</b> Every pair of consecutive events of a journey is one edge (self-loops
 * included), plus an entry edge from {@code (start)} to the first touchpoint and an exit edge from
 * the last to {@code (end)}; an edge's share is its count over all edges leaving its source. The
 * time of an edge between two touchpoints is the time between the two events, measured in whole
 * milliseconds and reported in seconds as a {@link io.cxkit.core.QuantileSketch} summary (a
 * quantile {@code q} is within 1% of the order statistic {@code x₍⌊q·(n−1)⌋₎}, 0-based).
 */
package io.cxkit.journey.paths;
