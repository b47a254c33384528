package io.cxkit.journey.survival;

import io.cxkit.core.Check;
import io.cxkit.core.Interval;

/**
 * The median survival time of a Kaplan–Meier curve with its confidence interval, computed as R's
 * {@code quantile(survfit(...), 0.5)} and {@code print(survfit(...))} do.
 *
 * <p>The median is the smallest time at which {@code S(t) <= 0.5}. When the curve sits
 * <em>exactly</em> at 0.5 (within {@code √ε ≈ 1.5e-8}) over a stretch, it is the midpoint between
 * the time the curve reaches 0.5 and the time it next drops; if it never drops again, the midpoint
 * between reaching 0.5 and the last observed time. The interval is where the lower and upper
 * pointwise confidence curves cross 0.5 by the same rule (Brookmeyer &amp; Crowley 1982 as
 * implemented in R's survival package). Any of the three is NaN ("not reached", R's NA) when the
 * respective curve never gets down to 0.5.
 *
 * @param time the median survival time, in the data's unit; NaN if not reached
 * @param interval its confidence interval (bounds NaN where not reached; the method names the
 *     interval type, e.g. {@code "Kaplan-Meier log"})
 */
public record MedianSurvival(double time, Interval interval) {

    /**
     * Validates the components.
     *
     * @param time the median
     * @param interval its interval; not null
     */
    public MedianSurvival {
        Check.notNull(interval, "interval");
    }

    /**
     * Whether the curve reached 0.5.
     *
     * @return {@code false} if the median is "not reached"
     */
    public boolean reached() {
        return !Double.isNaN(time);
    }

    @Override
    public String toString() {
        return "median=" + (reached() ? SurvivalAccumulator.formatTime(time) : "not reached")
                + " " + Math.round(interval.confidence() * 100) + "% CI ["
                + bound(interval.lower()) + ", " + bound(interval.upper()) + "] (" + interval.method() + ")";
    }

    private static String bound(double v) {
        return Double.isNaN(v) ? "NA" : SurvivalAccumulator.formatTime(v);
    }
}
