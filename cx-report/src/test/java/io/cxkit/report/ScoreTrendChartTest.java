package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.Segmentation;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyScores;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ScoreTrendChartTest {
    private static final ChartOptions O = ChartOptions.DEFAULTS;

    @Test
    void pointsLowNMoverAndMissingPeriodAreWhereTheNumbersSay() {
        SurveyScoresResult rep = Fixtures.byMonth();
        Chart c = ScoreTrendChart.of(rep, ScoreMetric.NPS, O);
        Document d = Svgs.parse(c.svg());
        List<Element> points = Svgs.byClass(d, "g", "point");
        assertEquals(List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-06"),
                points.stream().map(p -> p.getAttribute("data-period")).toList());
        assertEquals("point low-n", point(points, "2026-02").getAttribute("class"), "9 answers < 30");
        assertEquals("point mover", point(points, "2026-04").getAttribute("class"), "the April collapse");
        for (String p : List.of("2026-01", "2026-03", "2026-06")) {
            assertEquals("point", point(points, p).getAttribute("class"), p);
        }
        List<Element> missing = Svgs.byClass(d, "g", "missing");
        assertEquals(1, missing.size());
        assertEquals("2026-05", missing.get(0).getAttribute("data-period"));
        assertTrue(Svgs.title(missing.get(0)).endsWith("no data"));
        assertTrue(c.caption().contains("1 period without data"), c.caption());
        assertTrue(c.table().contains("no data"));

        // Heights: a point's y is a linear function of its estimate (one scale for all points).
        double[][] xy = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            Element p = points.get(i);
            Estimate e = ScoreMetric.NPS.of(rep.segments().get(SegmentKey.of(p.getAttribute("data-period"))));
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f", e.estimate()), p.getAttribute("data-estimate"));
            xy[i] = new double[] {e.estimate(), markerY(p)};
        }
        // The scale from the two points furthest apart (coordinates are rounded to 0.1 px).
        java.util.Arrays.sort(xy, java.util.Comparator.comparingDouble(v -> v[0]));
        double[] lo = xy[0];
        double[] hi = xy[xy.length - 1];
        double slope = (hi[1] - lo[1]) / (hi[0] - lo[0]);
        assertTrue(slope < 0, "higher scores are drawn higher up");
        for (double[] p : xy) {
            assertEquals(lo[1] + slope * (p[0] - lo[0]), p[1], 0.15, "point off the scale");
        }
    }

    @Test
    void theBandBracketsEveryPointAndMatchesItsInterval() {
        SurveyScoresResult rep = Fixtures.byMonth();
        Document d = Svgs.parse(ScoreTrendChart.of(rep, ScoreMetric.NPS, O).svg());
        List<Element> bands = Svgs.byClass(d, "path", "band");
        assertEquals(2, bands.size(), "one band before and one after the month without data");
        List<Element> points = Svgs.byClass(d, "g", "point");
        // y of a value, from two points of the chart.
        Element a = point(points, "2026-01");
        Element b = point(points, "2026-04");
        double ea = Double.parseDouble(a.getAttribute("data-estimate"));
        double eb = Double.parseDouble(b.getAttribute("data-estimate"));
        double slope = (markerY(b) - markerY(a)) / (eb - ea);
        for (Element p : points) {
            double x = markerX(p);
            List<Double> ys = new java.util.ArrayList<>();
            for (Element band : bands) {
                for (double[] v : Svgs.points(band.getAttribute("d"))) {
                    if (Math.abs(v[0] - x) < 0.05) {
                        ys.add(v[1]);
                    }
                }
            }
            assertEquals(2, ys.size(), "upper and lower band vertex at " + p.getAttribute("data-period"));
            Interval iv = ScoreMetric.NPS.of(rep.segments().get(SegmentKey.of(p.getAttribute("data-period"))))
                    .interval(0.95);
            double hi = Math.min(ys.get(0), ys.get(1));
            double lo = Math.max(ys.get(0), ys.get(1));
            assertTrue(hi <= markerY(p) + 0.1 && markerY(p) - 0.1 <= lo, "point inside its band");
            assertEquals(markerY(a) + slope * (iv.upper() - ea), hi, 0.3, "band top = upper bound");
            assertEquals(markerY(a) + slope * (iv.lower() - ea), lo, 0.3, "band bottom = lower bound");
        }
    }

    @Test
    void moversAreTheBenjaminiHochbergSignificantChangesWithinEachSeries() {
        SurveyScoresResult rep = Fixtures.byTouchpointAndMonth();
        List<ScoreTrendChart.Mover> all = ScoreTrendChart.comparisons(rep, ScoreMetric.NPS, O);
        // Per series Jan-Feb, Feb-Mar, Mar-Apr; May has no NPS answer, so neither May nor June is compared.
        assertEquals(6, all.size());
        double[] p = all.stream().mapToDouble(m -> m.change().pValue()).toArray();
        double[] q = io.cxkit.core.MultipleTesting.benjaminiHochberg(p);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(q[i], all.get(i).adjustedP(), 0);
        }
        List<ScoreTrendChart.Mover> movers = ScoreTrendChart.movers(rep, ScoreMetric.NPS, O);
        assertEquals(1, movers.size(), movers.toString());
        ScoreTrendChart.Mover m = movers.get(0);
        assertEquals("app", m.series());
        assertEquals("2026-04", m.period());
        assertEquals("2026-03", m.previous());
        assertTrue(m.change().difference() < -50, m.toString());

        Chart c = ScoreTrendChart.of(rep, ScoreMetric.NPS, O);
        Document d = Svgs.parse(c.svg());
        List<Element> panels = Svgs.byClass(d, "g", "panel");
        assertEquals(List.of("app", "web"), panels.stream().map(e -> e.getAttribute("data-series")).toList());
        List<Element> marked = Svgs.byClass(d, "g", "point mover");
        assertEquals(1, marked.size());
        assertEquals("app", ((Element) marked.get(0).getParentNode()).getAttribute("data-series"));
        assertTrue(Svgs.title(marked.get(0)).contains("significant change"));
        assertTrue(c.caption().contains("1 significant change"), c.caption());
        assertTrue(c.caption().contains("across all 6 comparisons"), c.caption());
        assertEquals("nps-trend-by-touchpoint", c.id());
    }

    @Test
    void aStricterRateMarksNothingAndSaysSo() {
        ChartOptions strict = O.withFalseDiscoveryRate(1e-300);
        Chart c = ScoreTrendChart.of(Fixtures.byMonth(), ScoreMetric.NPS, strict);
        assertTrue(Svgs.byClass(Svgs.parse(c.svg()), "g", "point mover").isEmpty());
        assertTrue(c.caption().contains("0 significant changes"), c.caption());
    }

    @Test
    void csatAndCesTrendsUseTheirOwnScales() {
        Chart c = ScoreTrendChart.of(Fixtures.byMonth(), ScoreMetric.CSAT, O);
        Svgs.parse(c.svg());
        assertTrue(c.svg().contains("CSAT (% satisfied, 4+ on 1-5)"));
        assertTrue(c.caption().contains("Wilson"), c.caption());
        assertTrue(c.caption().contains("two-proportion z test"), c.caption());
    }

    @Test
    void refusesAReportWithoutPeriodsOrAnswers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreTrendChart.of(Fixtures.byTouchpoint(), ScoreMetric.NPS, O));
        assertTrue(e.getMessage().contains("split by period"), e.getMessage());
        SurveyScoresResult empty = SurveyScores.of(ScoreCard.create(), Segmentation.create()
                .period(io.cxkit.core.TimeGrain.MONTH, java.time.ZoneOffset.UTC)).result();
        e = assertThrows(IllegalArgumentException.class, () -> ScoreTrendChart.of(empty, ScoreMetric.NPS, O));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
    }

    static Element point(List<Element> points, String period) {
        return points.stream().filter(p -> p.getAttribute("data-period").equals(period)).findFirst().orElseThrow();
    }

    /** The y of a point's marker: a circle's centre, or the centre of a triangle (apex 6 px from it). */
    static double markerY(Element g) {
        if (g.getElementsByTagName("circle").getLength() > 0) {
            return Svgs.num(Svgs.first(g, "circle"), "cy");
        }
        List<double[]> v = Svgs.points(Svgs.first(g, "path").getAttribute("d"));
        double apex = v.get(0)[1];
        double base = v.get(1)[1];
        return apex < base ? apex + 6 : apex - 6;
    }

    static double markerX(Element g) {
        if (g.getElementsByTagName("circle").getLength() > 0) {
            return Svgs.num(Svgs.first(g, "circle"), "cx");
        }
        return Svgs.points(Svgs.first(g, "path").getAttribute("d")).get(0)[0];
    }
}
