package io.cxkit.survey;

import io.cxkit.core.ReferenceTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import io.cxkit.core.ProportionInterval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares NPS, CSAT and CES results with R ({@code stats} and {@code survey::svymean}) on the
 * seeded data set {@code reference/responses.csv}; values and the script {@code survey.R} are in
 * {@code src/test/resources/reference/}. The accumulators are fed row by row, one per group (and
 * one overall), unweighted and weighted.
 *
 * <p>Tolerances: relative 1e-9 for closed forms, 1e-6 for weighted (linearization) standard errors
 * and the intervals and tests built on them.
 */
class SurveyReferenceTest {
    private static final double CLOSED = 1e-9;
    private static final double WEIGHTED = 1e-6;
    private static final List<String> GROUPS = List.of("ALL", "A", "B");

    private static final Map<String, NpsResult> NPS = new LinkedHashMap<>();
    private static final Map<String, CsatResult> CSAT = new LinkedHashMap<>();
    private static final Map<String, CesResult> CES = new LinkedHashMap<>();
    private static List<ReferenceTables.Row> reference;

    @BeforeAll
    static void accumulate() {
        Map<String, NetPromoterScore> nps = new LinkedHashMap<>();
        Map<String, CustomerSatisfaction> csat = new LinkedHashMap<>();
        Map<String, CustomerEffort> ces = new LinkedHashMap<>();
        for (String g : GROUPS) {
            for (String w : List.of("false", "true")) {
                nps.put(g + w, NetPromoterScore.create());
                csat.put(g + w, CustomerSatisfaction.create());
                ces.put(g + w, CustomerEffort.create());
            }
        }
        int rows = 0;
        for (ReferenceTables.Row r : ReferenceTables.load("responses.csv")) {
            rows++;
            double w = r.d("w");
            for (String g : List.of("ALL", r.s("group"))) {
                nps.get(g + "false").accept(r.i("nps"));
                csat.get(g + "false").accept(r.i("csat"));
                ces.get(g + "false").accept(r.i("ces"));
                nps.get(g + "true").accept(r.i("nps"), w);
                csat.get(g + "true").accept(r.i("csat"), w);
                ces.get(g + "true").accept(r.i("ces"), w);
            }
        }
        assertEquals(500, rows);
        nps.forEach((k, v) -> NPS.put(k, v.result()));
        csat.forEach((k, v) -> CSAT.put(k, v.result()));
        ces.forEach((k, v) -> CES.put(k, v.result()));
        reference = ReferenceTables.load("survey_reference.csv");
    }

    private static double tol(String weighted, String key) {
        return weighted.equals("true") && !key.contains("Share") && !key.equals("estimate")
                && !key.equals("percent") && !key.equals("percentAgree") && !key.equals("mean")
                && !key.equals("meanRating") && !key.equals("kish") ? WEIGHTED : CLOSED;
    }

