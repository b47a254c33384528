/**
 * Survey scores and what is done with them: answer scales and bands, the NPS, CSAT and CES
 * accumulators and their results, comparisons between groups, sample-size planning, segmented
 * one-pass scoring (by touchpoint, channel, period or any key), key-driver analysis, outcome
 * linkage, and trends with alerts.
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
 * {@link io.cxkit.survey.MissingAnswerPolicy}.
 */
package io.cxkit.survey;
