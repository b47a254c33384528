package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class MomentsTest {

    /** Two-pass svymean linearization: SE^2 = n/(n-1) sum w^2 (y - m)^2 / W^2. */
    static double[] twoPass(double[] y, double[] w) {
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += w[i];
            swy += w[i] * y[i];
        }
        double m = swy / sw;
        double q = 0;
        double ss = 0;
        for (int i = 0; i < y.length; i++) {
            q += w[i] * w[i] * (y[i] - m) * (y[i] - m);
            ss += w[i] * (y[i] - m) * (y[i] - m);
        }
        int n = y.length;
        return new double[] {m, Math.sqrt((double) n / (n - 1) * q / (sw * sw)),
            Math.sqrt(ss / sw * n / (n - 1))};
    }

    @Test
    void unweightedMatchesSampleVariance() {
        double[] y = {3.5, 1.25, 9, 4, 4, 7.75};
        Moments m = Moments.create();
        for (double v : y) {
            m.accept(v);
        }
        MeanEstimate r = m.result();
        double sd = Math.sqrt(new Variance().evaluate(y));
        assertEquals(29.5 / 6, r.mean(), 1e-14);
        assertEquals(sd, r.standardDeviation(), 1e-13);
        assertEquals(sd / Math.sqrt(6), r.standardError(), 1e-13);
        assertEquals(5, r.degreesOfFreedom(), 0);
        assertFalse(r.weighted());
        assertEquals(6, r.effectiveN(), 0);
    }

    @Test
    void weightedMatchesTwoPassLinearization() {
        double[] y = {3.5, 1.25, 9, 4, 4, 7.75, 0};
        double[] w = {1, 0.5, 2.5, 3, 1, 0.25, 4};
        Moments m = Moments.create();
        for (int i = 0; i < y.length; i++) {
            m.accept(y[i], w[i]);
        }
        double[] ref = twoPass(y, w);
        MeanEstimate r = m.result();
        assertEquals(ref[0], r.mean(), 1e-13);
        assertEquals(ref[1], r.standardError(), 1e-13);
        assertEquals(ref[2], r.standardDeviation(), 1e-13);
        assertTrue(r.weighted());
        assertTrue(r.toString().contains("effective n="), r::toString);
    }

    @Property
    void combineEqualsSinglePass(@ForAll @Size(min = 2, max = 200) List<@DoubleRange(min = -1e3, max = 1e3) Double> ys,
            @ForAll @IntRange(min = 1, max = 6) int parts, @ForAll long seed) {
        Random rnd = new Random(seed);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] w = new double[y.length];
        Moments single = Moments.create();
        Moments[] split = new Moments[parts];
        for (int i = 0; i < parts; i++) {
            split[i] = Moments.create();
        }
        for (int i = 0; i < y.length; i++) {
            w[i] = 0.1 + 5 * rnd.nextDouble();
            single.accept(y[i], w[i]);
            split[rnd.nextInt(parts)].accept(y[i], w[i]);
        }
        Moments merged = Moments.create();
        for (Moments s : split) {
            merged.combine(Moments.decode(s.encode()));
        }
        double[] ref = twoPass(y, w);
        for (MeanEstimate r : new MeanEstimate[] {single.result(), merged.result()}) {
            assertEquals(y.length, r.n());
            double scale = 1e-9 * (1 + Math.abs(ref[0]) + ref[2]);
            assertEquals(ref[0], r.mean(), scale);
            // Spreads are compared as variances: a square root turns a rounding-level variance (~1e-17 for
            // equal values) into ~5e-9, which says nothing about the accumulator.
            double varianceScale = 1e-9 * (1 + ref[0] * ref[0] + ref[2] * ref[2]);
            assertEquals(ref[1] * ref[1], r.standardError() * r.standardError(), varianceScale);
            assertEquals(ref[2] * ref[2], r.standardDeviation() * r.standardDeviation(), varianceScale);
        }
    }

    @Test
    void emptySingleAndBadInput() {
        assertEquals(MeanEstimate.empty(), Moments.create().result());
        assertEquals("Mean[n=0, empty]", Moments.create().result().toString());
        Moments one = Moments.create();
        one.accept(2);
        assertEquals(2, one.result().mean(), 0);
        assertTrue(Double.isNaN(one.result().standardError()));
        assertTrue(Double.isNaN(one.result().interval().lower()));
        assertEquals("value must be finite: NaN",
                assertThrows(IllegalArgumentException.class, () -> one.accept(Double.NaN)).getMessage());
        assertEquals("weight must be finite and > 0: -1.0",
                assertThrows(IllegalArgumentException.class, () -> one.accept(1, -1)).getMessage());
        assertEquals(1, one.n());
        Moments copy = one.copy();
        copy.accept(4);
        assertEquals(1, one.n());
        assertEquals(3, copy.result().mean(), 0);
        assertTrue(one.toString().startsWith("Moments[Mean[2 "), one::toString);
        Moments empty = Moments.create();
        assertEquals(copy.result(), empty.combine(copy).result());
        assertEquals(copy.result(), copy.combine(Moments.create()).result());
    }

    @Test
    void tIntervalMatchesR() {
        // R: print(t.test(c(3.5, 1.25, 9, 4, 4, 7.75))$conf.int, digits = 10) -> 1.881154048 7.952179285
        Moments m = Moments.create();
        for (double v : new double[] {3.5, 1.25, 9, 4, 4, 7.75}) {
            m.accept(v);
        }
        Interval ci = m.result().interval(0.95);
        assertEquals(1.881154048, ci.lower(), 1e-9);
        assertEquals(7.952179285, ci.upper(), 1e-9);
    }
}
