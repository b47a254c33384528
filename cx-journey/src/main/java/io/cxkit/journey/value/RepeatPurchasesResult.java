package io.cxkit.journey.value;

import io.cxkit.core.Check;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer summaries of a transaction log over a calibration period (and an optional holdout),
 * with the counts of what was read, merged and excluded: the input every model in this package fits.
 *
 * @param calibrationEnd last day of the calibration period (inclusive)
 * @param holdoutEnd last day of the holdout period (inclusive); empty when there is none
 * @param daysPerUnit the time unit in days (7 for weeks)
 * @param customers one summary per customer who made a first purchase by the calibration end, in
 *     customer-id order
 * @param records transaction records accepted (before same-day merging)
 * @param transactions transactions after merging same-day records, in calibration and holdout
 * @param sameDayMerged records folded into another record of the same customer and day
 * @param afterWindow records after the holdout end (or, without a holdout, after the calibration
 *     end), left out
 * @param lateCustomers customers whose first purchase is after the calibration end, left out
 * @param firstDay the earliest first purchase among the customers (empty when built from summaries
 *     alone): day 0 of {@link #repeatsByUnit()}
 * @param repeatsByUnit repeat transactions (calibration and holdout) of these customers per time
 *     unit since {@code firstDay}: entry k counts days d with {@code k <= (d − firstDay)/daysPerUnit < k + 1}
 */
public record RepeatPurchasesResult(LocalDate calibrationEnd, Optional<LocalDate> holdoutEnd, double daysPerUnit,
        List<CustomerSummary> customers, long records, long transactions, long sameDayMerged, long afterWindow,
        long lateCustomers, Optional<LocalDate> firstDay, long[] repeatsByUnit) {

    /**
     * Validates and copies.
     *
     * @param calibrationEnd calibration end
     * @param holdoutEnd holdout end, or empty
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
        Check.notNull(calibrationEnd, "calibrationEnd");
        Check.notNull(holdoutEnd, "holdoutEnd");
        Check.notNull(firstDay, "firstDay");
        customers = List.copyOf(Check.notNull(customers, "customers"));
        repeatsByUnit = Check.notNull(repeatsByUnit, "repeatsByUnit").clone();
        if (holdoutEnd.isPresent() && !holdoutEnd.get().isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd must be after calibrationEnd " + calibrationEnd + ": " + holdoutEnd.get());
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
        return new RepeatPurchasesResult(LocalDate.EPOCH, Optional.empty(), RepeatPurchases.DAYS_PER_WEEK, customers, 0, 0, 0, 0, 0,
                Optional.empty(), new long[0]);
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
        return holdoutEnd.isPresent();
    }

    /**
     * Length of the holdout period in time units (days from the calibration end to the holdout end,
     * divided by {@link #daysPerUnit()}).
     *
     * @return the length; NaN when there is no holdout
     */
    public double holdoutLength() {
        return holdoutEnd.isEmpty() ? Double.NaN
                : (holdoutEnd.get().toEpochDay() - calibrationEnd.toEpochDay()) / daysPerUnit;
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

    /**
     * Equal when every component is, the repeat counts compared element by element.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RepeatPurchasesResult r && calibrationEnd.equals(r.calibrationEnd)
                && holdoutEnd.equals(r.holdoutEnd) && Double.compare(daysPerUnit, r.daysPerUnit) == 0
                && customers.equals(r.customers) && records == r.records && transactions == r.transactions
                && sameDayMerged == r.sameDayMerged && afterWindow == r.afterWindow
                && lateCustomers == r.lateCustomers && firstDay.equals(r.firstDay)
                && Arrays.equals(repeatsByUnit, r.repeatsByUnit);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(calibrationEnd, holdoutEnd, daysPerUnit, customers, records, transactions,
                sameDayMerged, afterWindow, lateCustomers, firstDay) + Arrays.hashCode(repeatsByUnit);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RepeatPurchasesResult[%d customers, %d repeat transactions in calibration to %s%s;"
                + " %d records, %d same-day merged, %d after the window, %d customers starting after calibration]",
                customers.size(), repeatTransactions(), calibrationEnd,
                holdoutEnd.isEmpty() ? "" : ", " + holdoutTransactions() + " in holdout to " + holdoutEnd.get(),
                records, sameDayMerged, afterWindow, lateCustomers);
    }
}
