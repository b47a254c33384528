package io.cxkit.journey.satisfaction;

import io.cxkit.survey.CsatResult;
import java.util.List;
import java.util.Map;

/**
 * Journey-level satisfaction next to touchpoint-level satisfaction (see {@link JourneySatisfaction}).
 *
 * @param journeys journeys offered
 * @param journeyLevel CSAT of the journey ratings (one per journey: its last)
 * @param touchpoints CSAT of every touchpoint rating, by touchpoint (sorted)
 * @param impacts per touchpoint, how its rating goes with the journey rating; largest absolute
 *     difference first, touchpoints without a difference last
 * @param hiddenPain journeys whose touchpoints all looked fine but whose journey rating is low, in
 *     journey order
 * @param unmatched ratings that fell in no journey's window
 */
public record JourneySatisfactionResult(long journeys, CsatResult journeyLevel, Map<String, CsatResult> touchpoints,
        List<TouchpointImpact> impacts, List<HiddenPain> hiddenPain, long unmatched) {

    /**
     * Copies the collections.
     *
     * @param journeys see the class comment
     * @param journeyLevel see the class comment
     * @param touchpoints see the class comment
     * @param impacts see the class comment
     * @param hiddenPain see the class comment
     * @param unmatched see the class comment
     */
    public JourneySatisfactionResult {
        touchpoints = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(touchpoints));
        impacts = List.copyOf(impacts);
        hiddenPain = List.copyOf(hiddenPain);
    }

    /**
     * A short report: journey CSAT, touchpoint CSAT, impacts and the hidden-pain count.
     *
     * @return a readable multi-line description
     */
    @Override
    public String toString() {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder("Journey satisfaction over " + journeys + " journeys (" + unmatched
                + " ratings unmatched)" + nl + "  journey: " + journeyLevel + nl);
        touchpoints.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append(nl));
        impacts.forEach(i -> sb.append("  impact ").append(i).append(nl));
        sb.append("  ").append(hiddenPain.size()).append(" journeys with fine touchpoints but a low journey score");
        return sb.toString();
    }
}
