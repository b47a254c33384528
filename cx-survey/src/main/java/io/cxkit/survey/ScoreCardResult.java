package io.cxkit.survey;

import io.cxkit.core.Check;

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

    @Override
    public String toString() {
        return nps + "; " + csat + "; " + ces;
    }
}
