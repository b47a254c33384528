package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import org.junit.jupiter.api.Test;

class NetPromoterScoreTest {

    private static NetPromoterScore of(int... scores) {
        NetPromoterScore nps = NetPromoterScore.create();
        for (int s : scores) {
            nps.accept(s);
        }
        return nps;
    }

    @Test
    void handComputedScoreAndStandardError() {
        // 3 promoters (10, 9, 10), 1 passive (8), 2 detractors (6, 3): NPS = 100 (3 - 2) / 6.
        NpsResult r = of(10, 9, 8, 6, 10, 3).result();
        assertEquals(6, r.n());
        assertEquals(3, r.promoters());
        assertEquals(1, r.passives());
        assertEquals(2, r.detractors());
        assertEquals(100.0 / 6, r.estimate(), 1e-12);
        // var = (pP + pD) - (pP - pD)^2 = 5/6 - 1/36 = 29/36; SE = 100 sqrt(29/36/6).
        assertEquals(100 * Math.sqrt(29.0 / 36 / 6), r.standardError(), 1e-12);
        assertEquals(6, r.effectiveN());
        assertFalse(r.weighted());
        assertEquals(1.0 / 6, r.passiveShare(), 1e-15);
    }

    @Test
    void waldAndAdjustedWaldIntervals() {
        NpsResult r = of(10, 9, 8, 6, 10, 3).result();
        double z = 1.959963984540054;
        Interval wald = r.interval(NpsInterval.WALD, 0.95);
        assertEquals(100.0 / 6 - z * r.standardError(), wald.lower(), 1e-9);
        assertEquals(100.0 / 6 + z * r.standardError(), wald.upper(), 1e-9);
        // Adjusted: P' = 3.75/9, D' = 2.75/9, n' = 9.
        double pp = 3.75 / 9;
        double pd = 2.75 / 9;
        double c = pp - pd;
        double se = Math.sqrt((pp + pd - c * c) / 9);
        Interval adj = r.interval();
        assertEquals("adjusted Wald", adj.method());
        assertEquals(100 * (c - z * se), adj.lower(), 1e-9);
        assertEquals(100 * (c + z * se), adj.upper(), 1e-9);
    }

    @Test
    void intervalsAreClippedToTheScale() {
        Interval wald = of(10, 10, 10, 9).result().interval(NpsInterval.WALD, 0.95);
        assertEquals(100, wald.lower(), 0);
        assertEquals(100, wald.upper(), 0);
        Interval adj = of(0, 0, 1).result().interval(0.99);
        assertTrue(adj.lower() >= -100);
    }

    @Test
    void customBands() {
        NetPromoterScore nps = NetPromoterScore.of(new NpsBands(5, 8), MissingAnswerPolicy.EXCLUDE);
        nps.accept(8);
        nps.accept(6);
        nps.accept(5);
        NpsResult r = nps.result();
        assertEquals(1, r.promoters());
        assertEquals(1, r.passives());
        assertEquals(1, r.detractors());
        assertEquals(0, r.estimate(), 0);
    }

    @Test
    void weightedScoreUsesWeightedShares() {
        NetPromoterScore nps = NetPromoterScore.create();
        nps.accept(10, 3.0);
        nps.accept(0, 1.0);
        NpsResult r = nps.result();
        assertEquals(50, r.estimate(), 1e-12);
        assertTrue(r.weighted());
        // Kish: (3 + 1)^2 / (9 + 1) = 1.6.
        assertEquals(1.6, r.effectiveN(), 1e-12);
        // Linearization: n/(n-1) * sum w^2 (y - m)^2 / W^2 with m = 0.5: 2 * (9*0.25 + 1*2.25) / 16.
        assertEquals(100 * Math.sqrt(2 * (9 * 0.25 + 2.25) / 16), r.standardError(), 1e-12);
    }

    @Test
    void mixingUnitAndExplicitWeightsTreatsUnweightedAnswersAsWeightOne() {
        NetPromoterScore a = NetPromoterScore.create();
        a.accept(10);
        a.accept(0, 1.0);
        a.accept(9, 1.0);
        NetPromoterScore b = NetPromoterScore.create();
        b.accept(10, 1.0);
        b.accept(0, 1.0);
        b.accept(9, 1.0);
        assertEquals(b.result(), a.result());
    }

    @Test
    void emptyInputIsNotZero() {
        NpsResult r = NetPromoterScore.create().result();
        assertEquals(0, r.n());
        assertTrue(Double.isNaN(r.estimate()));
        assertTrue(Double.isNaN(r.standardError()));
        assertTrue(Double.isNaN(r.interval().lower()));
        assertTrue(Double.isNaN(r.bootstrapInterval(1000, 1, 0.95).upper()));
        assertEquals("NPS[n=0, empty]", r.toString());
    }

    @Test
    void missingAnswerPolicies() {
        NetPromoterScore exclude = NetPromoterScore.create();
        exclude.accept(10);
        exclude.acceptMissing();
        assertEquals(1, exclude.result().n());
        assertEquals(1, exclude.result().missing());
        assertEquals(100, exclude.result().estimate(), 0);

        NetPromoterScore neutral = NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.NEUTRAL);
        neutral.accept(10);
        neutral.acceptMissing(2.0);
        NpsResult r = neutral.result();
        assertEquals(2, r.n());
        assertEquals(1, r.passives());
        assertEquals(1, r.missing());
        assertEquals(100.0 / 3, r.estimate(), 1e-12);

