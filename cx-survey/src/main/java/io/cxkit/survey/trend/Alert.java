package io.cxkit.survey.trend;

import io.cxkit.core.Check;
import io.cxkit.core.Interval;
import io.cxkit.core.TimeBucket;
import java.util.Locale;

/**
 * A segment whose score moved: which segment, in which period, of which metric, by how much, and how
 * sure we are ({@link ScoreTrend}).
 *
 * @param segment the segment's name
 * @param period the period in which the move was seen
 * @param metric the metric's name, e.g. {@code "NPS"}
 * @param kind what the move was measured against
 * @param change the signed change in the metric's unit: later − earlier, segment − rest, or
 *     estimate − control-chart centre line
 * @param interval confidence interval for the change (for control-limit alerts: the control limits,
 *     shifted by the centre line so that they bound the change)
 * @param pValue two-sided p-value of the test behind the alert; NaN for control-limit alerts
 * @param adjustedP Benjamini–Hochberg adjusted p-value across all tests of that period; NaN for
 *     control-limit alerts
 * @param direction whether the score went up or down
 * @param reason a one-line explanation
 */
public record Alert(String segment, TimeBucket period, String metric, Kind kind, double change,
        Interval interval, double pValue, double adjustedP, Direction direction, String reason) {

    /** What a change is measured against. */
    public enum Kind {
        /** The same segment in the previous period. */
        PERIOD_OVER_PERIOD,
        /** All other segments combined, in the same period. */
        SEGMENT_VS_REST,
        /** The 3-sigma control limits of the segment's earlier periods. */
        CONTROL_LIMIT
    }

    /** Direction of a change. */
    public enum Direction {
        /** The score rose. */
        UP,
        /** The score fell. */
        DOWN
    }

    /**
     * Validates the components.
     *
     * @param segment the segment
     * @param period the period
     * @param metric the metric
     * @param kind the kind
     * @param change the change
     * @param interval its interval
     * @param pValue the p-value
     * @param adjustedP the adjusted p-value
     * @param direction the direction
     * @param reason the explanation
     */
    public Alert {
        Check.notNull(segment, "segment");
        Check.notNull(period, "period");
        Check.notNull(metric, "metric");
        Check.notNull(kind, "kind");
        Check.notNull(interval, "interval");
        Check.notNull(direction, "direction");
        Check.notNull(reason, "reason");
    }

    @Override
    public String toString() {
        String sure = Double.isNaN(pValue) ? "" : String.format(Locale.ROOT, ", p = %.3g, BH-adjusted p = %.3g",
                pValue, adjustedP);
        return String.format(Locale.ROOT, "ALERT %s %s [%s]: %s %s by %.4g (%.0f%% CI %.4g..%.4g)%s: %s",
                metric, period.label(), segment, direction == Direction.UP ? "up" : "down",
                kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), Math.abs(change),
                100 * interval.confidence(), interval.lower(), interval.upper(), sure, reason);
    }
}
