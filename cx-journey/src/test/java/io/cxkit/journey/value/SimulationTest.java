package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Data drawn from known parameters (seeded) recover them within three standard errors. */
class SimulationTest {
    private static final long SEED = 20260114L;

    private static void assertRecovered(ModelFit<?> fit, double[] truth) {
        assertTrue(fit.converged(), fit::toString);
        for (int i = 0; i < truth.length; i++) {
            Parameter p = fit.parameters().get(i);
            double t = truth[i];
            double z = (p.estimate() - t) / p.standardError();
            assertTrue(Math.abs(z) < 3, () -> "seed " + SEED + ": " + p + " vs true " + t + " in " + fit);
        }
    }

    @Test
    void bgNbdRecoversItsParameters() {
        RandomGenerator rng = new Well19937c(SEED);
        double[] truth = {0.6, 5.0, 0.9, 2.8};
        GammaDistribution rate = new GammaDistribution(rng, truth[0], 1 / truth[1]);
        BetaDistribution dropout = new BetaDistribution(rng, truth[2], truth[3]);
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            double lambda = rate.sample();
            double p = dropout.sample();
            double age = 20 + 20 * rng.nextDouble();
            int x = 0;
            double tx = 0;
            double t = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / lambda;
                if (t > age) {
                    break;
                }
                x++;
                tx = t;
                if (rng.nextDouble() < p) {
                    break;
                }
            }
            customers.add(CustomerSummary.of("c" + i, x, tx, age));
        }
        assertRecovered(BgNbd.fit(customers), truth);
    }

    @Test
    void paretoNbdRecoversItsParameters() {
        RandomGenerator rng = new Well19937c(SEED + 1);
        double[] truth = {0.8, 8.0, 0.7, 10.0};
        GammaDistribution rate = new GammaDistribution(rng, truth[0], 1 / truth[1]);
        GammaDistribution death = new GammaDistribution(rng, truth[2], 1 / truth[3]);
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            double lambda = rate.sample();
            double lifetime = -Math.log(1 - rng.nextDouble()) / death.sample();
            double age = 20 + 20 * rng.nextDouble();
            double end = Math.min(age, lifetime);
            int x = 0;
            double tx = 0;
            for (double t = -Math.log(1 - rng.nextDouble()) / lambda; t <= end; t += -Math.log(1 - rng.nextDouble()) / lambda) {
                x++;
                tx = t;
            }
            customers.add(CustomerSummary.of("c" + i, x, tx, age));
        }
        assertRecovered(ParetoNbd.fit(customers), truth);
    }

    @Test
    void gammaGammaRecoversItsParameters() {
        RandomGenerator rng = new Well19937c(SEED + 2);
        double[] truth = {5.0, 4.0, 12.0};
        GammaDistribution nus = new GammaDistribution(rng, truth[1], 1 / truth[2]);
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double nu = nus.sample();
            GammaDistribution amount = new GammaDistribution(rng, truth[0], 1 / nu);
            int x = 1 + rng.nextInt(6);
            double sum = 0;
            for (int k = 0; k < x; k++) {
                sum += amount.sample();
            }
            customers.add(CustomerSummary.of("c" + i, x, 1, 10, sum / x));
        }
        assertRecovered(GammaGamma.fit(customers), truth);
    }
}
