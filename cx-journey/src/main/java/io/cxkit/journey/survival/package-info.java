/**
 * Survival analysis with right censoring: {@link io.cxkit.journey.survival.SurvivalAccumulator}
 * collects {@code (time, event, group)} observations and reads out Kaplan–Meier curves
 * ({@link io.cxkit.journey.survival.SurvivalCurve}) with Greenwood standard errors, log and log-log
 * intervals, the median ({@link io.cxkit.journey.survival.MedianSurvival}) and the log-rank test
 * ({@link io.cxkit.journey.survival.LogRankTest}), as R's {@code survfit} and {@code survdiff} do.
 *
 * <p><b>What is counted.</b> The unit is the subject (one observation each, e.g. a customer); the
 * time is a non-negative {@code double} in whatever unit the caller uses (days in the CLI), kept
 * exactly: times are not rounded or binned, and two times that differ by rounding error are two
 * times (R's {@code timefix} would merge them). The curve has one step per distinct observed time.
 *
 * <p><b>Ties.</b> At a time {@code tᵢ} the number at risk {@code nᵢ} counts every subject whose time
 * is {@code ≥ tᵢ}, including those censored at {@code tᵢ}: events are taken to happen before
 * censorings at the same time (R's convention). {@code S(t)} is right-continuous: the step at
 * {@code tᵢ} already includes the events at {@code tᵢ}.
 *
 * <p><b>Median.</b> The smallest time at which {@code S(t) ≤ 0.5}; where the curve sits exactly at
 * 0.5 over a stretch, the midpoint between the time it reaches 0.5 and the time it next drops (or
 * the last observed time), as R's {@code quantile.survfit} does. Its interval applies the same rule
 * to the lower and upper pointwise curves; a bound, or the median itself, that is never reached is
 * NaN (R's {@code NA}).
 *
 * <p><b>Merging.</b> State is per group the distinct times with event and censoring counts, so
 * {@code combine} is exact and equals the single pass for any split.
 */
package io.cxkit.journey.survival;
