package io.cxkit.journey.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Survival algebra (combine = single pass, bounds), bad input and readable output. */
class SurvivalTest {

    @Property(tries = 80)
    void combineEqualsSinglePassAndCurveIsMonotone(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 300) int n, @ForAll @IntRange(min = 1, max = 4) int parts) {
        Random r = new Random(seed);
        SurvivalAccumulator single = SurvivalAccumulator.create();
        SurvivalAccumulator[] acc = new SurvivalAccumulator[parts];
        for (int p = 0; p < parts; p++) {
            acc[p] = SurvivalAccumulator.create();
        }
        String[] groups = {"promoter", "passive", "detractor"};
        for (int i = 0; i < n; i++) {
            double t = r.nextInt(60) * 0.5;
            boolean ev = r.nextInt(3) > 0;
            String g = groups[r.nextInt(groups.length)];
            single.accept(t, ev, g);
            acc[r.nextInt(parts)].accept(t, ev, g);
        }
        SurvivalAccumulator merged = acc[0];
        for (int p = parts - 1; p > 0; p--) {
            merged.combine(acc[p]);
        }
        SurvivalResult a = single.result();
        SurvivalResult b = merged.result();
        assertEquals(a, b);
        assertEquals(a, SurvivalAccumulator.decode(merged.encode()).result());
        assertEquals(n, merged.n());
        for (SurvivalCurve c : a.groups().values()) {
            double prev = 1;
            for (SurvivalStep s : c.steps()) {
                assertTrue(s.survival() >= 0 && s.survival() <= prev, c + " at " + s);
                prev = s.survival();
            }
        }
        if (n > 0) {
            LogRankTest t1 = a.logRank();
            LogRankTest t2 = b.logRank();
            assertEquals(t1.chiSquare(), t2.chiSquare(), 0.0);
            double sumOe = 0;
            for (LogRankGroup g : t1.groups()) {
                sumOe += g.observed() - g.expected();
            }
            assertEquals(0, sumOe, 1e-9);
        }
    }

    @Test
    void handComputedCurve() {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        // 4 customers: churn at 1, censored at 2, churn at 3, churn at 3
        acc.accept(1, true);
        acc.accept(2, false);
        acc.accept(3, true);
        acc.accept(3, true);
        SurvivalCurve c = acc.result().overall();
        assertEquals(0.75, c.survivalAt(1.5), 1e-15);
        assertEquals(1.0, c.survivalAt(0.5), 0);
        assertEquals(0.0, c.survivalAt(3), 0);
        assertEquals(Math.sqrt(1.0 / 12), c.steps().get(0).stdErrLog(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, c.steps().get(2).stdErrLog());
        assertTrue(Double.isNaN(c.steps().get(2).stdErr()));
        assertEquals(3.0, c.median().time());
        assertTrue(c.median().reached());
        assertTrue(c.toString().startsWith("KaplanMeier[(all): n=4, events=3"), c.toString());
        assertTrue(acc.toString().contains("n=4"));
        assertTrue(c.steps().get(0).toString().contains("n.risk=4"));
    }

    @Test
    void emptyAndSingleGroup() {
        SurvivalResult r = SurvivalAccumulator.create().result();
        assertEquals(0, r.n());
        assertTrue(Double.isNaN(r.overall().survivalAt(1)));
        assertFalse(r.overall().median().reached());
        assertTrue(r.overall().toString().contains("empty"));
        LogRankTest t = r.logRank();
        assertTrue(Double.isNaN(t.chiSquare()));
        assertEquals(0, t.df());
        assertTrue(Double.isNaN(t.pValue()));
    }

    @Test
    void lungReadsWell() {
        SurvivalResult r = SurvivalReferenceTest.lung(true);
        String s = r.toString();
        assertTrue(s.contains("KaplanMeier[1: n=138, events=112"), s);
        assertTrue(s.contains("median=270 95% CI [212, 310]"), s);
        String lr = r.logRank().toString();
        assertTrue(lr.contains("chisq=10.3267 on 1 df"), lr);
        assertTrue(lr.contains("1: N=138 observed=112 expected=91.58"), lr);
        assertEquals(4, r.logRank().variance().length);
        assertEquals(r.overall().steps().size(), r.overall().intervals(SurvivalConfType.LOG_LOG, 0.9).size());
    }

    @Test
    void threeGroupLogRankHasTwoDegreesOfFreedom() {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            int g = i % 3;
            acc.accept(Math.floor(-Math.log(r.nextDouble()) * (10 + 10 * g)), r.nextInt(5) > 0, "g" + g);
        }
        LogRankTest t = acc.result().logRank();
        assertEquals(2, t.df());
        assertTrue(t.pValue() < 0.05, t.toString());
        assertThrows(IllegalArgumentException.class, () -> t.variance(3, 0));
    }

    @Test
    void badInputFailsWithClearMessages() {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.accept(-1, true));
        assertEquals("survival time must be finite and >= 0: -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.accept(Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> acc.accept(Double.POSITIVE_INFINITY, false));
        e = assertThrows(IllegalArgumentException.class,
                () -> acc.acceptStatus(10, 3, SurvivalStatus.ONE_TWO, "x"));
        assertEquals("status must be 1 (censored) or 2 (event): 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> acc.acceptStatus(10, 2, SurvivalStatus.ZERO_ONE, "x"));
        assertEquals("status must be 0 (censored) or 1 (event): 2", e.getMessage());
        assertThrows(NullPointerException.class, () -> acc.acceptStatus(1, 1, null, "x"));
        assertThrows(NullPointerException.class, () -> acc.accept(1, true, null));
        assertThrows(NullPointerException.class, () -> acc.combine(null));
        acc.accept(1, true, "a");
        e = assertThrows(IllegalArgumentException.class, () -> acc.result().group("b"));
        assertEquals("unknown survival group 'b'; groups are [a]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SurvivalAccumulator.decode(new byte[] {1, 2}));
        assertEquals(2, acc.combine(acc).n());
        assertEquals(2, acc.copy().n());
    }
}
