package io.cxkit.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a calendar time bucket: day, ISO week, month, quarter or year.
 *
 * <p>Buckets are calendar periods of local dates, so an {@link Instant} is first placed on a date
 * in an explicit {@link ZoneId} ({@link #bucketOf(Instant, ZoneId)}); the same instant can fall
 * on different days in different zones. Weeks follow ISO 8601: they start on Monday and belong to
 * the ISO week-based year of their Thursday, so 2024-12-30 is in {@code 2025-W01} and 2021-01-03
 * in {@code 2020-W53}.
 *
 * <p>Labels (see {@link TimeBucket#label()}) are {@code 2026-01-15}, {@code 2026-W03},
 * {@code 2026-01}, {@code 2026-Q1} and {@code 2026}; they round-trip through
 * {@link TimeBucket#parse(TimeGrain, String)} for years 0000 to 9999.
 */
public enum TimeGrain {
    /** One calendar day. */
    DAY("2026-01-15", Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})")),
    /** One ISO week, Monday to Sunday, labelled by ISO week-based year and week number. */
    WEEK("2026-W03", Pattern.compile("(\\d{4})-W(\\d{2})")),
    /** One calendar month. */
    MONTH("2026-01", Pattern.compile("(\\d{4})-(\\d{2})")),
    /** One calendar quarter: January to March is Q1. */
    QUARTER("2026-Q1", Pattern.compile("(\\d{4})-Q(\\d)")),
    /** One calendar year. */
    YEAR("2026", Pattern.compile("(\\d{4})"));

    private final String example;
    private final Pattern labelPattern;

    TimeGrain(String example, Pattern labelPattern) {
        this.example = example;
        this.labelPattern = labelPattern;
    }

    /**
     * Returns the bucket containing an instant, as seen on the calendar of {@code zone}.
     *
     * @param t the instant, not null
     * @param zone the time zone that decides the local date, not null
     * @return the bucket containing the local date of {@code t} in {@code zone}
     */
    public TimeBucket bucketOf(Instant t, ZoneId zone) {
        Check.notNull(t, "instant");
        Check.notNull(zone, "zone");
        return bucketOf(LocalDate.ofInstant(t, zone));
    }

    /**
     * Returns the bucket containing a date.
     *
     * @param d the date, not null
     * @return the bucket of this grain that contains {@code d}
     */
    public TimeBucket bucketOf(LocalDate d) {
        Check.notNull(d, "date");
        return new TimeBucket(this, startOf(d));
    }

    /** Returns the first day of the bucket containing {@code d}. */
    LocalDate startOf(LocalDate d) {
        switch (this) {
            case DAY:
                return d;
            case WEEK:
                return d.minusDays(d.getDayOfWeek().getValue() - 1L);
            case MONTH:
                return d.withDayOfMonth(1);
            case QUARTER:
                return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            default:
                return d.withDayOfYear(1);
        }
    }

    /** Returns the first day of the bucket after the one starting on {@code start}. */
    LocalDate next(LocalDate start) {
        switch (this) {
            case DAY:
                return start.plusDays(1);
            case WEEK:
                return start.plusWeeks(1);
            case MONTH:
                return start.plusMonths(1);
            case QUARTER:
                return start.plusMonths(3);
            default:
                return start.plusYears(1);
        }
    }

    /** Returns the first day of the bucket before the one starting on {@code start}. */
    LocalDate previous(LocalDate start) {
        switch (this) {
            case DAY:
                return start.minusDays(1);
            case WEEK:
                return start.minusWeeks(1);
            case MONTH:
                return start.minusMonths(1);
            case QUARTER:
                return start.minusMonths(3);
            default:
                return start.minusYears(1);
        }
    }

    /** Returns the label of the bucket starting on {@code start}. */
    String label(LocalDate start) {
        switch (this) {
            case DAY:
                return String.format("%04d-%02d-%02d", start.getYear(), start.getMonthValue(),
                        start.getDayOfMonth());
            case WEEK:
                return String.format("%04d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER:
                return String.format("%04d-Q%d", start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
            default:
                return String.format("%04d", start.getYear());
        }
    }

    /** Parses a label of this grain into the first day of its bucket. */
    LocalDate parseStart(String label) {
        Check.notNull(label, "label");
        Matcher m = labelPattern.matcher(label);
        if (!m.matches()) {
            throw badLabel(label, "must look like " + example);
        }
        int year = Integer.parseInt(m.group(1));
        try {
            switch (this) {
                case DAY:
                    return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                case WEEK:
                    return weekStart(year, Integer.parseInt(m.group(2)), label);
                case MONTH:
                    return LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
                case QUARTER:
                    int q = Integer.parseInt(m.group(2));
                    if (q < 1 || q > 4) {
                        throw badLabel(label, "quarter must be in [1, 4]");
                    }
                    return LocalDate.of(year, (q - 1) * 3 + 1, 1);
                default:
                    return LocalDate.of(year, 1, 1);
            }
        } catch (DateTimeException e) {
            throw badLabel(label, "is not a valid date (" + e.getMessage() + ")");
        }
    }

    private LocalDate weekStart(int weekBasedYear, int week, String label) {
        LocalDate jan4 = LocalDate.of(weekBasedYear, 1, 4); // always in week 1
        long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).getMaximum();
        if (week < 1 || week > weeks) {
            throw badLabel(label, "week must be in [1, " + weeks + "] for week-based year " + weekBasedYear);
        }
        return startOf(jan4).plusWeeks(week - 1L);
    }

    private IllegalArgumentException badLabel(String label, String rule) {
        return new IllegalArgumentException(name() + " label " + rule + ": '" + label + "'");
    }
}
