package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link QuantileSketch} against exact percentiles on large random samples, plus its
 * algebra and encoding. Failing random tests print their seed.
 */
class QuantileSketchTest {
    private static final double[] QS = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1};

    /** Largest relative error over QS, against the exact rank-⌊q(n−1)⌋ order statistic. */
    static double maxRelativeError(QuantileSketch s, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double worst = 0;
        for (double q : QS) {
            double exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
            double est = s.quantile(q);
            double err = exact == 0 ? (est == 0 ? 0 : Double.POSITIVE_INFINITY)
                    : Math.abs(est - exact) / exact;
            worst = Math.max(worst, err);
        }
        return worst;
    }

    private static double[] sample(int n, DoubleSupplier gen) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = gen.getAsDouble();
        }
        return v;
    }

    private static void checkAccuracy(String name, long seed, double alpha, double[] values) {
        QuantileSketch s = QuantileSketch.of(alpha);
        for (double v : values) {
            s.accept(v);
        }
        double err = maxRelativeError(s, values);
        assertTrue(err <= alpha * (1 + 1e-9), name + " seed=" + seed + " alpha=" + alpha
                + ": max relative error " + err);
    }

    @Test
    void lognormalUniformAndZerosAreWithinStatedAccuracy() {
        for (long seed = 1; seed <= 3; seed++) {
            Random r = new Random(seed);
            double[] lognormal = sample(200_000, () -> Math.exp(3 + 1.5 * r.nextGaussian()));
            double[] uniform = sample(200_000, () -> 1000 * r.nextDouble());
            double[] withZeros = sample(200_000, () -> r.nextDouble() < 0.3 ? 0 : 60 * r.nextDouble());
            double[] heavy = sample(200_000, () -> Math.pow(1 - r.nextDouble(), -1.5)); // Pareto
            for (double alpha : new double[] {0.01, 0.005, 0.05}) {
                checkAccuracy("lognormal", seed, alpha, lognormal);
                checkAccuracy("uniform", seed, alpha, uniform);
                checkAccuracy("zeros", seed, alpha, withZeros);
                checkAccuracy("pareto", seed, alpha, heavy);
            }
        }
    }

    @Test
    void workedExampleTrueP90Of100ReadsAs99To101() {
        QuantileSketch s = QuantileSketch.create();
        for (int i = 1; i <= 111; i++) {
            s.accept(i <= 100 ? 100 * i / 100.0 : 1000); // rank ⌊0.9·110⌋ = 99 → value 100
        }
        double p90 = s.quantile(0.9);
        assertTrue(p90 >= 99 && p90 <= 101, "p90=" + p90);
    }

    @Test
    void zeroIsExactAndMinMaxAreExact() {
        QuantileSketch s = QuantileSketch.create();
        s.accept(0);
        s.accept(0);
        s.accept(0);
        s.accept(7.3);
        assertEquals(0, s.quantile(0.5));
        assertEquals(0, s.quantile(0));
        assertEquals(7.3, s.quantile(1));
        assertEquals(4, s.summary().n());
        assertEquals(0, s.summary().min());
        assertEquals(7.3, s.summary().max());
    }

    @Test
    void emptyIsNaN() {
        QuantileSketch s = QuantileSketch.create();
        assertTrue(Double.isNaN(s.quantile(0.5)));
        assertTrue(s.summary().isEmpty());
        assertTrue(Double.isNaN(s.summary().median()));
        assertEquals("Quantiles[n=0, empty]", s.summary().toString());
        assertEquals("QuantileSketch[α=0.01, n=0, empty]", s.toString());
    }

    @Test
    void badInputNamesRuleAndValue() {
        QuantileSketch s = QuantileSketch.create();
        assertEquals("sketch value must be finite and >= 0: -1.0",
                assertThrows(IllegalArgumentException.class, () -> s.accept(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.accept(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.accept(Double.POSITIVE_INFINITY));
        assertEquals("quantile must be in [0, 1]: 1.5",
                assertThrows(IllegalArgumentException.class, () -> s.quantile(1.5)).getMessage());
        assertEquals("relativeAccuracy must be in [0.0001, 0.5]: 0.0",
                assertThrows(IllegalArgumentException.class, () -> QuantileSketch.of(0)).getMessage());
        QuantileSketch other = QuantileSketch.of(0.02);
        other.accept(1);
        s.accept(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.combine(other));
        assertTrue(e.getMessage().contains("different relative accuracy: 0.01 vs 0.02"), e.getMessage());
        assertEquals(1, s.n(), "combine checks before mutating");
    }

    @Test
    void footprintMatchesFormula() {
        QuantileSketch s = QuantileSketch.create();
        s.accept(0.001);
        s.accept(3.2e7); // 1 ms .. ~1 year in seconds
        double gamma = 1.01 / 0.99;
        long expected = (long) Math.ceil(Math.log(3.2e10) / Math.log(gamma)) + 1;
        assertTrue(s.bucketCapacity() >= expected && s.bucketCapacity() <= 2 * expected,
                "capacity " + s.bucketCapacity() + " vs formula " + expected);
        assertTrue(expected < 1300, "about 1,210 buckets: " + expected);
    }

    @Test
    void encodingRoundTripsAndRejectsGarbage() {
        Random r = new Random(42);
        QuantileSketch s = QuantileSketch.create();
        for (int i = 0; i < 5000; i++) {
            s.accept(r.nextDouble() < 0.1 ? 0 : Math.exp(r.nextGaussian() * 2));
        }
        QuantileSketch d = QuantileSketch.decode(s.encode());
        assertArrayEquals(s.encode(), d.encode());
        assertEquals(s.summary(), d.summary());
        QuantileSketch empty = QuantileSketch.decode(QuantileSketch.create().encode());
        assertEquals(0, empty.n());
        byte[] bytes = s.encode();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(IllegalArgumentException.class, () -> QuantileSketch.decode(truncated));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> QuantileSketch.decode(Encoding.writer("nps", 1).toBytes())).getMessage()
                .contains("expected a 'quantile-sketch'"));
        byte[] badRange = Encoding.writer(QuantileSketch.TYPE, 1).putDouble(0.01).putLong(1).putLong(1)
                .putDouble(5).putDouble(1).putInt(0).putLongs(new long[0]).toBytes();
        assertEquals("encoded 'quantile-sketch' has an invalid range: min=5.0, max=1.0",
                assertThrows(IllegalArgumentException.class, () -> QuantileSketch.decode(badRange)).getMessage());
        byte[] badCounts = Encoding.writer(QuantileSketch.TYPE, 1).putDouble(0.01).putLong(3).putLong(1)
                .putDouble(0).putDouble(1).putInt(0).putLongs(new long[] {1}).toBytes();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QuantileSketch.decode(badCounts)).getMessage()
                .contains("counts do not add up"));
    }

    @Property(tries = 200)
    void combineEqualsSinglePass(@ForAll @Size(max = 200) double[] raw,
            @ForAll @DoubleRange(min = 0, max = 1) double splitAt) {
        double[] values = Arrays.stream(raw).map(v -> Double.isFinite(v) ? Math.abs(v) % 1e12 : 1)
                .toArray();
        int cut = (int) (splitAt * values.length);
        QuantileSketch all = QuantileSketch.create();
        QuantileSketch a = QuantileSketch.create();
        QuantileSketch b = QuantileSketch.create();
        for (int i = 0; i < values.length; i++) {
            all.accept(values[i]);
            (i < cut ? a : b).accept(values[i]);
        }
        QuantileSketch ab = a.copy().combine(b);
        QuantileSketch ba = b.copy().combine(a);
        assertEquals(all.summary(), ab.summary());
        assertEquals(all.summary(), ba.summary());
        assertArrayEquals(QuantileSketch.decode(all.encode()).encode(),
                QuantileSketch.decode(ab.encode()).encode());
        if (values.length > 0) {
            assertTrue(maxRelativeError(all, values) <= 0.01 * (1 + 1e-9));
        }
    }
}
