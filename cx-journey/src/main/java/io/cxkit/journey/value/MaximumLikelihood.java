package io.cxkit.journey.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood on log parameters: Commons Math's Nelder-Mead simplex (restarted at its own
 * optimum, which guards against a collapsed simplex), then Newton steps with the Hessian of the
 * gradient and step halving, which polish the optimum to a gradient near 0; standard errors from
 * the inverse of the negative Hessian.
 *
 * <p>The log parameters are kept within {@code [-LOG_BOUND, LOG_BOUND]} (parameters between about
 * 1e-11 and 7e10): where the likelihood keeps rising towards a boundary of the parameter space (a
 * BG/NBD fit to data that show no dropout drives {@code a} and {@code b} to infinity together) the
 * search stops at the box instead of overflowing, and the fit is reported as not converged.
 */
final class MaximumLikelihood {
    private static final double GRADIENT_TOLERANCE = 1e-4;
    private static final double HESSIAN_STEP = 1e-4;
    private static final double GRADIENT_STEP = 1e-6;
    /** Bound of every log parameter. */
    static final double LOG_BOUND = 25;

    /** A log-likelihood in natural parameters, with its gradient. */
    interface Likelihood {
        /**
         * Total log-likelihood.
         *
         * @param p the parameters, all &gt; 0
         * @return the log-likelihood; NaN or -infinity where undefined
         */
        double value(double[] p);

        /**
         * Gradient in the natural parameters; by default central differences on the log scale.
         *
         * @param p the parameters
         * @return the gradient
         */
        default double[] gradient(double[] p) {
            double[] g = new double[p.length];
            double[] q = p.clone();
            for (int i = 0; i < p.length; i++) {
                q[i] = p[i] * Math.exp(GRADIENT_STEP);
                double up = value(q);
                q[i] = p[i] * Math.exp(-GRADIENT_STEP);
                double down = value(q);
                q[i] = p[i];
                g[i] = (up - down) / (2 * GRADIENT_STEP) / p[i];
            }
            return g;
        }
    }

    private MaximumLikelihood() {
    }

    static <M> ModelFit<M> fit(Likelihood ll, String[] names, double[] start, long customers, long excluded,
            Function<double[], M> model) {
        int k = start.length;
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(lp -> {
            evaluations[0]++;
            if (!inBox(lp)) {
                return Double.MAX_VALUE;
            }
            double v = -ll.value(exp(lp));
            return Double.isNaN(v) ? Double.MAX_VALUE : v;
        });
        SimplexOptimizer simplex = new SimplexOptimizer(1e-12, 1e-10);
        double[] x = log(start);
        for (int round = 0; round < 3; round++) {
            PointValuePair best = simplex.optimize(new MaxEval(20_000), objective, GoalType.MINIMIZE,
                    new InitialGuess(x), new NelderMeadSimplex(k, round == 0 ? 1.0 : 0.1));
            x = best.getPoint();
        }
        double f = -ll.value(exp(x));
        for (int it = 0; it < 50; it++) {
            double[] g = logGradient(ll, x);
            if (maxAbs(g) < 1e-9) {
                break;
            }
            double[][] h = logHessian(ll, x);
            double[] step;
            try {
                step = new CholeskyDecomposition(negate(h)).getSolver().solve(
                        new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
            } catch (NonPositiveDefiniteMatrixException e) {
                break;
            }
            boolean improved = false;
            for (double scale = 1; scale > 1e-6; scale /= 2) {
                double[] y = x.clone();
                for (int i = 0; i < k; i++) {
                    y[i] = Math.max(-LOG_BOUND, Math.min(LOG_BOUND, y[i] + scale * step[i]));
                }
                double fy = -ll.value(exp(y));
                evaluations[0]++;
                if (fy <= f) {
                    x = y;
                    f = fy;
                    improved = true;
                    break;
                }
            }
            if (!improved) {
                break;
            }
        }
        double[] p = exp(x);
        double maxGradient = maxAbs(logGradient(ll, x));
        double[] cov = new double[k * k];
        boolean positiveDefinite = true;
        try {
            RealMatrix inverse = new CholeskyDecomposition(negate(logHessian(ll, x))).getSolver().getInverse();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    cov[i * k + j] = inverse.getEntry(i, j);
                }
            }
        } catch (NonPositiveDefiniteMatrixException e) {
            Arrays.fill(cov, Double.NaN);
            positiveDefinite = false;
        }
        List<Parameter> params = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            params.add(new Parameter(names[i], p[i], p[i] * Math.sqrt(cov[i * k + i])));
        }
        boolean inside = inBox(x, LOG_BOUND - 1);
        return new ModelFit<>(model.apply(p), params, -f, customers, excluded,
                inside && positiveDefinite && maxGradient < GRADIENT_TOLERANCE, maxGradient, evaluations[0], cov);
    }

    private static boolean inBox(double[] logp) {
        return inBox(logp, LOG_BOUND);
    }

    /** Whether every log parameter is finite and within {@code [-bound, bound]}. */
    private static boolean inBox(double[] logp, double bound) {
        for (double v : logp) {
            if (!(Math.abs(v) <= bound)) {
                return false;
            }
        }
        return true;
    }

    /** Gradient of the log-likelihood with respect to the log parameters. */
    static double[] logGradient(Likelihood ll, double[] logp) {
        double[] p = exp(logp);
        double[] g = ll.gradient(p);
        for (int i = 0; i < p.length; i++) {
            g[i] *= p[i];
        }
        return g;
    }

    /** Hessian in the log parameters: central differences of the gradient, symmetrized. */
    static double[][] logHessian(Likelihood ll, double[] logp) {
        int k = logp.length;
        double[][] h = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] up = logp.clone();
            double[] down = logp.clone();
            up[j] += HESSIAN_STEP;
            down[j] -= HESSIAN_STEP;
            double[] gu = logGradient(ll, up);
            double[] gd = logGradient(ll, down);
            for (int i = 0; i < k; i++) {
                h[i][j] = (gu[i] - gd[i]) / (2 * HESSIAN_STEP);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double m = (h[i][j] + h[j][i]) / 2;
                h[i][j] = m;
                h[j][i] = m;
            }
        }
        return h;
    }

    private static RealMatrix negate(double[][] h) {
        return new Array2DRowRealMatrix(h).scalarMultiply(-1);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return Double.isNaN(sum(v)) ? Double.NaN : m;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    static double[] exp(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.exp(v[i]);
        }
        return r;
    }

    static double[] log(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.log(v[i]);
        }
        return r;
    }

    static double logAddExp(double u, double v) {
        if (u == Double.NEGATIVE_INFINITY) {
            return v;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return u;
        }
        double m = Math.max(u, v);
        return m + Math.log1p(Math.exp(-Math.abs(u - v)));
    }
}
