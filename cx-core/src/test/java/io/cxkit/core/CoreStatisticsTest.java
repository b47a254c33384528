package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Behaviour of the shared statistics beyond the reference values (edge cases and messages). */
class CoreStatisticsTest {

    @Test
    void compensatedSumKeepsSmallTerms() {
        CompensatedSum s = new CompensatedSum();
        double naive = 0;
        s.add(1e16);
        naive += 1e16;
        for (int i = 0; i < 1000; i++) {
            s.add(1.0);
            naive += 1.0;
        }
        s.add(-1e16);
        naive -= 1e16;
        assertEquals(1000, s.value(), 0);
        assertTrue(naive != 1000, "the naive sum loses the small terms");
        CompensatedSum t = new CompensatedSum().add(0.1).add(s);
        assertEquals(1000.1, t.value(), 1e-12);
        double[] sums = new double[1];
        double[] comps = new double[1];
        CompensatedSum.add(sums, comps, 0, 1e16);
        for (int i = 0; i < 1000; i++) {
            CompensatedSum.add(sums, comps, 0, 1.0);
        }
        CompensatedSum.add(sums, comps, 0, -1e16);
        assertEquals(1000, sums[0] + comps[0], 0);
        assertEquals("CompensatedSum[1000.1]", t.toString());
    }

    @Test
    void proportionEstimates() {
        ProportionEstimate p = ProportionEstimate.of(3, 12);
        assertEquals(0.25, p.estimate(), 0);
        assertEquals(Math.sqrt(0.25 * 0.75 / 12), p.standardError(), 1e-15);
        assertEquals(12, p.intervalN(), 0);
        assertTrue(p.toString().startsWith("Proportion[0.25 ± "), p::toString);
        assertEquals("Proportion[n=0, empty]", ProportionEstimate.of(0, 0).toString());
        assertTrue(Double.isNaN(ProportionEstimate.of(0, 0).interval(ProportionInterval.WALD, 0.9).lower()));
        assertEquals("successes must be in [0, n] with n >= 0: successes=5, n=4",
                assertThrows(IllegalArgumentException.class, () -> ProportionEstimate.of(5, 4)).getMessage());
        // Weighted: successes weights {2, 1}, failures {1}: p = 3/4.
        ProportionEstimate w = ProportionEstimate.ofWeighted(3, 3, 1, 5, 1);
        assertEquals(0.75, w.estimate(), 1e-15);
        double se = Math.sqrt(1.5 * (5 * 0.0625 + 1 * 0.5625) / 16);
        assertEquals(se, w.standardError(), 1e-15);
        assertEquals(16.0 / 6, w.effectiveN(), 1e-15);
        assertEquals(0.75 * 0.25 / (se * se), w.intervalN(), 1e-12);
        Interval wald = w.interval(ProportionInterval.WALD, 0.95);
        assertEquals(0.75 - Distributions.zCritical(0.95) * se, wald.lower(), 1e-12);
        ProportionEstimate all = ProportionEstimate.ofWeighted(2, 3, 0, 5, 0);
        assertEquals(all.effectiveN(), all.intervalN(), 0);
        assertEquals("proportion must be in [0, 1]: 1.5", assertThrows(IllegalArgumentException.class,
                () -> new ProportionEstimate(1, 1, 1.5, 0, 1, false)).getMessage());
    }

    @Test
    void proportionIntervalEdgesAndMessages() {
        for (ProportionInterval m : ProportionInterval.values()) {
            Interval zero = m.compute(0, 10, 0.95);
            Interval all = m.compute(10, 10, 0.95);
            assertTrue(zero.lower() >= 0 && zero.upper() <= 1, m + " " + zero);
            assertTrue(all.lower() >= 0 && all.upper() <= 1, m + " " + all);
            assertEquals(m.label(), zero.method());
            assertTrue(Double.isNaN(m.compute(0, 0, 0.95).lower()));
        }
        assertEquals(0, ProportionInterval.CLOPPER_PEARSON.compute(0, 10, 0.95).lower(), 0);
        assertEquals(1, ProportionInterval.CLOPPER_PEARSON.compute(10, 10, 0.95).upper(), 0);
        assertEquals("successes must be in [0, trials=4.0]: 5.0", assertThrows(IllegalArgumentException.class,
                () -> ProportionInterval.WILSON.compute(5, 4, 0.95)).getMessage());
        assertEquals("trials must be finite and >= 0: -1.0", assertThrows(IllegalArgumentException.class,
                () -> ProportionInterval.WILSON.compute(0, -1, 0.95)).getMessage());
        assertEquals("confidence must be in (0, 1): 95.0", assertThrows(IllegalArgumentException.class,
                () -> ProportionInterval.WILSON.compute(1, 4, 95)).getMessage());
    }

