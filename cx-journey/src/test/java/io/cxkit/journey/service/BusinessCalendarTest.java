package io.cxkit.journey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Business time by hand. 2026-03-27 is a Friday; Europe/Berlin springs forward on Sunday 2026-03-29. */
class BusinessCalendarTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static final BusinessCalendar OFFICE = BusinessCalendar.builder(BERLIN)
            .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
            .holiday(LocalDate.of(2026, 4, 3)) // Good Friday
            .from(LocalDate.of(2026, 7, 1)).weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0))
            .build();

    @Test
    void acrossAWeekendAndTheDstChange() {
        // Fri 16:00 CET → Mon 10:00 CEST: 1 h Friday + 1 h Monday, though 65 h elapse
        Instant from = berlin("2026-03-27T16:00");
        Instant to = berlin("2026-03-30T10:00");
        assertEquals(Duration.ofHours(2), OFFICE.between(from, to));
        assertEquals(Duration.ofHours(65), Duration.between(from, to));
        assertEquals(Duration.ofHours(65), BusinessCalendar.elapsed().between(from, to));
    }

    @Test
    void roundTheClockCalendarSeesTheShortDay() {
        BusinessCalendar always = BusinessCalendar.builder(BERLIN).weekdays(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .hours(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .hours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
        // Sat 12:00 → Mon 12:00 local is 47 h because Sunday has 23 h
        assertEquals(Duration.ofHours(47), always.between(berlin("2026-03-28T12:00"), berlin("2026-03-30T12:00")));
    }

    @Test
    void holidaysAndScheduleChanges() {
        // Thu 2026-04-02 16:00 → Mon 2026-04-06 10:00 with Good Friday off: 1 h + 1 h
        assertEquals(Duration.ofHours(2), OFFICE.between(berlin("2026-04-02T16:00"), berlin("2026-04-06T10:00")));
        assertFalse(OFFICE.isWorkingDay(LocalDate.of(2026, 4, 3)));
        assertFalse(OFFICE.isWorkingDay(LocalDate.of(2026, 4, 4)));
        assertTrue(OFFICE.isWorkingDay(LocalDate.of(2026, 4, 6)));
        // Tue 30 June 15:00 (9–17) → Wed 1 July 09:00 (8–16): 2 h + 1 h
        assertEquals(Duration.ofHours(3), OFFICE.between(berlin("2026-06-30T15:00"), berlin("2026-07-01T09:00")));
        // before opening, and an empty interval
        assertEquals(Duration.ZERO, OFFICE.between(berlin("2026-03-02T07:00"), berlin("2026-03-02T08:59")));
        assertEquals(Duration.ZERO, OFFICE.between(berlin("2026-03-02T10:00"), berlin("2026-03-02T10:00")));
        // a full working week
        assertEquals(Duration.ofHours(40), OFFICE.between(berlin("2026-03-02T00:00"), berlin("2026-03-09T00:00")));
        BusinessCalendar closedFriday = BusinessCalendar.builder(BERLIN).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .closed(DayOfWeek.FRIDAY).build();
        assertEquals(Duration.ofHours(32), closedFriday.between(berlin("2026-03-02T00:00"), berlin("2026-03-09T00:00")));
        assertEquals("BusinessCalendar[Europe/Berlin, 2 schedules, 1 holidays]", OFFICE.toString());
    }

    @Test
    void aScheduleWithEveryDayClosedCountsNothingAndACalendarWithoutHoursIsRefused() {
        // Before: build() threw EnumMap's "Specified map is empty" for any schedule without hours
        BusinessCalendar shutdown = BusinessCalendar.builder(BERLIN).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .from(LocalDate.of(2026, 7, 1)).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .closed(DayOfWeek.MONDAY).closed(DayOfWeek.TUESDAY).closed(DayOfWeek.WEDNESDAY)
                .closed(DayOfWeek.THURSDAY).closed(DayOfWeek.FRIDAY).build();
        assertEquals(Duration.ZERO, shutdown.between(berlin("2026-07-06T00:00"), berlin("2026-07-13T00:00")));
        assertEquals(Duration.ofHours(40), shutdown.between(berlin("2026-06-22T00:00"), berlin("2026-06-29T00:00")));
        // with no working hours at all every duration would be 0: that is a mistake, not a calendar
        assertEquals("business calendar must have working hours: every day of every schedule is closed",
                assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.builder(BERLIN).build())
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.builder(BERLIN)
                .hours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)).closed(DayOfWeek.SATURDAY).build());
    }

    @Test
    void badInput() {
        assertEquals("working hours end must be after start: MONDAY 17:00-09:00",
                assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.builder(BERLIN)
                        .hours(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(9, 0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OFFICE.between(berlin("2026-03-03T10:00"),
                berlin("2026-03-02T10:00")));
        assertEquals("zone must not be null",
                assertThrows(NullPointerException.class, () -> BusinessCalendar.builder(null)).getMessage());
        assertEquals("schedule change date must be after the previous one (2026-07-01): 2026-06-01",
                assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.builder(BERLIN)
                        .from(LocalDate.of(2026, 7, 1)).from(LocalDate.of(2026, 6, 1))).getMessage());
    }
}
