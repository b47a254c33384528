package io.cxkit.core;

/**
 * Confidence-interval methods for a binomial proportion {@code p = x / n} (CSAT top-box share, CES
 * % agree, conversion rates, first-contact resolution).
 *
 * <p>Each method matches {@code statsmodels.stats.proportion.proportion_confint} with the method
 * name given below; Wald and Agresti–Coull bounds are clipped to [0, 1] as statsmodels does.
 * Counts may be fractional (weighted data enters as the weighted share and the Kish effective
 * sample size, see {@link ProportionEstimate}).
 *
 * <p>Which to use: {@link #WILSON} (the default) covers close to nominal on average from n ≈ 10;
 * {@link #JEFFREYS} behaves similarly; {@link #AGRESTI_COULL} is slightly conservative, most near 0
 * and 1; {@link #CLOPPER_PEARSON} guarantees at least nominal coverage and is therefore wide;
 * {@link #WALD} under-covers badly for small n or p near 0/1 and is offered for comparison with
 * legacy reports only (adequate roughly when n·p and n·(1−p) both exceed 40).
 *
 * <p>Measured coverage of each method: the table "Which interval when" in
 * {@code docs/statistics.md} (the one copy of the coverage figures).
 *
 * <p>References: Brown, Cai &amp; DasGupta (2001), "Interval Estimation for a Binomial Proportion",
 * Statistical Science 16(2); Agresti &amp; Coull (1998), The American Statistician 52(2).
 */
public enum ProportionInterval {
    /**
     * Wilson score interval: {@code (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)}, with the
     * lower bound exactly 0 at {@code x = 0} and the upper bound exactly 1 at {@code x = n}.
     * statsmodels {@code method="wilson"}.
     */
    WILSON("Wilson") {
        @Override
        double[] bounds(double x, double n, double z, double confidence) {
            double p = x / n;
            double z2 = z * z;
            double denom = 1 + z2 / n;
            double center = (p + z2 / (2 * n)) / denom;
            double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
            // At x = 0 (x = n) the lower (upper) bound is exactly 0 (1); the formula leaves
            // rounding noise such as 1e-17 or 0.9999999999999999 there.
            return new double[] {x <= 0 ? 0 : center - half, x >= n ? 1 : center + half};
        }
    },
    /**
     * Agresti–Coull: Wald around {@code p̃ = (x + z²/2)/(n + z²)} with {@code ñ = n + z²}, clipped to
     * [0, 1]. statsmodels {@code method="agresti_coull"}.
     */
    AGRESTI_COULL("Agresti-Coull") {
        @Override
        double[] bounds(double x, double n, double z, double confidence) {
            double z2 = z * z;
            double nc = n + z2;
            double pc = (x + z2 / 2) / nc;
            double half = z * Math.sqrt(pc * (1 - pc) / nc);
            return new double[] {pc - half, pc + half};
        }
    },
    /**
     * Clopper–Pearson "exact": beta quantiles {@code B(α/2; x, n−x+1)} and
     * {@code B(1−α/2; x+1, n−x)}, with 0 when x = 0 and 1 when x = n. statsmodels
     * {@code method="beta"}.
     */
    CLOPPER_PEARSON("Clopper-Pearson") {
        @Override
        double[] bounds(double x, double n, double z, double confidence) {
            double a2 = (1 - confidence) / 2;
            double lo = x <= 0 ? 0 : Distributions.betaQuantile(a2, x, n - x + 1);
            double hi = x >= n ? 1 : Distributions.betaQuantile(1 - a2, x + 1, n - x);
            return new double[] {lo, hi};
        }
    },
    /**
     * Jeffreys: equal-tailed quantiles of the Beta(x + ½, n − x + ½) posterior. statsmodels
     * {@code method="jeffreys"}.
     */
    JEFFREYS("Jeffreys") {
        @Override
        double[] bounds(double x, double n, double z, double confidence) {
            double a2 = (1 - confidence) / 2;
            return new double[] {Distributions.betaQuantile(a2, x + 0.5, n - x + 0.5),
                Distributions.betaQuantile(1 - a2, x + 0.5, n - x + 0.5)};
        }
    },
    /**
     * Wald (normal approximation): {@code p ± z·√(p(1−p)/n)}, clipped to [0, 1]. statsmodels
     * {@code method="normal"}.
     */
    WALD("Wald") {
        @Override
        double[] bounds(double x, double n, double z, double confidence) {
            double p = x / n;
            double half = z * Math.sqrt(p * (1 - p) / n);
            return new double[] {p - half, p + half};
        }
    };

    private final String label;

    ProportionInterval(String label) {
        this.label = label;
    }

    abstract double[] bounds(double x, double n, double z, double confidence);

    /**
     * The method's display name, e.g. {@code "Wilson"}.
     *
     * @return the name used in {@link Interval#method()}
     */
    public String label() {
        return label;
    }

    /**
     * Computes the interval for {@code successes} out of {@code trials}.
     *
     * @param successes number (or weighted amount) of successes, in [0, trials]
     * @param trials number of trials (or effective sample size), &gt; 0; zero gives an interval of
     *     NaN bounds (no data)
     * @param confidence the confidence level in (0, 1)
     * @return the interval for the proportion, within [0, 1]
     * @throws IllegalArgumentException if the counts are negative, not finite, or
     *     {@code successes > trials}
     */
    public Interval compute(double successes, double trials, double confidence) {
        Check.confidence(confidence);
        if (!(trials >= 0) || trials == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("trials must be finite and >= 0: " + trials);
        }
        if (!(successes >= 0) || successes > trials * (1 + 1e-12)) {
            throw new IllegalArgumentException(
                    "successes must be in [0, trials=" + trials + "]: " + successes);
        }
        if (trials == 0) {
            return Interval.empty(confidence, label);
        }
        double x = Math.min(successes, trials);
        double[] b = bounds(x, trials, Distributions.zCritical(confidence), confidence);
        double lo = Math.max(0, b[0]);
        double hi = Math.min(1, b[1]);
        return new Interval(Math.min(lo, hi), hi, confidence, label);
    }
}
