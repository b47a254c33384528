package io.cxkit.journey.value;

import io.cxkit.core.Check;
import io.cxkit.core.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Customer lifetime value from a purchase model and the Gamma-Gamma spend model: per customer
 * P(alive), expected transactions, expected spend per transaction and CLV (see {@link ValueTerms}
 * for the formula), and the total with an interval.
 *
 * <p>The interval for the total CLV reflects the uncertainty of the fitted parameters: it is the
 * Krinsky–Robb (1986) simulation interval — {@value #DRAWS} draws of the log parameters of both
 * models from the normal with the fits' inverse-Hessian covariance, the total recomputed for each,
 * and the 2.5% and 97.5% quantiles (percentile interval), from a fixed seed so the output is
 * reproducible. It treats the customers as given (no sampling of customers).
 */
public final class LifetimeValue {
    /** Parameter draws for the total's interval. */
    public static final int DRAWS = 200;
    private static final long SEED = 14;

    private final ModelFit<? extends TransactionModel> purchases;
    private final ModelFit<GammaGamma> spend;
    private final ValueTerms terms;
    private final double predictionHorizon;

    private LifetimeValue(ModelFit<? extends TransactionModel> purchases, ModelFit<GammaGamma> spend, ValueTerms terms,
            double predictionHorizon) {
        this.purchases = purchases;
        this.spend = spend;
        this.terms = terms;
        this.predictionHorizon = predictionHorizon;
    }

    /**
     * A calculator from two fits.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model; needs {@code q > 1}
     * @param terms horizon, margin and discounting
     * @param predictionHorizon the horizon of {@link CustomerValue#expectedTransactions()}, in time
     *     units, &gt;= 0 (usually the holdout length, or the value horizon)
     * @return the calculator
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the horizon is negative or {@code q <= 1}
     */
    public static LifetimeValue of(ModelFit<? extends TransactionModel> purchases, ModelFit<GammaGamma> spend,
            ValueTerms terms, double predictionHorizon) {
        Check.notNull(purchases, "purchases");
        Check.notNull(spend, "spend");
        Check.notNull(terms, "terms");
        TransactionModel.checkHorizon(predictionHorizon);
        if (!(spend.model().q() > 1)) {
            throw new IllegalArgumentException("Gamma-Gamma q must be > 1 for a finite expected spend: " + spend.model().q());
        }
        return new LifetimeValue(purchases, spend, terms, predictionHorizon);
    }

    /**
     * The horizon of the per-customer expected transactions, in time units.
     *
     * @return the horizon
     */
    public double predictionHorizon() {
        return predictionHorizon;
    }

    /**
     * The value terms.
     *
     * @return the terms
     */
    public ValueTerms terms() {
        return terms;
    }

    /**
     * Values every customer of a base.
     *
     * @param base the customer base
     * @return one value per customer, in the base's order
     */
    public List<CustomerValue> values(RepeatPurchasesResult base) {
        List<CustomerValue> out = new ArrayList<>(base.customers().size());
        TransactionModel m = purchases.model();
        GammaGamma g = spend.model();
        double[] steps = terms.stepEnds();
        for (CustomerSummary c : base.customers()) {
            double es = g.expectedAverageSpend(c.x(), c.averageRepeatSpend());
            out.add(new CustomerValue(c.customerId(), c.x(), c.tx(), c.age(), m.probabilityAlive(c.x(), c.tx(), c.age()),
                    m.expectedTransactions(predictionHorizon, c.x(), c.tx(), c.age()), es,
                    clv(m, es, c, steps), c.holdoutTransactions()));
        }
        return out;
    }

    private double clv(TransactionModel m, double expectedSpend, CustomerSummary c, double[] steps) {
        return cumulative(m, expectedSpend, c, steps, null);
    }

    /**
     * One customer's expected discounted margin accumulated step by step: {@code into[k]} is the
     * CLV sum of {@link ValueTerms} truncated after step {@code k} (so the last entry is the CLV).
     *
     * @param c the customer
     * @param into receives one value per {@link ValueTerms#stepEnds()} entry; null to keep only the total
     * @return the CLV over the whole horizon
     */
    double cumulativeClv(CustomerSummary c, double[] into) {
        GammaGamma g = spend.model();
        return cumulative(purchases.model(), g.expectedAverageSpend(c.x(), c.averageRepeatSpend()), c, terms.stepEnds(), into);
    }

    private double cumulative(TransactionModel m, double expectedSpend, CustomerSummary c, double[] steps, double[] into) {
        double previous = 0;
        double sum = 0;
        double scale = terms.margin() * expectedSpend;
        for (int k = 0; k < steps.length; k++) {
            double t = steps[k];
            double e = m.expectedTransactions(t, c.x(), c.tx(), c.age());
            sum += (e - previous) * terms.discount(t);
            previous = e;
            if (into != null) {
                into[k] = scale * sum;
            }
        }
        return scale * sum;
    }

    /**
     * The total CLV of a base with its Krinsky–Robb interval.
     *
     * @param base the customer base
     * @param confidence the confidence level in (0, 1)
     * @return the total and its interval
     */
    public Interval totalInterval(RepeatPurchasesResult base, double confidence) {
        io.cxkit.core.Check.confidence(confidence);
        double[] tp = purchases.model().parameters();
        double[] gp = spend.model().parameters();
        double[][] lt = cholesky(purchases.logCovariance(), tp.length);
        double[][] lg = cholesky(spend.logCovariance(), gp.length);
        String method = "Krinsky-Robb, " + DRAWS + " parameter draws";
        if (!purchases.converged() || !spend.converged()) {
            return Interval.empty(confidence, method + " (not drawn: the " + (purchases.converged() ? "spend" : "purchase")
                    + " model did not converge)");
        }
        if (lt == null || lg == null) {
            return Interval.empty(confidence, method + " (Hessian not positive definite)");
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] steps = terms.stepEnds();
        double[] totals = new double[DRAWS];
        int kept = 0;
        int unusable = 0;
        for (int d = 0; d < DRAWS; d++) {
            double[] mv = draw(tp, lt, rnd);
            double[] gv = draw(gp, lg, rnd);
            if (!usable(mv) || !usable(gv)) {
                unusable++;
                continue;
            }
            TransactionModel m = purchases.model().withParameters(mv);
            if (!(gv[1] > 1)) {
                continue;
            }
            GammaGamma g = spend.model().withParameters(gv);
            double total = 0;
            for (CustomerSummary c : base.customers()) {
                total += clv(m, g.expectedAverageSpend(c.x(), c.averageRepeatSpend()), c, steps);
            }
            totals[kept++] = total;
        }
        double[] t = Arrays.copyOf(totals, kept);
        Arrays.sort(t);
        double alpha = (1 - confidence) / 2;
        int lowQ = DRAWS - kept - unusable;
        return new Interval(quantile(t, alpha), quantile(t, 1 - alpha), confidence,
                method + (lowQ > 0 ? " (" + lowQ + " with q <= 1 dropped)" : "")
                        + (unusable > 0 ? " (" + unusable + " with a parameter outside (0, inf) dropped)" : ""));
    }

    /** Whether every drawn parameter is a finite positive number (a model can be made of it). */
    private static boolean usable(double[] parameters) {
        for (double v : parameters) {
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    private static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[][] cholesky(double[] cov, int k) {
        for (double v : cov) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                m[i][j] = cov[i * k + j];
            }
        }
        try {
            RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(m), 1e-10, 1e-14).getL();
            return l.getData();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return null;
        }
    }

    private static double[] draw(double[] estimate, double[][] l, SplittableRandom rnd) {
        int k = estimate.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = gaussian(rnd);
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += l[i][j] * z[j];
            }
            out[i] = estimate[i] * Math.exp(s);
        }
        return out;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LifetimeValue[%s + %s, %s]", purchases.model(), spend.model(), terms);
    }
}
