package io.cxkit.survey;

import io.cxkit.core.Check;

/**
 * NPS, CSAT and CES of one segment, as computed by {@link ColumnarScores}.
 *
 * @param nps the Net Promoter Score with its standard error
 * @param csat the CSAT share satisfied and mean rating
 * @param ces the CES mean, variance and share agreeing
 */
public record SurveyScores(NpsResult nps, CsatResult csat, CesResult ces) {

    /**
     * Requires all three results.
     *
     * @param nps the NPS result, not null
     * @param csat the CSAT result, not null
     * @param ces the CES result, not null
     */
    public SurveyScores {
        Check.notNull(nps, "nps");
        Check.notNull(csat, "csat");
        Check.notNull(ces, "ces");
    }

    /**
     * Returns the three results on one line.
     *
     * @return e.g. {@code NPS 12.0 ...; CSAT 70.1% ...; CES mean 4.80 ...}
     */
    @Override
    public String toString() {
        return nps + "; " + csat + "; " + ces;
    }
}
