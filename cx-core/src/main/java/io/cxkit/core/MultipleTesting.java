package io.cxkit.core;

import java.util.Arrays;

/**
 * Adjusting p-values when many hypotheses are tested at once (many segments, many periods).
 *
 * <p>{@link #benjaminiHochberg} controls the false discovery rate: among the results declared
 * significant at level {@code q} (adjusted {@code p < q}), the expected share of false discoveries
 * is at most {@code q} for independent (or positively dependent) tests. It equals R's
 * {@code p.adjust(p, method = "BH")}, including its treatment of missing values.
 *
 * <p>Reference: Y. Benjamini and Y. Hochberg (1995), "Controlling the false discovery rate: a
 * practical and powerful approach to multiple testing", JRSS B 57(1), 289–300.
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * Benjamini–Hochberg adjusted p-values: with the {@code m} non-NaN p-values sorted ascending,
     * {@code p̃_(i) = min(1, min_{j >= i} m·p_(j)/j)}, returned in the input order.
     *
     * @param pValues p-values in [0, 1]; NaN entries (untestable) stay NaN and do not count in m
     * @return the adjusted p-values, a new array in the input order
     * @throws IllegalArgumentException if a p-value is outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        Check.notNull(pValues, "pValues");
        int m = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException("p-value must be in [0, 1]: " + p);
                }
                m++;
            }
        }
        double[] out = new double[pValues.length];
        Arrays.fill(out, Double.NaN);
        Integer[] order = new Integer[m];
        int k = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double running = 1;
        for (int r = m - 1; r >= 0; r--) {
            double adj = pValues[order[r]] * m / (r + 1);
            running = Math.min(running, adj);
            out[order[r]] = running;
        }
        return out;
    }
}
