package io.cxkit.journey.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TimeGrain;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.Events;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Cohort retention and churn: a hand-computed table, algebra and bad input. */
class RetentionTest {
    static Instant day(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    /** c1 Jan Feb Mar; c2 Jan Mar; c3 Jan; c4 Feb Feb Mar; c5 Feb. */
    static RetentionAccumulator hand() {
        RetentionAccumulator acc = RetentionAccumulator.of(TimeGrain.MONTH, ZoneOffset.UTC);
        String[][] log = {{"c1", "2026-01-05"}, {"c1", "2026-02-10"}, {"c1", "2026-03-01"}, {"c2", "2026-01-20"},
            {"c2", "2026-03-15"}, {"c3", "2026-01-31"}, {"c4", "2026-02-01"}, {"c4", "2026-02-27"},
            {"c4", "2026-03-30"}, {"c5", "2026-02-14"}};
        for (String[] e : log) {
            acc.accept(e[0], day(e[1]));
        }
        return acc;
    }

    @Test
    void handComputedTable() {
        RetentionResult t = hand().result();
        assertEquals(5, t.customers());
        CohortRow jan = t.cohort("2026-01").orElseThrow();
        assertEquals(3, jan.size());
        assertEquals(List.of(3L, 1L, 2L), jan.cells().stream().map(RetentionCell::retained).toList());
        assertEquals(ProportionEstimate.of(1, 3), jan.cells().get(1).share());
        assertEquals(ProportionEstimate.of(2, 3).interval(0.95), jan.cells().get(2).interval(0.95));
        assertEquals("2026-03", jan.cells().get(2).period().label());
        CohortRow feb = t.cohort("2026-02").orElseThrow();
        assertEquals(2, feb.size());
        assertEquals(List.of(2L, 1L), feb.cells().stream().map(RetentionCell::retained).toList());
        assertTrue(t.cohort("2026-03").isEmpty());
        // churn: Feb loses c2, c3 of Jan's {c1, c2, c3}; Mar loses c5 of Feb's {c1, c4, c5}
        assertEquals(2, t.churn().size());
        assertEquals(2, t.churn().get(0).lost());
        assertEquals(3, t.churn().get(0).activeBefore());
        assertEquals(ProportionEstimate.of(1, 3), t.churn().get(1).rate());
        String s = t.toString();
        assertTrue(s.contains("2026-01 (n=3): 100.0%  33.3%  66.7%"), s);
        assertTrue(s.contains("2026-02: 2 of 3 lost (66.7%)"), s);
        assertTrue(jan.cells().get(1).toString().contains("+1 (2026-02): 1 = 33.3%"));
    }

    @Test
    void gapsInActivityAndTimeZones() {
        RetentionAccumulator acc = RetentionAccumulator.of(TimeGrain.MONTH, ZoneId.of("America/New_York"));
        acc.accept("a", Instant.parse("2026-02-01T03:00:00Z")); // still January in New York
        acc.accept("a", Instant.parse("2026-04-10T12:00:00Z"));
        RetentionResult t = acc.result();
        CohortRow jan = t.cohort("2026-01").orElseThrow();
        assertEquals(List.of(1L, 0L, 0L, 1L), jan.cells().stream().map(RetentionCell::retained).toList());
        assertEquals(0, t.churn().get(2).activeBefore());
        assertEquals(0, t.churn().get(2).rate().n());
        assertTrue(t.churn().get(2).toString().endsWith("0 of 0 lost"));
        RetentionResult empty = RetentionAccumulator.of(TimeGrain.WEEK, ZoneOffset.UTC).result();
        assertEquals("RetentionResult[WEEK, customers=0, empty]", empty.toString());
    }

    @Test
    void acceptsJourneys() {
        RetentionAccumulator acc = RetentionAccumulator.of(TimeGrain.DAY, ZoneOffset.UTC);
        acc.accept(CustomerJourney.of("c1", List.of(Events.ev("c1", 0, "a"), Events.ev("c1", 60 * 24, "b"))));
        assertEquals(List.of(1L, 1L), acc.result().cohorts().get(0).cells().stream().map(RetentionCell::retained).toList());
        assertTrue(acc.toString().contains("customers=1"));
    }

    @Property(tries = 50)
    void combineEqualsSinglePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 4) int parts) {
        Random r = new Random(seed);
        RetentionAccumulator single = RetentionAccumulator.of(TimeGrain.WEEK, ZoneOffset.UTC);
        RetentionAccumulator[] acc = new RetentionAccumulator[parts];
        for (int p = 0; p < parts; p++) {
            acc[p] = single.emptyCopy();
        }
        for (int i = 0; i < n; i++) {
            String c = "c" + r.nextInt(30);
            Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * r.nextInt(24 * 70));
            single.accept(c, t);
            acc[r.nextInt(parts)].accept(c, t);
        }
        RetentionAccumulator merged = acc[0];
        for (int p = parts - 1; p > 0; p--) {
            merged.combine(acc[p]);
        }
        RetentionResult a = single.result();
        assertEquals(a, merged.result());
        assertEquals(a, RetentionAccumulator.decode(merged.encode()).result());
        long sizes = a.cohorts().stream().mapToLong(CohortRow::size).sum();
        assertEquals(single.customers(), sizes);
        for (CohortRow row : a.cohorts()) {
            assertEquals(row.size(), row.cells().get(0).retained());
        }
    }

    @Test
    void activitySpanIsBoundedSoAWrongDateCannotBuildAHugeTable() {
        // A 1900 date in daily activity used to build a table of ~46,000 x 46,000 periods (issue 11).
        Instant start = Instant.parse("2026-01-01T12:00:00Z");
        RetentionAccumulator acc = RetentionAccumulator.of(TimeGrain.DAY, ZoneOffset.UTC);
        acc.accept("a", start);
        acc.accept("b", start.plusSeconds(86_400L * (RetentionAccumulator.MAX_PERIODS - 1))); // exactly 1,000 days
        assertEquals(RetentionAccumulator.MAX_PERIODS, acc.result().churn().size() + 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> acc.accept("c", Instant.parse("1900-01-01T00:00:00Z")));
        assertTrue(e.getMessage().contains("more than 1000 DAY periods (1900-01-01 to 2028-09-26)"), e::getMessage);
        assertEquals(2, acc.customers(), "a refused activity leaves no trace");
        assertThrows(InvalidInputException.class,
                () -> acc.accept("a", start.plusSeconds(86_400L * RetentionAccumulator.MAX_PERIODS)));

        RetentionAccumulator far = RetentionAccumulator.of(TimeGrain.DAY, ZoneOffset.UTC);
        far.accept("z", Instant.parse("2030-01-01T00:00:00Z"));
        assertThrows(InvalidInputException.class, () -> acc.combine(far));
        assertEquals(2, acc.customers(), "a refused combine changes nothing");

        long d0 = LocalDate.of(2026, 1, 1).toEpochDay();
        byte[] wide = Encoding.writer(RetentionAccumulator.TYPE, 1).putString("DAY").putString("UTC").putInt(1)
                .putString("x").putLongs(new long[] {d0, d0 + RetentionAccumulator.MAX_PERIODS}).toBytes();
        assertThrows(CorruptEncodingException.class, () -> RetentionAccumulator.decode(wide));
        byte[] ok = Encoding.writer(RetentionAccumulator.TYPE, 1).putString("DAY").putString("UTC").putInt(1)
                .putString("x").putLongs(new long[] {d0, d0 + RetentionAccumulator.MAX_PERIODS - 1}).toBytes();
        assertEquals(1, RetentionAccumulator.decode(ok).customers());
    }

    @Test
    void badInputFailsWithClearMessages() {
        RetentionAccumulator acc = RetentionAccumulator.of(TimeGrain.MONTH, ZoneOffset.UTC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.accept(" ", day("2026-01-01")));
        assertEquals("customerId must not be missing or blank: ' '", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> acc.accept("c1", null));
        assertEquals("activity time must not be missing: null (customer c1)", e.getMessage());
        assertThrows(NullPointerException.class, () -> acc.accept((CustomerJourney) null));
        assertThrows(NullPointerException.class, () -> RetentionAccumulator.of(null, ZoneOffset.UTC));
        e = assertThrows(IllegalArgumentException.class,
                () -> acc.combine(RetentionAccumulator.of(TimeGrain.WEEK, ZoneOffset.UTC)));
        assertTrue(e.getMessage().startsWith("cannot combine retention accumulators with different periods"));
        assertThrows(NullPointerException.class, () -> acc.combine(null));
        assertThrows(IllegalArgumentException.class, () -> RetentionAccumulator.decode(new byte[] {9}));
    }
}
