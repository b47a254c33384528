/**
 * Experience linked to outcomes: does a customer's score go with what the customer then did?
 *
 * <p>{@link io.cxkit.survey.outcomes.OutcomeLinkage} accumulates one outcome per customer by
 * experience group — NPS promoter / passive / detractor
 * ({@link io.cxkit.survey.outcomes.OutcomeLinkage#npsGroup(int)}, bands configurable) or the
 * high / neutral / low band of a rating
 * ({@link io.cxkit.survey.outcomes.OutcomeLinkage#ratingBand(int, io.cxkit.survey.RatingScale)}) —
 * and compares every group with one reference group. A numeric outcome (spend, tickets) is compared
 * by Welch's t test on the difference of means and by the ratio of means with a delta-method
 * interval on the log ratio; a binary outcome (retained, churned) by the pooled two-proportion
 * z test with Newcombe's interval for the difference and by the risk ratio with Katz's log
 * interval. Only groups with enough data are compared (at least 2 observations for means, 1 for
 * rates); an undefined ratio or interval is {@code NaN}, never a made-up number. Reference values: R ({@code outcomes.R}: {@code t.test}, {@code prop.test}) and
 * statsmodels ({@code outcomes_rr.py}: {@code Table2x2.riskratio_confint}). The shared contract is
 * in {@link io.cxkit.core}.
 */
package io.cxkit.survey.outcomes;
