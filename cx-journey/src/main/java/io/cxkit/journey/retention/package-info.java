/**
 * Cohort retention and churn: {@link io.cxkit.journey.retention.RetentionAccumulator} collects
 * {@code (customer, time)} activity and reads out a {@link io.cxkit.journey.retention.RetentionResult}
 * of {@link io.cxkit.journey.retention.CohortRow}s and churn per period.
 *
 * <p><b>What is counted.</b> The unit is the customer. Times are bucketed into calendar periods
 * ({@link io.cxkit.core.TimeGrain}: day, ISO week, month, quarter, year) in the explicit
 * {@link java.time.ZoneId} given, so an activity at 23:30 UTC on the 31st may belong to the next
 * month in another zone; within a period, time has no further resolution. A customer's cohort is
 * the period of their first activity. A customer is active in a period with at least one activity
 * in it, however many.
 *
 * <p><b>Cells.</b> The cell at offset {@code k} of a cohort is the share of the cohort's customers
 * active {@code k} periods after the cohort period (offset 0 is 100%), with a Wilson interval.
 * Observation ends with the last period in which anyone was active: cells after it are absent,
 * not 0. Retention is period-over-period: a customer who skips a period and returns is counted
 * as not active in the skipped period and active again later.
 *
 * <p><b>Churn.</b> Churn in period {@code p} is the share of customers active in {@code p − 1} who
 * are not active in {@code p}.
 *
 * <p><b>Merging.</b> The state is, per customer, the set of active periods; {@code combine} unions
 * the sets, so any split of the activity (even one customer's activity across parts) merges to
 * the single-pass table.
 */
package io.cxkit.journey.retention;
