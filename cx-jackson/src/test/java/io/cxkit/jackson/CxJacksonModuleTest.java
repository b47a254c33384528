package io.cxkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.core.Channel;
import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import io.cxkit.core.MeanEstimate;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.Segmentation;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import io.cxkit.core.TwoSampleTest;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelMode;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CxJacksonModuleTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(CxJacksonModule.of(0.95));
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void findAndRegisterModulesFindsTheModuleAtItsDefaults() throws Exception {
        ObjectMapper found = new ObjectMapper().findAndRegisterModules();
        assertEquals(1, found.getRegisteredModuleIds().size(), "registered: " + found.getRegisteredModuleIds());
        JsonNode p = found.valueToTree(ProportionEstimate.of(40, 100));
        assertEquals(0.95, p.get("confidence").asDouble());
        assertEquals(JSON.writeValueAsString(ProportionEstimate.of(40, 100)),
                found.writeValueAsString(ProportionEstimate.of(40, 100)));
        ObjectMapper both = new ObjectMapper().findAndRegisterModules().registerModule(CxJacksonModule.of(0.8));
        assertEquals(0.8, both.valueToTree(ProportionEstimate.of(40, 100)).get("confidence").asDouble(),
                "a module registered later at another confidence is not dropped as a duplicate");
    }

    @Test
    void aProportionHasItsBoundsAtTheModulesConfidence() {
        ProportionEstimate p = ProportionEstimate.of(40, 100);
        JsonNode j = JSON.valueToTree(p);
        assertEquals(100, j.get("n").asLong());
        assertEquals(0.4, j.get("estimate").asDouble());
        assertEquals(p.standardError(), j.get("standardError").asDouble());
        Interval ci95 = p.interval(0.95);
        assertEquals(ci95.lower(), j.get("lower").asDouble());
        assertEquals(ci95.upper(), j.get("upper").asDouble());
        assertEquals(ci95.method(), j.get("interval").asText());
        assertEquals(40.0, j.get("successes").asDouble());
        assertFalse(j.get("weighted").asBoolean());
        assertFalse(j.has("effectiveN"), "effectiveN only when weighted");

        JsonNode j80 = new ObjectMapper().registerModule(CxJacksonModule.of(0.80)).valueToTree(p);
        assertEquals(p.interval(0.80).lower(), j80.get("lower").asDouble());
        assertTrue(j80.get("lower").asDouble() > j.get("lower").asDouble(), "an 80% interval is narrower");
        assertEquals(0.8, j80.get("confidence").asDouble());
    }

    @Test
    void emptyEstimatesWriteNullNotNaN() throws Exception {
        for (Object empty : List.of(MeanEstimate.empty(), ProportionEstimate.empty(), QuantileSummary.empty(0.01),
                new Comparison("welch", Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN,
                        new Interval(Double.NEGATIVE_INFINITY, Double.NaN, 0.95, "welch")))) {
            String text = JSON.writeValueAsString(empty);
            assertNoNonFinite(text);
        }
        JsonNode m = JSON.valueToTree(MeanEstimate.empty());
        assertEquals(0, m.get("n").asLong());
        assertTrue(m.get("estimate").isNull());
        assertTrue(m.get("lower").isNull());
        assertTrue(m.get("standardDeviation").isNull());
    }

    @Test
    void aComparisonCarriesEstimateAndBoundsBesideItsFields() {
        Comparison c = TwoSampleTest.twoProportions(ProportionEstimate.of(60, 100), ProportionEstimate.of(40, 100),
                0.95);
        JsonNode j = JSON.valueToTree(c);
        assertEquals(c.difference(), j.get("estimate").asDouble());
        assertEquals(c.difference(), j.get("difference").asDouble());
        assertEquals(c.interval().lower(), j.get("lower").asDouble());
        assertEquals(c.interval().upper(), j.get("upper").asDouble());
        assertEquals(c.pValue(), j.get("pValue").asDouble());
        assertEquals(c.interval().method(), j.get("interval").get("method").asText());
    }

    @Test
    void aMedianNotReachedIsNullAndItsOpenBoundToo() {
        MedianSurvival m = new MedianSurvival(Double.POSITIVE_INFINITY,
                new Interval(12.5, Double.POSITIVE_INFINITY, 0.95, "log"));
        JsonNode j = JSON.valueToTree(m);
        assertTrue(j.get("time").isNull());
        assertEquals(12.5, j.get("interval").get("lower").asDouble());
        assertTrue(j.get("interval").get("upper").isNull());
    }

    @Test
    void aFunnelWritesItsWindowInSecondsAndEveryStepsRates() throws Exception {
        Funnel f = Funnel.builder().steps("visit", "buy").window(Duration.ofMillis(90_500)).build();
        List<CustomerJourney> journeys = List.of(
                journey("a", "visit", 0, "buy", 60_000),
                journey("b", "visit", 0, "buy", 200_000),
                journey("c", "visit", 0, "home", 1_000));
        FunnelResult r = f.run(journeys);
        String text = JSON.writeValueAsString(r);
        assertNoNonFinite(text);
        JsonNode j = JSON.readTree(text);
        assertEquals(90.5, j.get("window").asDouble());
        assertEquals(FunnelMode.ORDERED.name().toLowerCase(java.util.Locale.ROOT), j.get("mode").asText());
        assertEquals(3, j.get("journeys").asLong());
        JsonNode buy = j.get("steps").get(1);
        assertEquals("buy", buy.get("name").asText());
        assertEquals(r.steps().get(1).converted(), buy.get("converted").asLong());
        JsonNode rate = buy.get("fromFirst");
        for (String field : List.of("n", "estimate", "standardError", "lower", "upper")) {
            assertTrue(rate.has(field), field + " in " + rate);
        }
        assertEquals(r.steps().get(1).fromFirst().interval(0.95).upper(), rate.get("upper").asDouble());
        assertTrue(buy.get("timeFromFirst").has("median"));
    }

    @Test
    void aSegmentedResultIsAnArrayOfLabelledResults() {
        SegmentedResult<ProportionEstimate> s = SegmentedResult.of(Map.of(
                SegmentKey.of("web"), ProportionEstimate.of(1, 2), SegmentKey.of("app"), ProportionEstimate.of(0, 3)));
        JsonNode j = JSON.valueToTree(s);
        assertEquals(2, j.size());
        assertEquals("app", j.get(0).get("label").asText());
        assertEquals("app", j.get(0).get("key").get(0).asText());
        assertEquals(3, j.get(0).get("result").get("n").asLong());
    }

    @Test
    void theModuleRejectsABadConfidenceNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CxJacksonModule.of(1.5));
        assertTrue(e.getMessage().contains("confidence"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CxJacksonModule.of(0.95, -1));
        assertEquals(7, CxJacksonModule.of(0.9, 7).minN());
    }

    @Test
    void aSurveyReportKeepsItsSchemaAndInputsUseThePolicyToo() throws Exception {
        SurveyResponse r1 = SurveyResponse.of("r1", T0).withAttribute("region", "north").withAnswer("nps", 9)
                .withWeight(2.0);
        SurveyResponse r2 = SurveyResponse.of("r2", null).withAttribute("region", "south").withAnswer("nps", 3);
        SurveyScores scores = SurveyScores.of(ScoreCard.create(), Segmentation.of("region"));
        scores.accept(r1);
        scores.accept(r2);
        SurveyScoresResult report = scores.result();
        String text = JSON.writeValueAsString(report);
        assertNoNonFinite(text);
        JsonNode j = JSON.readTree(text);
        assertEquals(CxJacksonModule.SCHEMA, j.get("schema").asText());
        assertEquals(2, j.get("segments").size());
        JsonNode nps = j.get("overall").get("nps");
        assertEquals(2, nps.get("n").asLong());
        assertTrue(nps.get("lowN").asBoolean());
        assertTrue(j.get("overall").get("csat").get("estimate").isNull(), "no CSAT answers: null, not NaN");

        JsonNode in = JSON.valueToTree(r1);
        assertEquals("2026-01-05T10:00:00Z", in.get("time").asText());
        assertEquals("north", in.get("attributes").get("region").asText());
        assertEquals(9, in.get("answers").get("nps").asInt());
        assertEquals(2.0, in.get("weight").asDouble());
        JsonNode in2 = JSON.valueToTree(r2);
        assertTrue(in2.get("time").isNull());
        assertTrue(in2.get("weight").isNull());
        JsonNode bucket = JSON.valueToTree(TimeBucket.parse(TimeGrain.MONTH, "2026-01"));
        assertEquals("month", bucket.get("grain").asText());
        assertEquals("2026-01-01", bucket.get("start").asText());
    }

    @Test
    void customerValueRecordsFollowThePolicy() throws Exception {
        io.cxkit.journey.value.RepeatPurchases acc = io.cxkit.journey.value.RepeatPurchases.of(
                java.time.LocalDate.parse("2024-03-31"));
        acc.accept("a", java.time.LocalDate.parse("2024-01-05"), 10);
        acc.accept("a", java.time.LocalDate.parse("2024-02-01"), 20);
        acc.accept("b", java.time.LocalDate.parse("2024-01-20"), 15);
        String text = JSON.writeValueAsString(acc.result());
        assertNoNonFinite(text);
        JsonNode base = JSON.readTree(text);
        assertEquals("2024-03-31", base.get("calibrationEnd").asText());
        assertEquals(2, base.get("customers").size());
        assertTrue(base.get("holdoutEnd").isNull(), "no holdout: null");
        JsonNode spend = JSON.valueToTree(new io.cxkit.journey.value.Acquisition.Spend("ads",
                java.time.YearMonth.of(2024, 3), 100));
        assertEquals("2024-03", spend.get("period").asText(), "a month is ISO text: " + spend);
        JsonNode fit = JSON.valueToTree(new io.cxkit.journey.value.ModelFit<>(new io.cxkit.journey.value.BgNbd(0.5, 5,
                0.5, 3), List.of(new io.cxkit.journey.value.Parameter("r", 0.5, Double.NaN)), -1, 2, 0, true, 0, 1,
                new double[1]));
        assertEquals(0.5, fit.get("model").get("r").asDouble());
        assertTrue(fit.get("parameters").get(0).get("standardError").isNull(), "NaN is null: " + fit);
    }

    private static CustomerJourney journey(String id, String first, long atMillis, String second, long thenMillis) {
        Channel web = new Channel("web");
        return CustomerJourney.of(id, List.of(
                JourneyEvent.of(id, T0.plusMillis(atMillis), first, web),
                JourneyEvent.of(id, T0.plusMillis(thenMillis), second, web)));
    }

    /** Fails when a JSON text holds a NaN or infinity, as a number token or as a string. */
    static void assertNoNonFinite(String text) throws Exception {
        assertFalse(text.contains("NaN"), text);
        assertFalse(text.contains("Infinity"), text);
        List<JsonNode> stack = new ArrayList<>(List.of(JSON.readTree(text)));
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            assertFalse(n.isNumber() && !Double.isFinite(n.asDouble()), text);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext();) {
                stack.add(it.next());
            }
        }
    }
}
