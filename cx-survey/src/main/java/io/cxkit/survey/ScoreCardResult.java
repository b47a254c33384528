package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NPS, CSAT and CES of one segment.
 *
 * @param nps the Net Promoter Score
 * @param csat the CSAT score
 * @param ces the Customer Effort Score
 */
public record ScoreCardResult(NpsResult nps, CsatResult csat, CesResult ces) {

    /**
     * Validates the components.
     *
     * @param nps NPS
     * @param csat CSAT
     * @param ces CES
     */
    public ScoreCardResult {
        Check.notNull(nps, "nps");
        Check.notNull(csat, "csat");
        Check.notNull(ces, "ces");
    }

    /**
     * Every segment's scores as domain estimates of the whole sample the segments make up together
     * (every response counted in exactly one segment, as {@link SurveyScores}, {@link ColumnarScores}
     * and the readers segment): per question, the whole sample's size is the sum of the segments'
     * answers, and each weighted standard error becomes the one R's
     * {@code svyby(~y, ~segment, svydesign(ids=~1, weights=~w), svymean)} reports (see
     * {@link io.cxkit.core.Domains}). Nothing is stored: the rule is applied when results are read,
     * so the accumulators' own state and combine are unaffected.
     *
     * @param segments the segments' own results
     * @return the same segments with domain standard errors
     */
    public static SegmentedResult<ScoreCardResult> domains(SegmentedResult<ScoreCardResult> segments) {
        Check.notNull(segments, "segments");
        long nps = 0;
        long csat = 0;
        long ces = 0;
        for (ScoreCardResult r : segments.asMap().values()) {
            nps += r.nps().n();
            csat += r.csat().n();
            ces += r.ces().n();
        }
        Map<SegmentKey, ScoreCardResult> out = new LinkedHashMap<>();
        for (Map.Entry<SegmentKey, ScoreCardResult> e : segments.asMap().entrySet()) {
            ScoreCardResult r = e.getValue();
            out.put(e.getKey(), new ScoreCardResult(r.nps().inDomainOf(nps), r.csat().inDomainOf(csat),
                    r.ces().inDomainOf(ces)));
        }
        return SegmentedResult.of(out);
    }

    @Override
    public String toString() {
        return nps + "; " + csat + "; " + ces;
    }
}
