package io.cxkit.flink;

import io.cxkit.survey.CustomerSatisfaction;

/**
 * Unweighted CSAT (percent satisfied) as a Flink aggregate function: {@code cx_csat(rating)}. Extra field: meanRating.
 * See {@link ScoreAggregateFunction} for the result row, the input rules and why it is append-only.
 */
public final class CsatAggregate extends ScoreAggregateFunction {
    private static final long serialVersionUID = 1L;

    /** The 1–5 scale, satisfied = 4–5, missing answers excluded, 95% intervals; the constructor SQL DDL uses ({@code CREATE FUNCTION … AS}). */
    public CsatAggregate() {
        this(CustomerSatisfaction.create(), DEFAULT_CONFIDENCE);
    }

    /**
     * With the configuration of {@code configuration} (only its configuration is used, not any
     * answers it holds) and intervals at {@code confidence}.
     *
     * @param configuration an accumulator whose configuration to use, e.g. {@code CustomerSatisfaction.of(RatingScale.csat7(), MissingAnswerPolicy.EXCLUDE)}
     * @param confidence the interval's confidence level in (0, 1)
     */
    public CsatAggregate(CustomerSatisfaction configuration, double confidence) {
        super(SurveyMetric.CSAT, false, configuration, confidence);
    }
}
