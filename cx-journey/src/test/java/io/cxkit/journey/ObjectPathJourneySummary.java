package io.cxkit.journey;

import io.cxkit.core.JourneyStage;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSketch;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference oracle: the object-path {@code JourneySummary} as it was before it read the event log
 * (facts from {@link CustomerJourney}, names in tree maps), kept verbatim apart from the encoding
 * and combine, so that equality tests can hold the columnar implementation to it.
 */
final class ObjectPathJourneySummary {
    private long journeys;
    private long withSwitch;
    private long withRecontact;
    private long withLoop;
    private final QuantileSketch duration = QuantileSketch.create();
    private final QuantileSketch touchpoints = QuantileSketch.create();
    private final TreeMap<String, long[]> outcomes = new TreeMap<>();
    private final TreeMap<String, long[]> stages = new TreeMap<>();

    void accept(CustomerJourney j) {
        journeys++;
        duration.accept(j.duration().toMillis() / 1000.0);
        touchpoints.accept(j.touchpointCount());
        if (j.channelSwitches() > 0) {
            withSwitch++;
        }
        if (j.crossChannelRecontacts() > 0) {
            withRecontact++;
        }
        if (j.loops() > 0) {
            withLoop++;
        }
        j.outcome().ifPresent(o -> outcomes.computeIfAbsent(o, k -> new long[1])[0]++);
        for (JourneyStage s : j.stagesReached()) {
            stages.computeIfAbsent(s.name(), k -> new long[1])[0]++;
        }
    }

    private static Map<String, Long> counts(TreeMap<String, long[]> m) {
        TreeMap<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    JourneySummaryResult result() {
        return new JourneySummaryResult(journeys, duration.summary(), touchpoints.summary(),
                ProportionEstimate.of(withSwitch, journeys), ProportionEstimate.of(withRecontact, journeys),
                ProportionEstimate.of(withLoop, journeys), counts(outcomes), counts(stages));
    }
}
