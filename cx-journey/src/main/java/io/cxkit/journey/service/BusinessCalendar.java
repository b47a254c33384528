package io.cxkit.journey.service;

import io.cxkit.core.Check;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working hours for measuring durations in business time: one working interval per weekday, a set
 * of holidays, a time zone, and schedules that change from a given date (e.g. summer hours).
 *
 * <p>{@link #between(Instant, Instant)} adds up, day by day in the calendar's zone, the overlap
 * of {@code [from, to)} with that day's working interval under the schedule in force on that day.
 * Holidays and days without hours contribute nothing. Local times are converted with the zone's
 * rules on each day, so a DST change is handled: on a spring-forward day a 00:00–24:00 interval
 * lasts 23 hours. An end time of {@code 00:00} means the end of the day (24:00). A local start or
 * end inside a DST gap moves forward by the gap's length, as {@link ZonedDateTime#of} does.
 *
 * <pre>{@code
 * BusinessCalendar cal = BusinessCalendar.builder(ZoneId.of("Europe/Berlin"))
 *         .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
 *         .holiday(LocalDate.of(2026, 12, 25))
 *         .from(LocalDate.of(2026, 7, 1)).weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0))
 *         .build();
 * Duration d = cal.between(created, firstReply);
 * }</pre>
 */
public final class BusinessCalendar {
    private static final BusinessCalendar ELAPSED = new BusinessCalendar(ZoneId.of("UTC"), new TreeMap<>(),
            Set.of(), true);

    private final ZoneId zone;
    private final TreeMap<LocalDate, Map<DayOfWeek, LocalTime[]>> schedules;
    private final Set<LocalDate> holidays;
    private final boolean elapsed;

    private BusinessCalendar(ZoneId zone, TreeMap<LocalDate, Map<DayOfWeek, LocalTime[]>> schedules,
            Set<LocalDate> holidays, boolean elapsed) {
        this.zone = zone;
        this.schedules = schedules;
        this.holidays = holidays;
        this.elapsed = elapsed;
    }

    /**
     * Plain elapsed time, every hour of every day (the default for service metrics).
     *
     * @return the calendar
     */
    public static BusinessCalendar elapsed() {
        return ELAPSED;
    }

    /**
     * Starts a calendar with no working hours in the given zone.
     *
     * @param zone the time zone working hours are in
     * @return a builder
     */
    public static Builder builder(ZoneId zone) {
        Check.notNull(zone, "zone");
        return new Builder(zone);
    }

    /** Builds a {@link BusinessCalendar}. */
    public static final class Builder {
        private final ZoneId zone;
        private final TreeMap<LocalDate, Map<DayOfWeek, LocalTime[]>> schedules = new TreeMap<>();
        private final Set<LocalDate> holidays = new TreeSet<>();
        private Map<DayOfWeek, LocalTime[]> current = new EnumMap<>(DayOfWeek.class);

        private Builder(ZoneId zone) {
            this.zone = zone;
            schedules.put(LocalDate.MIN, current);
        }

        /**
         * Sets one weekday's working interval in the current schedule.
         *
         * @param day the weekday
         * @param start the local start time
         * @param end the local end time, after {@code start}; {@code 00:00} means 24:00
         * @return this builder
         * @throws IllegalArgumentException if {@code end} is not after {@code start}
         */
        public Builder hours(DayOfWeek day, LocalTime start, LocalTime end) {
            Check.notNull(day, "day");
            Check.notNull(start, "start");
            Check.notNull(end, "end");
            if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
                throw new IllegalArgumentException("working hours end must be after start: " + day + " "
                        + start + "-" + end);
            }
            current.put(day, new LocalTime[] {start, end});
            return this;
        }

