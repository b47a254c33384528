package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBucketTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest
    @CsvSource({
        "DAY,     2026-01-15, 2026-01-15, 2026-01-15, 2026-01-16",
        "WEEK,    2026-01-15, 2026-W03,   2026-01-12, 2026-01-19",
        "MONTH,   2026-01-15, 2026-01,    2026-01-01, 2026-02-01",
        "QUARTER, 2026-01-15, 2026-Q1,    2026-01-01, 2026-04-01",
        "QUARTER, 2026-11-30, 2026-Q4,    2026-10-01, 2027-01-01",
        "YEAR,    2026-01-15, 2026,       2026-01-01, 2027-01-01",
        "WEEK,    2020-12-31, 2020-W53,   2020-12-28, 2021-01-04",
        "WEEK,    2021-01-03, 2020-W53,   2020-12-28, 2021-01-04",
        "WEEK,    2021-01-04, 2021-W01,   2021-01-04, 2021-01-11",
        "WEEK,    2024-12-30, 2025-W01,   2024-12-30, 2025-01-06",
        "WEEK,    2026-12-31, 2026-W53,   2026-12-28, 2027-01-04",
        "DAY,     2024-02-29, 2024-02-29, 2024-02-29, 2024-03-01",
    })
    void bucketsHaveLabelsStartsAndEnds(TimeGrain grain, String day, String label, String start,
            String end) {
        TimeBucket b = grain.bucketOf(date(day));
        assertEquals(label, b.label());
        assertEquals(label, b.toString());
        assertEquals(date(start), b.start());
        assertEquals(date(end), b.end());
        assertEquals(b, TimeBucket.parse(grain, label));
        assertTrue(b.contains(date(day)));
        assertFalse(b.contains(date(end)));
        assertFalse(b.contains(date(start).minusDays(1)));
    }

    @Test
    void instantsAreBucketedInTheGivenZone() {
        Instant lateEvening = Instant.parse("2026-01-16T03:30:00Z"); // 22:30 on the 15th in New York
        assertEquals("2026-01-16", TimeGrain.DAY.bucketOf(lateEvening, ZoneOffset.UTC).label());
        assertEquals("2026-01-15", TimeGrain.DAY.bucketOf(lateEvening, NEW_YORK).label());
        // Across the spring-forward gap (2026-03-08 02:00 local): 23:30 EST is 04:30Z.
        Instant beforeDst = Instant.parse("2026-03-08T04:30:00Z");
        assertEquals("2026-03-07", TimeGrain.DAY.bucketOf(beforeDst, NEW_YORK).label());
        assertEquals("2026-03-08", TimeGrain.DAY.bucketOf(beforeDst, ZoneOffset.UTC).label());
        // After it, midnight local is 04:00Z; 03:59Z is still the previous day in New York.
        Instant afterDst = Instant.parse("2026-03-10T03:59:00Z");
        assertEquals("2026-03-09", TimeGrain.DAY.bucketOf(afterDst, NEW_YORK).label());
        assertEquals("2026-03-10", TimeGrain.DAY.bucketOf(afterDst, ZoneOffset.UTC).label());
        // A year boundary: New Year's Eve in New York is already next year in UTC.
        Instant nye = Instant.parse("2027-01-01T02:00:00Z");
        assertEquals("2026", TimeGrain.YEAR.bucketOf(nye, NEW_YORK).label());
        assertEquals("2027", TimeGrain.YEAR.bucketOf(nye, ZoneOffset.UTC).label());
    }

    @Test
    void nextAndPreviousWalkTheCalendar() {
        TimeBucket w = TimeBucket.parse(TimeGrain.WEEK, "2020-W53");
        assertEquals("2021-W01", w.next().label());
        assertEquals("2020-W52", w.previous().label());
        assertEquals("2027-Q1", TimeBucket.parse(TimeGrain.QUARTER, "2026-Q4").next().label());
        assertEquals("2025-Q4", TimeBucket.parse(TimeGrain.QUARTER, "2026-Q1").previous().label());
        assertEquals("2026-12", TimeBucket.parse(TimeGrain.MONTH, "2027-01").previous().label());
        assertEquals("2025", TimeBucket.parse(TimeGrain.YEAR, "2026").previous().label());
        assertEquals("2024-02-29", TimeBucket.parse(TimeGrain.DAY, "2024-03-01").previous().label());
    }

    @Test
    void bucketsSortByStartThenGrain() {
        LocalDate d = date("2026-01-01"); // a Thursday; its ISO week starts 2025-12-29
        List<TimeBucket> buckets = new ArrayList<>();
        for (TimeGrain g : TimeGrain.values()) {
            buckets.add(g.bucketOf(d));
        }
        buckets.add(TimeGrain.DAY.bucketOf(d.minusDays(1)));
        Collections.shuffle(buckets, new java.util.Random(1));
        Collections.sort(buckets);
        assertEquals(List.of("2026-W01", "2025-12-31", "2026-01-01", "2026-01", "2026-Q1", "2026"),
                buckets.stream().map(TimeBucket::label).toList());
        assertNotEquals(TimeGrain.MONTH.bucketOf(d), TimeGrain.YEAR.bucketOf(d));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WEEK    | 2021-W53   | WEEK label week must be in [1, 52] for week-based year 2021: '2021-W53'",
        "WEEK    | 2026-W00   | WEEK label week must be in [1, 53] for week-based year 2026: '2026-W00'",
        "WEEK    | 2026-03    | WEEK label must look like 2026-W03: '2026-03'",
        "DAY     | 2026-02-30 | DAY label is not a valid date (Invalid date 'FEBRUARY 30'): '2026-02-30'",
        "DAY     | 2026-1-5   | DAY label must look like 2026-01-15: '2026-1-5'",
        "MONTH   | 2026-13    | MONTH label is not a valid date (Invalid value for MonthOfYear "
                + "(valid values 1 - 12): 13): '2026-13'",
        "QUARTER | 2026-Q5    | QUARTER label quarter must be in [1, 4]: '2026-Q5'",
        "QUARTER | 2026Q1     | QUARTER label must look like 2026-Q1: '2026Q1'",
        "YEAR    | 26         | YEAR label must look like 2026: '26'",
    })
    void badLabelsAreRejected(TimeGrain grain, String label, String message) {
        assertEquals(message,
                assertThrows(IllegalArgumentException.class, () -> TimeBucket.parse(grain, label)).getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("start must be the first day of a WEEK bucket: 2026-01-15 (the bucket starts on 2026-01-12)",
                assertThrows(IllegalArgumentException.class,
                        () -> new TimeBucket(TimeGrain.WEEK, date("2026-01-15"))).getMessage());
        assertEquals("grain must not be null", assertThrows(NullPointerException.class,
                () -> new TimeBucket(null, date("2026-01-15"))).getMessage());
        assertEquals("zone must not be null", assertThrows(NullPointerException.class,
                () -> TimeGrain.DAY.bucketOf(Instant.EPOCH, null)).getMessage());
        assertEquals("instant must not be null", assertThrows(NullPointerException.class,
                () -> TimeGrain.DAY.bucketOf(null, ZoneOffset.UTC)).getMessage());
        assertEquals("date must not be null", assertThrows(NullPointerException.class,
                () -> TimeGrain.DAY.bucketOf((LocalDate) null)).getMessage());
        assertEquals("label must not be null", assertThrows(NullPointerException.class,
                () -> TimeBucket.parse(TimeGrain.DAY, null)).getMessage());
    }

    @Property
    void aBucketContainsItsDateAndBucketsTile(@ForAll TimeGrain grain,
            @ForAll @IntRange(min = 0, max = 3_000_000) int dayOffset) {
        LocalDate d = LocalDate.of(1, 1, 1).plusDays(dayOffset); // years 0001 .. ~8214
        TimeBucket b = grain.bucketOf(d);
        assertTrue(b.contains(d));
        assertEquals(b.end(), b.next().start());
        assertEquals(b, b.next().previous());
        assertTrue(b.compareTo(b.next()) < 0);
        assertEquals(b, grain.bucketOf(b.end().minusDays(1)));
        assertEquals(b, TimeBucket.parse(grain, b.label()));
        assertTrue(b.label().compareTo(b.next().label()) < 0);
        if (grain == TimeGrain.WEEK) {
            assertEquals(DayOfWeek.MONDAY, b.start().getDayOfWeek());
        }
    }
}
