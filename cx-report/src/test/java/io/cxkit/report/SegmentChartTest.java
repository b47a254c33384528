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

class SegmentChartTest {
    private static final ChartOptions O = ChartOptions.DEFAULTS;

    @Test
    void sortedDotsWhiskersAndTheOverallLineSitOnOneScale() {
        SurveyScoresResult rep = Fixtures.byTouchpoint();
        Chart c = SegmentChart.of(rep, ScoreMetric.NPS, O);
        Document d = Svgs.parse(c.svg());
        List<Element> rows = Svgs.byClass(d, "g", "row");
        assertEquals(List.of("web", "kiosk", "app", "email"), rows.stream().map(r -> r.getAttribute("data-label")).toList(),
                "highest estimate first, the empty segment last");
        assertEquals("row low-n", rows.get(1).getAttribute("class"), "kiosk has 12 answers");
        assertEquals("row missing", rows.get(3).getAttribute("class"), "email has no NPS answer");
        assertTrue(rows.get(3).getTextContent().contains("no data"));
        assertTrue(c.caption().contains("1 segment with fewer than 30 answers"), c.caption());
        assertTrue(c.caption().contains("1 segment without NPS answers"), c.caption());

        // x = a + b·value, from the two outer dots; every whisker end and the reference line on it.
        Element web = rows.get(0);
        Element app = rows.get(2);
        double ew = ScoreMetric.NPS.of(rep.segments().get(SegmentKey.of("web"))).estimate();
        double ea = ScoreMetric.NPS.of(rep.segments().get(SegmentKey.of("app"))).estimate();
        double xw = Svgs.num(Svgs.first(web, "circle"), "cx");
        double xa = Svgs.num(Svgs.first(app, "circle"), "cx");
        double b = (xw - xa) / (ew - ea);
        for (Element r : rows.subList(0, 3)) {
            Estimate e = ScoreMetric.NPS.of(rep.segments().get(SegmentKey.of(r.getAttribute("data-label"))));
            Interval iv = e.interval(0.95);
            assertEquals(xa + b * (e.estimate() - ea), Svgs.num(Svgs.first(r, "circle"), "cx"), 0.15);
            Element whisker = Svgs.byClass(d, "line", "whisker").get(rows.indexOf(r));
            assertEquals(xa + b * (iv.lower() - ea), Svgs.num(whisker, "x1"), 0.15, "lower bound");
            assertEquals(xa + b * (iv.upper() - ea), Svgs.num(whisker, "x2"), 0.15, "upper bound");
        }
        Element ref = Svgs.first(Svgs.byClass(d, "g", "reference").get(0), "line");
        assertEquals(xa + b * (rep.overall().nps().estimate() - ea), Svgs.num(ref, "x1"), 0.15, "overall line");
        assertTrue(c.table().contains("<td>no data</td>"), c.table());
    }

    @Test
    void cesIsDrawnOnItsScaleWithTIntervals() {
        Chart c = SegmentChart.of(Fixtures.byTouchpoint(), ScoreMetric.CES, O);
        Svgs.parse(c.svg());
        assertTrue(c.caption().contains("95% t intervals"), c.caption());
        assertTrue(c.svg().contains("CES (mean on 1-7)"));
        assertEquals("ces-by-touchpoint", c.id());
    }

    @Test
    void captionsSayWhetherAnswersWereWeighted() {
        assertTrue(SegmentChart.of(Fixtures.byTouchpoint(), ScoreMetric.NPS, O).caption().endsWith(" Unweighted. 1"
                + " segment without NPS answers, listed as no data."));
        SurveyScores w = SurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"));
        for (int i = 0; i < 40; i++) {
            w.accept(io.cxkit.survey.SurveyResponse.of("r" + i, java.time.Instant.EPOCH)
                    .withAttribute("touchpoint", i % 2 == 0 ? "web" : "app").withAnswer("nps", i % 11)
                    .withWeight(i % 3 == 0 ? 2.0 : 1.0));
        }
        SurveyScoresResult rep = w.result();
        Chart c = SegmentChart.of(rep, ScoreMetric.NPS, O);
        assertTrue(c.caption().contains("Weighted answers (Kish effective n = "
                + Num.fixed(rep.overall().nps().effectiveN(), 1) + " overall)"), c.caption());
    }

    @Test
    void refusesEmptyReports() {
        SurveyScoresResult none = SurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint")).result();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentChart.of(none, ScoreMetric.NPS, O));
        assertTrue(e.getMessage().contains("no segments"), e.getMessage());
    }
}
