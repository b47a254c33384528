package io.cxkit.journey.survival;

import io.cxkit.core.Check;
import io.cxkit.core.Distributions;
import io.cxkit.core.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Kaplan–Meier survival curve with right censoring for one group: the share of customers still
 * "alive" (not churned) after each time, Greenwood standard errors, pointwise intervals and the
 * median.
 *
 * <p>Formulas, at distinct times {@code t₁ < t₂ < ...} with {@code nᵢ} at risk and {@code dᵢ}
 * events: {@code S(t) = Π_{tᵢ <= t} (1 − dᵢ/nᵢ)}; Greenwood {@code Var(log S(t)) = Σ_{tᵢ <= t}
 * dᵢ/(nᵢ(nᵢ − dᵢ))}. Checked against R's {@code survival::survfit} on the {@code lung} data (relative
 * error below 1e-9). Kaplan &amp; Meier (1958); Greenwood (1926); Therneau &amp; Grambsch,
 * <i>Modeling Survival Data</i> (2000), ch. 2.
 *
 * @param group the group label ({@link SurvivalAccumulator#ALL} when ungrouped)
 * @param n subjects in the group
 * @param events events (non-censored observations) in the group
 * @param steps one row per distinct observed time, ascending; empty when {@code n == 0}
 */
public record SurvivalCurve(String group, long n, long events, List<SurvivalStep> steps) {
    /** R's tolerance in {@code quantile.survfit}: {@code sqrt(.Machine$double.eps)}. */
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    /**
     * Validates and copies the components.
     *
     * @param group the group label
     * @param n subjects
     * @param events events
     * @param steps the table rows
     */
    public SurvivalCurve {
        Check.notNull(group, "group");
        Check.notNull(steps, "steps");
        steps = List.copyOf(steps);
    }

    static SurvivalCurve of(String group, double[] times, long[] ev, long[] cens, int size) {
        long total = 0;
        long totalEvents = 0;
        for (int i = 0; i < size; i++) {
            total += ev[i] + cens[i];
            totalEvents += ev[i];
        }
        List<SurvivalStep> steps = new ArrayList<>(size);
        long atRisk = total;
        double s = 1;
        double varLog = 0;
        for (int i = 0; i < size; i++) {
            long d = ev[i];
            if (d > 0) {
                s *= (double) (atRisk - d) / atRisk;
                varLog += atRisk == d ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
            }
            double seLog = Math.sqrt(varLog);
            steps.add(new SurvivalStep(times[i], atRisk, d, cens[i], s, seLog, s * seLog));
            atRisk -= d + cens[i];
        }
        return new SurvivalCurve(group, total, totalEvents, steps);
    }

    /**
     * The Kaplan–Meier estimate at any time (a right-continuous step function).
     *
     * @param time the time; finite
     * @return {@code S(time)}: 1 before the first event, the last value after the last time; NaN
     *     for an empty group
     */
    public double survivalAt(double time) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 1;
        for (SurvivalStep st : steps) {
            if (st.time() > time) {
                break;
            }
            s = st.survival();
        }
        return s;
    }

    /**
     * The median survival time with a 95% log interval (R's defaults).
     *
     * @return the median and its interval
     */
    public MedianSurvival median() {
        return median(SurvivalConfType.LOG, 0.95);
    }

    /**
     * The median survival time and its confidence interval (see {@link MedianSurvival} for the
     * rule, which matches R's {@code quantile.survfit}, including a curve exactly at 0.5).
     *
     * @param type how the pointwise intervals are formed
     * @param confidence the confidence level in (0, 1)
     * @return the median and its interval; all NaN for an empty group
     */
    public MedianSurvival median(SurvivalConfType type, double confidence) {
        double z = Distributions.zCritical(confidence);
        int m = steps.size();
        double[] x = new double[m + 1];
        double[] ys = new double[m + 1];
        double[] ylo = new double[m + 1];
        double[] yhi = new double[m + 1];
        for (int i = 0; i < m; i++) {
            SurvivalStep st = steps.get(i);
            x[i + 1] = st.time();
            double[] b = type.bounds(st.survival(), st.stdErrLog(), z);
            ys[i + 1] = 1 - st.survival();
            ylo[i + 1] = 1 - b[0];
            yhi[i + 1] = 1 - b[1];
        }
        String method = "Kaplan-Meier " + type.label();
        if (m == 0) {
            return new MedianSurvival(Double.NaN, Interval.empty(confidence, method));
        }
        double lower = findQuantile(x, ylo, 0.5);
        double upper = findQuantile(x, yhi, 0.5);
        return new MedianSurvival(findQuantile(x, ys, 0.5),
                new Interval(lower, upper, confidence, method));
    }

    /** R survival's internal {@code findq}: where the cumulative failure curve {@code y} reaches {@code p}. */
    static double findQuantile(double[] x, double[] y, double p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        if (max < p) {
            return Double.NaN;
        }
        double xmax = x[x.length - 1];
        // drop duplicated y values (first occurrence kept; NaN equals NaN as in R's duplicated)
        // (a hash set of the values' bits, which equates every NaN as Double.compare does: O(m), where
        // comparing with every kept point was O(m²) in distinct times)
        List<double[]> pts = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < y.length; i++) {
            if (seen.add(Double.doubleToLongBits(y[i]))) {
                pts.add(new double[] {x[i], y[i]});
            }
        }
        int n = pts.size();
        int i1 = approxConstantRight(pts, TOLERANCE, p);
        int i2 = approxConstantRight(pts, -TOLERANCE, p);
        double last = pts.get(n - 1)[1];
        if (!Double.isNaN(last) && Math.abs(p - last) < TOLERANCE) {
            return i1 < 0 ? Double.NaN : (pts.get(i1)[0] + xmax) / 2;
        }
        if (i1 < 0 || i2 < 0) {
            return Double.NaN;
        }
        return (pts.get(i1)[0] + pts.get(i2)[0]) / 2;
    }

    /**
     * R's {@code approx(y + shift, 1:n, p, method = "constant", f = 1)}: the index of the knot at
     * {@code p}, else of the first knot above {@code p}; -1 (NA) outside the knots' range.
     */
    private static int approxConstantRight(List<double[]> pts, double shift, double p) {
        List<double[]> knots = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            double v = pts.get(i)[1];
            if (!Double.isNaN(v)) {
                knots.add(new double[] {v + shift, i});
            }
        }
        if (knots.isEmpty()) {
            return -1;
        }
        knots.sort(Comparator.comparingDouble(k -> k[0]));
        if (p < knots.get(0)[0] || p > knots.get(knots.size() - 1)[0]) {
            return -1;
        }
        for (double[] k : knots) {
            if (k[0] >= p) {
                return (int) k[1];
            }
        }
        return -1;
    }

    /**
     * The pointwise survival intervals, one per step.
     *
     * @param type log or log-log
     * @param confidence the confidence level in (0, 1)
     * @return intervals in step order
     */
    public List<Interval> intervals(SurvivalConfType type, double confidence) {
        return steps.stream().map(s -> s.interval(type, confidence)).toList();
    }

    @Override
    public String toString() {
        if (n == 0) {
            return "KaplanMeier[" + group + ": n=0, empty]";
        }
        return "KaplanMeier[" + group + ": n=" + n + ", events=" + events + ", " + steps.size()
                + " distinct times, S(last)=" + String.format(java.util.Locale.ROOT, "%.4f",
                        steps.get(steps.size() - 1).survival())
                + ", " + median() + "]";
    }
}
