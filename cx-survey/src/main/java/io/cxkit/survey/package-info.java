/**
 * Survey scores: answer scales and bands, the NPS, CSAT and CES accumulators and their results,
 * comparisons between groups, and segmented one-pass scoring (by touchpoint, channel, period or any
 * key), object by object ({@link io.cxkit.survey.SurveyScores}) or column by column
 * ({@link io.cxkit.survey.ColumnarScores}, which feeds the same tallies and so gives the same
 * numbers). What is done with scores lives in the subpackages: {@link io.cxkit.survey.drivers}
 * (key drivers), {@link io.cxkit.survey.outcomes} (experience linked to outcomes),
 * {@link io.cxkit.survey.trend} (trends and alerts) and {@link io.cxkit.survey.planning} (sample
 * sizes).
 *
 * <p>Definitions: NPS counts answers 0–10, promoters 9–10, passives 7–8, detractors 0–6 by default
 * ({@link io.cxkit.survey.NpsBands}); each answer is coded +1 / 0 / −1, the score is the mean code
 * times 100 and its variance {@code (p_P + p_D) − (p_P − p_D)²}. CSAT and CES are ratings on a
 * {@link io.cxkit.survey.RatingScale} with a threshold for "satisfied" / "agree".
 *
 * <p>Units: NPS in points on [−100, 100] (promoter share minus detractor share, times 100); CSAT as
 * the percent of answers in the top box(es) of its {@link io.cxkit.survey.RatingScale}; CES as the
 * mean answer on its scale, with the percent agreeing beside it. Every result says which scale and
 * bands it used, how many answers it counted ({@code n}) and how many were missing, and, when
 * weighted, its Kish effective sample size. Intervals and tests name their method
 * ({@link io.cxkit.survey.NpsInterval}, {@link io.cxkit.core.ProportionInterval}); standard errors
 * of weighted estimates are the linearization ones of R's {@code survey::svymean}.
 *
 * <p>An answer off its scale is rejected with an {@link IllegalArgumentException} that names the
 * scale and the value; a missing answer follows the accumulator's
 * {@link io.cxkit.survey.MissingAnswerPolicy} (excluded and counted, counted as the neutral point,
 * or rejected). The contract every accumulator here follows (nulls, encoding, names, factories) is
 * in {@link io.cxkit.core}.
 */
package io.cxkit.survey;
