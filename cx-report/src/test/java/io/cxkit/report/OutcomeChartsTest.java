package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.QuantileSummary;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.attribution.TouchpointCredit;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.journey.survival.SurvivalResult;
import io.cxkit.survey.drivers.DriverImportance;
import io.cxkit.survey.drivers.ImportancePerformance;
import io.cxkit.survey.drivers.KeyDriversResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class OutcomeChartsTest {
    private static final ChartOptions O = ChartOptions.DEFAULTS;

    @Test
    void kaplanMeierCurvesEndAtTheirLastEstimateAndMarkReachedMedians() {
        SurvivalResult r = Fixtures.survival();
        Chart c = SurvivalChart.of(r, "days", SurvivalConfType.LOG, O);
        Document d = Svgs.parse(c.svg());
        List<Element> curves = Svgs.byClass(d, "g", "curve");
        assertEquals(List.of("basic", "gold", "plus"), curves.stream().map(e -> e.getAttribute("data-group")).toList());
        // y of S: from the curve's first vertex (S = 1 at t = 0) and the axis (S = 0 at the bottom).
        for (Element g : curves) {
            SurvivalCurve sc = r.group(g.getAttribute("data-group"));
            List<double[]> v = Svgs.points(Svgs.byClass(d, "path", "km").get(curves.indexOf(g)).getAttribute("d"));
            double y1 = v.get(0)[1];
            double y0 = 340;
            double last = sc.steps().get(sc.steps().size() - 1).survival();
            assertEquals(y0 + (y1 - y0) * last, v.get(v.size() - 1)[1], 0.15, "final S of " + sc.group());
            for (int i = 1; i < v.size(); i++) {
                assertTrue(v.get(i)[1] >= v.get(i - 1)[1] - 1e-9, "Kaplan-Meier never rises");
            }
            MedianSurvival m = sc.median(SurvivalConfType.LOG, 0.95);
            List<Element> med = Svgs.byClass(d, "g", "median").stream()
                    .filter(e -> e.getParentNode() == g).toList();
            assertEquals(m.reached() ? 1 : 0, med.size(), sc.group());
            if (m.reached()) {
                assertEquals(m.time(), Double.parseDouble(med.get(0).getAttribute("data-time")), 0.005);
            }
        }
        assertFalse(r.group("gold").median().reached(), "the fixture keeps gold above 0.5");
        assertFalse(Svgs.byClass(d, "path", "band").isEmpty());
        assertTrue(c.caption().contains("Log-rank test: chi-square " + Num.fixed(r.logRank().chiSquare(), 2) + " on 2 df"),
                c.caption());
        assertTrue(c.caption().contains("gold not reached"), c.caption());
        assertTrue(c.table().contains("not reached"));
    }

    @Test
    void driverBarsAndIntervalsFollowTheBootstrap() {
        KeyDriversResult r = Fixtures.drivers();
        Chart c = DriversChart.importance(r);
        Document d = Svgs.parse(c.svg());
        List<Element> rows = Svgs.byClass(d, "g", "row");
        List<DriverImportance> ranked = r.ranked();
        assertEquals(ranked.stream().map(DriverImportance::driver).toList(),
                rows.stream().map(e -> e.getAttribute("data-label")).toList());
        assertEquals(4, Svgs.byClass(d, "line", "whisker").size(), "bootstrap intervals drawn");
        double per = Svgs.num(Svgs.first(rows.get(0), "rect"), "width") / ranked.get(0).rescaled();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(per * ranked.get(i).rescaled(), Svgs.num(Svgs.first(rows.get(i), "rect"), "width"), 0.2);
        }
        assertTrue(c.caption().contains("200 resamples"), c.caption());

        Chart q = DriversChart.quadrant(r);
        Document dq = Svgs.parse(q.svg());
        ImportancePerformance ip = r.importancePerformance();
        List<Element> pts = Svgs.byClass(dq, "g", "driver");
        assertEquals(ip.rows().size(), pts.size());
        for (ImportancePerformance.Row row : ip.rows()) {
            Element p = pts.stream().filter(e -> e.getAttribute("data-driver").equals(row.driver())).findFirst()
                    .orElseThrow();
            assertEquals(row.quadrant().label(), p.getAttribute("data-quadrant"));
        }
    }

    @Test
    void attributionBarsAddUpToTheConversionsUnderEveryModel() {
        List<AttributionModelResult> rs = Fixtures.attribution();
        Chart c = AttributionChart.of(rs);
        Document d = Svgs.parse(c.svg());
        List<Element> bars = Svgs.byClass(d, "g", "credit");
        double perConversion = Double.NaN;
        for (AttributionModelResult r : rs) {
            double width = 0;
            for (Element b : bars) {
                if (b.getAttribute("data-model").equals(r.model().label())) {
                    width += Svgs.num(Svgs.first(b, "rect"), "width");
                }
            }
            double credits = r.credits().stream().mapToDouble(TouchpointCredit::conversions).sum();
            assertEquals(r.conversions(), credits, 1e-6);
            if (Double.isNaN(perConversion)) {
                perConversion = width / credits;
            }
            assertEquals(perConversion * credits, width, 0.5, r.model().label());
        }
        assertTrue(c.table().contains("<th scope=\"row\">total</th>"));
        List<AttributionModelResult> mixed = List.of(rs.get(0), io.cxkit.journey.attribution.AttributionAccumulator.of(1,
                java.time.Duration.ofDays(7)).heuristic(io.cxkit.journey.attribution.AttributionModel.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> AttributionChart.of(mixed));
        assertThrows(IllegalArgumentException.class, () -> AttributionChart.of(List.of()));
    }

    @Test
    void serviceTimesSitOnALogAxisWithTheSlaLine() {
        ServiceMetricsResult all = Fixtures.serviceMetrics().run(Fixtures.tickets());
        Map<String, ServiceMetricsResult> by = Fixtures.serviceByChannel();
        Chart c = ServiceTimeChart.of(all, by, "channel", ServiceTimeChart.Measure.RESOLUTION, O);
        Document d = Svgs.parse(c.svg());
        List<Element> rows = Svgs.byClass(d, "g", "dist");
        assertEquals(List.of("(all)", "chat", "email", "phone"), rows.stream().map(e -> e.getAttribute("data-label"))
                .toList());
        // log scale: x = a + b·ln(t), from the medians of chat and e-mail.
        QuantileSummary qc = by.get("chat").resolution();
        QuantileSummary qe = by.get("email").resolution();
        double xc = Svgs.num(Svgs.byClass(d, "circle", "median").get(1), "cx");
        double xe = Svgs.num(Svgs.byClass(d, "circle", "median").get(2), "cx");
        double b = (xe - xc) / (Math.log(qe.median()) - Math.log(qc.median()));
        Element sla = Svgs.first(Svgs.byClass(d, "g", "sla").get(0), "line");
        assertEquals(xc + b * (Math.log(86_400) - Math.log(qc.median())), Svgs.num(sla, "x1"), 0.3, "SLA at 1 d");
        assertEquals("86400", Svgs.byClass(d, "g", "sla").get(0).getAttribute("data-target-seconds"));
        Element box = Svgs.byClass(d, "rect", "box").get(3);
        QuantileSummary qp = by.get("phone").resolution();
        assertEquals(xc + b * (Math.log(qp.median()) - Math.log(qc.median())), Svgs.num(box, "x"), 0.3);
        assertEquals(b * (Math.log(qp.p90()) - Math.log(qp.median())), Svgs.num(box, "width"), 0.3);
        assertTrue(c.caption().contains("SLA target of 1 d"), c.caption());
        assertTrue(c.caption().contains("tickets with a resolution time, 3 channels."), c.caption());
        assertTrue(c.table().contains(FunnelChart.share(all.resolutionSla(), O)), c.table());

        Chart w = ServiceTimeChart.of(all, Map.of(), "channel", ServiceTimeChart.Measure.REQUESTER_WAIT, O);
        assertTrue(w.caption().contains("No SLA target was set"), w.caption());
        assertEquals("requester-wait", w.id());
        assertTrue(w.caption().startsWith("Requester wait: 150 of 150 tickets with a requester wait time."),
                w.caption());
        ServiceMetricsResult none = Fixtures.serviceMetrics().run(List.of());
        assertThrows(IllegalArgumentException.class, () -> ServiceTimeChart.of(none, Map.of(), "channel",
                ServiceTimeChart.Measure.FIRST_RESPONSE, O));
    }
}
