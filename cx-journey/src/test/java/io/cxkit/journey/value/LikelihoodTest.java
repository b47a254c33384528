package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The closed-form likelihoods against a direct numeric evaluation: the individual-level likelihood
 * integrated over the gamma (and beta) mixing distributions by Gauss-Legendre quadrature, and the
 * analytic gradients against central finite differences.
 */
class LikelihoodTest {
    /** A fresh integrator per integral: the integrator keeps state. */
    private static IterativeLegendreGaussIntegrator quad() {
        return new IterativeLegendreGaussIntegrator(24, 1e-11, 1e-14);
    }

    /**
     * E[f(λ)] for λ ~ Gamma(shape, rate); for shape &lt; 1 with λ = t^(1/shape), which removes the
     * density's pole at 0.
     */
    private static double gammaMean(DoubleUnaryOperator f, double shape, double rate) {
        double norm = Math.pow(rate, shape) / Gamma.gamma(shape);
        if (shape >= 1) {
            double upper = (shape + 20 * Math.sqrt(shape) + 60) / rate;
            return norm * quad().integrate(1_000_000,
                    l -> f.applyAsDouble(l) * Math.pow(l, shape - 1) * Math.exp(-rate * l), 0, upper);
        }
        double upper = Math.pow(80 / rate, shape);
        double integral = quad().integrate(1_000_000, t -> {
            double lambda = Math.pow(t, 1 / shape);
            return f.applyAsDouble(lambda) * Math.exp(-rate * lambda);
        }, 0, upper);
        return integral / shape * norm;
    }