    @Test
    void distributions() {
        assertEquals(1.959963984540054, Distributions.zCritical(0.95), 1e-15);
        assertEquals(0.05, Distributions.normalTwoSidedP(1.959963984540054), 1e-15);
        assertTrue(Double.isNaN(Distributions.normalTwoSidedP(Double.NaN)));
        assertTrue(Double.isNaN(Distributions.tTwoSidedP(1, Double.NaN)));
        assertEquals(Distributions.zCritical(0.9), Distributions.tCritical(0.9, Double.POSITIVE_INFINITY), 0);
        assertEquals(Distributions.normalTwoSidedP(2), Distributions.tTwoSidedP(2, Double.POSITIVE_INFINITY), 0);
        // R: qt(0.975, 5) = 2.570581835636314
        assertEquals(2.570581835636314, Distributions.tCritical(0.95, 5), 1e-12);
        assertEquals("degrees of freedom must be finite and > 0: 0.0", assertThrows(IllegalArgumentException.class,
                () -> Distributions.tCritical(0.95, 0)).getMessage());
    }

    @Test
    void twoSampleTestsRejectDegenerateInput() {
        MeanEstimate one = new MeanEstimate(1, 1, Double.NaN, Double.NaN, 0, 1, false);
        MeanEstimate two = new MeanEstimate(2, 1, 0, 0, 1, 2, false);
        assertEquals("Welch's test needs at least 2 observations per group: n_a=1, n_b=2",
                assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.welch(one, two, 0.95)).getMessage());
        assertEquals("Welch's test is undefined when both groups have zero variance",
                assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.welch(two, two, 0.95)).getMessage());
        assertEquals("two-proportion test needs data in both groups: n_a=0, n_b=3",
                assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.twoProportions(
                        ProportionEstimate.empty(), ProportionEstimate.of(1, 3), 0.95)).getMessage());
        assertEquals("comparison needs data in both groups: n_a=0, n_b=3",
                assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.normal(
                        ProportionEstimate.empty(), ProportionEstimate.of(1, 3), 0.95, "x")).getMessage());
        Comparison same = TwoSampleTest.twoProportions(ProportionEstimate.of(3, 3), ProportionEstimate.of(5, 5), 0.95);
        assertTrue(Double.isNaN(same.statistic()));
        assertFalse(same.significant(0.05));
        Comparison c = TwoSampleTest.twoProportions(ProportionEstimate.of(30, 40), ProportionEstimate.of(10, 40), 0.95);
        assertTrue(c.significant(0.05));
        assertEquals(50, c.scale(100).difference(), 1e-12);
        assertTrue(c.toString().contains("z = "), c::toString);
        Comparison t = TwoSampleTest.welch(new MeanEstimate(10, 5, 2, 2 / Math.sqrt(10), 9, 10, false),
                new MeanEstimate(12, 4, 1, 1 / Math.sqrt(12), 11, 12, false), 0.95);
        assertTrue(t.toString().contains("t(") && t.degreesOfFreedom() < 20, t::toString);
    }

    @Test
    void intervalsAndChecks() {
        Interval i = new Interval(1, 3, 0.9, "x");
        assertEquals(2, i.width(), 0);
        assertTrue(i.contains(3));
        assertFalse(i.contains(3.5));
        assertEquals(new Interval(100, 300, 0.9, "x"), i.scale(100));
        assertEquals("90% CI [1, 3] (x)", i.toString());
        assertEquals("interval lower bound must not exceed upper bound: [2.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1, 0.9, "x")).getMessage());
        assertEquals("factor must be finite and > 0: 0.0",
                assertThrows(IllegalArgumentException.class, () -> i.scale(0)).getMessage());
        assertEquals("x must not be null", assertThrows(NullPointerException.class, () -> Check.notNull(null, "x")).getMessage());
        assertEquals("k must be in [1, 3]: 4", assertThrows(IllegalArgumentException.class,
                () -> Check.inRange(4, 1, 3, "k")).getMessage());
        assertEquals("id must not be missing or blank: null", assertThrows(InvalidInputException.class,
                () -> Check.notBlank(null, "id")).getMessage());
        assertEquals("id must not be missing or blank: ' \t'", assertThrows(InvalidInputException.class,
                () -> Check.notBlank(" \t", "id")).getMessage());
        assertEquals(" a ", Check.notBlank(" a ", "id"), "returned unchanged, not stripped");
        assertEquals("v must be finite: Infinity", assertThrows(IllegalArgumentException.class,
                () -> Check.finite(Double.POSITIVE_INFINITY, "v")).getMessage());
        assertEquals("n must be >= 0: -1", assertThrows(IllegalArgumentException.class,
                () -> new MeanEstimate(-1, 0, 0, 0, 0, 0, false)).getMessage());
        assertEquals("1.235e-05", Format.number(1.2345e-5));
        assertEquals("12", Format.number(12.0));
    }

    @Test
    void encodingRejectsEveryKindOfCorruption() {
        byte[] ok = Encoding.writer("t", 2).putInt(7).putLongs(new long[] {1, 2}).putDoubles(new double[] {0.5})
                .putBoolean(true).putString("é").toBytes();
        Encoding.Reader r = Encoding.reader(ok, "t", 2);
        assertEquals(2, r.payloadVersion());
        assertEquals(7, r.getInt());
        assertEquals(2, r.getLongs()[1]);
        assertEquals(0.5, r.getDoubles()[0], 0);
        assertTrue(r.getBoolean());
        assertEquals("é", r.getString());
        r.end();
        assertEquals("encoded 't' has payload version 2, newer than the newest this library reads (1)",
                assertThrows(IllegalArgumentException.class, () -> Encoding.reader(ok, "t", 1)).getMessage());
        assertEquals("encoded accumulator is a 't', expected a 'u'",
                assertThrows(IllegalArgumentException.class, () -> Encoding.reader(ok, "u", 2)).getMessage());
        byte[] bad = ok.clone();
        bad[0] = 0;
        assertEquals("not a cxkit encoding: expected magic 0x43584143, found 0x00584143",
                assertThrows(IllegalArgumentException.class, () -> Encoding.reader(bad, "t", 2)).getMessage());
        byte[] fmt = ok.clone();
        fmt[5] = 9;
        assertEquals("unsupported cxkit encoding format version 9 (this library reads version 1)",
                assertThrows(IllegalArgumentException.class, () -> Encoding.reader(fmt, "t", 2)).getMessage());
        Encoding.Reader trailing = Encoding.reader(ok, "t", 2);
        trailing.getInt();
        assertEquals("encoded 't' has 39 unexpected trailing bytes",
                assertThrows(IllegalArgumentException.class, trailing::end).getMessage());
        byte[] cut = Arrays.copyOf(ok, 14);
        Encoding.Reader c = Encoding.reader(cut, "t", 2);
        assertEquals("encoded 't' is truncated at byte 13 of 14",
                assertThrows(IllegalArgumentException.class, c::getLong).getMessage());
        Encoding.Reader len = Encoding.reader(Encoding.writer("t", 0).putInt(1000).toBytes(), "t", 0);
        assertTrue(assertThrows(IllegalArgumentException.class, len::getLongs).getMessage()
                .startsWith("encoded 't' has an invalid length 1000"));
        Encoding.Reader bool = Encoding.reader(Encoding.writer("t", 0).putInt(5 << 24).toBytes(), "t", 0);
        assertEquals("encoded 't' has an invalid boolean byte 5",
                assertThrows(IllegalArgumentException.class, bool::getBoolean).getMessage());
    }
}
