package io.cxkit.journey.survival;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank (Mantel–Haenszel) test that survival curves of two or more groups are equal, e.g.
 * promoters versus detractors; R's {@code survdiff(Surv(time, status) ~ group)} with
 * {@code rho = 0}.
 *
 * <p>At each distinct event time with {@code n} at risk ({@code nᵢ} in group i) and {@code d}
 * events: {@code Eᵢ += d·nᵢ/n}, {@code Vᵢᵢ += d(n−d)/(n−1)·(nᵢ/n)(1 − nᵢ/n)},
 * {@code Vᵢⱼ −= d(n−d)/(n−1)·nᵢnⱼ/n²} (no contribution when {@code n = 1}). With {@code O − E}
 * and {@code V} restricted to the groups with {@code E > 0} and the first of them dropped,
 * {@code χ² = (O−E)ᵀ V⁻¹ (O−E)} on {@code k − 1} degrees of freedom, {@code p = P(χ²ₖ₋₁ > χ²)}.
 * Checked against R on {@code lung} by sex: χ² = 10.3267, p = 0.00131. Reference: Mantel (1966);
 * Peto &amp; Peto (1972); Therneau &amp; Grambsch (2000), §2.3.
 *
 * @param groups per-group counts, in group-label order
 * @param variance the variance matrix of {@code O − E}, row-major {@code k × k} (a copy is returned)
 * @param chiSquare the test statistic; NaN when fewer than two groups expect events
 * @param df degrees of freedom, {@code k − 1} over the groups with {@code E > 0} (0 if fewer than two)
 * @param pValue the upper-tail chi-square probability; NaN when {@code df == 0}
 */
public record LogRankTest(List<LogRankGroup> groups, double[] variance, double chiSquare, int df,
        double pValue) {

    /**
     * Validates and copies the components.
     *
     * @param groups per-group counts
     * @param variance the variance matrix, row-major
     * @param chiSquare the statistic
     * @param df degrees of freedom
     * @param pValue the p-value
     */
    public LogRankTest {
        groups = List.copyOf(groups);
        variance = variance.clone();
        if (variance.length != groups.size() * groups.size()) {
            throw new IllegalArgumentException("variance must be k x k for k = " + groups.size()
                    + " groups: length " + variance.length);
        }
    }

    /**
     * The variance matrix, row-major.
     *
     * @return a copy of the {@code k × k} matrix
     */
    @Override
    public double[] variance() {
        return variance.clone();
    }

    /**
     * One entry of the variance matrix of {@code O − E}.
     *
     * @param i row group index
     * @param j column group index
     * @return {@code V[i][j]}
     */
    public double variance(int i, int j) {
        int k = groups.size();
        if (i < 0 || i >= k || j < 0 || j >= k) {
            throw new IllegalArgumentException("group index must be in [0, " + (k - 1) + "]: " + i + ", " + j);
        }
        return variance[i * k + j];
    }

    static LogRankTest compute(List<LogRankGroup> groups, double[] var) {
        int k = groups.size();
        int[] used = new int[k];
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (groups.get(i).expected() > 0) {
                used[m++] = i;
            }
        }
        if (m < 2) {
            return new LogRankTest(groups, var, Double.NaN, 0, Double.NaN);
        }
        int r = m - 1;
        Array2DRowRealMatrix v = new Array2DRowRealMatrix(r, r);
        RealVector oe = new ArrayRealVector(r);
        for (int a = 0; a < r; a++) {
            LogRankGroup g = groups.get(used[a + 1]);
            oe.setEntry(a, g.observed() - g.expected());
            for (int b = 0; b < r; b++) {
                v.setEntry(a, b, var[used[a + 1] * k + used[b + 1]]);
            }
        }
        LUDecomposition lu = new LUDecomposition(v, 1e-300);
        if (!lu.getSolver().isNonSingular()) {
            return new LogRankTest(groups, var, Double.NaN, 0, Double.NaN);
        }
        double chi = lu.getSolver().solve(oe).dotProduct(oe);
        double p = Gamma.regularizedGammaQ(r / 2.0, chi / 2.0);
        return new LogRankTest(groups, var, chi, r, p);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LogRankTest[");
        for (LogRankGroup g : groups) {
            sb.append(g).append("; ");
        }
        return sb.append(String.format(Locale.ROOT, "chisq=%.4f on %d df, p=%.4g]", chiSquare, df, pValue))
                .toString();
    }
}
