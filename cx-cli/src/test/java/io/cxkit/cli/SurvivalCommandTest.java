package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.journey.survival.LogRankTest;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.journey.survival.SurvivalResult;
import io.cxkit.journey.survival.SurvivalStatus;
import io.cxkit.journey.survival.SurvivalStep;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx survival} on R's {@code lung} data (copied from cx-journey's reference fixtures; R
 * 4.2 / survival 3.5: {@code survfit(Surv(time, status) ~ sex, lung)}, {@code survdiff(...)}).
 */
class SurvivalCommandTest {
    @TempDir
    Path dir;

    static Path lung() {
        try {
            return Path.of(SurvivalCommandTest.class.getResource("/lung.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(double expected, JsonNode actual) {
        assertEquals(expected, actual.asDouble(), Math.abs(expected) * 1e-9 + 1e-12, actual.toString());
    }

    @Test
    void lungBySexReproducesR() throws IOException {
        CxTestSupport.Run r = cx("survival", lung().toString(), "--time", "time", "--event", "status=2", "--by", "sex",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("cxkit/survival/v1", j.get("schema").asText());
        assertEquals("log", j.get("confType").asText());
        assertEquals("sex", j.get("by").asText());
        assertEquals("2", j.get("event").get("value").asText());
        JsonNode all = j.get("overall");
        assertEquals(228, all.get("n").asLong());
        assertEquals(165, all.get("events").asLong());
        assertEquals(63, all.get("censored").asLong());
        assertEquals(310, all.get("median").get("time").asDouble());
        assertEquals(285, all.get("median").get("lower").asDouble());
        assertEquals(363, all.get("median").get("upper").asDouble());
        JsonNode male = j.get("groups").get(0);
        JsonNode female = j.get("groups").get(1);
        assertEquals("1", male.get("group").asText());
        assertEquals(138, male.get("n").asLong());
        assertEquals(112, male.get("events").asLong());
        assertEquals(270, male.get("median").get("time").asDouble());
        assertEquals(212, male.get("median").get("lower").asDouble());
        assertEquals(310, male.get("median").get("upper").asDouble());
        assertEquals(90, female.get("n").asLong());
        assertEquals(426, female.get("median").get("time").asDouble());
        assertEquals(348, female.get("median").get("lower").asDouble());
        assertEquals(550, female.get("median").get("upper").asDouble());
        JsonNode lr = j.get("logRank");
        assertEquals(10.3267, lr.get("chiSquare").asDouble(), 5e-5);
        assertEquals(0.0013112, lr.get("pValue").asDouble(), 5e-8);
        assertEquals(1, lr.get("df").asInt());
        assertEquals(112, lr.get("groups").get(0).get("observed").asLong());
        assertEquals(91.58, lr.get("groups").get(0).get("expected").asDouble(), 0.005);
        // S(180) and S(365) overall as R's summary(fit, times = c(180, 365)) prints them
        JsonNode at180 = stepAt(all.get("steps"), 180);
        assertEquals(0.7217, at180.get("survival").asDouble(), 5e-5);
        assertEquals(0.0298, at180.get("stdErr").asDouble(), 5e-5);
        assertEquals(0.6655, at180.get("lower").asDouble(), 5e-5);
        assertEquals(0.7825, at180.get("upper").asDouble(), 5e-5);
        JsonNode at365 = stepAt(all.get("steps"), 365);
        assertEquals(0.4092, at365.get("survival").asDouble(), 5e-5);
        assertEquals(0.3447, at365.get("lower").asDouble(), 5e-5);
        assertEquals(0.4858, at365.get("upper").asDouble(), 5e-5);
        assertEquals(228, j.get("input").get("accepted").asLong());
        assertEquals(0, j.get("input").get("rejected").get("total").asLong());
    }

    private static JsonNode stepAt(JsonNode steps, double t) {
        JsonNode last = null;
        for (JsonNode s : steps) {
            if (s.get("time").asDouble() > t) {
                break;
            }
            last = s;
        }
        return last;
    }

    /** The command's numbers are the library's on the same rows, step by step. */
    @Test
    void equalsTheLibraryOnTheSameRows() throws IOException {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        List<String> lines = Files.readAllLines(lung());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            acc.acceptStatus(Double.parseDouble(f[0]), Integer.parseInt(f[1]), SurvivalStatus.ONE_TWO, f[2]);
        }
        SurvivalResult lib = acc.result();
        CxTestSupport.Run r = cx("survival", lung().toString(), "--time", "time", "--event", "status=2", "--by", "sex",
                "--format", "json", "--conf-type", "log-log", "--confidence", "0.9");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("log-log", j.get("confType").asText());
        for (JsonNode g : j.get("groups")) {
            SurvivalCurve c = lib.group(g.get("group").asText());
            close(c.median(SurvivalConfType.LOG_LOG, 0.9).time(), g.get("median").get("time"));
            close(c.median(SurvivalConfType.LOG_LOG, 0.9).interval().lower(), g.get("median").get("lower"));
            JsonNode steps = g.get("steps");
            assertEquals(c.steps().size(), steps.size());
            for (int i = 0; i < steps.size(); i++) {
                SurvivalStep s = c.steps().get(i);
                JsonNode js = steps.get(i);
                close(s.time(), js.get("time"));
                assertEquals(s.atRisk(), js.get("atRisk").asLong());
                assertEquals(s.events(), js.get("events").asLong());
                assertEquals(s.censored(), js.get("censored").asLong());
                close(s.survival(), js.get("survival"));
                if (Double.isNaN(s.stdErr())) {
                    assertTrue(js.get("stdErr").isNull());
                } else {
                    close(s.stdErr(), js.get("stdErr"));
                }
                double lo = s.interval(SurvivalConfType.LOG_LOG, 0.9).lower();
                if (Double.isNaN(lo)) {
                    assertTrue(js.get("lower").isNull());
                } else {
                    close(lo, js.get("lower"));
                }
            }
        }
        LogRankTest lr = lib.logRank();
        close(lr.chiSquare(), j.get("logRank").get("chiSquare"));
        close(lr.pValue(), j.get("logRank").get("pValue"));
    }

    @Test
    void tableShowsMediansQuartileTimesAndTheLogRankTest() {
        CxTestSupport.Run r = cx("survival", lung().toString(), "--time", "time", "--event", "status=2", "--by", "sex");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("event 'status' = 2, by 'sex'"), out);
        assertTrue(out.contains("S(t) at t = 166, 252, 394"), out);
        assertTrue(out.contains("(all)              228     165       310  [285, 363]"), out);
        assertTrue(out.contains("1                  138     112       270  [212, 310]"), out);
        assertTrue(out.contains("2                   90      53       426  [348, 550]"), out);
        assertTrue(out.contains("log-rank test: chi-square 10.3267 on 1 df, p = 0.001311"), out);
        CxTestSupport.Run at = cx("survival", lung().toString(), "--time", "time", "--event", "status=2",
                "--at", "180,365");
        assertTrue(at.out().contains("0.7217 [0.6655, 0.7825]"), at.out());
        assertTrue(at.out().contains("0.4092 [0.3447, 0.4858]"), at.out());
        assertTrue(!at.out().contains("log-rank"), at.out());
    }

    @Test
    void zeroOneTrueFalseCodingAndNdjson() throws IOException {
        Path f = dir.resolve("c.ndjson");
        Files.writeString(f, "{\"days\":10,\"churned\":true,\"cls\":\"a\"}\n{\"days\":20,\"churned\":false,\"cls\":\"a\"}\n"
                + "{\"days\":5,\"churned\":1,\"cls\":null}\n{\"days\":7.5,\"churned\":0}\n");
        CxTestSupport.Run r = cx("survival", f.toString(), "--time", "days", "--event", "churned", "--by", "cls",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(4, j.get("overall").get("n").asLong());
        assertEquals(2, j.get("overall").get("events").asLong());
        assertEquals(7.5, j.get("overall").get("steps").get(1).get("time").asDouble());
        assertEquals(Set.of("(none)", "a"), Set.of(j.get("groups").get(0).get("group").asText(),
                j.get("groups").get(1).get("group").asText()));
        assertEquals("1/true = event, 0/false = censored", j.get("event").get("coding").asText());
    }

    @Test
    void sampleCustomersAreDemonstrable() throws IOException {
        new SampleCompany(3_000, 600, 7).write(dir, Set.of(SampleCompany.Table.CUSTOMERS),
                Set.of(SampleCompany.Format.CSV));
        CxTestSupport.Run r = cx("survival", dir.resolve("customers.csv").toString(), "--time", "tenure_days",
                "--event", "churned", "--by", "nps_class", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(600, j.get("input").get("accepted").asLong());
        assertEquals(3, j.get("groups").size());
        assertTrue(j.get("logRank").get("pValue").asDouble() < 0.01, r.out());
    }

    private CxTestSupport.Run bad(String content, String... options) throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, content);
        String[] args = new String[options.length + 2];
        args[0] = "survival";
        args[1] = f.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return cx(args);
    }

    private void badInput(String content, String expected, String... options) throws IOException {
        CxTestSupport.Run r = bad(content, options);
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("cx: " + dir.resolve("s.csv") + expected + System.lineSeparator(), r.err());
    }

    @Test
    void badInputNamesFileLineColumnAndRule() throws IOException {
        badInput("t,e\n5,1\n-3,0\n", ":3:1: column 't' value '-3': survival time must be finite and >= 0: -3",
                "--time", "t", "--event", "e");
        badInput("t,e\n5,2\n", ":2:2: column 'e' value '2': event must be 0 or 1 (or true/false); for another coding"
                + " name the event value, e.g. status=2", "--time", "t", "--event", "e");
        badInput("t,e\nx,1\n", ":2:1: column 't' value 'x': survival time must be a number", "--time", "t",
                "--event", "e");
        badInput("t,e\n4,\n", ":2:2: column 'e' value '': event is empty", "--time", "t", "--event", "e=2");
        badInput("t,e\n4,1\n", ":1: required column 'days' (time) is not in the header; columns are: t, e",
                "--time", "days", "--event", "e");
        badInput("t,e\n4,1\n", ":1: required column 'g' (by) is not in the header; columns are: t, e",
                "--time", "t", "--event", "e", "--by", "g");
    }

    @Test
    void skipReportsRejectedRows() throws IOException {
        CxTestSupport.Run r = bad("t,e\n5,1\n-3,0\n8,0\n", "--time", "t", "--event", "e", "--on-error", "skip");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 rows, 2 accepted, 1 rejected"), r.out());
        assertTrue(r.err().contains("1 x bad time"), r.err());
        CxTestSupport.Run j = bad("t,e\n5,1\n-3,0\n8,0\n", "--time", "t", "--event", "e", "--on-error", "skip",
                "--format", "json");
        assertTrue(j.out().contains("\"total\" : 1"), j.out());
    }

    @Test
    void usageErrors() throws IOException {
        assertEquals(2, bad("t,e\n1,1\n", "--time", "t").code());
        assertEquals(2, bad("t,e\n1,1\n", "--time", "t", "--event", "e", "--confidence", "1.5").code());
        CxTestSupport.Run ct = bad("t,e\n1,1\n", "--time", "t", "--event", "e", "--conf-type", "plain");
        assertEquals(2, ct.code());
        assertTrue(ct.err().contains("--conf-type must be log or log-log: plain"), ct.err());
        CxTestSupport.Run ev = bad("t,e\n1,1\n", "--time", "t", "--event", "e=");
        assertEquals(2, ev.code());
        assertTrue(ev.err().contains("--event must be COL or COL=VALUE: 'e='"), ev.err());
        assertEquals(2, bad("t,e\n1,1\n", "--time", "t", "--event", "e", "--at", "-1").code());
    }

    @Test
    void noSuchFile() {
        CxTestSupport.Run r = cx("survival", dir.resolve("nope.csv").toString(), "--time", "t", "--event", "e");
        assertEquals(1, r.code());
        assertEquals("cx: " + dir.resolve("nope.csv") + ": no such file" + System.lineSeparator(), r.err());
    }
}