    /** E[f(p)] for p ~ Beta(a, b) with b >= 1, with p = v^(1/a). */
    private static double betaMean(DoubleUnaryOperator f, double a, double b) {
        double integral = quad().integrate(1_000_000, v -> {
            double p = Math.pow(v, 1 / a);
            return f.applyAsDouble(p) * Math.pow(1 - p, b - 1);
        }, 0, 1);
        return integral / a / Math.exp(Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b));
    }

    private static final int[] X = {0, 1, 3, 7, 2};
    private static final double[] TX = {0, 5.5, 20.1, 33.0, 38.0};
    private static final double[] T = {30.0, 38.86, 25.0, 35.5, 38.0};

    @Test
    void bgNbdEqualsTheIntegratedIndividualLikelihood() {
        BgNbd m = new BgNbd(0.7, 4.2, 0.8, 2.5);
        for (int i = 0; i < X.length; i++) {
            int x = X[i];
            double tx = TX[i];
            double age = T[i];
            // L(λ, p) = (1 − p)^x λ^x e^(−λT) + δ(x > 0) p (1 − p)^(x − 1) λ^x e^(−λ t_x): the two
            // terms separate into a beta and a gamma expectation each
            double alive = betaMean(p -> Math.pow(1 - p, x), m.a(), m.b())
                    * gammaMean(l -> Math.pow(l, x) * Math.exp(-l * age), m.r(), m.alpha());
            double dead = x == 0 ? 0 : betaMean(p -> p * Math.pow(1 - p, x - 1), m.a(), m.b())
                    * gammaMean(l -> Math.pow(l, x) * Math.exp(-l * tx), m.r(), m.alpha());
            assertEquals(Math.log(alive + dead), m.logLikelihood(x, tx, age), 1e-8, "customer " + i);
            assertEquals(alive / (alive + dead), m.probabilityAlive(x, tx, age), 1e-8, "P(alive) " + i);
        }
    }

    @Test
    void paretoNbdEqualsTheIntegratedIndividualLikelihood() {
        // Given λ and μ, L = λ^x e^(−(λ+μ)T) + λ^x μ ∫_{t_x}^{T} e^(−(λ+μ)τ) dτ (alive through T, or
        // dead at τ). Taking the gamma moments E[λ^x e^(−λτ)] = Γ(r+x)/Γ(r) α^r/(α+τ)^(r+x),
        // E[e^(−μT)] = (β/(β+T))^s and E[μ e^(−μτ)] = s β^s/(β+τ)^(s+1) inside leaves one integral
        // over the death time τ, done by quadrature (no hypergeometric function).
        for (ParetoNbd m : List.of(new ParetoNbd(0.55, 10.6, 0.61, 11.7), new ParetoNbd(1.3, 3.0, 0.8, 15.0),
                new ParetoNbd(0.9, 20.0, 1.6, 4.0))) {
            for (int i = 0; i < X.length; i++) {
                int x = X[i];
                double tx = TX[i];
                double age = T[i];
                DoubleUnaryOperator lambdaMoment = tau -> Math.exp(Gamma.logGamma(m.r() + x) - Gamma.logGamma(m.r())
                        + m.r() * Math.log(m.alpha()) - (m.r() + x) * Math.log(m.alpha() + tau));
                double alive = lambdaMoment.applyAsDouble(age) * Math.pow(m.beta() / (m.beta() + age), m.s());
                double dead = tx == age ? 0 : quad().integrate(1_000_000, tau -> lambdaMoment.applyAsDouble(tau)
                        * m.s() * Math.pow(m.beta(), m.s()) / Math.pow(m.beta() + tau, m.s() + 1), tx, age);
                assertEquals(Math.log(alive + dead), m.logLikelihood(x, tx, age), 1e-9, m + " customer " + i);
                assertEquals(alive / (alive + dead), m.probabilityAlive(x, tx, age), 1e-9, m + " P(alive) " + i);
            }
        }
    }

    @Test
    void bgNbdPopulationExpectationIsTheLimitOfANewCustomer() {
        BgNbd m = new BgNbd(0.243, 4.414, 0.793, 2.426);
        // a customer just acquired (x = 0, T = 0) expects E[X(t)] in the next t
        for (double t : new double[] {1, 10, 39, 78}) {
            assertEquals(m.populationExpected(t), m.expectedTransactions(t, 0, 0, 0), 1e-12, "t = " + t);
        }
        ParetoNbd p = new ParetoNbd(0.55, 10.58, 0.61, 11.67);
        for (double t : new double[] {1, 10, 39, 78}) {
            assertEquals(p.populationExpected(t), p.expectedTransactions(t, 0, 0, 0), 1e-12, "t = " + t);
        }
    }

    private static List<CustomerSummary> sample() {
        List<CustomerSummary> c = new ArrayList<>();
        for (int i = 0; i < X.length; i++) {
            c.add(CustomerSummary.of("c" + i, X[i], TX[i], T[i], X[i] == 0 ? Double.NaN : 10 + 7 * i));
        }
        return c;
    }

    private static void assertGradient(MaximumLikelihood.Likelihood ll, double[] p) {
        double[] g = ll.gradient(p);
        for (int i = 0; i < p.length; i++) {
            double h = 1e-6 * p[i];
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (ll.value(up) - ll.value(down)) / (2 * h);
            assertEquals(numeric, g[i], 1e-6 * Math.max(1, Math.abs(numeric)), "component " + i);
        }
    }

    @Test
    void bgNbdGradientEqualsFiniteDifferences() {
        PurchaseData d = PurchaseData.of(sample());
        assertGradient(BgNbd.likelihood(d), new double[] {0.7, 4.2, 0.8, 2.5});
        assertGradient(BgNbd.likelihood(d), new double[] {2.0, 0.5, 3.0, 0.7});
    }

    @Test
    void gammaGammaGradientEqualsFiniteDifferences() {
        double[] x = {1, 2, 5, 9};
        double[] m = {12.5, 30, 8.2, 55};
        assertGradient(GammaGamma.likelihood(x, m), new double[] {6.25, 3.74, 15.44});
        assertGradient(GammaGamma.likelihood(x, m), new double[] {1.5, 8.0, 3.0});
    }

    @Test
    void gammaGammaLikelihoodIsTheDensityOfTheMean() {
        // x = 1: the mean is one amount, z ~ Gamma(p, ν), ν ~ Gamma(q, γ) → E over ν of the gamma density
        GammaGamma g = new GammaGamma(2.5, 3.0, 10.0);
        double z = 7.3;
        double density = gammaMean(nu -> Math.pow(nu, g.p()) * Math.pow(z, g.p() - 1) * Math.exp(-nu * z)
                / Gamma.gamma(g.p()), g.q(), g.gamma());
        assertEquals(Math.log(density), g.logLikelihood(1, z), 1e-9);
    }
}
