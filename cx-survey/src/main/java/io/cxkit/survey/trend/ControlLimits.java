package io.cxkit.survey.trend;

import io.cxkit.core.Check;
import io.cxkit.core.MeanEstimate;
import java.util.List;
import java.util.Locale;

/**
 * Shewhart-style control limits for one period's estimate: {@code centre ± 3σ/√n_i}.
 *
 * <ul>
 *   <li>p-chart ({@link #pChart}): {@code p̄ ± 3√(p̄(1−p̄)/n_i)} with {@code p̄ = Σx/Σn};
 *   <li>mean chart ({@link #meanChart}): {@code x̿ ± 3σ̂/√n_i} with {@code x̿ = Σnᵢx̄ᵢ/Σnᵢ} and the
 *       pooled standard deviation {@code σ̂² = Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1)};
 *   <li>any estimate ({@link ScoreTrend}): centre {@code Σnⱼeⱼ/Σnⱼ} and per-observation variance
 *       {@code Σnⱼ·(nⱼSEⱼ²)/Σnⱼ} over the baseline periods — the p-chart or mean chart with each
 *       period's own variance estimate pooled.
 * </ul>
 * Lower limits of a p-chart are clipped at 0 and upper limits at 1.
 *
 * <p>Reference: D. C. Montgomery, Introduction to Statistical Quality Control, 7th ed. (2013),
 * §6.2 (x̄ chart with variable sample size) and §7.2 (p-chart with variable sample size).
 *
 * @param estimate the period's estimate
 * @param n the period's sample size
 * @param centre the centre line
 * @param lower the lower control limit
 * @param upper the upper control limit
 */
public record ControlLimits(double estimate, long n, double centre, double lower, double upper) {

    /**
     * Validates the components.
     *
     * @param estimate the estimate
     * @param n the sample size
     * @param centre the centre line
     * @param lower the lower limit
     * @param upper the upper limit
     */
    public ControlLimits {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
    }

    /**
     * Whether the estimate is outside the limits.
     *
     * @return true if below {@code lower} or above {@code upper}
     */
    public boolean outside() {
        return estimate < lower || estimate > upper;
    }

    /**
     * p-chart limits for each period from counts.
     *
     * @param successes successes per period
     * @param trials trials per period, each &gt; 0 and &gt;= its successes
     * @return one set of limits per period, {@code estimate = x_i/n_i}
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold invalid
     *     counts
     */
    public static ControlLimits[] pChart(long[] successes, long[] trials) {
        Check.notNull(successes, "successes");
        Check.notNull(trials, "trials");
        if (successes.length != trials.length || trials.length == 0) {
            throw new IllegalArgumentException("successes and trials must be non-empty and of equal length: "
                    + successes.length + " vs " + trials.length);
        }
        double x = 0;
        double n = 0;
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] <= 0 || successes[i] < 0 || successes[i] > trials[i]) {
                throw new IllegalArgumentException("period " + i + " must have 0 <= successes <= trials and "
                        + "trials > 0: successes=" + successes[i] + ", trials=" + trials[i]);
            }
            x += successes[i];
            n += trials[i];
        }
        double p = x / n;
        ControlLimits[] out = new ControlLimits[trials.length];
        for (int i = 0; i < trials.length; i++) {
            double h = 3 * Math.sqrt(p * (1 - p) / trials[i]);
            out[i] = new ControlLimits((double) successes[i] / trials[i], trials[i], p, Math.max(0, p - h),
                    Math.min(1, p + h));
        }
        return out;
    }

    /**
     * Mean-chart limits for each period from its mean estimate.
     *
     * @param periods one {@link MeanEstimate} per period, each with {@code n >= 2}
     * @return one set of limits per period
     * @throws IllegalArgumentException if empty or a period has fewer than 2 observations
     */
    public static ControlLimits[] meanChart(List<MeanEstimate> periods) {
        Check.notNull(periods, "periods");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("mean chart needs at least one period");
        }
        double sumN = 0;
        double sumNx = 0;
        double ss = 0;
        double df = 0;
        for (MeanEstimate m : periods) {
            if (m.n() < 2) {
                throw new IllegalArgumentException("mean chart needs n >= 2 in every period: " + m.n());
            }
            sumN += m.n();
            sumNx += m.n() * m.mean();
            ss += (m.n() - 1) * m.standardDeviation() * m.standardDeviation();
            df += m.n() - 1;
        }
        double centre = sumNx / sumN;
        double sigma = Math.sqrt(ss / df);
        ControlLimits[] out = new ControlLimits[periods.size()];
        for (int i = 0; i < out.length; i++) {
            MeanEstimate m = periods.get(i);
            double h = 3 * sigma / Math.sqrt(m.n());
            out[i] = new ControlLimits(m.mean(), m.n(), centre, centre - h, centre + h);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ControlLimits[%.4g, n=%d, centre %.4g, limits %.4g..%.4g%s]",
                estimate, n, centre, lower, upper, outside() ? ", OUTSIDE" : "");
    }
}
