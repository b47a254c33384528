package io.cxkit.journey.value;

import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.List;
import java.util.Locale;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "'Counting your customers' the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2): while alive a customer buys as a
 * Poisson process with rate {@code λ ~ Gamma(r, α)}; after each purchase they drop out with
 * probability {@code p ~ Beta(a, b)}.
 *
 * <p>Per-customer log-likelihood (their eq. 6): {@code L = B(a, b + x)/B(a, b) · Γ(r + x) α^r /
 * (Γ(r) (α + T)^(r + x)) + δ(x > 0) · B(a + 1, b + x − 1)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α +
 * t_x)^(r + x))}, evaluated as a log-sum-exp. P(alive) is their eq. (A5 in the technical note),
 * {@code 1 / (1 + δ(x > 0) a/(b + x − 1) ((α + T)/(α + t_x))^(r + x))}; the conditional expectation
 * is eq. 10 and the population expectation eq. 9, both with the Gauss hypergeometric function.
 *
 * <p>On the CDNOW sample (2,357 customers, 39 weeks) {@link #fit} gives r = 0.243, α = 4.414,
 * a = 0.793, b = 2.426, LL = −9582.4, the published values.
 *
 * @param r shape of the purchase-rate gamma, &gt; 0
 * @param alpha scale of the purchase-rate gamma (in time units), &gt; 0
 * @param a first shape of the dropout beta, &gt; 0
 * @param b second shape of the dropout beta, &gt; 0
 */
public record BgNbd(double r, double alpha, double a, double b) implements TransactionModel {
    private static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    /**
     * Validates.
     *
     * @param r gamma shape
     * @param alpha gamma scale
     * @param a beta shape a
     * @param b beta shape b
     */
    public BgNbd {
        Models.positive("r", r);
        Models.positive("alpha", alpha);
        Models.positive("a", a);
        Models.positive("b", b);
    }

    /**
     * Fits the model by maximum likelihood to a customer base.
     *
     * @param base the customer base
     * @return the fit
     * @throws IllegalArgumentException if the base has no customers or no repeat transactions
     */
    public static ModelFit<BgNbd> fit(RepeatPurchasesResult base) {
        return fit(base.customers());
    }

    /**
     * Fits the model by maximum likelihood to customer summaries.
     *
     * @param customers the summaries
     * @return the fit
     * @throws IllegalArgumentException if there are no customers or no repeat transactions
     */
    public static ModelFit<BgNbd> fit(List<CustomerSummary> customers) {
        PurchaseData d = PurchaseData.of(customers);
        return MaximumLikelihood.fit(likelihood(d), NAMES.toArray(new String[0]), new double[] {1, 1, 1, 1},
                d.customers, 0, p -> new BgNbd(p[0], p[1], p[2], p[3]));
    }

    static MaximumLikelihood.Likelihood likelihood(PurchaseData d) {
        return new MaximumLikelihood.Likelihood() {
            @Override
            public double value(double[] p) {
                double s = 0;
                for (int i = 0; i < d.x.length; i++) {
                    s += d.count[i] * ll(p[0], p[1], p[2], p[3], d.x[i], d.tx[i], d.age[i]);
                }
                return s;
            }

            @Override
            public double[] gradient(double[] p) {
                double[] g = new double[4];
                double r = p[0];
                double al = p[1];
                double a = p[2];
                double b = p[3];
                double psiAb = digamma(a + b);
                double psiR = digamma(r);
                double psiB = digamma(b);
                for (int i = 0; i < d.x.length; i++) {
                    int x = d.x[i];
                    double w = d.count[i];
                    double psiAbx = digamma(a + b + x);
                    double a3 = -(r + x) * Math.log(al + d.age[i]);
                    double w4 = 0;
                    double dr4 = 0;
                    double dal4 = 0;
                    if (x > 0) {
                        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(al + d.tx[i]);
                        w4 = 1 / (1 + Math.exp(a3 - a4));
                        dr4 = -Math.log(al + d.tx[i]);
                        dal4 = -(r + x) / (al + d.tx[i]);
                    }
                    double w3 = 1 - w4;
                    g[0] += w * (digamma(r + x) - psiR + Math.log(al) + w3 * -Math.log(al + d.age[i]) + w4 * dr4);
                    g[1] += w * (r / al + w3 * -(r + x) / (al + d.age[i]) + w4 * dal4);
                    g[2] += w * (psiAb - psiAbx + (x > 0 ? w4 / a : 0));
                    g[3] += w * (psiAb + digamma(b + x) - psiB - psiAbx - (x > 0 ? w4 / (b + x - 1) : 0));
                }
                return g;
            }
        };
    }

    private static double ll(double r, double al, double a, double b, int x, double tx, double age) {
        double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(al);
        double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(al + age);
        double a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(al + tx) : Double.NEGATIVE_INFINITY;
        return a1 + a2 + MaximumLikelihood.logAddExp(a3, a4);
    }

    @Override
    public String name() {
        return "bgnbd";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double[] parameters() {
        return new double[] {r, alpha, a, b};
    }

    @Override
    public BgNbd withParameters(double[] p) {
        Models.arity(p, 4);
        return new BgNbd(p[0], p[1], p[2], p[3]);
    }

    @Override
    public double logLikelihood(int x, double tx, double age) {
        TransactionModel.checkHistory(x, tx, age);
        return ll(r, alpha, a, b, x, tx, age);
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
        TransactionModel.checkHistory(x, tx, age);
        return 1 / (1 + deathOdds(x, tx, age));
    }

    /** {@code δ(x > 0) a/(b + x − 1) ((α + T)/(α + t_x))^(r + x)}, the odds of being dead. */
    private double deathOdds(int x, double tx, double age) {
        return x == 0 ? 0 : Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + tx)));
    }

    @Override
    public double expectedTransactions(double t, int x, double tx, double age) {
        TransactionModel.checkHistory(x, tx, age);
        TransactionModel.checkHorizon(t);
        if (t == 0) {
            return 0;
        }
        double inner = oneMinusScaled2F1(r + x, b + x, a + b + x - 1, t / (alpha + age + t),
                (r + x) * Math.log((alpha + age) / (alpha + age + t)));
        return (a + b + x - 1) / (a - 1) * inner / (1 + deathOdds(x, tx, age));
    }

    @Override
    public double populationExpected(double t) {
        TransactionModel.checkHorizon(t);
        if (t == 0) {
            return 0;
        }
        return (a + b - 1) / (a - 1) * oneMinusScaled2F1(r, b, a + b - 1, t / (alpha + t), r * Math.log(alpha / (alpha + t)));
    }

    /**
     * {@code 1 − exp(logScale) · 2F1(p, q; c; z)}, on the log scale (no cancellation, no overflow)
     * when {@code c > 0}, and with the signed series when {@code c = a + b − 1 <= 0}.
     */
    private static double oneMinusScaled2F1(double p, double q, double c, double z, double logScale) {
        if (c > 0) {
            return -Math.expm1(logScale + Hypergeometric.log2F1(p, q, c, z));
        }
        return 1 - Math.exp(logScale) * Hypergeometric.signed2F1(p, q, c, z);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BgNbd[r=%.4g, alpha=%.4g, a=%.4g, b=%.4g]", r, alpha, a, b);
    }
}
