package io.cxkit.journey.retention;

import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TimeBucket;

/**
 * One cell of a cohort retention table: of the customers first seen in a cohort period, how many
 * were active again {@code offset} periods later.
 *
 * @param offset periods since the cohort period (0 = the cohort period itself, always 100%)
 * @param period the calendar period of the cell
 * @param retained customers of the cohort active in {@code period}
 * @param share {@code retained / cohort size} with its binomial standard error; Wilson interval via
 *     {@link #interval(double)}
 */
public record RetentionCell(int offset, TimeBucket period, long retained, ProportionEstimate share) {

    /**
     * The Wilson interval for the retained share.
     *
     * @param confidence the confidence level in (0, 1)
     * @return the interval within [0, 1]
     */
    public Interval interval(double confidence) {
        return share.interval(confidence);
    }

    @Override
    public String toString() {
        return "+" + offset + " (" + period.label() + "): " + retained + " = "
                + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share.estimate());
    }
}
