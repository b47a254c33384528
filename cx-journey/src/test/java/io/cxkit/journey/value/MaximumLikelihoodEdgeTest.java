package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Likelihoods whose supremum lies at the edge of the parameter space, or that are undefined far
 * out in it, end in a finite, not-converged fit instead of NaN parameters or an exception.
 */
class MaximumLikelihoodEdgeTest {

    @Test
    void aLikelihoodRisingWithoutBoundStopsAtTheBoxAndIsNotConverged() {
        // rises for ever in p[0]; p[1] has its maximum at 2
        MaximumLikelihood.Likelihood ll = p -> Math.log(p[0]) - (p[1] - 2) * (p[1] - 2);
        ModelFit<double[]> fit = MaximumLikelihood.fit(ll, new String[] {"x", "y"}, new double[] {1, 1}, 10, 0,
                p -> p.clone());
        assertFalse(fit.converged(), fit.toString());
        double x = fit.model()[0];
        assertTrue(Double.isFinite(x) && x > 1e6 && x <= Math.exp(MaximumLikelihood.LOG_BOUND) * 1.0000001, "x = " + x);
        assertEquals(2, fit.model()[1], 1e-3);
    }

    @Test
    void aLikelihoodThatThrowsFarOutIsUndefinedThereNotAnError() {
        // defined (and rising) only up to p[0] = 1000, as a series that stops converging
        MaximumLikelihood.Likelihood ll = p -> {
            if (p[0] > 1000) {
                throw new ArithmeticException("series did not converge at " + p[0]);
            }
            return Math.log(p[0]) - (p[1] - 2) * (p[1] - 2);
        };
        ModelFit<double[]> fit = MaximumLikelihood.fit(ll, new String[] {"x", "y"}, new double[] {1, 1}, 10, 0,
                p -> p.clone());
        double x = fit.model()[0];
        assertTrue(Double.isFinite(x) && x > 1 && x <= 1000, "x = " + x);
        assertFalse(fit.converged(), fit.toString());
    }

    @Test
    void anOrdinaryMaximumIsStillFoundAndConverged() {
        MaximumLikelihood.Likelihood ll = p -> -(Math.log(p[0]) - 1) * (Math.log(p[0]) - 1) - (p[1] - 2) * (p[1] - 2);
        ModelFit<double[]> fit = MaximumLikelihood.fit(ll, new String[] {"x", "y"}, new double[] {1, 1}, 10, 0,
                p -> p.clone());
        assertTrue(fit.converged(), fit.toString());
        assertEquals(Math.E, fit.model()[0], 1e-5);
        assertEquals(2, fit.model()[1], 1e-5);
    }
}
