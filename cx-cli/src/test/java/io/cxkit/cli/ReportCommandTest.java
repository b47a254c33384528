package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cx report against the library API, on a hand-written CSV and on generated data. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private static void assertMetric(JsonNode j, io.cxkit.core.Estimate e) {
        assertEquals(e.n(), j.get("n").asLong());
        if (e.n() == 0) {
            assertTrue(j.get("estimate").isNull() && j.get("lower").isNull());
            return;
        }
        num(e.estimate(), j.get("estimate"));
        num(e.standardError(), j.get("standardError"));
        // Bounds are clipped to the score's range (the CES mean to its 1-7 scale) and say so.
        double lo = e.interval(0.9).lower();
        double hi = e.interval(0.9).upper();
        if (e instanceof io.cxkit.survey.CesResult c) {
            assertEquals(lo < c.scale().min() || hi > c.scale().max(), j.get("clipped").asBoolean());
            lo = Math.max(c.scale().min(), lo);
            hi = Math.min(c.scale().max(), hi);
        }
        num(lo, j.get("lower"));
        num(hi, j.get("upper"));
        assertEquals(e.n() < 30, j.get("lowN").asBoolean());
        if (e.weighted()) {
            num(e.effectiveN(), j.get("effectiveN"));
        }
    }

    private static void num(double expected, JsonNode actual) {
        if (Double.isNaN(expected)) {
            assertTrue(actual.isNull(), actual.toString());
        } else {
            assertEquals(expected, actual.asDouble(), 1e-9);
        }
    }

    private static void assertCard(JsonNode j, ScoreCardResult c) {
        assertMetric(j.get("nps"), c.nps());
        assertMetric(j.get("csat"), c.csat());
        assertMetric(j.get("ces"), c.ces());
    }

    @Test
    void handWrittenCsvGivesTheApisNumbers() throws IOException {
        Path f = dir.resolve("small.csv");
        Files.writeString(f, "Respondent;Store;How likely are you to recommend us to a friend?;CSAT;Effort;Weight\n"
                + "a;north;10;5;6;1.5\nb;north;7;4;5;1\nc;south;2;1;2;0.5\nd;south;9;;7;2\n");
        CxTestSupport.Run r = cx("report", f.toString(), "--by", "store", "--format", "json", "--confidence", "0.9");
        assertEquals(0, r.code(), r.err());
        SurveyScores api = SurveyScores.of(ScoreCard.create(), Segmentation.of("Store"));
        api.accept(resp("a", "north", 10, 5, 6, 1.5));
        api.accept(resp("b", "north", 7, 4, 5, 1));
        api.accept(resp("c", "south", 2, 1, 2, 0.5));
        api.accept(SurveyResponse.of("d", null).withAttribute("Store", "south").withAnswer("nps", 9)
                .withAnswer("ces", 7).withWeight(2));
        SurveyScoresResult rep = api.result();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertCard(j.get("overall"), rep.overall());
        assertCard(j.at("/segments/0"), rep.segments().get(SegmentKey.of("north")));
        assertCard(j.at("/segments/1"), rep.segments().get(SegmentKey.of("south")));
        assertTrue(j.at("/overall/nps/weighted").asBoolean());
        assertEquals("Weight", j.at("/input/columns/weight").asText());
    }

    private static SurveyResponse resp(String id, String store, int nps, int csat, int ces, double w) {
        return SurveyResponse.of(id, null).withAttribute("Store", store).withAnswer("nps", nps).withAnswer("csat", csat)
                .withAnswer("ces", ces).withWeight(w);
    }

    @Test
    void generatedDataGivesTheApisNumbers() throws IOException {
        new SampleCompany(3000, 600, 11).write(dir, EnumSet.of(SampleCompany.Table.RESPONSES),
                EnumSet.of(SampleCompany.Format.CSV, SampleCompany.Format.NDJSON));
        SurveyScores api = SurveyScores.of(ScoreCard.create(),
                Segmentation.of("touchpoint").period(TimeGrain.MONTH, ZoneOffset.UTC));
        List<String> lines = Files.readAllLines(dir.resolve("responses.csv"));
        List<String> head = List.of(lines.get(0).split(",", -1));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            SurveyResponse r = SurveyResponse.of(f[0], Instant.parse(f[head.indexOf("responded_at")]))
                    .withAttribute("touchpoint", f[head.indexOf("touchpoint")]);
            for (String q : List.of("nps", "csat", "ces")) {
                String v = f[head.indexOf(q)];
                if (!v.isEmpty()) {
                    r = r.withAnswer(q, Integer.parseInt(v));
                }
            }
            api.accept(r);
        }
        SurveyScoresResult rep = api.result();
        for (String file : List.of("responses.csv", "responses.ndjson")) {
            CxTestSupport.Run r = cx("report", dir.resolve(file).toString(), "--by", "touchpoint", "--period", "month",
                    "--format", "json", "--confidence", "0.9");
            assertEquals(0, r.code(), r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertCard(j.get("overall"), rep.overall());
            assertEquals(rep.segments().size(), j.get("segments").size());
            int i = 0;
            for (Map.Entry<SegmentKey, ScoreCardResult> e : rep.segments().asMap().entrySet()) {
                JsonNode s = j.get("segments").get(i++);
                assertEquals(e.getKey().part(0), s.at("/key/touchpoint").asText());
                assertEquals(e.getKey().part(1), s.at("/key/period").asText());
                assertCard(s, e.getValue());
            }
        }
    }

    @Test
    void tableAndCsvFormats() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "nps,tp\n10,a\n0,b\n9,a\n");
        CxTestSupport.Run t = cx("report", f.toString(), "--by", "tp");
        assertEquals(0, t.code());
        assertTrue(t.out().startsWith("tp     NPS n     NPS           95% CI"), t.out());
        CxTestSupport.Run c = cx("report", f.toString(), "--format", "CSV");
        // Columns are only ever added at the end (the low-n and clipping flags after every score).
        assertEquals("segment,nps_n,nps_missing,nps,nps_se,nps_lower,nps_upper,nps_low_n,nps_clipped",
                c.out().lines().findFirst().get());
        assertTrue(c.err().startsWith("cx: read 3 rows (plain layout): 3 counted"), c.err());
    }
}
