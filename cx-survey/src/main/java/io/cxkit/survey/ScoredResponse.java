package io.cxkit.survey;

import io.cxkit.core.Check;

/**
 * One survey response as a value, for the object path into {@link ColumnarScores}
 * ({@link ColumnarScores#collector()}). Answers may be {@link ResponseColumns#MISSING}; a weight of
 * {@code NaN} means "unweighted".
 *
 * @param touchpoint the touchpoint name, not null
 * @param channel the channel name, not null
 * @param epochMillis the response time, milliseconds since 1970-01-01T00:00Z
 * @param nps the 0–10 answer or {@link ResponseColumns#MISSING}
 * @param csat the CSAT rating or {@link ResponseColumns#MISSING}
 * @param ces the CES rating or {@link ResponseColumns#MISSING}
 * @param weight the weight (finite, &gt; 0), or {@code NaN} for an unweighted response
 */
public record ScoredResponse(String touchpoint, String channel, long epochMillis, int nps, int csat,
        int ces, double weight) {

    /**
     * Validates the names and the weight (answers are checked against their scales when
     * aggregated).
     *
     * @param touchpoint the touchpoint
     * @param channel the channel
     * @param epochMillis the time
     * @param nps the NPS answer
     * @param csat the CSAT answer
     * @param ces the CES answer
     * @param weight the weight or NaN
     */
    public ScoredResponse {
        Check.notNull(touchpoint, "touchpoint");
        Check.notNull(channel, "channel");
        if (!Double.isNaN(weight)) {
            Check.weight(weight);
        }
    }
}
