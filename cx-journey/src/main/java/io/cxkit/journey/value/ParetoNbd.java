package io.cxkit.journey.value;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.List;
import java.util.Locale;

/**
 * The Pareto/NBD model of Schmittlein, Morrison &amp; Colombo (1987), "Counting your customers":
 * while alive a customer buys as a Poisson process with rate {@code λ ~ Gamma(r, α)}; lifetimes
 * are exponential with rate {@code μ ~ Gamma(s, β)}.
 *
 * <p>Its shape mirrors {@link BgNbd} on purpose (a four-parameter record, the same {@code fit} pair
 * and predictions), so either model serves {@link TransactionModel} callers; the likelihoods differ.
 *
 * <p>Log-likelihood in the form of Fader &amp; Hardie (2005), "A note on deriving the Pareto/NBD
 * model and related expressions", eq. 22: {@code L = Γ(r + x) α^r β^s / Γ(r) · [1 / ((α + T)^(r +
 * x) (β + T)^s) + s/(r + s + x) · A0]}, with, for {@code α ≥ β}, {@code A0 = 2F1(r + s + x, s + 1;
 * r + s + x + 1; (α − β)/(α + t_x)) / (α + t_x)^(r + s + x) − (the same at T)}, and for {@code α <
 * β} the same with the roles swapped ({@code r + x} for {@code s + 1}, {@code β} for {@code α}).
 * Choosing the form by the sign of {@code α − β} keeps the hypergeometric argument in [0, 1); the
 * difference is taken on the log scale ({@code log A0 = l1 + log1p(−exp(l2 − l1))}), and the whole
 * likelihood as a log-sum-exp, so it neither overflows for large {@code x} nor cancels to 0 when
 * {@code t_x} is close to {@code T}.
 *
 * <p>P(alive) is the first term's share of {@code L}; the conditional expectation is their eq. 10,
 * {@code (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s − 1)] · P(alive)}, and
 * the population expectation {@code rβ/(α(s − 1)) [1 − (β/(β + t))^(s − 1)]} (both with the limit
 * at {@code s = 1}).
 *
 * <p>On the CDNOW sample {@link #fit} gives r = 0.553, α = 10.58, s = 0.606, β = 11.67, LL =
 * −9595.0, the values Fader, Hardie &amp; Lee (2005) report.
 *
 * @param r shape of the purchase-rate gamma, &gt; 0
 * @param alpha scale of the purchase-rate gamma, &gt; 0
 * @param s shape of the dropout-rate gamma, &gt; 0
 * @param beta scale of the dropout-rate gamma, &gt; 0
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements TransactionModel {
    private static final List<String> NAMES = List.of("r", "alpha", "s", "beta");

    /**
     * Validates.
     *
     * @param r gamma shape of the purchase rate
     * @param alpha gamma scale of the purchase rate
     * @param s gamma shape of the dropout rate
     * @param beta gamma scale of the dropout rate
     */
    public ParetoNbd {
        Models.positive("r", r);
        Models.positive("alpha", alpha);
        Models.positive("s", s);
        Models.positive("beta", beta);
    }

    /**
     * Fits the model by maximum likelihood to a customer base.
     *
     * @param base the customer base
     * @return the fit
     * @throws IllegalArgumentException if the base has no customers or no repeat transactions
     */
    public static ModelFit<ParetoNbd> fit(RepeatPurchasesResult base) {
        return fit(base.customers());
    }

    /**
     * Fits the model by maximum likelihood to customer summaries (gradient by central differences:
     * the hypergeometric term has no cheap analytic derivative).
     *
     * @param customers the summaries
     * @return the fit
     * @throws IllegalArgumentException if there are no customers or no repeat transactions
     */
    public static ModelFit<ParetoNbd> fit(List<CustomerSummary> customers) {
        PurchaseData d = PurchaseData.of(customers);
        MaximumLikelihood.Likelihood ll = p -> {
            double sum = 0;
            for (int i = 0; i < d.x.length; i++) {
                sum += d.count[i] * logL(p[0], p[1], p[2], p[3], d.x[i], d.tx[i], d.age[i]);
            }
            return sum;
        };
        return MaximumLikelihood.fit(ll, NAMES.toArray(new String[0]), new double[] {1, 1, 1, 1}, d.customers, 0,
                p -> new ParetoNbd(p[0], p[1], p[2], p[3]));
    }

    /** Log of the "alive at T" term {@code Γ(r+x) α^r β^s / (Γ(r) (α+T)^(r+x) (β+T)^s)}. */
    private static double logAliveTerm(double r, double al, double s, double be, int x, double age) {
        return logGamma(r + x) - logGamma(r) + r * Math.log(al) + s * Math.log(be) - (r + x) * Math.log(al + age)
                - s * Math.log(be + age);
    }

    private static double logL(double r, double al, double s, double be, int x, double tx, double age) {
        double k = Math.max(al, be);
        double bb = al >= be ? s + 1 : r + x;
        double aa = r + s + x;
        double l1 = Hypergeometric.log2F1(aa, bb, aa + 1, Math.abs(al - be) / (k + tx)) - aa * Math.log(k + tx);
        double l2 = Hypergeometric.log2F1(aa, bb, aa + 1, Math.abs(al - be) / (k + age)) - aa * Math.log(k + age);
        double logA0 = l2 >= l1 ? Double.NEGATIVE_INFINITY : l1 + Math.log1p(-Math.exp(l2 - l1));
        double common = logGamma(r + x) - logGamma(r) + r * Math.log(al) + s * Math.log(be);
        return MaximumLikelihood.logAddExp(logAliveTerm(r, al, s, be, x, age),
                common + Math.log(s / aa) + logA0);
    }

    @Override
    public String name() {
        return "pareto-nbd";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double[] parameters() {
        return new double[] {r, alpha, s, beta};
    }

    @Override
    public ParetoNbd withParameters(double[] p) {
        Models.arity(p, 4);
        return new ParetoNbd(p[0], p[1], p[2], p[3]);
    }

    @Override
    public double logLikelihood(int x, double tx, double age) {
        TransactionModel.checkHistory(x, tx, age);
        return logL(r, alpha, s, beta, x, tx, age);
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
        TransactionModel.checkHistory(x, tx, age);
        return Math.min(1, Math.exp(logAliveTerm(r, alpha, s, beta, x, age) - logL(r, alpha, s, beta, x, tx, age)));
    }

    /** {@code [1 − u^(s − 1)] / (s − 1)}, with its limit {@code −log u} at {@code s = 1}. */
    private double powerTerm(double u) {
        double e = s - 1;
        return Math.abs(e) < 1e-12 ? -Math.log(u) : -Math.expm1(e * Math.log(u)) / e;
    }

    @Override
    public double expectedTransactions(double t, int x, double tx, double age) {
        TransactionModel.checkHorizon(t);
        double alive = probabilityAlive(x, tx, age);
        return (r + x) * (beta + age) / (alpha + age) * powerTerm((beta + age) / (beta + age + t)) * alive;
    }

    @Override
    public double populationExpected(double t) {
        TransactionModel.checkHorizon(t);
        return r * beta / alpha * powerTerm(beta / (beta + t));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ParetoNbd[r=%.4g, alpha=%.4g, s=%.4g, beta=%.4g]", r, alpha, s, beta);
    }
}
