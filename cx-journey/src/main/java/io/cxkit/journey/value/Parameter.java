package io.cxkit.journey.value;

import io.cxkit.core.Distributions;
import io.cxkit.core.Interval;
import java.util.Locale;

/**
 * One fitted model parameter with its standard error.
 *
 * <p>The standard error is the delta-method value {@code θ · SE(log θ)} from the inverse Hessian of
 * the log-likelihood in the log parameters (the scale the fit works on); the interval is the Wald
 * interval on the log scale mapped back, {@code θ · exp(±z · SE(log θ))}, so it stays positive.
 *
 * @param name the parameter's name in the model's paper (e.g. {@code "r"}, {@code "alpha"})
 * @param estimate the maximum-likelihood estimate, &gt; 0
 * @param standardError its standard error; NaN when the Hessian is not positive definite
 */
public record Parameter(String name, double estimate, double standardError) {

    /**
     * Validates.
     *
     * @param name the name
     * @param estimate the estimate
     * @param standardError the standard error
     */
    public Parameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank: " + name);
        }
    }

    /**
     * The log-scale Wald interval mapped back to the natural scale.
     *
     * @param confidence the confidence level in (0, 1)
     * @return the interval; NaN bounds when the standard error is NaN
     */
    public Interval interval(double confidence) {
        double z = Distributions.zCritical(confidence);
        double seLog = standardError / estimate;
        return new Interval(estimate * Math.exp(-z * seLog), estimate * Math.exp(z * seLog), confidence,
                "Wald on log scale");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s = %.4g (SE %.3g)", name, estimate, standardError);
    }
}
