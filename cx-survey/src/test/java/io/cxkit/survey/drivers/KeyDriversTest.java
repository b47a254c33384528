package io.cxkit.survey.drivers;

import io.cxkit.core.ReferenceTables;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key-driver analysis: reference values from R on the {@code attitude} data set
 * ({@code reference/key_drivers.R}: relative weights by {@code eigen}/{@code solve}, LMG by
 * all-subsets {@code lm}, weighted relative weights from {@code cov.wt} and {@code lm(weights=)};
 * relative tolerance 1e-9), the algebra (importances add up to R²,
 * combine = single pass) and bad input.
 */
class KeyDriversTest {
    private static final List<String> DRIVERS =
            List.of("complaints", "privileges", "learning", "raises", "critical", "advance");
    private static final List<double[]> ROWS = new ArrayList<>();
    private static List<ReferenceTables.Row> reference;

    @BeforeAll
    static void load() {
        for (ReferenceTables.Row r : ReferenceTables.load("attitude.csv")) {
            double[] row = new double[DRIVERS.size() + 1];
            row[0] = r.d("rating");
            for (int j = 0; j < DRIVERS.size(); j++) {
                row[j + 1] = r.d(DRIVERS.get(j));
            }
            ROWS.add(row);
        }
        assertEquals(30, ROWS.size());
        reference = ReferenceTables.load("key_drivers_reference.csv");
    }

    private static double[] x(double[] row) {
        double[] x = new double[row.length - 1];
        System.arraycopy(row, 1, x, 0, x.length);
        return x;
    }

    private static KeyDrivers attitude() {
        KeyDrivers kd = KeyDrivers.of("rating", DRIVERS);
        for (double[] r : ROWS) {
            kd.accept(r[0], x(r));
        }
        return kd;
    }

    @Test
    void relativeWeightsAndLmgMatchR() {
        ReferenceTables t = new ReferenceTables();
        KeyDrivers kd = attitude();
        KeyDriversResult rw = kd.result();
        KeyDriversResult lmg = kd.result(KeyDriverMethod.LMG);
        KeyDrivers weighted = KeyDrivers.of("rating", DRIVERS);
        for (int i = 0; i < ROWS.size(); i++) {
            weighted.accept(ROWS.get(i)[0], x(ROWS.get(i)), 1 + i % 3);
        }
        KeyDriversResult rww = weighted.result();
        for (ReferenceTables.Row r : reference) {
            String method = r.s("method");
            String driver = r.s("driver");
            String key = r.s("key");
            double v = r.d("value");
            if (method.equals("means")) {
                if (!driver.equals("rating")) {
                    t.close("mean " + driver, v, rw.importance(driver).mean(), 1e-12);
                }
                continue;
            }
            KeyDriversResult res = method.equals("lmg") ? lmg
                    : method.equals("relative_weights_weighted") ? rww : rw;
            if (driver.equals("ALL")) {
                t.close(method + " R²", v, res.rSquared(), 1e-9);
            } else {
                DriverImportance d = res.importance(driver);
                t.close(method + " " + driver + " " + key, v, key.equals("raw") ? d.raw() : d.rescaled(),
                        1e-9);
            }
        }
        assertEquals(40, t.checks());
        t.assertNoFailures();
        assertEquals(30, rw.n());
        assertEquals("complaints", rw.ranked().get(0).driver());
    }

