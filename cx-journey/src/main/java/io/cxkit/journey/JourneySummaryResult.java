package io.cxkit.journey;

import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of many journeys (see {@link JourneySummary}).
 *
 * @param journeys journeys counted
 * @param duration journey duration, first to last event, in seconds
 * @param touchpoints events per journey
 * @param channelSwitch share of journeys with at least one channel switch (Wilson interval)
 * @param crossChannelRecontact share with a channel switch after an unresolved contact
 * @param loop share with a revisited touchpoint
 * @param outcomes journeys per outcome (journeys without an outcome are not listed), sorted
 * @param stagesReached journeys that reached each stage, by stage name, sorted
 */
public record JourneySummaryResult(long journeys, QuantileSummary duration, QuantileSummary touchpoints,
        ProportionEstimate channelSwitch, ProportionEstimate crossChannelRecontact, ProportionEstimate loop,
        Map<String, Long> outcomes, Map<String, Long> stagesReached) {

    /**
     * Copies the maps.
     *
     * @param journeys see the class comment
     * @param duration see the class comment
     * @param touchpoints see the class comment
     * @param channelSwitch see the class comment
     * @param crossChannelRecontact see the class comment
     * @param loop see the class comment
     * @param outcomes see the class comment
     * @param stagesReached see the class comment
     */
    public JourneySummaryResult {
        outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
        stagesReached = Collections.unmodifiableMap(new TreeMap<>(stagesReached));
    }

    /**
     * A short multi-line report.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        String nl = System.lineSeparator();
        if (journeys == 0) {
            return "Journeys[n=0, empty]";
        }
        return "Journeys[n=" + journeys + "]" + nl
                + String.format(Locale.ROOT, "  duration      median %.0f s, p90 %.0f s", duration.median(),
                        duration.p90()) + nl
                + String.format(Locale.ROOT, "  touchpoints   median %.0f, p90 %.0f", touchpoints.median(),
                        touchpoints.p90()) + nl
                + rate("channel switch", channelSwitch) + nl
                + rate("cross-channel re-contact", crossChannelRecontact) + nl
                + rate("loop", loop) + nl
                + "  outcomes      " + outcomes + nl
                + "  stages        " + stagesReached;
    }

    private static String rate(String name, ProportionEstimate p) {
        Interval i = p.interval();
        return String.format(Locale.ROOT, "  %-25s %.1f%% [%.1f, %.1f]", name, 100 * p.estimate(), 100 * i.lower(),
                100 * i.upper());
    }
}
