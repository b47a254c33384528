/**
 * Conversion funnels over journeys: {@link io.cxkit.journey.funnel.Funnel} (the definition: steps,
 * {@link io.cxkit.journey.funnel.FunnelMode}, window), {@link io.cxkit.journey.funnel.FunnelAccumulator}
 * (mergeable counts and time sketches) and {@link io.cxkit.journey.funnel.FunnelResult}.
 *
 * <p><b>What is counted.</b> The unit is the journey: every journey offered is one trial, entered
 * or not (for customers, build one journey per customer). Per step: {@code entered} (journeys that
 * reached it), {@code converted} (of those, journeys that reached the next step; the last step's
 * converted is its entered) and {@code dropped}. Rates are proportions with Wilson intervals:
 * from the previous step (the first step: of all journeys offered) and from the first step.
 *
 * <p><b>Anchor and window.</b> A journey is anchored at its <em>first</em> event that matches step
 * 1 in {@code ORDERED} and {@code STRICT} mode, and at its first event that matches <em>any</em>
 * step in {@code ANY_ORDER} mode; later events never re-anchor. Only events at most
 * {@code window} after the anchor count, the instant {@code anchor + window} included. In
 * {@code ANY_ORDER} the window therefore starts at the first funnel event of any step, which may
 * come before step 1's first occurrence.
 *
 * <p><b>Steps and repeats.</b> One event fulfils at most one step in the ordered modes, and a step
 * is fulfilled by its first matching event after the previous step's event; repeats add nothing.
 * {@code STRICT} needs the very next event of the journey to match the next step, so a repeat of
 * the first step right after it ({@code product, product, cart}) ends the journey at step 1: the
 * repeat neither re-anchors nor is skipped. {@code ANY_ORDER} reaches step {@code s} once steps
 * {@code 1..s} have each occurred (each at its first occurrence within the window), at the time
 * the last of them occurred.
 *
 * <p><b>Times.</b> "Time from previous step" is the time between the instants at which step
 * {@code s−1} and step {@code s} were reached; "time from first step" starts at the instant step 1
 * was reached. In {@code ANY_ORDER} that is step 1's first occurrence, <em>not</em> the anchor:
 * for {@code cart@0, product@5, checkout@6} the window runs from minute 0 but the time from first
 * step to checkout is 1 minute. Event times are compared and measured in whole milliseconds
 * (sub-millisecond parts are dropped); events that tie in time keep their input order. Times are
 * reported in seconds as {@link io.cxkit.core.QuantileSketch} summaries: a quantile {@code q} is
 * within 1% of the sample's order statistic {@code x₍⌊q·(n−1)⌋₎} (0-based; the lower of the two
 * values R's default type 7 interpolates between, numpy's {@code method="lower"}), so the median
 * of 4 times is the 2nd smallest, not the mean of the middle two.
 *
 * <p><b>Merging.</b> {@code combine} requires the same definition (mode, window, steps) and
 * equals the single pass; the encoding carries the definition's signature.
 */
package io.cxkit.journey.funnel;
