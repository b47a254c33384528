package io.cxkit.journey.value;

import java.util.Locale;

/**
 * The terms of a lifetime-value calculation: how far ahead, at what margin, discounted how.
 *
 * <p>CLV of a customer = {@code margin · E[spend per transaction] · Σ_k (E[Y(t_k)] − E[Y(t_{k−1})])
 * · (1 + d)^(−t_k in years)}: expected transactions per step (one month of 365.25/12 days; the
 * last step is shorter when the horizon is not a whole number of months), discounted at the end of
 * each step at the annual rate {@code d}.
 *
 * @param horizon how far ahead, in time units (52.18 weeks = one year), &gt; 0
 * @param margin the share of spend that is margin, in (0, 1]; 1 values revenue
 * @param annualDiscountRate the annual discount rate {@code d}, &gt;= 0 (0.10 = 10% a year)
 * @param daysPerUnit the time unit in days (7 for weeks)
 */
public record ValueTerms(double horizon, double margin, double annualDiscountRate, double daysPerUnit) {
    /** Days in a month, 365.25 / 12. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    /**
     * Validates.
     *
     * @param horizon the horizon
     * @param margin the margin share
     * @param annualDiscountRate the discount rate
     * @param daysPerUnit days per time unit
     */
    public ValueTerms {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon must be finite and > 0 time units: " + horizon);
        }
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in (0, 1]: " + margin);
        }
        if (!(annualDiscountRate >= 0) || Double.isInfinite(annualDiscountRate)) {
            throw new IllegalArgumentException("annualDiscountRate must be finite and >= 0: " + annualDiscountRate);
        }
        RepeatPurchases.checkUnit(daysPerUnit);
    }

    /**
     * One year ahead in weeks, margin 1 (revenue), discounted at 10% a year.
     *
     * @return the default terms
     */
    public static ValueTerms create() {
        return new ValueTerms(365.25 / 7, 1, 0.10, RepeatPurchases.DAYS_PER_WEEK);
    }

    /**
     * The step ends {@code t_k} in time units: monthly, the last one at the horizon.
     *
     * @return the increasing step ends
     */
    double[] stepEnds() {
        double month = DAYS_PER_MONTH / daysPerUnit;
        int k = (int) Math.ceil(horizon / month - 1e-9);
        double[] t = new double[k];
        for (int i = 0; i < k; i++) {
            t[i] = Math.min(horizon, (i + 1) * month);
        }
        return t;
    }

    /**
     * The discount factor at {@code t} time units from now.
     *
     * @param t time in time units
     * @return {@code (1 + d)^(−t · daysPerUnit / 365.25)}
     */
    double discount(double t) {
        return Math.pow(1 + annualDiscountRate, -t * daysPerUnit / 365.25);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ValueTerms[horizon %.4g units of %.4g days, margin %.3g, discount %.3g a year]",
                horizon, daysPerUnit, margin, annualDiscountRate);
    }
}
