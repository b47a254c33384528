package io.cxkit.journey.attribution;

import io.cxkit.core.Check;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One journey as attribution sees it: the ordered touchpoints, optionally their times, whether it
 * ended in a conversion, and the conversion value. Journeys that did not convert are part of the
 * input too: the Markov model learns from them where journeys are lost.
 *
 * @param touchpoints the touchpoints in order; at least one; not blank; not one of the reserved
 *     names {@code (start)}, {@code (conversion)}, {@code (null)}; no control character U+001F
 * @param times the touch times, same length as {@code touchpoints} and non-decreasing, or empty
 *     when unknown (then the time-decay model is unavailable)
 * @param converted whether the journey ended in a conversion (after its last touchpoint)
 * @param value the conversion value (e.g. order amount, in the caller's currency); finite and
 *     {@code >= 0}; must be 0 when not converted
 */
public record AttributionJourney(List<String> touchpoints, List<Instant> times, boolean converted,
        double value) {

    /**
     * Validates and copies the components.
     *
     * @param touchpoints the touchpoints
     * @param times the times or empty
     * @param converted whether converted
     * @param value the conversion value
     * @throws IllegalArgumentException naming the rule broken and the value
     */
    public AttributionJourney {
        if (touchpoints == null || touchpoints.isEmpty()) {
            throw new IllegalArgumentException("journey touchpoints must not be empty: " + touchpoints);
        }
        for (String t : touchpoints) {
            if (t == null || t.isBlank() || t.indexOf('\u001f') >= 0 || AttributionAccumulator.RESERVED.contains(t)) {
                throw new IllegalArgumentException("touchpoint must be a non-blank name other than "
                        + AttributionAccumulator.RESERVED + ": " + (t == null ? "null" : "'" + t + "'"));
            }
        }
        touchpoints = List.copyOf(touchpoints);
        if (times == null) {
            times = List.of();
        }
        if (!times.isEmpty()) {
            if (times.size() != touchpoints.size()) {
                throw new IllegalArgumentException("journey times must match its " + touchpoints.size()
                        + " touchpoints: " + times.size() + " times");
            }
            for (Instant t : times) {
                if (t == null) {
                    throw new IllegalArgumentException("journey times must not contain a missing time: " + times);
                }
            }
            for (int i = 1; i < times.size(); i++) {
                if (times.get(i).isBefore(times.get(i - 1))) {
                    throw new IllegalArgumentException("journey times must be non-decreasing: " + times);
                }
            }
        }
        times = List.copyOf(times);
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("conversion value must be finite and >= 0: " + value);
        }
        if (!converted && value != 0) {
            throw new IllegalArgumentException("conversion value must be 0 for a journey that did not convert: "
                    + value);
        }
    }

    /**
     * A journey without touch times.
     *
     * @param touchpoints the touchpoints in order
     * @param converted whether it converted
     * @param value the conversion value (0 if not converted)
     * @return the journey
     */
    public static AttributionJourney of(List<String> touchpoints, boolean converted, double value) {
        return new AttributionJourney(touchpoints, List.of(), converted, value);
    }

    /**
     * A journey with touch times (needed for time decay).
     *
     * @param touchpoints the touchpoints in order
     * @param times their times, non-decreasing
     * @param converted whether it converted
     * @param value the conversion value (0 if not converted)
     * @return the journey
     */
    public static AttributionJourney of(List<String> touchpoints, List<Instant> times, boolean converted,
            double value) {
        return new AttributionJourney(touchpoints, times, converted, value);
    }

    /**
     * Reads a built {@link CustomerJourney}: the journey converts at its first event whose outcome
     * is in {@code conversionOutcomes}; its touchpoints are the events up to and including that
     * one (the converting event's touchpoint, e.g. {@code checkout}, is the last touch), the value
     * is that event's value (0 if it has none). A journey without such an event is a
     * non-converting journey over all its events.
     *
     * @param journey the journey
     * @param conversionOutcomes outcomes that count as a conversion, e.g. {@code Set.of("purchased")}
     * @return the attribution journey, with touch times
     */
    public static AttributionJourney of(CustomerJourney journey, Set<String> conversionOutcomes) {
        Check.notNull(journey, "journey");
        Check.notNull(conversionOutcomes, "conversionOutcomes");
        List<String> tps = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (JourneyEvent e : journey.events()) {
            tps.add(e.touchpoint());
            times.add(e.time());
            if (e.outcome().isPresent() && conversionOutcomes.contains(e.outcome().get())) {
                return of(tps, times, true, e.value().orElse(0));
            }
        }
        return of(tps, times, false, 0);
    }

    /**
     * Whether touch times are known.
     *
     * @return {@code true} if {@link #times()} is not empty
     */
    public boolean hasTimes() {
        return !times.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(" > ", touchpoints) + (converted ? " > (conversion " + value + ")" : " > (null)");
    }
}
