package io.cxkit.journey.survival;

import io.cxkit.core.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kaplan–Meier curves per group and overall, and the log-rank test between the groups; the result
 * of a {@link SurvivalAccumulator}.
 *
 * @param overall the curve of all observations pooled (group {@link SurvivalAccumulator#ALL})
 * @param groups the curve of each group, by group label (sorted); a single entry
 *     {@link SurvivalAccumulator#ALL} when observations carried no group
 */
public record SurvivalResult(SurvivalCurve overall, Map<String, SurvivalCurve> groups) {

    /**
     * Validates and copies the components.
     *
     * @param overall the pooled curve
     * @param groups the per-group curves
     */
    public SurvivalResult {
        Check.notNull(overall, "overall");
        Check.notNull(groups, "groups");
        groups = java.util.Collections.unmodifiableMap(new TreeMap<>(groups));
    }

    /**
     * The curve of one group.
     *
     * @param group the group label
     * @return its curve
     * @throws IllegalArgumentException if there is no such group (the message lists the groups)
     */
    public SurvivalCurve group(String group) {
        SurvivalCurve c = groups.get(group);
        if (c == null) {
            throw new IllegalArgumentException("unknown survival group '" + group + "'; groups are "
                    + groups.keySet());
        }
        return c;
    }

    /**
     * Observations in all groups.
     *
     * @return the number of subjects
     */
    public long n() {
        return overall.n();
    }

    /**
     * The log-rank test (R's {@code survdiff}, {@code rho = 0}) across all groups.
     *
     * @return the test; χ² NaN and {@code df = 0} with fewer than two groups that expect events
     */
    public LogRankTest logRank() {
        List<SurvivalCurve> cs = new ArrayList<>(groups.values());
        int k = cs.size();
        TreeMap<Double, Boolean> eventTimes = new TreeMap<>();
        for (SurvivalStep s : overall.steps()) {
            if (s.events() > 0) {
                eventTimes.put(s.time(), Boolean.TRUE);
            }
        }
        double[] expected = new double[k];
        double[] var = new double[k * k];
        int[] pos = new int[k];
        long[] atRisk = new long[k];
        for (double t : eventTimes.keySet()) {
            long n = 0;
            long d = 0;
            for (int i = 0; i < k; i++) {
                List<SurvivalStep> steps = cs.get(i).steps();
                while (pos[i] < steps.size() && steps.get(pos[i]).time() < t) {
                    pos[i]++;
                }
                atRisk[i] = pos[i] < steps.size() ? steps.get(pos[i]).atRisk() : 0;
                d += pos[i] < steps.size() && steps.get(pos[i]).time() == t ? steps.get(pos[i]).events() : 0;
                n += atRisk[i];
            }
            double nn = n;
            for (int i = 0; i < k; i++) {
                expected[i] += d * atRisk[i] / nn;
            }
            if (n > 1) {
                double f = d * (nn - d) / (nn - 1);
                for (int i = 0; i < k; i++) {
                    double pi = atRisk[i] / nn;
                    for (int j = 0; j < k; j++) {
                        double pj = atRisk[j] / nn;
                        var[i * k + j] += i == j ? f * pi * (1 - pi) : -f * pi * pj;
                    }
                }
            }
        }
        List<LogRankGroup> rows = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            SurvivalCurve c = cs.get(i);
            rows.add(new LogRankGroup(c.group(), c.n(), c.events(), expected[i]));
        }
        return LogRankTest.compute(rows, var);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Survival[n=" + overall.n() + ", events=" + overall.events());
        for (SurvivalCurve c : groups.values()) {
            sb.append("\n  ").append(c);
        }
        return sb.append(']').toString();
    }
}
