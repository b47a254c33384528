package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares cx-core statistics with independent implementations. Fixtures and the scripts that
 * produced them live in {@code src/test/resources/reference/} (see the README there):
 * {@code proportions.py} (statsmodels 0.13.5) and {@code means.R} (R stats and survey).
 *
 * <p>Tolerances: relative 1e-9 for closed forms (intervals, tests, unweighted standard errors and
 * quantiles); 1e-6 for weighted (linearization) standard errors and intervals built on them.
 */
class ReferenceValuesTest {
    private static final double CLOSED = 1e-9;
    private static final double WEIGHTED = 1e-6;

    @Test
    void proportionIntervalsMatchStatsmodelsProportionConfint() {
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : ReferenceTables.load("proportion_confint.csv")) {
            ProportionInterval method = ProportionInterval.valueOf(r.s("method"));
            int x = r.i("count");
            int n = r.i("nobs");
            double conf = 1 - r.d("alpha");
            Interval ci = method.compute(x, n, conf);
            String what = method + " x=" + x + " n=" + n + " conf=" + conf;
            t.close(what + " lower", r.d("lower"), ci.lower(), CLOSED);
            t.close(what + " upper", r.d("upper"), ci.upper(), CLOSED);
        }
        assertTrue(t.checks() > 1000);
        t.assertNoFailures();
    }

    @Test
    void twoProportionsMatchProportionsZtestAndNewcombe() {
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : ReferenceTables.load("two_proportions.csv")) {
            ProportionEstimate a = ProportionEstimate.of(r.i("x1"), r.i("n1"));
            ProportionEstimate b = ProportionEstimate.of(r.i("x2"), r.i("n2"));
            double conf = 1 - r.d("alpha");
            Comparison c = TwoSampleTest.twoProportions(a, b, conf);
            String what = r.s("x1") + "/" + r.s("n1") + " vs " + r.s("x2") + "/" + r.s("n2") + " conf="
                    + conf;
            t.close(what + " diff", r.d("diff"), c.difference(), CLOSED);
            t.close(what + " se", r.d("se"), c.standardError(), CLOSED);
            t.close(what + " z", r.d("z"), c.statistic(), CLOSED);
            t.close(what + " p", r.d("p"), c.pValue(), CLOSED);
            t.close(what + " lower", r.d("lower"), c.interval().lower(), CLOSED);
            t.close(what + " upper", r.d("upper"), c.interval().upper(), CLOSED);
        }
        t.assertNoFailures();
    }

    /** Accumulates {@code core_data.csv} row by row, per group and overall. */
    private static Map<String, Moments> moments(String variable, boolean weighted) {
        Map<String, Moments> m = new LinkedHashMap<>();
        m.put("ALL", Moments.create());
        m.put("A", Moments.create());
        m.put("B", Moments.create());
        for (ReferenceTables.Row r : ReferenceTables.load("core_data.csv")) {
            double y = r.d(variable);
            for (String g : List.of("ALL", r.s("group"))) {
                if (weighted) {
                    m.get(g).accept(y, r.d("w"));
                } else {
                    m.get(g).accept(y);
                }
            }
        }
        return m;
    }

    @Test
    void meansMatchRTTest() {
        ReferenceTables t = new ReferenceTables();
        Map<String, Map<String, MeanEstimate>> cache = new LinkedHashMap<>();
        for (ReferenceTables.Row r : ReferenceTables.load("means_reference.csv")) {
            if (!r.s("kind").equals("ttest")) {
                continue;
            }
            String v = r.s("variable");
            MeanEstimate m = cache.computeIfAbsent(v, k -> results(moments(k, false))).get(r.s("group"));
            double conf = r.d("confidence");
            String what = "t.test " + v + " " + r.s("group") + " conf=" + conf + " " + r.s("key");
            double actual = switch (r.s("key")) {
                case "mean" -> m.mean();
                case "se" -> m.standardError();
                case "sd" -> m.standardDeviation();
                case "df" -> m.degreesOfFreedom();
                case "lower" -> m.interval(conf).lower();
                case "upper" -> m.interval(conf).upper();
                default -> throw new IllegalArgumentException(r.s("key"));
            };
            t.close(what, r.d("value"), actual, CLOSED);
        }
        assertTrue(t.checks() > 100);
        t.assertNoFailures();
    }

    private static Map<String, MeanEstimate> results(Map<String, Moments> m) {
        Map<String, MeanEstimate> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.result()));
        return out;
    }

    @Test
    void welchMatchesRTTest() {
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : ReferenceTables.load("means_reference.csv")) {
            if (!r.s("kind").equals("welch")) {
                continue;
            }
            Map<String, MeanEstimate> m = results(moments(r.s("variable"), false));
            double conf = r.d("confidence");
            Comparison c = TwoSampleTest.welch(m.get("A"), m.get("B"), conf);
            double actual = switch (r.s("key")) {
                case "diff" -> c.difference();
                case "se" -> c.standardError();
                case "statistic" -> c.statistic();
                case "df" -> c.degreesOfFreedom();
                case "p" -> c.pValue();
                case "lower" -> c.interval().lower();
                case "upper" -> c.interval().upper();
                default -> throw new IllegalArgumentException(r.s("key"));
            };
            t.close("welch " + r.s("variable") + " conf=" + conf + " " + r.s("key"), r.d("value"), actual,
                    CLOSED);
        }
        assertTrue(t.checks() >= 42);
        t.assertNoFailures();
    }

    @Test
    void weightedMeansMatchSvymean() {
        ReferenceTables t = new ReferenceTables();
        Map<String, Map<String, MeanEstimate>> cache = new LinkedHashMap<>();
        for (ReferenceTables.Row r : ReferenceTables.load("means_reference.csv")) {
            String kind = r.s("kind");
            if (!kind.equals("svymean") && !kind.equals("svymean_t")) {
                continue;
            }
            String v = r.s("variable");
            MeanEstimate m = cache.computeIfAbsent(v, k -> results(moments(k, true))).get(r.s("group"));
            assertTrue(m.weighted());
            double conf = r.d("confidence");
            String what = kind + " " + v + " " + r.s("group") + " conf=" + conf + " " + r.s("key");
            switch (r.s("key")) {
                case "mean" -> t.close(what, r.d("value"), m.mean(), CLOSED);
                case "kish" -> t.close(what, r.d("value"), m.effectiveN(), CLOSED);
                case "se" -> t.close(what, r.d("value"), m.standardError(), WEIGHTED);
                case "lower" -> t.close(what, r.d("value"), m.interval(conf).lower(), WEIGHTED);
                case "upper" -> t.close(what, r.d("value"), m.interval(conf).upper(), WEIGHTED);
                default -> throw new IllegalArgumentException(r.s("key"));
            }
        }
        assertTrue(t.checks() > 60);
        t.assertNoFailures();
    }

    @Test
    void weightedProportionMatchesSvymean() {
        double[] sw = new double[6];
        double[] sw0 = new double[6];
        long[] n = new long[3];
        List<String> groups = List.of("ALL", "A", "B");
        for (ReferenceTables.Row r : ReferenceTables.load("core_data.csv")) {
            double w = r.d("w");
            int y = r.i("resolved");
            for (String g : List.of("ALL", r.s("group"))) {
                int k = groups.indexOf(g);
                n[k]++;
                if (y == 1) {
                    sw[k] += w;
                    sw[3 + k] += w * w;
                } else {
                    sw0[k] += w;
                    sw0[3 + k] += w * w;
                }
            }
        }
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : ReferenceTables.load("means_reference.csv")) {
            String kind = r.s("kind");
            boolean wald = kind.equals("svyprop_wald");
            if (!r.s("variable").equals("resolved") || !(wald || kind.equals("svymean"))) {
                continue;
            }
            int k = groups.indexOf(r.s("group"));
            ProportionEstimate p = ProportionEstimate.ofWeighted(n[k], sw[k], sw0[k], sw[3 + k], sw0[3 + k]);
            double conf = r.d("confidence");
            String what = kind + " resolved " + r.s("group") + " conf=" + conf + " " + r.s("key");
            switch (r.s("key")) {
                case "mean" -> t.close(what, r.d("value"), p.estimate(), CLOSED);
                case "kish" -> t.close(what, r.d("value"), p.effectiveN(), CLOSED);
                case "se" -> t.close(what, r.d("value"), p.standardError(), WEIGHTED);
                case "lower" -> t.close(what, r.d("value"),
                        p.interval(ProportionInterval.WALD, conf).lower(), WEIGHTED);
                case "upper" -> t.close(what, r.d("value"),
                        p.interval(ProportionInterval.WALD, conf).upper(), WEIGHTED);
                default -> throw new IllegalArgumentException(r.s("key"));
            }
        }
        assertTrue(t.checks() >= 27);
        t.assertNoFailures();
    }

    @Test
    void quantilesAndTailsMatchR() {
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : ReferenceTables.load("means_reference.csv")) {
            double conf = r.d("confidence");
            double e = r.d("value");
            switch (r.s("kind")) {
                case "qnorm" -> t.close("qnorm conf=" + conf, e, Distributions.zCritical(conf), CLOSED);
                case "qt" -> t.close("qt conf=" + conf + " df=" + r.s("group"), e,
                        Distributions.tCritical(conf, r.d("group")), CLOSED);
                case "qnorm_p" -> t.close("qnorm p=" + r.s("group"), e,
                        Distributions.normalQuantile(r.d("group")), CLOSED);
                case "pnorm2" -> t.close("2pnorm z=" + r.s("group"), e,
                        Distributions.normalTwoSidedP(r.d("group")), CLOSED);
                case "pt2" -> t.close("2pt t=" + r.s("variable") + " df=" + r.s("group"), e,
                        Distributions.tTwoSidedP(r.d("variable"), r.d("group")), CLOSED);
                default -> {
                }
            }
        }
        assertTrue(t.checks() > 90);
        t.assertNoFailures();
    }
}
