package io.cxkit.core;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which calendar periods a {@link RollingSegments} keeps, and when a period closes.
 *
 * <ul>
 *   <li><b>Periods</b> are buckets of {@code grain} in {@code zone} ({@link TimeGrain#bucketOf}).
 *   <li><b>Retention</b>: either the last {@code keepPeriods} calendar periods up to and including
 *       the newest one (counted on the calendar, whether or not a period had data), or every
 *       period whose end is later than the newest time seen minus {@code keepDuration}. Older
 *       periods are dropped.
 *   <li><b>Closing</b>: the <em>watermark</em> is the latest event time seen minus
 *       {@code allowedLateness} (or a later time given to {@link RollingSegments#advanceTo}). A
 *       period closes once the watermark reaches its end; a closed period takes no more data.
 * </ul>
 *
 * <pre>{@code
 * RollingWindow w = RollingWindow.of(12, TimeGrain.WEEK, ZoneId.of("Europe/Berlin"))
 *         .withLateness(Duration.ofHours(6));
 * }</pre>
 *
 * @param grain the period size, not null
 * @param zone the zone in which period boundaries fall, not null
 * @param keepPeriods how many periods to keep, &ge; 1; or 0 when {@code keepDuration} is set
 * @param keepDuration how far back to keep periods, &gt; 0; or empty when {@code keepPeriods} is set
 * @param allowedLateness how far behind the latest event time data may still arrive, &ge; 0
 */
public record RollingWindow(TimeGrain grain, ZoneId zone, int keepPeriods, Optional<Duration> keepDuration,
        Duration allowedLateness) {

    /**
     * Validates the components.
     *
     * @param grain see the class comment
     * @param zone see the class comment
     * @param keepPeriods see the class comment
     * @param keepDuration see the class comment
     * @param allowedLateness see the class comment
     * @throws IllegalArgumentException if not exactly one retention is set, or a duration is not
     *     positive (lateness: negative)
     */
    public RollingWindow {
        Check.notNull(grain, "grain");
        Check.notNull(zone, "zone");
        Check.notNull(keepDuration, "keepDuration");
        Check.notNull(allowedLateness, "allowedLateness");
        if ((keepPeriods > 0) == keepDuration.isPresent()) {
            throw new IllegalArgumentException("rolling window needs exactly one retention: keepPeriods >= 1 ("
                    + keepPeriods + ") or keepDuration > 0 (" + keepDuration.orElse(null) + ")");
        }
        if (keepPeriods < 0) {
            throw new IllegalArgumentException("keepPeriods must be >= 1: " + keepPeriods);
        }
        if (keepDuration.isPresent() && (keepDuration.get().isNegative() || keepDuration.get().isZero())) {
            throw new IllegalArgumentException("keepDuration must be > 0: " + keepDuration.get());
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowedLateness must be >= 0: " + allowedLateness);
        }
    }

    /**
     * Keeps the last {@code n} periods, with no allowed lateness.
     *
     * @param n the number of periods, &ge; 1
     * @param grain the period size
     * @param zone the zone of period boundaries
     * @return the window
     */
    public static RollingWindow of(int n, TimeGrain grain, ZoneId zone) {
        if (n < 1) {
            throw new IllegalArgumentException("keepPeriods must be >= 1: " + n);
        }
        return new RollingWindow(grain, zone, n, Optional.empty(), Duration.ZERO);
    }

    /**
     * Keeps the periods that end within {@code d} of the newest time seen, with no allowed
     * lateness.
     *
     * @param d how far back, &gt; 0
     * @param grain the period size
     * @param zone the zone of period boundaries
     * @return the window
     */
    public static RollingWindow of(Duration d, TimeGrain grain, ZoneId zone) {
        return new RollingWindow(grain, zone, 0, Optional.of(Check.notNull(d, "keepDuration")), Duration.ZERO);
    }

    /**
     * This window with an allowed lateness.
     *
     * @param lateness how far behind the latest event time data may still arrive, &ge; 0
     * @return a new window
     */
    public RollingWindow withLateness(Duration lateness) {
        return new RollingWindow(grain, zone, keepPeriods, keepDuration, lateness);
    }

    /**
     * Returns e.g. {@code RollingWindow[last 12 WEEK periods in Europe/Berlin, lateness PT6H]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "RollingWindow[" + (keepDuration.isEmpty() ? "last " + keepPeriods + " " + grain + " periods"
                : grain + " periods ending within " + keepDuration.get()) + " in " + zone + ", lateness "
                + allowedLateness + "]";
    }
}
