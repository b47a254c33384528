package io.cxkit.survey.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.MeanEstimate;
import io.cxkit.core.ReferenceTables;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trends and alerts against R ({@code reference/trends.R}: segment-vs-rest {@code prop.test}
 * p-values adjusted by {@code p.adjust(method = "BH")}, p-chart and mean-chart limits by their
 * formulas; relative tolerance 1e-9), plus incremental-use and bad-input examples.
 */
class ScoreTrendTest {
    private static final List<String> MONTHS = new ArrayList<>();
    private static final Map<String, Map<String, CustomerSatisfaction>> DATA = new TreeMap<>();
    private static Map<String, ReferenceTables.Row> reference;

    @BeforeAll
    static void load() {
        for (ReferenceTables.Row r : ReferenceTables.load("trend_data.csv")) {
            String m = r.s("period");
            if (!MONTHS.contains(m)) {
                MONTHS.add(m);
            }
            DATA.computeIfAbsent(m, k -> new TreeMap<>())
                    .computeIfAbsent(r.s("segment"), k -> CustomerSatisfaction.create()).accept(r.i("csat"));
        }
        assertEquals(8, MONTHS.size());
        reference = new HashMap<>();
        for (ReferenceTables.Row r : ReferenceTables.load("trends_reference.csv")) {
            reference.put(r.s("what") + "/" + r.s("key"), r);
        }
    }

    private static double ref(String what, String key) {
        return reference.get(what + "/" + key).d("value");
    }

    private static TimeBucket month(String label) {
        return TimeBucket.parse(TimeGrain.MONTH, label);
    }

    @Test
    void segmentVsRestWithBenjaminiHochbergMatchesR() {
        ScoreTrend<CustomerSatisfaction, CsatResult> trend = ScoreTrend.of("CSAT", CsatResult::compare);
        List<Alert> alerts = trend.close(month(MONTHS.get(0)), DATA.get(MONTHS.get(0)));
        // Only segment e moved: R's BH-adjusted p = 5.76e-7; c has p = 0.035 but adjusted 0.087.
        assertEquals(1, alerts.size(), alerts.toString());
        Alert e = alerts.get(0);
        ReferenceTables t = new ReferenceTables();
        t.close("e p", ref("vsrest_e", "p"), e.pValue(), 1e-9);
        t.close("e adjusted", ref("vsrest_e", "adjusted"), e.adjustedP(), 1e-9);
        t.close("e difference", ref("vsrest_e", "difference"), e.change(), 1e-9);
        t.assertNoFailures();
        assertEquals("e", e.segment());
        assertEquals(Alert.Kind.SEGMENT_VS_REST, e.kind());
        assertEquals(Alert.Direction.DOWN, e.direction());
        assertTrue(e.toString().startsWith("ALERT CSAT 2026-01 [e]: down segment-vs-rest by 40.30 (95% CI -52.73..-25.01)"), e.toString());
        assertTrue(e.toString().contains("BH-adjusted p = 5.76e-07"), e.toString());

        // All five adjusted p-values, through a trend with a lax FDR so every test alerts.
        ScoreTrend<CustomerSatisfaction, CsatResult> lax = ScoreTrend.of("CSAT", CsatResult::compare, 0.95, 0.999);
        for (Alert a : lax.close(month(MONTHS.get(0)), DATA.get(MONTHS.get(0)))) {
            t.close(a.segment() + " p", ref("vsrest_" + a.segment(), "p"), a.pValue(), 1e-9);
            t.close(a.segment() + " adjusted", ref("vsrest_" + a.segment(), "adjusted"), a.adjustedP(), 1e-9);
        }
        assertEquals(13, t.checks());
        t.assertNoFailures();
    }

    @Test
    void incrementalPeriodsSeriesAndPeriodOverPeriod() {
        ScoreTrend<CustomerSatisfaction, CsatResult> trend = ScoreTrend.of("CSAT", CsatResult::compare);
        List<List<Alert>> all = new ArrayList<>();
        for (String m : MONTHS) {
            all.add(trend.close(month(m), DATA.get(m)));
        }
        // Month 2: segment e recovers, a period-over-period alert upwards.
        assertTrue(all.get(1).stream().anyMatch(a -> a.segment().equals("e")
                && a.kind() == Alert.Kind.PERIOD_OVER_PERIOD && a.direction() == Alert.Direction.UP),
                all.get(1).toString());
        assertEquals(List.of("ALL", "a", "b", "c", "d", "e"), trend.segments());
        List<TrendPoint<CsatResult>> e = trend.series("e");
        assertEquals(8, e.size());
        assertTrue(e.get(0).change().isEmpty());
        assertTrue(e.get(1).change().isPresent());
        assertTrue(e.get(1).toString().startsWith("2026-02: CSAT"), e.get(1).toString());
        // Overall series equals one accumulator over all segments (combine = single pass).
        CustomerSatisfaction one = CustomerSatisfaction.create();
        DATA.get(MONTHS.get(3)).values().forEach(one::combine);
        assertEquals(one.result(), trend.series(ScoreTrend.ALL).get(3).result());
        assertEquals(java.util.Optional.of(month("2026-08")), trend.lastPeriod());
        assertTrue(trend.toString().startsWith("ScoreTrend[CSAT, 6 series, last 2026-08]"), trend.toString());
        assertTrue(trend.series("zzz").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> trend.close(month("2026-08"), DATA.get("2026-08")));
        assertThrows(IllegalArgumentException.class,
                () -> trend.close(TimeGrain.QUARTER.bucketOf(java.time.LocalDate.of(2027, 1, 1)), Map.of()));
    }

