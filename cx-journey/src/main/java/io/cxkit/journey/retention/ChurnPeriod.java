package io.cxkit.journey.retention;

import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TimeBucket;

/**
 * Churn in one calendar period: of the customers active in the previous period, the share not
 * active in this one.
 *
 * @param period the period
 * @param activeBefore customers active in the previous period
 * @param lost of those, customers not active in {@code period}
 * @param rate {@code lost / activeBefore} with its standard error (Wilson interval via
 *     {@code rate().interval(confidence)}); empty ({@code n = 0}, NaN) when nobody was active before
 */
public record ChurnPeriod(TimeBucket period, long activeBefore, long lost, ProportionEstimate rate) {

    @Override
    public String toString() {
        return period.label() + ": " + lost + " of " + activeBefore + " lost"
                + (activeBefore == 0 ? "" : String.format(java.util.Locale.ROOT, " (%.1f%%)", 100 * rate.estimate()));
    }
}
