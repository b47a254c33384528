/**
 * Attribution of conversions and conversion value to touchpoints:
 * {@link io.cxkit.journey.attribution.AttributionAccumulator} over
 * {@link io.cxkit.journey.attribution.AttributionJourney}s reads out an
 * {@link io.cxkit.journey.attribution.AttributionResult} holding one
 * {@link io.cxkit.journey.attribution.AttributionModelResult} per
 * {@link io.cxkit.journey.attribution.AttributionModel}: first touch, last touch, linear, time
 * decay, and the exact Markov-chain removal effect of order 1 to 3.
 *
 * <p><b>What is counted.</b> The unit is the journey, converting or not; a journey converts at most
 * once. From a {@link io.cxkit.journey.CustomerJourney},
 * {@code AttributionJourney.of(journey, conversionOutcomes)} converts at
 * the first event whose outcome is a conversion outcome: the touches are the events up to and
 * including that one (the converting event's touchpoint is the last touch), later events are
 * dropped, and the value is that event's value (0 if it has none). Every touch counts, repeats
 * included (linear gives a touchpoint visited twice {@code 2/m}).
 *
 * <p><b>Heuristics</b> credit each converting journey's 1 conversion and its value to its own
 * touches. Time decay weighs a touch by {@code 2^(−Δt/half-life)}, {@code Δt} from the touch to
 * the last touch, normalized per journey; it needs touch times (used to the nanosecond; from a journey, its
 * events' times) and is reported unavailable otherwise.
 *
 * <p><b>Markov</b> states, the removal effect and the limits on the number of states are stated on
 * {@link io.cxkit.journey.attribution.AttributionAccumulator}. Credits of every model sum to the
 * conversions and to the total value; with no conversions every credit is 0 and the result says so.
 *
 * <p><b>Merging.</b> Transition and journey counts are exact, so {@code combine} equals the single
 * pass exactly for Markov and up to the rounding of compensated sums for the heuristics.
 */
package io.cxkit.journey.attribution;
