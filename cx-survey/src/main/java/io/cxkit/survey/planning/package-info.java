/**
 * Planning a survey: how many responses a question needs.
 *
 * <p>{@link io.cxkit.survey.planning.SampleSize} gives the responses needed for a target margin of
 * error (half-width of the 95 % or other interval) of an NPS, a proportion (CSAT top box, CES
 * agree) or a mean (with the t refinement: the smallest n whose {@code t(n − 1)} interval is narrow
 * enough), and the responses per group needed to detect an NPS difference (from the expected
 * promoter / passive / detractor mix, {@link io.cxkit.survey.planning.NpsMix}) or a proportion
 * difference with a given power (two-sided; as R's {@code power.prop.test}). Results are whole
 * numbers of responses, rounded up. Reference values: R ({@code sample_size.R}). The shared contract
 * is in {@link io.cxkit.core}.
 */
package io.cxkit.survey.planning;
