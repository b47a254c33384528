/**
 * Customer journeys built from interaction events, and the measures taken over them: funnels
 * (ordered, strict or any-order, within a time limit), path variants and transition graphs, service
 * metrics (first response, resolution, reopen, first-contact resolution) on business calendars,
 * journey-level against touchpoint-level satisfaction, retention cohorts, Kaplan–Meier survival with
 * log-rank tests, and heuristic and Markov attribution.
 *
 * <p>Journeys are per customer and in time order: events are grouped by customer, sorted by
 * timestamp (ties keep their input order) and, where asked, split into sessions by a gap. Durations
 * are {@link java.time.Duration}s and instants {@link java.time.Instant}s; calendar arithmetic uses
 * the {@link java.time.ZoneId} it is given. Each accumulator here follows the
 * {@link io.cxkit.core.Accumulator} contract, so per-partition results merge to the single pass;
 * results say how many journeys, events or tickets they counted and which they left out and why.
 */
package io.cxkit.journey;
