package io.cxkit.report;

import io.cxkit.core.Channel;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.attribution.AttributionModel;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.PathVariantsResult;
import io.cxkit.journey.paths.TransitionGraph;
import io.cxkit.journey.paths.TransitionGraphResult;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.service.TicketEvent;
import io.cxkit.journey.service.TicketEventType;
import io.cxkit.journey.service.TicketFacts;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalResult;
import io.cxkit.survey.drivers.DriverRows;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Small fixed inputs for the chart tests and golden files: seeded {@link Random} (whose sequence
 * the JDK specifies), so every JVM builds the same results.
 */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Responses by touchpoint: web (200, high NPS), app (150, lower), kiosk (12: low n), email (40 with
     * CES only: no NPS, so "no data" in the NPS chart).
     */
    static SurveyScoresResult byTouchpoint() {
        SurveyScores s = SurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"));
        Random r = new Random(13);
        add(s, r, "web", 200, 8.6, null);
        add(s, r, "app", 150, 6.9, null);
        add(s, r, "kiosk", 12, 7.5, null);
        for (int i = 0; i < 40; i++) {
            s.accept(SurveyResponse.of("e" + i, Instant.parse("2026-03-01T10:00:00Z")).withAttribute("touchpoint",
                    "email").withAnswer("ces", 3 + r.nextInt(5)));
        }
        return s.result();
    }

    /**
     * Monthly responses, January to June 2026: a collapse in April (a mover), 9 answers in February
     * (low n), no NPS answer at all in May (CSAT only: "no data"), a single series.
     */
    static SurveyScoresResult byMonth() {
        return monthly(Segmentation.create().period(TimeGrain.MONTH, ZoneOffset.UTC), false);
    }

    /** The same months for two touchpoints (two panels); only "app" collapses in April. */
    static SurveyScoresResult byTouchpointAndMonth() {
        return monthly(Segmentation.of("touchpoint").period(TimeGrain.MONTH, ZoneOffset.UTC), true);
    }

    private static SurveyScoresResult monthly(Segmentation seg, boolean twoSeries) {
        SurveyScores s = SurveyScores.of(ScoreCard.create(), seg);
        Random r = new Random(29);
        String[] months = {"01", "02", "03", "04", "05", "06"};
        for (String tp : twoSeries ? new String[] {"app", "web"} : new String[] {"app"}) {
            for (String m : months) {
                Instant t = Instant.parse("2026-" + m + "-15T12:00:00Z");
                int n = m.equals("02") ? 9 : 120;
                double mean = tp.equals("app") && m.compareTo("04") >= 0 ? 4.5 : 8.2;
                for (int i = 0; i < n; i++) {
                    SurveyResponse resp = SurveyResponse.of(tp + m + i, t).withAttribute("touchpoint", tp)
                            .withAnswer("csat", clamp(3 + (int) Math.round(r.nextGaussian()), 1, 5));
                    if (!m.equals("05")) {
                        resp = resp.withAnswer("nps", clamp((int) Math.round(mean + 1.8 * r.nextGaussian()), 0, 10));
                    }
                    s.accept(resp);
                }
            }
        }
        return s.result();
    }

    private static void add(SurveyScores s, Random r, String tp, int n, double mean, Instant time) {
        Instant t = time == null ? Instant.parse("2026-03-01T10:00:00Z") : time;
        for (int i = 0; i < n; i++) {
            s.accept(SurveyResponse.of(tp + i, t).withAttribute("touchpoint", tp)
                    .withAnswer("nps", clamp((int) Math.round(mean + 1.7 * r.nextGaussian()), 0, 10))
                    .withAnswer("csat", clamp((int) Math.round(mean / 2.2 + r.nextGaussian()), 1, 5))
                    .withAnswer("ces", clamp((int) Math.round(mean / 1.6 + r.nextGaussian()), 1, 7)));
        }
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** 300 customers: home → product → cart → checkout with drop-offs and minutes between steps. */
    static List<CustomerJourney> journeys() {
        Random r = new Random(5);
        List<JourneyEvent> events = new ArrayList<>();
        Instant t0 = Instant.parse("2026-04-01T09:00:00Z");
        String[] steps = {"home", "product", "cart", "checkout"};
        double[] goOn = {0.8, 0.5, 0.7};
        for (int c = 0; c < 300; c++) {
            Instant t = t0.plusSeconds(3600L * c);
            String id = String.format("c%03d", c);
            events.add(JourneyEvent.of(id, t, steps[0], Channel.WEB));
            for (int k = 1; k < steps.length; k++) {
                if (r.nextDouble() >= goOn[k - 1]) {
                    if (r.nextDouble() < 0.3) {
                        events.add(JourneyEvent.of(id, t.plusSeconds(30), "help", Channel.WEB));
                    }
                    break;
                }
                t = t.plusSeconds(60 + r.nextInt(600));
                events.add(JourneyEvent.of(id, t, steps[k], Channel.WEB));
            }
        }
        return JourneyBuilder.create().build(events);
    }

    static FunnelResult funnel() {
        return Funnel.builder().steps("home", "product", "cart", "checkout").window(Duration.ofHours(2)).build()
                .run(journeys());
    }

    static PathVariantsResult paths() {
        PathVariants pv = PathVariants.create();
        journeys().forEach(pv::accept);
        return pv.result();
    }

    static TransitionGraphResult transitions() {
        TransitionGraph g = TransitionGraph.create();
        journeys().forEach(g::accept);
        return g.result();
    }

    /** Three groups with different hazards; "gold" never drops below 0.5 (median not reached). */
    static SurvivalResult survival() {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        Random r = new Random(11);
        String[] groups = {"basic", "plus", "gold"};
        double[] rate = {1 / 40.0, 1 / 90.0, 1 / 600.0};
        for (int g = 0; g < groups.length; g++) {
            for (int i = 0; i < 60; i++) {
                double t = Math.ceil(-Math.log(1 - r.nextDouble()) / rate[g]);
                double censor = 30 + r.nextInt(150);
                acc.accept(Math.min(t, censor), t <= censor, groups[g]);
            }
        }
        return acc.result();
    }

    /** Four drivers of a 1–5 outcome with strengths 0.9, 0.5, 0.3, 0.1, bootstrapped. */
    static KeyDriversResult drivers() {
        DriverRows rows = DriverRows.of("csat", List.of("ease", "speed", "friendliness", "price"));
        Random r = new Random(3);
        for (int i = 0; i < 400; i++) {
            double u = r.nextGaussian();
            double[] d = {3.2 + 0.9 * u + 0.6 * r.nextGaussian(), 3.0 + 0.5 * u + 0.7 * r.nextGaussian(),
                3.7 + 0.3 * u + 0.7 * r.nextGaussian(), 2.9 + 0.1 * u + 0.8 * r.nextGaussian()};
            rows.add(3.8 + 0.8 * u + 0.5 * r.nextGaussian(), d);
        }
        return rows.bootstrap(KeyDriverMethod.RELATIVE_WEIGHTS, 200, 7, 0.95);
    }

    /** The five models over 200 timed journeys of ad → site → email → purchase. */
    static List<AttributionModelResult> attribution() {
        AttributionAccumulator acc = AttributionAccumulator.of(1, Duration.ofDays(7));
        Random r = new Random(17);
        String[] tps = {"ad", "site", "email", "store"};
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        for (int j = 0; j < 200; j++) {
            List<String> path = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            int len = 1 + r.nextInt(4);
            for (int k = 0; k < len; k++) {
                path.add(tps[r.nextInt(tps.length)]);
                times.add(t0.plusSeconds(86_400L * j + 3600L * k));
            }
            boolean conv = path.contains("email") ? r.nextDouble() < 0.6 : r.nextDouble() < 0.2;
            acc.accept(AttributionJourney.of(path, times, conv, conv ? 50 : 0));
        }
        List<AttributionModelResult> out = new ArrayList<>();
        out.add(acc.markov(AttributionAccumulator.DEFAULT_MAX_STATES));
        for (AttributionModel m : AttributionModel.values()) {
            if (m != AttributionModel.MARKOV) {
                out.add(acc.heuristic(m));
            }
        }
        return out;
    }

    /** Tickets on chat (fast), e-mail (slow) and phone, with first-response and resolution SLAs. */
    static List<TicketEvent> tickets() {
        Random r = new Random(23);
        List<TicketEvent> ev = new ArrayList<>();
        Instant t0 = Instant.parse("2026-05-04T08:00:00Z");
        Channel[] ch = {Channel.CHAT, Channel.EMAIL, Channel.PHONE};
        double[] firstMin = {3, 240, 20};
        double[] solveHours = {1.5, 30, 12};
        for (int i = 0; i < 150; i++) {
            int c = i % 3;
            String id = "t" + i;
            Instant open = t0.plusSeconds(900L * i);
            long first = Math.round(60 * firstMin[c] * Math.exp(0.6 * r.nextGaussian()));
            long solve = Math.max(first + 60, Math.round(3600 * solveHours[c] * Math.exp(0.7 * r.nextGaussian())));
            ev.add(TicketEvent.of(id, "u" + i, open, TicketEventType.CREATED).withChannel(ch[c]));
            ev.add(TicketEvent.of(id, "u" + i, open.plusSeconds(first), TicketEventType.AGENT_REPLY).withChannel(ch[c]));
            ev.add(TicketEvent.of(id, "u" + i, open.plusSeconds(solve), TicketEventType.SOLVED).withChannel(ch[c]));
        }
        return ev;
    }

    static ServiceMetrics serviceMetrics() {
        return ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1)).resolutionTarget(Duration.ofDays(1))
                .build();
    }

    static Map<String, ServiceMetricsResult> serviceByChannel() {
        Map<String, ServiceMetricsResult> m = new TreeMap<>();
        serviceMetrics().bySegment(tickets(), TicketFacts.byChannel()).asMap().forEach((k, v) -> m.put(k.part(0), v));
        return m;
    }

    /** Every chart of the fixtures on one page, in a fixed order (the golden page). */
    static HtmlReport page() {
        ChartOptions o = ChartOptions.DEFAULTS;
        return HtmlReport.builder().title("cx-report golden page").subtitle("Small fixed inputs, one chart of each kind")
                .section("Scores").paragraph("Hand-built responses: four touchpoints, one with no NPS answer.")
                .chart(SegmentChart.of(byTouchpoint(), ScoreMetric.NPS, o))
                .chart(SegmentChart.of(byTouchpoint(), ScoreMetric.CES, o))
                .section("Trends").chart(ScoreTrendChart.of(byMonth(), ScoreMetric.NPS, o))
                .chart(ScoreTrendChart.of(byTouchpointAndMonth(), ScoreMetric.NPS, o))
                .section("Journeys").chart(FunnelChart.of(funnel(), null, o)).chart(PathsChart.of(paths(), 5))
                .chart(TransitionChart.of(transitions(), 12))
                .section("Service").chart(ServiceTimeChart.of(serviceMetrics().run(tickets()), serviceByChannel(),
                        "channel", ServiceTimeChart.Measure.RESOLUTION, o))
                .section("Survival").chart(SurvivalChart.of(survival(), "days", io.cxkit.journey.survival.SurvivalConfType.LOG, o))
                .section("Drivers").chart(DriversChart.importance(drivers())).chart(DriversChart.quadrant(drivers()))
                .section("Attribution").chart(AttributionChart.of(attribution()))
                .list(List.of("Every number above comes from the library's accumulators."))
                .build();
    }
}
