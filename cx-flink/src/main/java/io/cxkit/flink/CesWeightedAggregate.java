package io.cxkit.flink;

import io.cxkit.survey.CustomerEffort;

/**
 * Weighted Customer Effort Score (mean answer) as a Flink aggregate function: {@code cx_ces_weighted(answer, weight)}. Extra fields: effectiveN, percentAgree.
 * See {@link ScoreAggregateFunction} for the result row, the input rules and why it is append-only.
 */
public final class CesWeightedAggregate extends ScoreAggregateFunction {
    private static final long serialVersionUID = 1L;

    /** The 1–7 scale, missing answers excluded, 95% intervals; the constructor SQL DDL uses ({@code CREATE FUNCTION … AS}). */
    public CesWeightedAggregate() {
        this(CustomerEffort.create(), DEFAULT_CONFIDENCE);
    }

    /**
     * With the configuration of {@code configuration} (only its configuration is used, not any
     * answers it holds) and intervals at {@code confidence}.
     *
     * @param configuration an accumulator whose configuration to use, e.g. {@code CustomerEffort.of(RatingScale.ces5(), MissingAnswerPolicy.EXCLUDE)}
     * @param confidence the interval's confidence level in (0, 1)
     */
    public CesWeightedAggregate(CustomerEffort configuration, double confidence) {
        super(SurveyMetric.CES, true, configuration, confidence);
    }
}