        /**
         * Sets Monday to Friday to the same working interval.
         *
         * @param start the local start time
         * @param end the local end time ({@code 00:00} means 24:00)
         * @return this builder
         */
        public Builder weekdays(LocalTime start, LocalTime end) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                    hours(d, start, end);
                }
            }
            return this;
        }

        /**
         * Makes a weekday a day off in the current schedule.
         *
         * @param day the weekday
         * @return this builder
         */
        public Builder closed(DayOfWeek day) {
            current.remove(day);
            return this;
        }

        /**
         * Adds a holiday (no working time that day, whatever the schedule).
         *
         * @param date the date
         * @return this builder
         */
        public Builder holiday(LocalDate date) {
            Check.notNull(date, "holiday");
            holidays.add(date);
            return this;
        }

        /**
         * Adds holidays.
         *
         * @param dates the dates
         * @return this builder
         */
        public Builder holidays(Collection<LocalDate> dates) {
            dates.forEach(this::holiday);
            return this;
        }

        /**
         * Starts a new schedule in force from {@code date} on, initially a copy of the current one;
         * later {@link #hours} and {@link #closed} calls change the new schedule only.
         *
         * @param date the first day of the new schedule, after the previous schedule's start
         * @return this builder
         * @throws IllegalArgumentException if not after the current schedule's start
         */
        public Builder from(LocalDate date) {
            Check.notNull(date, "date");
            if (!date.isAfter(schedules.lastKey())) {
                throw new IllegalArgumentException("schedule change date must be after the previous one ("
                        + (schedules.lastKey().equals(LocalDate.MIN) ? "none" : schedules.lastKey()) + "): " + date);
            }
            current = new EnumMap<>(current);
            schedules.put(date, current);
            return this;
        }

        /**
         * Builds the calendar. A schedule may close every day (a shutdown from a date on), but not
         * all of them: a calendar without any working hours would make every duration 0.
         *
         * @return the calendar
         * @throws IllegalArgumentException if no schedule has working hours
         */
        public BusinessCalendar build() {
            if (schedules.values().stream().allMatch(Map::isEmpty)) {
                throw new IllegalArgumentException("business calendar must have working hours: every day of every"
                        + " schedule is closed");
            }
            TreeMap<LocalDate, Map<DayOfWeek, LocalTime[]>> copy = new TreeMap<>();
            // the schedules are EnumMaps, which EnumMap's copy constructor accepts even when empty
            schedules.forEach((k, v) -> copy.put(k, new EnumMap<>(v)));
            return new BusinessCalendar(zone, copy, Set.copyOf(holidays), false);
        }
    }

    /**
     * The calendar's time zone.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Whether {@code date} is a working day (not a holiday and with hours in the schedule then in
     * force).
     *
     * @param date the date
     * @return true if some working time falls on it
     */
    public boolean isWorkingDay(LocalDate date) {
        return elapsed || (!holidays.contains(date) && schedules.floorEntry(date).getValue().containsKey(
                date.getDayOfWeek()));
    }

    /**
     * Business time between two instants.
     *
     * @param from the start
     * @param to the end, not before {@code from}
     * @return the working time within {@code [from, to)}
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Duration between(Instant from, Instant to) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("business time end must not be before start: " + from + " > " + to);
        }
        if (elapsed) {
            return Duration.between(from, to);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        long millis = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            LocalTime[] h = schedules.floorEntry(day).getValue().get(day.getDayOfWeek());
            if (h == null) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, h[0], zone).toInstant();
            Instant close = h[1].equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day, h[1], zone).toInstant();
            Instant a = open.isAfter(from) ? open : from;
            Instant b = close.isBefore(to) ? close : to;
            if (b.isAfter(a)) {
                millis += Duration.between(a, b).toMillis();
            }
        }
        return Duration.ofMillis(millis);
    }

    /**
     * Returns e.g. {@code BusinessCalendar[Europe/Berlin, 2 schedules, 3 holidays]} or
     * {@code BusinessCalendar[elapsed time]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        if (elapsed) {
            return "BusinessCalendar[elapsed time]";
        }
        return "BusinessCalendar[" + zone + ", " + schedules.size() + (schedules.size() == 1 ? " schedule, "
                : " schedules, ") + holidays.size() + " holidays]";
    }
}
