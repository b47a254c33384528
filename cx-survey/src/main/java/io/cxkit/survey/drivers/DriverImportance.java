package io.cxkit.survey.drivers;

import io.cxkit.core.Check;
import io.cxkit.core.Interval;
import java.util.Locale;

/**
 * One driver's share of the explained variance of the outcome.
 *
 * @param driver the driver's name
 * @param raw the raw importance: the part of R² attributed to this driver, in [0, R²] (the raw
 *     importances of all drivers add up to R²)
 * @param rescaled the raw importance as a share of R², in [0, 1] (they add up to 1)
 * @param mean the driver's (weighted) mean rating, in the rating's own unit ("performance")
 * @param rawInterval percentile bootstrap interval for {@code raw}; NaN bounds when no bootstrap was
 *     run (accumulator path)
 * @param rescaledInterval percentile bootstrap interval for {@code rescaled}; NaN bounds when no
 *     bootstrap was run
 */
public record DriverImportance(String driver, double raw, double rescaled, double mean,
        Interval rawInterval, Interval rescaledInterval) {

    /**
     * Validates the components.
     *
     * @param driver the driver's name
     * @param raw the raw importance
     * @param rescaled the rescaled importance
     * @param mean the mean rating
     * @param rawInterval interval for the raw importance
     * @param rescaledInterval interval for the rescaled importance
     */
    public DriverImportance {
        Check.notNull(driver, "driver");
        Check.notNull(rawInterval, "rawInterval");
        Check.notNull(rescaledInterval, "rescaledInterval");
    }

    /**
     * Whether bootstrap intervals are present.
     *
     * @return true if the intervals have finite bounds
     */
    public boolean hasInterval() {
        return !Double.isNaN(rawInterval.lower());
    }

    @Override
    public String toString() {
        String ci = hasInterval() ? String.format(Locale.ROOT, " (%.0f%% CI %.1f..%.1f%%)",
                100 * rescaledInterval.confidence(), 100 * rescaledInterval.lower(),
                100 * rescaledInterval.upper()) : "";
        return String.format(Locale.ROOT, "%s: %.4f of R² = %.1f%%%s, mean %.2f", driver, raw,
                100 * rescaled, ci, mean);
    }
}
