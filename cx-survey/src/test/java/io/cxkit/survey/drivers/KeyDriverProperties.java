package io.cxkit.survey.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Key-driver importances add up to R² and do not depend on how rows are split across accumulators.
 */
class KeyDriverProperties {

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
            KeyDriversResult s = single.result(m);
            KeyDriversResult c = merged.result(m);
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
}
