package io.cxkit.journey.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fitted model: the model at its maximum-likelihood parameters, each parameter with its standard
 * error, the total log-likelihood (summed over the customers fitted) and how the optimizer ended.
 *
 * @param <M> the model type
 * @param model the model at the estimates
 * @param parameters the estimates with standard errors, in the model's parameter order
 * @param logLikelihood total log-likelihood at the estimates
 * @param customers customers the likelihood was summed over
 * @param excluded customers left out of the fit (for Gamma-Gamma: no repeat, or average repeat
 *     spend 0); 0 for the purchase models
 * @param converged whether the optimizer stopped at a point where the largest gradient component
 *     (log scale) is below 1e-4 and the Hessian is positive definite
 * @param maxGradient the largest absolute gradient component of the log-likelihood in the log
 *     parameters at the estimate
 * @param evaluations likelihood evaluations used
 * @param logCovariance row-major covariance matrix of the log parameters (inverse Hessian); NaN when
 *     the Hessian is not positive definite
 */
public record ModelFit<M>(M model, List<Parameter> parameters, double logLikelihood, long customers, long excluded,
        boolean converged, double maxGradient, int evaluations, double[] logCovariance) {

    /**
     * Validates and copies.
     *
     * @param model the model
     * @param parameters the parameters
     * @param logLikelihood the log-likelihood
     * @param customers customers fitted
     * @param excluded customers excluded
     * @param converged whether converged
     * @param maxGradient largest gradient component
     * @param evaluations evaluations used
     * @param logCovariance covariance of the log parameters
     */
    public ModelFit {
        parameters = List.copyOf(parameters);
        logCovariance = logCovariance.clone();
        if (logCovariance.length != parameters.size() * parameters.size()) {
            throw new IllegalArgumentException("logCovariance must have " + parameters.size() * parameters.size()
                    + " entries: " + logCovariance.length);
        }
    }

    /**
     * The covariance matrix of the log parameters, row-major.
     *
     * @return a copy
     */
    @Override
    public double[] logCovariance() {
        return logCovariance.clone();
    }

    /**
     * A parameter by name.
     *
     * @param name the parameter name
     * @return the parameter
     * @throws IllegalArgumentException if the model has no such parameter
     */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.name()));
        throw new IllegalArgumentException("no parameter '" + name + "'; the model has " + names);
    }

    /**
     * The estimates in parameter order.
     *
     * @return a new array
     */
    public double[] estimates() {
        return parameters.stream().mapToDouble(Parameter::estimate).toArray();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ModelFit[%s, LL = %.2f over %d customers%s%s]", parameters, logLikelihood,
                customers, excluded > 0 ? " (" + excluded + " excluded)" : "",
                converged ? "" : ", NOT CONVERGED (max gradient " + maxGradient + ")")
                + (Arrays.stream(logCovariance).anyMatch(Double::isNaN) ? " [Hessian not positive definite]" : "");
    }
}
