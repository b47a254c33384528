package io.cxkit.journey.survival;

/**
 * How a pointwise confidence interval for a Kaplan–Meier survival probability {@code S(t)} is
 * formed, as R's {@code survfit(..., conf.type = )}. Both use the Greenwood standard error of
 * {@code log S(t)}, {@code σ(t) = √(Σ dᵢ/(nᵢ(nᵢ−dᵢ)))} (R's {@code fit$std.err}), and the normal
 * critical value {@code z}.
 */
public enum SurvivalConfType {
    /**
     * {@code S·exp(∓zσ)}, the upper bound capped at 1; R's default {@code conf.type = "log"}.
     * Undefined (NaN) when {@code S = 0}.
     */
    LOG("log"),
    /**
     * {@code exp(−exp(log(−log S) ± zσ/log S))}; R's {@code conf.type = "log-log"}. Stays inside
     * (0, 1); undefined (NaN) when {@code S} is 0 or 1.
     */
    LOG_LOG("log-log");

    private final String label;

    SurvivalConfType(String label) {
        this.label = label;
    }

    /**
     * R's name for this type.
     *
     * @return {@code "log"} or {@code "log-log"}
     */
    public String label() {
        return label;
    }

    /**
     * The interval for one survival probability.
     *
     * @param s the survival probability in [0, 1]
     * @param seLog the standard error of {@code log S} (Greenwood)
     * @param z the two-sided normal critical value
     * @return {@code {lower, upper}}, NaN where R gives NA
     */
    double[] bounds(double s, double seLog, double z) {
        if (this == LOG) {
            if (s == 0 || Double.isNaN(seLog)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double ls = Math.log(s);
            return new double[] {Math.exp(ls - z * seLog), Math.min(Math.exp(ls + z * seLog), 1)};
        }
        if (s == 0 || s == 1 || Double.isNaN(seLog)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double ls = Math.log(s);
        double se2 = z * seLog / ls;
        double ll = Math.log(-ls);
        return new double[] {Math.exp(-Math.exp(ll - se2)), Math.exp(-Math.exp(ll + se2))};
    }
}
