package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStepResult;
import io.cxkit.journey.paths.PathCount;
import io.cxkit.journey.paths.PathVariantsResult;
import io.cxkit.journey.paths.Transition;
import io.cxkit.journey.paths.TransitionGraphResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JourneyChartsTest {
    private static final ChartOptions O = ChartOptions.DEFAULTS;

    @Test
    void funnelBarsAreTheSharesOfStepOneWithWilsonWhiskers() {
        FunnelResult r = Fixtures.funnel();
        Chart c = FunnelChart.of(r, null, O);
        Document d = Svgs.parse(c.svg());
        List<Element> steps = Svgs.byClass(d, "g", "step");
        assertEquals(4, steps.size());
        double full = Svgs.num(Svgs.first(steps.get(0), "rect"), "height");   // step 1 is 100%
        for (int i = 0; i < steps.size(); i++) {
            FunnelStepResult s = r.steps().get(i);
            Element g = steps.get(i);
            assertEquals(Long.toString(s.entered()), g.getAttribute("data-entered"));
            assertEquals(full * s.fromFirst().estimate(), Svgs.num(Svgs.first(g, "rect"), "height"), 0.15, s.name());
            Element w = Svgs.byClass(d, "line", "whisker").get(i);
            var iv = s.fromFirst().interval(0.95);
            double bottom = Svgs.num(Svgs.first(g, "rect"), "y") + Svgs.num(Svgs.first(g, "rect"), "height");
            assertEquals(bottom - full * iv.lower(), Svgs.num(w, "y1"), 0.2, "Wilson lower of " + s.name());
            assertEquals(bottom - full * iv.upper(), Svgs.num(w, "y2"), 0.2, "Wilson upper of " + s.name());
        }
        List<Element> drops = Svgs.byClass(d, "g", "dropoff");
        assertEquals(3, drops.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(Long.toString(r.steps().get(i).dropped()), drops.get(i).getAttribute("data-dropped"));
        }
        assertTrue(c.caption().contains("95% Wilson intervals"), c.caption());
        assertTrue(c.caption().contains("window 2 h"), c.caption());
        assertTrue(c.caption().contains("Time to convert"), c.caption());
        assertTrue(c.caption().contains(Num.count(r.journeys()) + " journeys"), c.caption());
    }

    @Test
    void pathBarsAreProportionalToTheirCounts() {
        PathVariantsResult r = Fixtures.paths();
        Chart c = PathsChart.of(r, 3);
        Document d = Svgs.parse(c.svg());
        List<Element> rows = Svgs.byClass(d, "g", "path");
        assertEquals(4, rows.size(), "three paths and the other bucket");
        assertEquals("path other", rows.get(3).getAttribute("class"));
        List<PathCount> top = r.top(3).top();
        double perJourney = Svgs.num(Svgs.first(rows.get(0), "rect"), "width") / top.get(0).count();
        for (int i = 0; i < 3; i++) {
            assertEquals(Long.toString(top.get(i).count()), rows.get(i).getAttribute("data-count"));
            assertEquals(perJourney * top.get(i).count(), Svgs.num(Svgs.first(rows.get(i), "rect"), "width"), 0.15);
        }
        assertEquals(r.journeys(), rows.stream().mapToLong(e -> Long.parseLong(e.getAttribute("data-count"))).sum());
        assertThrows(IllegalArgumentException.class, () -> PathsChart.of(r, 0));
    }

    @Test
    void transitionWidthsAreProportionalToCounts() {
        TransitionGraphResult r = Fixtures.transitions();
        Chart c = TransitionChart.of(r, 6);
        Document d = Svgs.parse(c.svg());
        List<Element> edges = Svgs.byClass(d, "g", "edge");
        assertEquals(6, edges.size());
        long max = r.transitions().stream().mapToLong(Transition::count).max().orElseThrow();
        for (Element e : edges) {
            long n = Long.parseLong(e.getAttribute("data-count"));
            Transition t = r.transition(e.getAttribute("data-from"), e.getAttribute("data-to")).orElseThrow();
            assertEquals(t.count(), n);
            assertEquals(Math.max(1, 18.0 * n / max), Svgs.num(Svgs.first(e, "path"), "stroke-width"), 0.05);
        }
        assertTrue(c.caption().contains("the 6 most frequent of " + r.transitions().size()), c.caption());
    }

    @Test
    void emptyJourneyResultsAreRefused() {
        FunnelResult none = io.cxkit.journey.funnel.Funnel.builder().steps("a", "b").build().run(List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FunnelChart.of(none, null, O));
        assertTrue(e.getMessage().contains("journeys = 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PathsChart.of(io.cxkit.journey.paths.PathVariants.create().result(), 5));
        assertThrows(IllegalArgumentException.class,
                () -> TransitionChart.of(io.cxkit.journey.paths.TransitionGraph.create().result(), 5));
    }
}
