package io.cxkit.survey.drivers;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Relative-importance arithmetic on a correlation matrix (package-private; see
 * {@link KeyDriverMethod}). Index 0 of the correlation matrix is the outcome, 1..p the drivers.
 */
final class DriverMath {
    /** Smallest eigenvalue of the driver correlation matrix, relative to p, treated as singular. */
    static final double COLLINEAR = 1e-10;

    private DriverMath() {
    }

    /**
     * Checks the drivers' correlation matrix for exact collinearity and names the drivers involved
     * (those with a loading above 0.05 on an eigenvector of a near-zero eigenvalue).
     */
    static EigenDecomposition checkedEigen(double[][] rxx, List<String> drivers) {
        int p = rxx.length;
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(rxx, true));
        double[] ev = eig.getRealEigenvalues();
        List<String> involved = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            if (ev[k] <= COLLINEAR * p) {
                double[] v = eig.getEigenvector(k).toArray();
                for (int j = 0; j < p; j++) {
                    if (Math.abs(v[j]) > 0.05 && !involved.contains(drivers.get(j))) {
                        involved.add(drivers.get(j));
                    }
                }
            }
        }
        if (!involved.isEmpty()) {
            throw new IllegalArgumentException("drivers must not be exactly collinear (a driver is a "
                    + "linear combination of others; drop one): " + involved);
        }
        return eig;
    }

    /** Johnson's relative weights; returns the raw weights ε_j (they sum to R²). */
    static double[] relativeWeights(double[][] rxx, double[] rxy, List<String> drivers) {
        int p = rxy.length;
        EigenDecomposition eig = checkedEigen(rxx, drivers);
        double[] ev = eig.getRealEigenvalues();
        RealMatrix q = eig.getV();
        double[][] lambda = new double[p][p];
        double[][] lambdaInv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                double si = 0;
                for (int k = 0; k < p; k++) {
                    double qq = q.getEntry(i, k) * q.getEntry(j, k);
                    s += qq * Math.sqrt(ev[k]);
                    si += qq / Math.sqrt(ev[k]);
                }
                lambda[i][j] = s;
                lambdaInv[i][j] = si;
            }
        }
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += lambdaInv[i][j] * rxy[j];
            }
            beta[i] = s;
        }
        double[] eps = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += lambda[j][k] * lambda[j][k] * beta[k] * beta[k];
            }
            eps[j] = s;
        }
        return eps;
    }

    /** R² of the outcome on the drivers in {@code mask} (bit j = driver j). */
    static double rSquared(double[][] rxx, double[] rxy, int mask) {
        int k = Integer.bitCount(mask);
        if (k == 0) {
            return 0;
        }
        int[] idx = new int[k];
        int m = 0;
        for (int j = 0; j < rxy.length; j++) {
            if ((mask & (1 << j)) != 0) {
                idx[m++] = j;
            }
        }
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            b[i] = rxy[idx[i]];
            for (int j = 0; j < k; j++) {
                a[i][j] = rxx[idx[i]][idx[j]];
            }
        }
        double[] x = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(b, false)).toArray();
        double r2 = 0;
        for (int i = 0; i < k; i++) {
            r2 += b[i] * x[i];
        }
        return r2;
    }

    /** LMG (Shapley) decomposition of R² by all subsets; returns the raw shares (they sum to R²). */
    static double[] lmg(double[][] rxx, double[] rxy, List<String> drivers) {
        int p = rxy.length;
        checkedEigen(rxx, drivers);
        int subsets = 1 << p;
        double[] r2 = new double[subsets];
        for (int mask = 1; mask < subsets; mask++) {
            r2[mask] = rSquared(rxx, rxy, mask);
        }
        // weight[k] = k! (p-k-1)! / p!
        double[] weight = new double[p];
        for (int k = 0; k < p; k++) {
            double w = 1.0 / p;
            // k!(p-k-1)!/p! = 1 / (p * C(p-1, k))
            double c = 1;
            for (int i = 1; i <= k; i++) {
                c = c * (p - 1 - k + i) / i;
            }
            weight[k] = w / c;
        }
        double[] out = new double[p];
        for (int mask = 0; mask < subsets; mask++) {
            int k = Integer.bitCount(mask);
            for (int j = 0; j < p; j++) {
                if ((mask & (1 << j)) == 0) {
                    out[j] += weight[k] * (r2[mask | (1 << j)] - r2[mask]);
                }
            }
        }
        return out;
    }

    /** Importances by the given method from the full correlation matrix (outcome first). */
    static double[] importances(KeyDriverMethod method, double[][] corr, List<String> drivers) {
        double[][] rxx = driverCorrelations(corr);
        double[] rxy = outcomeCorrelations(corr);
        return method == KeyDriverMethod.LMG ? lmg(rxx, rxy, drivers)
                : relativeWeights(rxx, rxy, drivers);
    }

    /** The drivers' block of the full correlation matrix (outcome first). */
    private static double[][] driverCorrelations(double[][] corr) {
        int p = corr.length - 1;
        double[][] rxx = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(corr[i + 1], 1, rxx[i], 0, p);
        }
        return rxx;
    }

    /** The outcome's correlations with the drivers (the first row without its diagonal). */
    private static double[] outcomeCorrelations(double[][] corr) {
        return java.util.Arrays.copyOfRange(corr[0], 1, corr.length);
    }

    /** R² from the full correlation matrix (outcome first). */
    static double fullRSquared(double[][] corr) {
        int p = corr.length - 1;
        return rSquared(driverCorrelations(corr), outcomeCorrelations(corr), (1 << p) - 1);
    }
}