    @Test
    void importancesAddUpToRSquaredAndRescaledToOne() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int p = 2 + random.nextInt(6);
            List<String> names = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                names.add("d" + j);
            }
            KeyDrivers kd = KeyDrivers.of("y", names);
            for (int i = 0; i < 60; i++) {
                double[] xs = new double[p];
                double y = random.nextGaussian();
                for (int j = 0; j < p; j++) {
                    xs[j] = 1 + random.nextInt(10) + 0.3 * y * j;
                }
                kd.accept(y + 0.1 * xs[0], xs, 0.5 + random.nextDouble());
            }
            double r2 = DriverMath.fullRSquared(kd.correlations());
            for (KeyDriverMethod m : KeyDriverMethod.values()) {
                KeyDriversResult r = kd.result(m);
                double sum = 0;
                double shares = 0;
                for (DriverImportance d : r.importances()) {
                    assertTrue(d.raw() >= -1e-12, d.toString());
                    sum += d.raw();
                    shares += d.rescaled();
                }
                assertEquals(r2, sum, 1e-10, m + " trial " + trial);
                assertEquals(r2, r.rSquared(), 1e-10);
                assertEquals(1, shares, 1e-10);
                assertTrue(r.weighted());
            }
        }
    }

    @Test
    void combineEqualsSinglePassInAnyOrder() {
        KeyDrivers single = attitude();
        List<double[]> shuffled = new ArrayList<>(ROWS);
        Collections.shuffle(shuffled, new java.util.Random(3));
        KeyDrivers a = KeyDrivers.of("rating", DRIVERS);
        KeyDrivers b = a.emptyCopy();
        KeyDrivers c = a.emptyCopy();
        for (int i = 0; i < shuffled.size(); i++) {
            (i < 7 ? a : i < 20 ? b : c).accept(shuffled.get(i)[0], x(shuffled.get(i)));
        }
        c.accept(Double.NaN, new double[6]);
        KeyDrivers merged = c.combine(a).combine(b.emptyCopy()).combine(b);
        assertEquals(single.n(), merged.n());
        assertEquals(1, merged.excluded());
        double[][] r1 = single.correlations();
        double[][] r2 = merged.correlations();
        for (int i = 0; i < r1.length; i++) {
            assertArrayEquals(r1[i], r2[i], 1e-12);
        }
        assertArrayEquals(single.driverMeans(), merged.driverMeans(), 1e-12);
        assertEquals(single.result(KeyDriverMethod.LMG).rSquared(),
                merged.result(KeyDriverMethod.LMG).rSquared(), 1e-12);
        KeyDrivers empty = KeyDrivers.of("rating", DRIVERS).combine(single);
        assertEquals(single.result().rSquared(), empty.result().rSquared(), 1e-15);
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        KeyDrivers weighted = KeyDrivers.of("rating", DRIVERS);
        KeyDrivers repeated = KeyDrivers.of("rating", DRIVERS);
        for (int i = 0; i < ROWS.size(); i++) {
            int w = 1 + i % 3;
            weighted.accept(ROWS.get(i)[0], x(ROWS.get(i)), w);
            for (int k = 0; k < w; k++) {
                repeated.accept(ROWS.get(i)[0], x(ROWS.get(i)));
            }
        }
        KeyDriversResult a = weighted.result();
        KeyDriversResult b = repeated.result();
        assertEquals(b.rSquared(), a.rSquared(), 1e-12);
        for (int j = 0; j < DRIVERS.size(); j++) {
            assertEquals(b.importances().get(j).raw(), a.importances().get(j).raw(), 1e-12);
        }
    }

    @Test
    void missingValuesAreExcludedAndCounted() {
        KeyDrivers kd = attitude();
        kd.accept(70, new double[] {1, 2, Double.NaN, 4, 5, 6});
        kd.accept(Double.NaN, new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(30, kd.n());
        assertEquals(2, kd.excluded());
        KeyDriversResult r = kd.result();
        assertEquals(2, r.excluded());
        assertTrue(r.toString().contains("excluded=2"), r.toString());
        assertEquals(attitude().result().rSquared(), r.rSquared(), 0);
    }

    @Test
    void encodeRoundTrips() {
        KeyDrivers kd = attitude();
        kd.accept(1, new double[] {Double.NaN, 0, 0, 0, 0, 0});
        KeyDrivers back = KeyDrivers.decode(kd.encode());
        assertEquals(kd.toString(), back.toString());
        assertEquals(kd.result(), back.result());
        assertThrows(IllegalArgumentException.class,
                () -> KeyDrivers.decode(java.util.Arrays.copyOf(kd.encode(), 20)));
        assertEquals(kd.result().rSquared(), kd.copy().result().rSquared(), 0);
    }

    @Test
    void emptyResultSaysSo() {
        KeyDrivers kd = KeyDrivers.of("overall", List.of("ease", "price"));
        kd.accept(Double.NaN, new double[] {1, 2});
        KeyDriversResult r = kd.result();
        assertEquals(0, r.n());
        assertTrue(Double.isNaN(r.rSquared()));
        assertTrue(Double.isNaN(r.importance("ease").raw()));
        assertEquals("KeyDrivers[overall, relative weights (Johnson 2000): n=0, empty, excluded=1]",
                r.toString());
        assertThrows(IllegalStateException.class, r::importancePerformance);
        assertTrue(Double.isNaN(kd.driverMeans()[0]));
    }

    @Test
    void constantDriverIsNamed() {
        KeyDrivers kd = KeyDrivers.of("overall", List.of("ease", "price", "speed"));
        for (int i = 0; i < 10; i++) {
            kd.accept(i, new double[] {i % 3, 4, i * i});
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, kd::result);
        assertEquals("key-driver variables must vary (zero variance in the 10 complete rows): [price]",
                e.getMessage());
        KeyDrivers y = KeyDrivers.of("overall", List.of("ease"));
        for (int i = 0; i < 5; i++) {
            y.accept(3, new double[] {i});
        }
        assertTrue(assertThrows(IllegalArgumentException.class, y::result).getMessage()
                .contains("overall (outcome)"));
    }

    @Test
    void collinearDriversAreNamed() {
        KeyDrivers kd = KeyDrivers.of("overall", List.of("ease", "speed", "price", "total"));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 40; i++) {
            double e = random.nextInt(10);
            double s = random.nextInt(10);
            double p = random.nextInt(10);
            kd.accept(e + s + random.nextGaussian(), new double[] {e, s, p, e + s});
        }
        for (KeyDriverMethod m : KeyDriverMethod.values()) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> kd.result(m));
            assertTrue(ex.getMessage().startsWith("drivers must not be exactly collinear"), ex.getMessage());
            assertTrue(ex.getMessage().contains("ease") && ex.getMessage().contains("speed")
                    && ex.getMessage().contains("total") && !ex.getMessage().contains("price"),
                    ex.getMessage());
        }
    }

    @Test
    void badArgumentsFailWithMessages() {
        assertThrows(IllegalArgumentException.class, () -> KeyDrivers.of(" ", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> KeyDrivers.of("y", List.of()));
        assertThrows(IllegalArgumentException.class, () -> KeyDrivers.of("y", List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> KeyDrivers.of("y", List.of("y")));
        KeyDrivers kd = KeyDrivers.of("y", List.of("a", "b"));
        assertEquals("driverValues must have one value per driver (2): 3",
                assertThrows(IllegalArgumentException.class, () -> kd.accept(1, new double[3])).getMessage());
        assertEquals("b value must be finite or NaN (missing): Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> kd.accept(1, new double[] {1, Double.POSITIVE_INFINITY})).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> kd.accept(Double.NEGATIVE_INFINITY, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> kd.accept(1, new double[2], 0));
        kd.accept(1, new double[] {1, 2});
        kd.accept(2, new double[] {2, 1});
        kd.accept(3, new double[] {2, 2});
        assertTrue(assertThrows(IllegalArgumentException.class, kd::result).getMessage()
                .contains("at least drivers + 2 = 4 complete rows: 3"));
        assertThrows(IllegalArgumentException.class,
                () -> kd.combine(KeyDrivers.of("y", List.of("a", "c"))));
        KeyDrivers one = KeyDrivers.of("y", List.of("a"));
        one.accept(1, new double[] {1});
        assertThrows(IllegalArgumentException.class, one::correlations);
        List<String> many = new ArrayList<>();
        for (int j = 0; j < 16; j++) {
            many.add("d" + j);
        }
        KeyDrivers big = KeyDrivers.of("y", many);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> big.result(KeyDriverMethod.LMG))
                .getMessage().startsWith("LMG supports at most 15 drivers"));
        many.add("d16");
        for (int j = 17; j < 31; j++) {
            many.add("d" + j);
        }
        assertThrows(IllegalArgumentException.class, () -> KeyDrivers.of("y", many));
    }

    @Test
    void rowsGiveTheSamePointEstimatesAndSeededBootstrapIntervals() {
        DriverRows rows = DriverRows.of("rating", DRIVERS);
        for (double[] r : ROWS) {
            rows.add(r[0], x(r));
        }
        rows.add(50, new double[] {Double.NaN, 1, 1, 1, 1, 1});
        assertEquals(30, rows.size());
        assertEquals(1, rows.excluded());
        KeyDriversResult point = rows.analyze(KeyDriverMethod.LMG);
        assertEquals(attitude().result(KeyDriverMethod.LMG).rSquared(), point.rSquared(), 1e-12);
        assertEquals(1, point.excluded());
        KeyDriversResult a = rows.bootstrap(KeyDriverMethod.RELATIVE_WEIGHTS, 400, 42L, 0.9);
        KeyDriversResult b = rows.bootstrap(KeyDriverMethod.RELATIVE_WEIGHTS, 400, 42L, 0.9);
        assertEquals(a, b);
        assertEquals(400, a.resamples());
        for (DriverImportance d : a.importances()) {
            assertTrue(d.hasInterval());
            assertTrue(d.rawInterval().lower() <= d.raw() + 0.05 && d.raw() - 0.05 <= d.rawInterval().upper(),
                    d.toString());
            assertTrue(d.rescaledInterval().lower() >= 0 && d.rescaledInterval().upper() <= 1);
            assertEquals(0.9, d.rawInterval().confidence());
        }
        assertEquals(attitude().result().rSquared(), a.rSquared(), 1e-12);
        assertTrue(a.toString().contains("400 bootstrap resamples"), a.toString());
        assertTrue(a.toString().contains("complaints: 0.3628 of R² = 49.5% (90% CI"), a.toString());
        assertTrue(rows.toString().startsWith("DriverRows[rating ~ complaints + privileges"));
    }

    @Test
    void weightedRowsBootstrapAndDegenerateResamples() {
        DriverRows rows = DriverRows.of("y", List.of("a", "b"));
        rows.add(1, new double[] {1, 1}, 2);
        rows.add(2, new double[] {2, 1}, 1);
        rows.add(3, new double[] {1, 2}, 1);
        rows.add(5, new double[] {3, 3}, 1);
        rows.add(4, new double[] {2, 3}, 1);
        KeyDriversResult r = rows.bootstrap(KeyDriverMethod.LMG, 100, 1L, 0.95);
        assertTrue(r.weighted());
        assertEquals(100, r.resamples());
        DriverRows tiny = DriverRows.of("y", List.of("a", "b", "c"));
        tiny.add(1, new double[] {1, 0, 0});
        tiny.add(2, new double[] {0, 1, 0});
        tiny.add(3, new double[] {0, 0, 1});
        tiny.add(4, new double[] {1, 1, 0});
        tiny.add(5, new double[] {0, 1, 1});
        assertThrows(IllegalStateException.class,
                () -> tiny.bootstrap(KeyDriverMethod.RELATIVE_WEIGHTS, 100, 1L, 0.95));
        DriverRows none = DriverRows.of("y", List.of("a"));
        assertEquals(0, none.bootstrap(KeyDriverMethod.LMG, 100, 1L, 0.95).n());
    }

    @Test
    void importancePerformanceQuadrants() {
        KeyDriversResult r = attitude().result();
        ImportancePerformance ip = r.importancePerformance();
        assertEquals(1.0 / 6, ip.importanceCut(), 1e-15);
        double perf = (66.6 + 53.133333333333333 + 56.366666666666667 + 64.63333333333334
                + 74.766666666666666 + 42.93333333333333) / 6;
        assertEquals(perf, ip.performanceCut(), 1e-9);
        // complaints: 49.5% of R², mean 66.6 > 59.7; learning 22.3%, mean 56.4 < 59.7.
        assertEquals(ImportancePerformance.Quadrant.KEEP_UP_THE_GOOD_WORK, ip.row("complaints").quadrant());
        assertEquals(ImportancePerformance.Quadrant.CONCENTRATE_HERE, ip.row("learning").quadrant());
        assertEquals(ImportancePerformance.Quadrant.POSSIBLE_OVERKILL, ip.row("critical").quadrant());
        assertEquals(ImportancePerformance.Quadrant.LOW_PRIORITY, ip.row("advance").quadrant());
        assertTrue(ip.toString().contains("complaints       importance  49.5%  performance   66.60  keep up"),
                ip.toString());
        assertThrows(IllegalArgumentException.class, () -> ip.row("nope"));
        assertThrows(IllegalArgumentException.class, () -> r.importance("nope"));
        assertThrows(IllegalArgumentException.class, () -> ImportancePerformance.of(List.of()));
        assertEquals("low priority", ImportancePerformance.Quadrant.LOW_PRIORITY.label());
    }
}
