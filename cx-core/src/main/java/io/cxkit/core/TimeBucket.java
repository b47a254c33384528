package io.cxkit.core;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One calendar period of a {@link TimeGrain}: a day, an ISO week, a month, a quarter or a year,
 * identified by its first day.
 *
 * <p>Obtain buckets with {@link TimeGrain#bucketOf(LocalDate)},
 * {@link TimeGrain#bucketOf(java.time.Instant, java.time.ZoneId)} or
 * {@link #parse(TimeGrain, String)}. Buckets of one grain tile the calendar:
 * {@code b.next().start().equals(b.end())}. Buckets sort by start date, then by grain (finer
 * first).
 *
 * <pre>{@code
 * TimeBucket w = TimeGrain.WEEK.bucketOf(LocalDate.of(2026, 1, 15));
 * w.label();   // "2026-W03"
 * w.start();   // 2026-01-12 (a Monday)
 * w.end();     // 2026-01-19 (exclusive)
 * }</pre>
 *
 * @param grain the bucket size, not null
 * @param start the first day of the bucket; must be the first day of a {@code grain} bucket
 *     (e.g. a Monday for {@link TimeGrain#WEEK})
 */
public record TimeBucket(TimeGrain grain, LocalDate start) implements Comparable<TimeBucket> {

    private static final Comparator<TimeBucket> ORDER =
            Comparator.comparing(TimeBucket::start).thenComparing(TimeBucket::grain);

    /**
     * Validates the components.
     *
     * @param grain the bucket size
     * @param start the first day of the bucket
     * @throws IllegalArgumentException if {@code start} is not the first day of a bucket
     * @throws NullPointerException if either is null
     */
    public TimeBucket {
        Check.notNull(grain, "grain");
        Check.notNull(start, "start");
        if (!grain.startOf(start).equals(start)) {
            throw new IllegalArgumentException("start must be the first day of a " + grain
                    + " bucket: " + start + " (the bucket starts on " + grain.startOf(start) + ")");
        }
    }

    /**
     * Parses a label as written by {@link #label()}.
     *
     * @param grain the grain the label is written in, not null
     * @param label the label, e.g. {@code "2026-W03"} for {@link TimeGrain#WEEK}
     * @return the bucket
     * @throws IllegalArgumentException if the label does not have the grain's form or names no
     *     valid period (e.g. {@code "2021-W53"}: 2021 has 52 ISO weeks)
     */
    public static TimeBucket parse(TimeGrain grain, String label) {
        Check.notNull(grain, "grain");
        return new TimeBucket(grain, grain.parseStart(label));
    }

    /**
     * Returns the label: {@code 2026-01-15} (day), {@code 2026-W03} (ISO week-based year and
     * week), {@code 2026-01} (month), {@code 2026-Q1} (quarter) or {@code 2026} (year). Labels of
     * different grains never collide, and within a grain they sort like the buckets for years
     * 0000 to 9999.
     *
     * @return the label
     */
    public String label() {
        return grain.label(start);
    }

    /**
     * Returns the first day after the bucket.
     *
     * @return the exclusive end date, equal to {@code next().start()}
     */
    public LocalDate end() {
        return grain.next(start);
    }

    /**
     * Returns the following bucket of the same grain.
     *
     * @return the next bucket
     */
    public TimeBucket next() {
        return new TimeBucket(grain, grain.next(start));
    }

    /**
     * Returns the preceding bucket of the same grain.
     *
     * @return the previous bucket
     */
    public TimeBucket previous() {
        return new TimeBucket(grain, grain.previous(start));
    }

    /**
     * Tells whether a date lies in this bucket, {@code start() <= d < end()}.
     *
     * @param d the date, not null
     * @return true if {@code d} is in this bucket
     */
    public boolean contains(LocalDate d) {
        Check.notNull(d, "date");
        return !d.isBefore(start) && d.isBefore(end());
    }

    /**
     * Compares by start date, then by grain ({@link TimeGrain#DAY} first).
     *
     * @param other the other bucket
     * @return negative, zero or positive as this bucket sorts before, with or after {@code other}
     */
    @Override
    public int compareTo(TimeBucket other) {
        return ORDER.compare(this, other);
    }

    /**
     * Returns the {@link #label()}.
     *
     * @return the label, e.g. {@code 2026-W03}
     */
    @Override
    public String toString() {
        return label();
    }
}
