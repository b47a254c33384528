package io.cxkit.flink;

import io.cxkit.survey.SurveyAccumulatorKind;

/**
 * The three survey metrics as Flink sees them: which accumulator kind each is (its output row is
 * {@link io.cxkit.survey.ScoreRow}). Every number comes from the library.
 */
enum SurveyMetric {
    /** Net Promoter Score; extra fields: promoters, passives, detractors. */
    NPS,
    /** CSAT: estimate is the percent satisfied; extra field: meanRating. */
    CSAT,
    /** CES: estimate is the mean answer; extra field: percentAgree. */
    CES;

    /** How the state of this metric is serialized. */
    SurveyAccumulatorKind kind() {
        return SurveyAccumulatorKind.valueOf(name());
    }
}
