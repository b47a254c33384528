package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Hypergeometric} against {@code scipy.special.hyp2f1} (reference/value/hyp2f1.csv). */
class HypergeometricTest {

    @Test
    void matchesScipy() {
        int n = 0;
        for (String[] r : Cdnow.csv("hyp2f1.csv")) {
            double a = Double.parseDouble(r[0]);
            double b = Double.parseDouble(r[1]);
            double c = Double.parseDouble(r[2]);
            double z = Double.parseDouble(r[3]);
            double expected = Double.parseDouble(r[4]);
            double log = Hypergeometric.log2F1(a, b, c, z);
            assertEquals(Math.log(expected), log, 1e-11 * Math.max(1, Math.abs(Math.log(expected))),
                    () -> "2F1(" + a + ", " + b + "; " + c + "; " + z + ")");
            n++;
        }
        assertEquals(90, n);
    }

    @Test
    void negativeCMatchesScipy() {
        for (String[] r : Cdnow.csv("hyp2f1_signed.csv")) {
            double expected = Double.parseDouble(r[4]);
            assertEquals(expected, Hypergeometric.signed2F1(Double.parseDouble(r[0]), Double.parseDouble(r[1]),
                    Double.parseDouble(r[2]), Double.parseDouble(r[3])), 1e-12 * Math.abs(expected), String.join(",", r));
        }
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.signed2F1(1, 1, -1, 0.5));
    }

    @Test
    void bgNbdWithSmallAPlusBMatchesScipy() {
        // a + b < 1 makes c = a + b - 1 negative for x = 0 (found on generated data)
        BgNbd m = new BgNbd(0.9, 5.0, 0.3, 0.5);
        for (String[] r : Cdnow.csv("bgnbd_small_ab.csv")) {
            double t = Double.parseDouble(r[0]);
            int x = Integer.parseInt(r[1]);
            double tx = Double.parseDouble(r[2]);
            double age = Double.parseDouble(r[3]);
            assertEquals(Double.parseDouble(r[4]), m.populationExpected(t), 1e-10, String.join(",", r));
            assertEquals(Double.parseDouble(r[5]), m.expectedTransactions(t, x, tx, age), 1e-10, String.join(",", r));
        }
    }

    @Test
    void closedForms() {
        // 2F1(1, 1; 2; z) = -log(1 - z) / z
        assertEquals(-Math.log(1 - 0.9) / 0.9, Hypergeometric.hyp2F1(1, 1, 2, 0.9), 1e-13);
        // 2F1(a, b; b; z) = (1 - z)^-a
        assertEquals(Math.pow(1 - 0.6, -2.5), Hypergeometric.hyp2F1(2.5, 3, 3, 0.6), 1e-12);
        assertEquals(1, Hypergeometric.hyp2F1(3, 4, 5, 0), 0);
        // beyond the double range, the log stays exact: 2F1(a, b; b; z) = (1 - z)^-a with a = 2000
        assertEquals(-2000 * Math.log(0.5), Hypergeometric.log2F1(2000, 7, 7, 0.5), 1e-9);
    }

    @Test
    void rejectsWhatItCannotSum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hypergeometric.log2F1(1, 1, 2, 1));
        assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.log2F1(-1, 1, 2, 0.5));
        assertThrows(ArithmeticException.class, () -> Hypergeometric.log2F1(1, 3, 2, 1 - 1e-9));
    }
}
