package io.cxkit.journey.value;

import io.cxkit.core.Check;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The customer summaries of a transaction log over a calibration period (and an optional holdout),
 * with the counts of what was read, merged and excluded: the input every model in this package fits.
 *
 * @param calibrationEnd last day of the calibration period (inclusive)
 * @param holdoutEnd last day of the holdout period (inclusive); {@code null} when there is none
 * @param daysPerUnit the time unit in days (7 for weeks)
 * @param customers one summary per customer who made a first purchase by the calibration end, in
 *     customer-id order
 * @param records transaction records accepted (before same-day merging)
 * @param transactions transactions after merging same-day records, in calibration and holdout
 * @param sameDayMerged records folded into another record of the same customer and day
 * @param afterWindow records after the holdout end (or, without a holdout, after the calibration
 *     end), left out
 * @param lateCustomers customers whose first purchase is after the calibration end, left out
 * @param firstDay the earliest first purchase among the customers ({@code null} when built from
 *     summaries alone): day 0 of {@link #repeatsByUnit()}
 * @param repeatsByUnit repeat transactions (calibration and holdout) of these customers per time
 *     unit since {@code firstDay}: entry k counts days d with {@code k <= (d − firstDay)/daysPerUnit < k + 1}
 */
public record RepeatPurchasesResult(LocalDate calibrationEnd, LocalDate holdoutEnd, double daysPerUnit,
        List<CustomerSummary> customers, long records, long transactions, long sameDayMerged, long afterWindow,
        long lateCustomers, LocalDate firstDay, long[] repeatsByUnit) {

    /**
     * Validates and copies.
     *
     * @param calibrationEnd calibration end
     * @param holdoutEnd holdout end or null
     * @param daysPerUnit days per time unit
     * @param customers the summaries
     * @param records records accepted
     * @param transactions transactions
     * @param sameDayMerged same-day records merged
     * @param afterWindow records after the window
     * @param lateCustomers customers starting after calibration
     * @param firstDay the earliest first purchase
     * @param repeatsByUnit repeat transactions per time unit since it
     */
    public RepeatPurchasesResult {
        customers = List.copyOf(customers);
        repeatsByUnit = repeatsByUnit.clone();
        Check.notNull(calibrationEnd, "calibrationEnd");
        if (holdoutEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd must be after calibrationEnd " + calibrationEnd + ": " + holdoutEnd);
        }
        RepeatPurchases.checkUnit(daysPerUnit);
    }

    /**
     * A base from summaries built elsewhere (frequency, recency, age), without dates or counts.
     *
     * @param customers the summaries
     * @return a base whose calibration end is {@link LocalDate#EPOCH} (unknown)
     */
    public static RepeatPurchasesResult of(List<CustomerSummary> customers) {
        return new RepeatPurchasesResult(LocalDate.EPOCH, null, RepeatPurchases.DAYS_PER_WEEK, customers, 0, 0, 0, 0, 0, null, new long[0]);
    }

    /**
     * Repeat transactions per time unit since {@link #firstDay()}.
     *
     * @return a copy
     */
    @Override
    public long[] repeatsByUnit() {
        return repeatsByUnit.clone();
    }

    /**
     * Whether a holdout period was given.
     *
     * @return true if {@link #holdoutEnd()} is set
     */
    public boolean hasHoldout() {
        return holdoutEnd != null;
    }

    /**
     * Length of the holdout period in time units (days from the calibration end to the holdout end,
     * divided by {@link #daysPerUnit()}).
     *
     * @return the length; NaN when there is no holdout
     */
    public double holdoutLength() {
        return holdoutEnd == null ? Double.NaN : (holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay()) / daysPerUnit;
    }

    /**
     * Total repeat transactions in calibration.
     *
     * @return the sum of x
     */
    public long repeatTransactions() {
        long s = 0;
        for (CustomerSummary c : customers) {
            s += c.x();
        }
        return s;
    }

    /**
     * Total transactions in the holdout period.
     *
     * @return the sum of holdout transactions
     */
    public long holdoutTransactions() {
        long s = 0;
        for (CustomerSummary c : customers) {
            s += c.holdoutTransactions();
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RepeatPurchasesResult[%d customers, %d repeat transactions in calibration to %s%s;"
                + " %d records, %d same-day merged, %d after the window, %d customers starting after calibration]",
                customers.size(), repeatTransactions(), calibrationEnd,
                holdoutEnd == null ? "" : ", " + holdoutTransactions() + " in holdout to " + holdoutEnd,
                records, sameDayMerged, afterWindow, lateCustomers);
    }
}
