package io.cxkit.flink;

import io.cxkit.survey.NetPromoterScore;

/**
 * Unweighted Net Promoter Score as a Flink aggregate function: {@code cx_nps(score)}. Extra fields: promoters, passives, detractors.
 * See {@link ScoreAggregateFunction} for the result row, the input rules and why it is append-only.
 */
public final class NpsAggregate extends ScoreAggregateFunction {
    private static final long serialVersionUID = 1L;

    /** Standard bands (0–6, 7–8, 9–10), missing answers excluded, 95% intervals; the constructor SQL DDL uses ({@code CREATE FUNCTION … AS}). */
    public NpsAggregate() {
        this(NetPromoterScore.create(), DEFAULT_CONFIDENCE);
    }

    /**
     * With the configuration of {@code configuration} (only its configuration is used, not any
     * answers it holds) and intervals at {@code confidence}.
     *
     * @param configuration an accumulator whose configuration to use, e.g. {@code NetPromoterScore.of(bands, MissingAnswerPolicy.NEUTRAL)}
     * @param confidence the interval's confidence level in (0, 1)
     */
    public NpsAggregate(NetPromoterScore configuration, double confidence) {
        super(SurveyMetric.NPS, false, configuration, confidence);
    }
}
