package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumTest {
    @Test
    void fixedDecimalsInRootLocaleAndNeverANonFiniteNumber() {
        assertEquals("3.1", Num.c(3.14159));
        assertEquals("0", Num.fixed(-0.0001, 0));
        assertEquals("0.0", Num.fixed(-0.04, 1));
        assertEquals("-1.5", Num.fixed(-1.5, 1));
        assertEquals("12,345", Num.count(12_345));
        assertEquals("+3.2", Num.signed(3.21, 1));
        assertEquals("0.0", Num.signed(0, 1));
        assertThrows(IllegalStateException.class, () -> Num.c(Double.NaN));
        assertThrows(IllegalStateException.class, () -> Num.fixed(Double.POSITIVE_INFINITY, 2));
        assertEquals("NA", Num.or(Double.NaN, 1, "NA"));
    }

    @Test
    void pValuesPercentagesAndTimes() {
        assertEquals("0.012", Num.p(0.0123));
        assertEquals("1.9e-46", Num.p(1.9e-46));
        assertEquals("NA", Num.p(Double.NaN));
        assertEquals("12.5%", Num.pct(0.125));
        assertEquals("no data", Num.pct(Double.NaN));
        assertEquals("45 s", Num.seconds(45));
        assertEquals("12.5 min", Num.seconds(750));
        assertEquals("3.2 h", Num.seconds(3.2 * 3600));
        assertEquals("4.1 d", Num.seconds(4.1 * 86_400));
        assertEquals("no data", Num.seconds(Double.NaN));
        assertEquals("1 d", Num.roundSeconds(86_400));
        assertEquals("2 w", Num.roundSeconds(14 * 86_400));
        assertEquals("4 h", Num.roundSeconds(4 * 3600));
        assertEquals("30 min", Num.roundSeconds(1800));
        assertEquals("90 s", Num.roundSeconds(90));
        assertEquals("3 s", Num.roundSeconds(2.5), "not whole: rounded like any time");
        assertEquals("20", Num.tick(20, 10));
        assertEquals("0.25", Num.tick(0.25, 0.05));
    }

    @Test
    void scalesMapAndTickNicely() {
        Scale s = Scale.linear(0, 100, 10, 110);
        assertEquals(60, s.map(50), 1e-12);
        assertEquals(10, s.map(-5), 1e-12, "clamped");
        assertEquals(java.util.List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), s.ticks(5));
        double[] d = Scale.niceDomain(-37.2, 41.9, 5);
        assertEquals(-40, d[0], 1e-12);
        assertEquals(60, d[1], 1e-12);
        Scale l = Scale.log(1, 100_000, 0, 500);
        assertEquals(200, l.map(100), 1e-9);
        assertEquals(java.util.List.of(1.0, 10.0, 60.0, 600.0, 3600.0, 14_400.0, 86_400.0), l.timeTicks());
        assertThrows(IllegalStateException.class, () -> Scale.linear(1, 1, 0, 1));
        assertThrows(IllegalStateException.class, () -> Scale.log(0, 1, 0, 1));
        assertEquals("ab-c", Markup.slug(" Ab -- c! "));
        assertEquals("chart", Markup.slug("!!"));
    }
}
