package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.MultipleTesting;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the analysis layer: key-driver importances add up to R² and do not depend on how
 * rows are split across accumulators; outcome linkage combines to the single pass;
 * Benjamini–Hochberg adjusted p-values are bounded and order-preserving.
 */
class AnalysisProperties {

    @Property(tries = 200)
    void keyDriversCombineEqualsSinglePass(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int p,
            @ForAll @IntRange(min = 0, max = 100) int split) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("d" + j);
        }
        KeyDrivers single = KeyDrivers.of("y", names);
        KeyDrivers a = single.emptyCopy();
        KeyDrivers b = single.emptyCopy();
        int rows = 20 + p * 5;
        for (int i = 0; i < rows; i++) {
            double[] x = new double[p];
            double y = random.nextInt(11);
            for (int j = 0; j < p; j++) {
                x[j] = 1 + random.nextInt(5) + (j == 0 ? y / 3 : 0);
            }
            if (random.nextInt(20) == 0) {
                x[random.nextInt(p)] = Double.NaN;
            }
            double w = 0.5 + random.nextDouble();
            single.accept(y, x, w);
            (i * 100 < split * rows ? a : b).accept(y, x, w);
        }
        KeyDrivers merged = b.combine(a);
        assertEquals(single.n(), merged.n());
        assertEquals(single.excluded(), merged.excluded());
        for (KeyDriverMethod m : KeyDriverMethod.values()) {
            KeyDriverResult s = single.result(m);
            KeyDriverResult c = merged.result(m);
            assertEquals(s.rSquared(), c.rSquared(), 1e-9);
            double sum = 0;
            for (int j = 0; j < p; j++) {
                assertEquals(s.importances().get(j).raw(), c.importances().get(j).raw(), 1e-9);
                sum += s.importances().get(j).raw();
            }
            assertEquals(DriverMath.fullRSquared(single.correlations()), sum, 1e-9);
            assertTrue(s.rSquared() >= -1e-12 && s.rSquared() <= 1 + 1e-12);
        }
    }

    @Property(tries = 200)
    void outcomeLinkageCombineEqualsSinglePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100) int split) {
        SplittableRandom random = new SplittableRandom(seed);
        OutcomeLinkage single = OutcomeLinkage.numeric("spend", OutcomeLinkage.DETRACTOR);
        OutcomeLinkage a = single.emptyCopy();
        OutcomeLinkage b = single.emptyCopy();
        for (int i = 0; i < 100; i++) {
            String g = OutcomeLinkage.npsGroup(random.nextInt(11));
            double v = Math.exp(random.nextGaussian());
            single.accept(g, v);
            (i < split ? a : b).accept(g, v);
        }
        OutcomeLinkageResult s = single.result();
        OutcomeLinkageResult c = a.combine(b).result();
        assertEquals(s.groups().size(), c.groups().size());
        for (int i = 0; i < s.contrasts().size(); i++) {
            assertEquals(s.contrasts().get(i).ratio(), c.contrasts().get(i).ratio(), 1e-12);
            assertEquals(s.contrasts().get(i).ratioInterval().lower(), c.contrasts().get(i).ratioInterval().lower(),
                    1e-9);
        }
    }

    @Property(tries = 300)
    void benjaminiHochbergIsBoundedAndMonotone(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1) Double> ps) {
        double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
        double[] adj = MultipleTesting.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(adj[i] >= p[i] - 1e-15 && adj[i] <= 1, "adjusted must be in [p, 1]");
            for (int j = 0; j < p.length; j++) {
                if (p[i] <= p[j]) {
                    assertTrue(adj[i] <= adj[j] + 1e-15, "adjustment must preserve the order");
                }
            }
        }
    }
}
