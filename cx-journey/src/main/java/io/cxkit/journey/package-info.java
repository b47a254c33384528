/**
 * Customer journeys built from interaction events: {@link io.cxkit.journey.JourneyEvent},
 * {@link io.cxkit.journey.CustomerJourney} and the builders that cut events into journeys
 * ({@link io.cxkit.journey.JourneyBuilder}, {@link io.cxkit.journey.IncrementalJourneyBuilder}),
 * the columnar {@link io.cxkit.journey.EventLog} with its reused per-journey view
 * {@link io.cxkit.journey.LogJourney}, and {@link io.cxkit.journey.JourneySummary} over journeys'
 * facts. The measures taken over journeys live in one subpackage each, with their semantics in
 * the subpackage's own documentation:
 * <ul>
 *   <li>{@link io.cxkit.journey.funnel} — conversion funnels (ordered, strict or any-order, within
 *       a window);
 *   <li>{@link io.cxkit.journey.paths} — path variants, top paths and the transition graph;
 *   <li>{@link io.cxkit.journey.service} — support service metrics from ticket events and ticket
 *       exports, on business calendars;
 *   <li>{@link io.cxkit.journey.survival} — Kaplan–Meier survival and log-rank tests;
 *   <li>{@link io.cxkit.journey.retention} — cohort retention and churn;
 *   <li>{@link io.cxkit.journey.attribution} — heuristic and Markov attribution;
 *   <li>{@link io.cxkit.journey.satisfaction} — journey-level against touchpoint-level
 *       satisfaction;
 *   <li>{@link io.cxkit.journey.value} — customer value (BG/NBD, Pareto/NBD, Gamma-Gamma, CLV).
 * </ul>
 *
 * <p><b>Journeys.</b> Events are grouped by customer (and by case id when asked), sorted by time
 * <em>stably</em> — events with equal timestamps keep their input order, so the same events in any
 * order give the same journeys — and cut after an ending outcome and before a gap longer than the
 * inactivity limit (a gap exactly equal to the limit does not cut). Durations are
 * {@link java.time.Duration}s and instants {@link java.time.Instant}s; calendar arithmetic uses the
 * {@link java.time.ZoneId} it is given. Each accumulator follows the
 * {@link io.cxkit.core.Accumulator} contract, so per-partition results merge to the single pass;
 * results say how many journeys, events or tickets they counted and which they left out and why.
 */
package io.cxkit.journey;