    @Test
    void npsMatchesR() {
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : reference) {
            if (!r.s("metric").equals("nps")) {
                continue;
            }
            String wt = r.s("weighted");
            NpsResult n = NPS.get(r.s("group") + wt);
            assertEquals(wt.equals("true"), n.weighted());
            double conf = r.d("confidence");
            String key = r.s("key");
            double actual = switch (key) {
                case "estimate" -> n.estimate();
                case "se" -> n.standardError();
                case "promoterShare" -> n.promoterShare();
                case "detractorShare" -> n.detractorShare();
                case "kish" -> n.effectiveN();
                case "waldLower" -> n.interval(NpsInterval.WALD, conf).lower();
                case "waldUpper" -> n.interval(NpsInterval.WALD, conf).upper();
                case "adjLower" -> n.interval(NpsInterval.ADJUSTED_WALD, conf).lower();
                case "adjUpper" -> n.interval(NpsInterval.ADJUSTED_WALD, conf).upper();
                default -> throw new IllegalArgumentException(key);
            };
            t.close("nps " + r.s("group") + " weighted=" + wt + " conf=" + conf + " " + key,
                    r.d("value"), actual, tol(wt, key));
        }
        assertTrue(t.checks() > 80);
        t.assertNoFailures();
    }

    @Test
    void csatMatchesR() {
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : reference) {
            if (!r.s("metric").equals("csat")) {
                continue;
            }
            String wt = r.s("weighted");
            CsatResult c = CSAT.get(r.s("group") + wt);
            assertEquals(wt.equals("true"), c.weighted());
            double conf = r.d("confidence");
            String key = r.s("key");
            double actual = switch (key) {
                case "percent" -> c.estimate();
                case "se" -> c.standardError();
                case "wilsonLower" -> c.interval(ProportionInterval.WILSON, conf).lower();
                case "wilsonUpper" -> c.interval(ProportionInterval.WILSON, conf).upper();
                case "cpLower" -> c.interval(ProportionInterval.CLOPPER_PEARSON, conf).lower();
                case "cpUpper" -> c.interval(ProportionInterval.CLOPPER_PEARSON, conf).upper();
                case "waldLower" -> c.interval(ProportionInterval.WALD, conf).lower();
                case "waldUpper" -> c.interval(ProportionInterval.WALD, conf).upper();
                case "meanRating" -> c.rating().mean();
                case "meanRatingSe" -> c.rating().standardError();
                case "meanLower" -> c.rating().interval(conf).lower();
                case "meanUpper" -> c.rating().interval(conf).upper();
                default -> throw new IllegalArgumentException(key);
            };
            t.close("csat " + r.s("group") + " weighted=" + wt + " conf=" + conf + " " + key,
                    r.d("value"), actual, tol(wt, key));
        }
        assertTrue(t.checks() > 80);
        t.assertNoFailures();
    }

    @Test
    void cesMatchesR() {
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : reference) {
            if (!r.s("metric").equals("ces")) {
                continue;
            }
            String wt = r.s("weighted");
            CesResult c = CES.get(r.s("group") + wt);
            assertEquals(wt.equals("true"), c.weighted());
            double conf = r.d("confidence");
            String key = r.s("key");
            double actual = switch (key) {
                case "mean" -> c.estimate();
                case "se" -> c.standardError();
                case "kish" -> c.effectiveN();
                case "lower" -> c.interval(conf).lower();
                case "upper" -> c.interval(conf).upper();
                case "percentAgree" -> c.percentAgree();
                case "agreeSe" -> c.agree().standardError();
                default -> throw new IllegalArgumentException(key);
            };
            t.close("ces " + r.s("group") + " weighted=" + wt + " conf=" + conf + " " + key,
                    r.d("value"), actual, tol(wt, key));
        }
        assertTrue(t.checks() > 60);
        t.assertNoFailures();
    }

    @Test
    void comparisonsMatchR() {
        ReferenceTables t = new ReferenceTables();
        int seen = 0;
        for (ReferenceTables.Row r : reference) {
            String metric = r.s("metric");
            if (!metric.endsWith("Diff")) {
                continue;
            }
            seen++;
            String wt = r.s("weighted");
            double conf = r.d("confidence");
            String key = r.s("key");
            Comparison c = switch (metric) {
                case "npsDiff" -> NPS.get("A" + wt).compare(NPS.get("B" + wt), conf);
                case "csatDiff" -> CSAT.get("A" + wt).compare(CSAT.get("B" + wt), conf);
                case "cesDiff" -> CES.get("A" + wt).compare(CES.get("B" + wt), conf);
                default -> throw new IllegalArgumentException(metric);
            };
            Interval ci = c.interval();
            double actual = switch (key) {
                case "difference" -> c.difference();
                case "se" -> c.standardError();
                case "z", "t" -> c.statistic();
                case "absZ" -> Math.abs(c.statistic());
                case "df" -> c.degreesOfFreedom();
                case "p" -> c.pValue();
                case "lower" -> ci.lower();
                case "upper" -> ci.upper();
                default -> throw new IllegalArgumentException(key);
            };
            double tol = wt.equals("true") && !key.equals("difference") ? WEIGHTED : CLOSED;
            t.close(metric + " weighted=" + wt + " conf=" + conf + " " + key, r.d("value"), actual, tol);
        }
        assertTrue(seen > 30);
        t.assertNoFailures();
    }
}