    @Test
    void controlLimitAlertAfterBaseline() {
        ScoreTrend<NetPromoterScore, NpsResult> trend = ScoreTrend.of("NPS", NpsResult::compare);
        TimeBucket w = TimeGrain.WEEK.bucketOf(java.time.LocalDate.of(2026, 3, 2));
        for (int k = 0; k < 5; k++) {
            NetPromoterScore nps = NetPromoterScore.create();
            for (int i = 0; i < 200; i++) {
                nps.accept(k < 4 ? (i % 10 < 5 ? 10 : i % 10 < 8 ? 8 : 3) : (i % 10 < 2 ? 10 : 3));
            }
            List<Alert> alerts = trend.close(w, Map.of("web", nps));
            if (k < 4) {
                assertTrue(alerts.isEmpty(), alerts.toString());
            } else {
                Alert c = alerts.stream().filter(a -> a.kind() == Alert.Kind.CONTROL_LIMIT
                        && a.segment().equals("web")).findFirst().orElseThrow();
                assertEquals(Alert.Direction.DOWN, c.direction());
                assertEquals(-90, c.change(), 1e-9);
                assertTrue(Double.isNaN(c.pValue()));
                assertTrue(c.toString().contains("outside 3-sigma limits"), c.toString());
                assertTrue(alerts.stream().anyMatch(a -> a.kind() == Alert.Kind.PERIOD_OVER_PERIOD));
            }
            w = w.next();
        }
    }

    @Test
    void pChartAndMeanChartMatchR() {
        long[] x = new long[8];
        long[] n = new long[8];
        List<MeanEstimate> means = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            CustomerSatisfaction all = CustomerSatisfaction.create();
            DATA.get(MONTHS.get(m)).values().forEach(all::combine);
            CsatResult r = all.result();
            x[m] = Math.round(r.satisfied().successes());
            n[m] = r.n();
            means.add(r.rating());
        }
        ControlLimits[] p = ControlLimits.pChart(x, n);
        ControlLimits[] xbar = ControlLimits.meanChart(means);
        ReferenceTables t = new ReferenceTables();
        for (int m = 0; m < 8; m++) {
            String month = MONTHS.get(m);
            t.close("p centre " + month, ref("pchart_" + month, "centre"), p[m].centre(), 1e-9);
            t.close("p lower " + month, ref("pchart_" + month, "lower"), p[m].lower(), 1e-9);
            t.close("p upper " + month, ref("pchart_" + month, "upper"), p[m].upper(), 1e-9);
            t.close("xbar centre " + month, ref("xbar_" + month, "centre"), xbar[m].centre(), 1e-9);
            t.close("xbar lower " + month, ref("xbar_" + month, "lower"), xbar[m].lower(), 1e-9);
            t.close("xbar upper " + month, ref("xbar_" + month, "upper"), xbar[m].upper(), 1e-9);
        }
        assertEquals(48, t.checks());
        t.assertNoFailures();
        assertFalse(p[0].outside(), p[0].toString());
        ControlLimits out = new ControlLimits(0.5, 100, 0.7, 0.6, 0.8);
        assertTrue(out.outside());
        assertEquals("ControlLimits[0.5000, n=100, centre 0.7000, limits 0.6000..0.8000, OUTSIDE]",
                out.toString());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> ScoreTrend.of(" ", NpsResult::compare));
        assertThrows(IllegalArgumentException.class, () -> ScoreTrend.of("NPS", NpsResult::compare, 0.95, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoreTrend.of("NPS", NpsResult::compare, 1.5, 0.05));
        ScoreTrend<NetPromoterScore, NpsResult> trend = ScoreTrend.of("NPS", NpsResult::compare);
        assertTrue(trend.lastPeriod().isEmpty());
        Map<String, NetPromoterScore> m = new LinkedHashMap<>();
        m.put("ALL", NetPromoterScore.create());
        TimeBucket w = TimeGrain.WEEK.bucketOf(java.time.LocalDate.of(2026, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> trend.close(w, m));
        // Empty segments and a comparer that refuses: no alerts, no failure.
        NetPromoterScore one = NetPromoterScore.create();
        one.accept(10);
        assertTrue(trend.close(w, Map.of("a", NetPromoterScore.create(), "b", one)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ControlLimits.pChart(new long[] {1}, new long[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ControlLimits.pChart(new long[] {1}, new long[0]));
        assertThrows(IllegalArgumentException.class, () -> ControlLimits.meanChart(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ControlLimits.meanChart(List.of(MeanEstimate.empty())));
        assertThrows(IllegalArgumentException.class, () -> new ControlLimits(1, -1, 0, 0, 0));
        ScoreTrend<CustomerEffort, CesResult> ces = ScoreTrend.of("CES", CesResult::compare);
        CustomerEffort single = CustomerEffort.create();
        single.accept(5);
        // Welch needs n >= 2: the comparer refuses and the test is skipped.
        assertTrue(ces.close(w, Map.of("a", single, "b", single.copy())).isEmpty());
    }
}