        NetPromoterScore fail = NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.FAIL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fail::acceptMissing);
        assertEquals("NPS score is missing and the missing-answer policy is FAIL", e.getMessage());
    }

    @Test
    void badInputMessages() {
        NetPromoterScore nps = NetPromoterScore.create();
        assertEquals("NPS score must be in [0, 10]: 11",
                assertThrows(IllegalArgumentException.class, () -> nps.accept(11)).getMessage());
        assertEquals("NPS score must be in [0, 10]: -1",
                assertThrows(IllegalArgumentException.class, () -> nps.accept(-1, 1.0)).getMessage());
        assertEquals("weight must be finite and > 0: NaN",
                assertThrows(IllegalArgumentException.class, () -> nps.accept(5, Double.NaN)).getMessage());
        assertEquals("weight must be finite and > 0: -2.0",
                assertThrows(IllegalArgumentException.class, () -> nps.accept(5, -2)).getMessage());
        assertEquals("weight must be finite and > 0: 0.0",
                assertThrows(IllegalArgumentException.class, () -> nps.acceptMissing(0)).getMessage());
        assertEquals("weight must be finite and > 0: Infinity", assertThrows(IllegalArgumentException.class,
                () -> nps.accept(5, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals(0, nps.n(), "rejected answers must not be counted");
        assertEquals("promoterMin must be in [detractorMax + 1 = 7, 10]: 6",
                assertThrows(IllegalArgumentException.class, () -> new NpsBands(6, 6)).getMessage());
    }

    @Test
    void incompatibleCombineFailsBeforeMutating() {
        NetPromoterScore a = of(10, 0);
        NetPromoterScore b = NetPromoterScore.of(new NpsBands(5, 9), MissingAnswerPolicy.EXCLUDE);
        b.accept(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.combine(b));
        assertEquals("cannot combine nps accumulators with different configurations: "
                + "NpsBands[detractors 0-6, passives 7-8, promoters 9-10], missing EXCLUDE vs "
                + "NpsBands[detractors 0-5, passives 6-8, promoters 9-10], missing EXCLUDE", e.getMessage());
        assertEquals(2, a.n());
        NetPromoterScore c = NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.NEUTRAL);
        assertThrows(IllegalArgumentException.class, () -> a.combine(c));
    }

    @Test
    void bootstrapIsSeededAndCloseToWald() {
        NetPromoterScore nps = NetPromoterScore.create();
        for (int i = 0; i < 400; i++) {
            nps.accept(i % 10 < 5 ? 10 : i % 10 < 8 ? 7 : 2);
        }
        NpsResult r = nps.result();
        Interval a = r.bootstrapInterval(2000, 42, 0.95);
        Interval b = r.bootstrapInterval(2000, 42, 0.95);
        assertEquals(a, b);
        Interval wald = r.interval(NpsInterval.WALD, 0.95);
        assertEquals(wald.lower(), a.lower(), 1.5);
        assertEquals(wald.upper(), a.upper(), 1.5);
        assertEquals("percentile bootstrap", a.method());
        NetPromoterScore w = NetPromoterScore.create();
        w.accept(9, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> w.result().bootstrapInterval(1000, 1, 0.95));
        assertTrue(e.getMessage().startsWith("the bootstrap interval needs unweighted answers"));
        assertEquals("resamples must be in [100, 1000000]: 10", assertThrows(IllegalArgumentException.class,
                () -> r.bootstrapInterval(10, 1, 0.95)).getMessage());
    }

    @Test
    void bootstrapOfDegenerateSamples() {
        Interval all = of(10, 9, 10).result().bootstrapInterval(500, 7, 0.95);
        assertEquals(100, all.lower(), 0);
        assertEquals(100, all.upper(), 0);
        Interval none = of(1, 2).result().bootstrapInterval(500, 7, 0.95);
        assertEquals(-100, none.upper(), 0);
    }

    @Test
    void comparisonIsSignedDifference() {
        NpsResult a = of(10, 10, 9, 7, 3).result();
        NpsResult b = of(10, 2, 3, 8, 8, 1).result();
        Comparison c = a.compare(b, 0.95);
        assertEquals(a.estimate() - b.estimate(), c.difference(), 1e-12);
        assertEquals(Math.hypot(a.standardError(), b.standardError()), c.standardError(), 1e-12);
        Comparison back = b.compare(a, 0.95);
        assertEquals(-c.difference(), back.difference(), 1e-12);
        assertEquals(c.pValue(), back.pValue(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> a.compare(NetPromoterScore.create().result(), 0.95));
    }

    @Test
    void encodingRoundTripAndCorruption() {
        NetPromoterScore nps = of(10, 3, 8);
        nps.accept(9, 2.5);
        nps.acceptMissing();
        NetPromoterScore back = NetPromoterScore.decode(nps.encode());
        assertEquals(nps.result(), back.result());
        byte[] bytes = nps.encode();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.decode(cut))
                .getMessage().startsWith("encoded 'nps'"));
        byte[] csat = CustomerSatisfaction.create().encode();
        assertEquals("encoded accumulator is a 'csat', expected a 'nps'",
                assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.decode(csat)).getMessage());
    }

    @Test
    void readableToString() {
        String s = of(10, 9, 8, 6, 10, 3).result().toString();
        assertTrue(s.startsWith("NPS 16.7 (95% CI "), s);
        assertTrue(s.contains("n=6: 50.0% promoters, 16.7% passives, 33.3% detractors"), s);
    }
}
