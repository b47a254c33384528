package io.cxkit.journey.value;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One customer's purchase summary over a calibration period, in the package's conventions (see
 * {@link io.cxkit.journey.value}): {@code x} repeat transactions, the last of them {@code t_x} time
 * units after the first purchase, observed for {@code T} time units since the first purchase.
 *
 * @param customerId the customer; not blank
 * @param firstPurchase the day of the first purchase; {@code null} for a summary built from
 *     frequency/recency/age alone
 * @param x repeat transactions in calibration, &gt;= 0
 * @param tx time from the first purchase to the last repeat in calibration, in [0, T]; 0 when
 *     {@code x = 0}
 * @param age {@code T}: time from the first purchase to the calibration end, &gt;= 0
 * @param averageRepeatSpend mean amount of the {@code x} repeat transactions; NaN when {@code x = 0}
 *     or when amounts are unknown
 * @param holdoutTransactions transactions in the holdout period, &gt;= 0 (0 when there is none)
 * @param holdoutSpend total amount of those transactions
 */
public record CustomerSummary(String customerId, LocalDate firstPurchase, int x, double tx, double age,
        double averageRepeatSpend, int holdoutTransactions, double holdoutSpend) {

    /**
     * Validates the summary.
     *
     * @param customerId the customer
     * @param firstPurchase the day of the first purchase, or null
     * @param x repeat transactions
     * @param tx recency
     * @param age the age T
     * @param averageRepeatSpend mean repeat amount
     * @param holdoutTransactions holdout transactions
     * @param holdoutSpend holdout amount
     * @throws IllegalArgumentException naming the field, the rule and the value
     */
    public CustomerSummary {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank: " + customerId);
        }
        if (x < 0) {
            throw new IllegalArgumentException("x (repeat transactions) must be >= 0: " + x + " (customer " + customerId + ")");
        }
        if (!(age >= 0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("T (age) must be finite and >= 0: " + age + " (customer " + customerId + ")");
        }
        if (!(tx >= 0 && tx <= age)) {
            throw new IllegalArgumentException("t_x must be in [0, T = " + age + "], a repeat cannot come before the"
                    + " first purchase or after the calibration end: " + tx + " (customer " + customerId + ")");
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException("t_x must be 0 when x = 0: " + tx + " (customer " + customerId + ")");
        }
        if (x == 0 ? !Double.isNaN(averageRepeatSpend)
                : !Double.isNaN(averageRepeatSpend) && !(averageRepeatSpend >= 0 && averageRepeatSpend < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("averageRepeatSpend must be NaN when x = 0, and NaN (unknown) or finite and >= 0 otherwise: "
                    + averageRepeatSpend + " (customer " + customerId + ", x = " + x + ")");
        }
        if (holdoutTransactions < 0 || !(holdoutSpend >= 0 && holdoutSpend < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("holdout transactions and spend must be >= 0 and finite: "
                    + holdoutTransactions + ", " + holdoutSpend + " (customer " + customerId + ")");
        }
    }

    /**
     * A summary from frequency, recency and age alone (no dates, no spend, no holdout).
     *
     * @param customerId the customer
     * @param x repeat transactions
     * @param tx recency t_x
     * @param age the age T
     * @return the summary
     */
    public static CustomerSummary of(String customerId, int x, double tx, double age) {
        return new CustomerSummary(customerId, null, x, tx, age, Double.NaN, 0, 0);
    }

    /**
     * A summary from frequency, recency, age and average repeat spend.
     *
     * @param customerId the customer
     * @param x repeat transactions
     * @param tx recency t_x
     * @param age the age T
     * @param averageRepeatSpend mean repeat amount (NaN when x = 0)
     * @return the summary
     */
    public static CustomerSummary of(String customerId, int x, double tx, double age, double averageRepeatSpend) {
        return new CustomerSummary(customerId, null, x, tx, age, averageRepeatSpend, 0, 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CustomerSummary[%s: x=%d, t_x=%.4g, T=%.4g, m_x=%.4g, holdout=%d]",
                customerId, x, tx, age, averageRepeatSpend, holdoutTransactions);
    }
}
