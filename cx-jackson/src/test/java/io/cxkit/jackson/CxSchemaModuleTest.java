package io.cxkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.core.Channel;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.attribution.AttributionModel;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TransitionGraph;
import io.cxkit.journey.service.FirstContactRule;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.TicketEvent;
import io.cxkit.journey.service.TicketEventType;
import io.cxkit.journey.service.TicketRecord;
import io.cxkit.journey.service.TicketRecordAccumulator;
import io.cxkit.journey.service.TicketSatisfaction;
import io.cxkit.journey.service.TicketTimes;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalResult;
import io.cxkit.survey.drivers.DriverRows;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.drivers.KeyDrivers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The v1 document shapes of {@link CxSchemaModule}: field names and order, the compact proportion
 * and duration summaries, nulls for NaN, and that the module takes precedence over the general
 * policy only for its own types. The byte-for-byte check against the command line's documents is
 * cx-cli's {@code JsonGoldenTest}; the schemas themselves are checked by its
 * {@code SchemaValidationTest}.
 */
class CxSchemaModuleTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(CxJacksonModule.of(0.95))
            .registerModule(CxSchemaModule.of(0.95));
    private static final List<String> PROPORTION = List.of("n", "successes", "estimate", "lower", "upper");
    private static final List<String> SECONDS = List.of("n", "min", "median", "p75", "p90", "p95", "p99", "max");

    @Test
    void aFunnelHasTheV1ResultShape() throws Exception {
        Funnel f = Funnel.builder().steps("visit", "buy").window(Duration.ofMinutes(10)).build();
        JsonNode j = JSON.valueToTree(f.run(journeys()));
        assertEquals(List.of("journeys", "entered", "completed", "conversion", "timeToConvertSeconds", "steps"),
                fields(j));
        assertEquals(PROPORTION, fields(j.get("conversion")));
        assertEquals(SECONDS, fields(j.get("timeToConvertSeconds")));
        JsonNode first = j.get("steps").get(0);
        assertEquals(List.of("name", "index", "entered", "converted", "dropped", "fromPrevious", "fromFirst",
                "timeFromPreviousSeconds", "timeFromFirstSeconds"), fields(first));
        assertTrue(first.get("timeFromPreviousSeconds").get("median").isNull(), "an empty summary is null");
        assertEquals(0, first.get("timeFromPreviousSeconds").get("n").asLong());
        assertEquals(2, j.get("completed").asLong());
        assertEquals(2.0 / 3, j.get("conversion").get("estimate").asDouble(), 1e-15);
    }

    @Test
    void pathsAndTransitions() {
        PathVariants paths = PathVariants.create();
        TransitionGraph graph = TransitionGraph.create();
        for (CustomerJourney j : journeys()) {
            paths.accept(j);
            graph.accept(j);
        }
        JsonNode top = JSON.valueToTree(paths.result().top(1).top().get(0));
        assertEquals(List.of("path", "count", "share", "variants"), fields(top));
        assertEquals("visit", top.get("path").get(0).asText());
        JsonNode t = JSON.valueToTree(graph.result().transitions().get(0));
        assertEquals(List.of("from", "to", "count", "share", "timeSeconds"), fields(t));
        assertEquals(SECONDS, fields(t.get("timeSeconds")));
    }

    @Test
    void serviceWithAndWithoutTargets() {
        List<TicketEvent> tickets = List.of(
                TicketEvent.of("T-1", "c-1", T0, TicketEventType.CREATED).withChannel(Channel.EMAIL),
                TicketEvent.of("T-1", "c-1", T0.plusSeconds(1800), TicketEventType.AGENT_REPLY),
                TicketEvent.of("T-1", "c-1", T0.plusSeconds(7200), TicketEventType.SOLVED));
        JsonNode with = JSON.valueToTree(ServiceMetrics.builder().firstResponseTarget(Duration.ofMinutes(90)).build()
                .run(tickets));
        assertEquals(List.of("tickets", "solved", "firstResponseSeconds", "resolutionSeconds", "requesterWaitSeconds",
                "firstContactResolution", "repeatContact", "reopened", "sla"), fields(with));
        JsonNode target = with.get("sla").get("firstResponse");
        assertEquals(List.of("target", "targetSeconds", "attainment"), fields(target));
        assertEquals("PT1H30M", target.get("target").asText());
        assertTrue(target.get("targetSeconds").isIntegralNumber(), "whole seconds are an integer: " + target);
        assertEquals(1.0, target.get("attainment").get("estimate").asDouble());
        assertTrue(with.get("sla").get("resolution").isNull(), "no target: null");
        JsonNode fraction = JSON.valueToTree(ServiceMetrics.builder().firstResponseTarget(Duration.ofMillis(1500))
                .build().run(tickets));
        assertEquals(1.5, fraction.get("sla").get("firstResponse").get("targetSeconds").asDouble());
    }

    @Test
    void aTicketExportAddsBusinessHoursRatesAndWhatWasLeftOut() {
        TicketRecordAccumulator acc = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1)).build()
                .recordAccumulator(FirstContactRule.ZERO_REOPENS);
        acc.accept(new TicketRecord("t1", true, Optional.empty(), Optional.of(Channel.EMAIL), Optional.empty(),
                new TicketTimes(600, 7200, 300), new TicketTimes(300, 3600, 150), 0, 1, -1, TicketSatisfaction.GOOD));
        acc.accept(new TicketRecord("t2", false, Optional.empty(), Optional.of(Channel.EMAIL), Optional.empty(),
                new TicketTimes(Double.NaN, Double.NaN, Double.NaN), TicketTimes.none(), 1, 3, -1,
                TicketSatisfaction.OFFERED));
        JsonNode j = JSON.valueToTree(acc.result());
        assertEquals(List.of("tickets", "solved", "firstResponseSeconds", "resolutionSeconds", "requesterWaitSeconds",
                "firstContactResolution", "repeatContact", "reopened", "sla", "businessHours", "oneTouch", "satisfaction",
                "leftOut"), fields(j));
        assertEquals(List.of("firstResponseSeconds", "resolutionSeconds", "requesterWaitSeconds", "sla"),
                fields(j.get("businessHours")));
        assertEquals(1, j.get("satisfaction").get("good").asLong());
        assertEquals(1, j.get("satisfaction").get("offered").asLong());
        assertEquals(PROPORTION, fields(j.get("satisfaction").get("csat")));
        assertEquals(1, j.get("leftOut").get("unsolved").asLong());
        assertEquals(1, j.get("leftOut").get("firstResponseEmpty").asLong());
    }

    @Test
    void survivalCurvesUseTheModulesIntervalTypeAndWriteWholeTimesAsIntegers() {
        SurvivalAccumulator s = SurvivalAccumulator.create();
        double[][] rows = {{5, 1, 0}, {8, 1, 0}, {8, 0, 0}, {12.5, 1, 0}, {3, 1, 1}, {9, 0, 1}, {15, 1, 1}};
        for (double[] r : rows) {
            s.accept(r[0], r[1] == 1, r[2] == 0 ? "a" : "b");
        }
        SurvivalResult r = s.result();
        JsonNode log = JSON.valueToTree(r.overall());
        ObjectMapper logLog = new ObjectMapper().registerModule(CxSchemaModule.of(0.95)
                .survivalIntervals(SurvivalConfType.LOG_LOG));
        JsonNode ll = logLog.valueToTree(r.overall());
        assertEquals(List.of("group", "n", "events", "censored", "median", "steps"), fields(log));
        assertEquals(7, log.get("n").asLong());
        assertEquals(2, log.get("censored").asLong());
        JsonNode step = log.get("steps").get(0);
        assertEquals(List.of("time", "atRisk", "events", "censored", "survival", "stdErr", "lower", "upper"),
                fields(step));
        assertTrue(step.get("time").isIntegralNumber(), "3 is written as an integer: " + step);
        assertEquals(r.overall().steps().get(0).interval(SurvivalConfType.LOG, 0.95).lower(),
                step.get("lower").asDouble());
        assertEquals(r.overall().steps().get(0).interval(SurvivalConfType.LOG_LOG, 0.95).lower(),
                ll.get("steps").get(0).get("lower").asDouble());
        assertFalse(log.get("steps").get(0).get("lower").equals(ll.get("steps").get(0).get("lower")));
        boolean fraction = false;
        for (JsonNode x : log.get("steps")) {
            fraction |= x.get("time").asDouble() == 12.5 && !x.get("time").isIntegralNumber();
        }
        assertTrue(fraction, "12.5 keeps its fraction");
        JsonNode lr = JSON.valueToTree(r.logRank());
        assertEquals(List.of("chiSquare", "df", "pValue", "groups"), fields(lr));
        assertEquals(List.of("group", "n", "observed", "expected"), fields(lr.get("groups").get(0)));
        assertEquals(1, lr.get("df").asInt());
    }

    @Test
    void attributionCredits() {
        AttributionAccumulator a = AttributionAccumulator.create();
        a.accept(new AttributionJourney(List.of("ad", "web"), List.of(), true, 10));
        a.accept(new AttributionJourney(List.of("ad"), List.of(), false, 0));
        JsonNode markov = JSON.valueToTree(a.result().model(AttributionModel.MARKOV).credits().get(0));
        assertEquals(List.of("touchpoint", "conversions", "value", "removalEffect", "valueRemovalEffect"),
                fields(markov));
        JsonNode last = JSON.valueToTree(a.result().model(AttributionModel.LAST_TOUCH).credits().get(0));
        assertTrue(last.get("removalEffect").isNull(), "a heuristic has no removal effect: " + last);
    }

    @Test
    void driverImportancesWithAndWithoutABootstrap() {
        List<String> names = List.of("ease", "speed");
        KeyDrivers kd = KeyDrivers.of("overall", names);
        DriverRows rows = DriverRows.of("overall", names);
        Random rnd = new Random(7);
        for (int i = 0; i < 60; i++) {
            double ease = rnd.nextInt(5) + 1;
            double speed = rnd.nextInt(5) + 1;
            double overall = 0.6 * ease + 0.3 * speed + rnd.nextGaussian();
            kd.accept(overall, new double[] {ease, speed});
            rows.add(overall, new double[] {ease, speed});
        }
        JsonNode point = JSON.valueToTree(kd.result().importances().get(0));
        assertEquals(List.of("driver", "raw", "rescaled", "mean", "rawInterval", "rescaledInterval"), fields(point));
        assertTrue(point.get("rawInterval").isNull(), "no bootstrap: null");
        KeyDriversResult boot = rows.bootstrap(KeyDriverMethod.RELATIVE_WEIGHTS, 100, 3L, 0.95);
        JsonNode b = JSON.valueToTree(boot.importances().get(0));
        assertEquals(2, b.get("rescaledInterval").size());
        assertEquals(boot.importances().get(0).rescaledInterval().lower(), b.get("rescaledInterval").get(0).asDouble());
    }

    @Test
    void otherTypesKeepTheGeneralPolicy() throws Exception {
        Funnel f = Funnel.builder().steps("visit", "buy").build();
        JsonNode general = new ObjectMapper().registerModule(CxJacksonModule.of(0.95)).valueToTree(f.run(journeys()));
        assertTrue(general.get("steps").get(0).get("fromFirst").has("standardError"),
                "without the schema module a funnel keeps the general policy: " + general);
        JsonNode p = JSON.valueToTree(io.cxkit.core.ProportionEstimate.of(1, 4));
        assertTrue(p.has("standardError") && p.has("interval"), "a bare proportion keeps the general policy: " + p);
        assertFalse(JSON.writeValueAsString(f.run(journeys())).contains("NaN"));
    }

    private static List<CustomerJourney> journeys() {
        Channel web = new Channel("web");
        List<CustomerJourney> js = new ArrayList<>();
        long[][] times = {{0, 60_000}, {0, 200_000}, {0, -1}};
        for (int i = 0; i < times.length; i++) {
            String id = "c" + i;
            List<JourneyEvent> e = new ArrayList<>();
            e.add(JourneyEvent.of(id, T0.plusMillis(times[i][0]), "visit", web));
            e.add(JourneyEvent.of(id, T0.plusMillis(Math.abs(times[i][1])), times[i][1] < 0 ? "home" : "buy", web));
            js.add(CustomerJourney.of(id, e));
        }
        return js;
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
