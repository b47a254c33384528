/**
 * Scores over time, per segment, and the alerts they raise.
 *
 * <p>{@link io.cxkit.survey.trend.ScoreTrend} keeps any score per segment and calendar period;
 * each period is fed when it closes, with one accumulator per segment, and {@code close} returns
 * that period's {@link io.cxkit.survey.trend.Alert}s: period over period (the segment against its
 * previous period) and segment against the rest (the other segments' accumulators combined), every
 * p-value of the period adjusted together by Benjamini–Hochberg and compared with the false
 * discovery rate, and 3-sigma control-limit breaches once a segment has four earlier periods
 * ({@link io.cxkit.survey.trend.ControlLimits}: p-chart and x̄-chart limits). A test runs only when
 * both sides have at least the minimum n; the overall score is the segment
 * {@link io.cxkit.survey.trend.ScoreTrend#ALL}.
 *
 * <p>{@link io.cxkit.survey.trend.RollingSurveyScores} is the live form: score cards by segment in
 * a rolling window of calendar periods, absorbing interval snapshots of a
 * {@link io.cxkit.core.ConcurrentRecorder}, feeding the trends as each period closes and refusing
 * (and counting) late responses for periods already closed. Reference values: R
 * ({@code trends.R}: {@code prop.test}, {@code t.test}, {@code p.adjust(p, "BH")}). The shared
 * contract is in {@link io.cxkit.core}.
 */
package io.cxkit.survey.trend;
