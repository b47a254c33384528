package io.cxkit.journey.value;

import io.cxkit.core.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Predicted against actual repeat transactions, the two checks of Fader, Hardie &amp; Lee (2005,
 * figures 4 and 5).
 *
 * <ul>
 *   <li><b>Tracking</b> per time unit since the earliest first purchase, through calibration and
 *       holdout: actual cumulative repeat transactions against {@code Σ_i E[X(t − s_i)]}, the
 *       population expectation of each customer from their own first purchase {@code s_i}
 *       (unconditional: it uses only the first-purchase dates).
 *   <li><b>Holdout by calibration frequency</b>: for customers with x = 0, 1, …, 6 and 7 or more
 *       repeats, the mean actual holdout transactions against the mean conditional expectation
 *       {@code E[Y(holdout length) | x, t_x, T]}.
 * </ul>
 *
 * @param holdoutLength the holdout length in time units
 * @param expectedHoldout total conditional expected holdout transactions
 * @param actualHoldout total actual holdout transactions
 * @param tracking one point per time unit
 * @param byFrequency one row per calibration-frequency class
 */
public record HoldoutComparison(double holdoutLength, double expectedHoldout, long actualHoldout,
        List<TrackingPoint> tracking, List<FrequencyRow> byFrequency) {
    /** The largest frequency class of {@link #byFrequency()} is "this many or more". */
    public static final int TOP_FREQUENCY = 7;

    /**
     * Copies.
     *
     * @param holdoutLength holdout length
     * @param expectedHoldout expected holdout transactions
     * @param actualHoldout actual holdout transactions
     * @param tracking tracking points
     * @param byFrequency frequency rows
     */
    public HoldoutComparison {
        tracking = List.copyOf(tracking);
        byFrequency = List.copyOf(byFrequency);
    }

    /**
     * Cumulative repeat transactions at the end of a time unit.
     *
     * @param unit the time unit's number, 1 for the first
     * @param actual actual cumulative repeat transactions
     * @param expected expected cumulative repeat transactions
     * @param holdout whether the unit ends after the calibration end
     */
    public record TrackingPoint(int unit, long actual, double expected, boolean holdout) {
    }

    /**
     * Holdout transactions of the customers with one calibration frequency.
     *
     * @param x the calibration frequency; {@link #TOP_FREQUENCY} means that many or more
     * @param customers customers in the class
     * @param actualMean mean actual holdout transactions
     * @param expectedMean mean conditional expected holdout transactions
     */
    public record FrequencyRow(int x, long customers, double actualMean, double expectedMean) {
    }

    /**
     * Compares a model's predictions with a base's holdout.
     *
     * @param model the fitted purchase model
     * @param base the customer base, with a holdout period and first-purchase dates
     * @return the comparison
     * @throws IllegalArgumentException if the base has no holdout period or no dates
     */
    public static HoldoutComparison of(TransactionModel model, RepeatPurchasesResult base) {
        Check.notNull(model, "model");
        Check.notNull(base, "base");
        if (!base.hasHoldout() || base.firstDay().isEmpty()) {
            throw new IllegalArgumentException("a holdout comparison needs a customer base with a holdout end"
                    + " and first-purchase dates (built by RepeatPurchases with a holdout end)");
        }
        double length = base.holdoutLength();
        double unit = base.daysPerUnit();
        long day0 = base.firstDay().get().toEpochDay();
        double calibrationUnits = (base.calibrationEnd().toEpochDay() + 1 - day0) / unit;
        long[] byUnit = base.repeatsByUnit();
        List<TrackingPoint> tracking = new ArrayList<>(byUnit.length);
        long cumulative = 0;
        for (int k = 1; k <= byUnit.length; k++) {
            cumulative += byUnit[k - 1];
            double expected = 0;
            for (CustomerSummary c : base.customers()) {
                double age = k - (c.firstPurchase().toEpochDay() - day0) / unit;
                if (age > 0) {
                    expected += model.populationExpected(age);
                }
            }
            tracking.add(new TrackingPoint(k, cumulative, expected, k > calibrationUnits));
        }
        long[] n = new long[TOP_FREQUENCY + 1];
        double[] actual = new double[TOP_FREQUENCY + 1];
        double[] expected = new double[TOP_FREQUENCY + 1];
        double expectedTotal = 0;
        for (CustomerSummary c : base.customers()) {
            int k = Math.min(c.x(), TOP_FREQUENCY);
            double e = model.expectedTransactions(length, c.x(), c.tx(), c.age());
            n[k]++;
            actual[k] += c.holdoutTransactions();
            expected[k] += e;
            expectedTotal += e;
        }
        List<FrequencyRow> rows = new ArrayList<>();
        for (int k = 0; k <= TOP_FREQUENCY; k++) {
            if (n[k] > 0) {
                rows.add(new FrequencyRow(k, n[k], actual[k] / n[k], expected[k] / n[k]));
            }
        }
        return new HoldoutComparison(length, expectedTotal, base.holdoutTransactions(), tracking, rows);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HoldoutComparison[%.4g units: expected %.1f, actual %d; %d tracking points, %s]",
                holdoutLength, expectedHoldout, actualHoldout, tracking.size(), byFrequency);
    }
}
