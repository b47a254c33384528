/**
 * Key-driver analysis: which attribute ratings (the drivers) explain an overall score (the outcome).
 *
 * <p>{@link io.cxkit.survey.drivers.KeyDrivers} is a mergeable accumulator of the (weighted) means
 * and co-moments of the outcome and the drivers, so the correlation matrix comes from one pass and
 * from {@code combine} across threads or files. A row with any value missing ({@code NaN}) is
 * excluded from every statistic and counted. The model R² is the squared multiple correlation of
 * the outcome on all drivers; it is split among the drivers by Johnson's relative weights
 * (Johnson 2000, the default) or by LMG, the Shapley value of R² over all orders of entry
 * (Lindeman, Merenda and Gold 1980; at most 15 drivers), see
 * {@link io.cxkit.survey.drivers.KeyDriverMethod}. Both raw importances (shares of R², summing to
 * it) and rescaled ones (percent of R²) are reported with each driver's mean rating, and an
 * importance–performance view with quadrants split at the mean importance and mean performance.
 *
 * <p>The accumulator gives point estimates. Intervals need the rows:
 * {@link io.cxkit.survey.drivers.DriverRows} keeps them in memory and resamples them (seeded
 * percentile bootstrap). A constant driver or outcome, or exactly collinear drivers, fail with an
 * {@link java.lang.IllegalArgumentException} that names them. Reference values: R
 * ({@code key_drivers.R}: {@code eigen}/{@code solve} for relative weights, all-subsets
 * {@code lm} for LMG). The shared contract is in {@link io.cxkit.core}.
 */
package io.cxkit.survey.drivers;
