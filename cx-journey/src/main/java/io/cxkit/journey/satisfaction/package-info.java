/**
 * Journeys meet survey ratings: {@link io.cxkit.journey.satisfaction.JourneySatisfaction} joins
 * {@link io.cxkit.journey.satisfaction.JourneyScore}s (touchpoint-level or journey-level ratings)
 * to journeys and reads out a {@link io.cxkit.journey.satisfaction.JourneySatisfactionResult}:
 * journey-level CSAT beside touchpoint CSAT, each touchpoint's
 * {@link io.cxkit.journey.satisfaction.TouchpointImpact} and the
 * {@link io.cxkit.journey.satisfaction.HiddenPain} journeys.
 *
 * <p><b>Join.</b> A rating belongs to a journey of the same customer whose span
 * {@code [start, end + grace]} contains the rating's time, both ends included; where several
 * journeys qualify, the one that started last (of two that started at the same instant, the later
 * one in the input). Ratings in no journey's span are counted as unmatched, not dropped silently.
 * Times are compared to the nanosecond.
 *
 * <p><b>What is counted.</b> Journey CSAT counts journeys with at least one journey-level rating,
 * using the last one (ratings ordered by time, ties by input order). Touchpoint CSAT counts every
 * touchpoint rating that joined a journey. Impact and hidden pain use, per journey, the last rating
 * of each touchpoint and only journeys that have a journey-level rating. Satisfied means a score
 * at or above the scale's threshold. Impact compares journey CSAT between journeys whose rating of
 * the touchpoint was satisfied and those whose was not (two-proportion test, an association and not
 * a cause); impacts are listed by the size of the difference, largest first (those without both
 * groups, and so without a test, last), then by touchpoint. A hidden-pain journey has at least one
 * touchpoint rating, all of them satisfied, and a journey rating below the threshold.
 */
package io.cxkit.journey.satisfaction;
