package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.report.ScoreMetric;
import io.cxkit.report.ScoreTrendChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format html} on every command and {@code cx demo --html}, on the generated sample data. */
class HtmlCommandsTest {
    @TempDir
    static Path data;
    @TempDir
    Path dir;

    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)(\\bsrc\\s*=|\\bhref\\s*=\\s*\"(?!#)|url\\s*\\(|@import|<script|<link|<img|<iframe)");

    @BeforeAll
    static void generate() {
        new SampleCompany(6_000, 1_200, 2026).write(data, SampleCompany.allTables(),
                EnumSet.of(SampleCompany.Format.CSV));
    }

    static void assertPage(String html, String... chartIds) {
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, Math.min(200, html.length())));
        assertTrue(html.endsWith("</html>\n"));
        Matcher m = EXTERNAL.matcher(html);
        assertFalse(m.find(), () -> "external resource: " + html.substring(m.start(), Math.min(html.length(), m.end() + 60)));
        assertFalse(html.contains("NaN"), "NaN in the page");
        assertTrue(html.contains("Read ") && html.contains(" rows, "), "every page says what it read");
        for (String id : chartIds) {
            assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\""), id);
        }
    }

    private String page(String... args) throws IOException {
        Path out = dir.resolve("page.html");
        String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--format", "html", "--out", out.toString())).toArray(String[]::new);
        CxTestSupport.Run r = cx(full);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out(), "the page goes to --out, nothing to stdout");
        assertTrue(r.err().contains("cx: wrote " + out), r.err());
        return Files.readString(out);
    }

    @Test
    void reportDrawsSegmentsOrTrends() throws IOException {
        String responses = data.resolve("responses.csv").toString();
        assertPage(page("report", responses, "--by", "touchpoint"), "nps-by-touchpoint", "csat-by-touchpoint",
                "ces-by-touchpoint");
        String trend = page("report", responses, "--period", "month");
        assertPage(trend, "nps-trend", "csat-trend", "ces-trend");
        assertTrue(trend.contains("Read " + responses + ": 6,000 rows, 6,000 counted, 0 rejected."), trend);
        // Without --out the page is the standard output.
        CxTestSupport.Run r = cx("report", responses, "--by", "segment", "--format", "html");
        assertEquals(0, r.code(), r.err());
        assertPage(r.out(), "nps-by-segment");
    }

    @Test
    void skippedRowsAreListedOnThePageAndMinNDecidesLowN() throws IOException {
        Path csv = dir.resolve("small.csv");
        StringBuilder sb = new StringBuilder("id,touchpoint,nps\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i).append(i < 10 ? ",kiosk," : ",web,").append(i % 11).append('\n');
        }
        sb.append("99,web,eleven\n");
        Files.writeString(csv, sb.toString());
        String html = page("report", csv.toString(), "--by", "touchpoint", "--on-error", "skip", "--min-n", "12");
        assertPage(html, "nps-by-touchpoint");
        assertTrue(html.contains(": 41 rows, 40 counted, 1 rejected ("), html);
        assertTrue(html.contains("data-label=\"kiosk\" data-estimate="), "kiosk is drawn");
        assertTrue(html.contains("class=\"row low-n\" data-label=\"kiosk\""), "10 answers < --min-n 12");
        assertTrue(html.contains("fewer than 12 answers"), "the caption states the threshold");
    }

    @Test
    void funnelPageCarriesTheNumbersOfTheJsonOutput() throws IOException {
        String file = data.resolve("interactions.csv").toString();
        String[] args = {"funnel", file, "--steps", "social_ad,product_page,checkout_app", "--within", "1d",
            "--split-gap", "30d", "--by", "channel"};
        String html = page(args);
        assertPage(html, "funnel", "funnel-channel-social");
        CxTestSupport.Run json = cx(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--format", "json")).toArray(String[]::new));
        JsonNode steps = new ObjectMapper().readTree(json.out()).get("overall").get("steps");
        int from = html.indexOf("id=\"funnel\"");
        for (JsonNode s : steps) {
            assertTrue(html.indexOf("data-step=\"" + s.get("name").asText() + "\" data-entered=\""
                    + s.get("entered").asLong() + "\"", from) > 0, s.toString());
        }
    }

    @Test
    void journeyServiceSurvivalDriversAndAttributionPages() throws IOException {
        String interactions = data.resolve("interactions.csv").toString();
        assertPage(page("paths", interactions, "--top", "5"), "top-paths", "transitions");
        assertPage(page("service", data.resolve("ticket_events.csv").toString(), "--sla",
                "first-response=1h,resolution=1d", "--by", "channel"), "first-response-by-channel",
                "resolution-by-channel", "requester-wait-by-channel");
        String km = page("survival", data.resolve("customers.csv").toString(), "--time", "tenure_days", "--event",
                "churned", "--by", "nps_class");
        assertPage(km, "survival");
        assertTrue(km.contains("Log-rank test: chi-square"), "log-rank in the caption");
        assertPage(page("drivers", data.resolve("responses.csv").toString(), "--outcome", "csat", "--drivers",
                "ease,speed,friendliness,price", "--bootstrap", "100", "--seed", "3"), "driver-importance",
                "driver-quadrant");
        String attr = page("attribution", interactions, "--converted", "outcome=renewed", "--model", "linear");
        assertPage(attr, "attribution");
        assertTrue(attr.indexOf("<th scope=\"col\">linear</th>") < attr.indexOf("<th scope=\"col\">markov</th>"),
                "the chosen model comes first");
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        CxTestSupport.Run r = cx("report", data.resolve("responses.csv").toString(), "--format", "html");
        assertEquals(Cx.USAGE, r.code());
        assertTrue(r.err().contains("--format html needs --by or --period"), r.err());
        r = cx("funnel", data.resolve("interactions.csv").toString(), "--steps", "a,b", "--format", "json", "--out",
                dir.resolve("x.html").toString());
        assertEquals(Cx.USAGE, r.code());
        assertTrue(r.err().contains("--out FILE is for --format html"), r.err());
        r = cx("service", data.resolve("tickets.csv").toString(), "--format", "html");
        assertEquals(Cx.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("is read as a ticket export"), r.err());
        r = cx("paths", data.resolve("interactions.csv").toString(), "--top", "0", "--format", "html");
        assertEquals(Cx.USAGE, r.code());
        assertTrue(r.err().contains("--top must be >= 1 with --format html"), r.err());
    }

    @Test
    void demoPageIsDeterministicAndMarksTheDemosMovers() throws IOException {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        CxTestSupport.Run ra = cx("demo", "--responses", "6000", "--out", dir.resolve("da").toString(), "--html",
                a.toString());
        CxTestSupport.Run rb = cx("demo", "--responses", "6000", "--out", dir.resolve("db").toString(), "--html",
                b.toString());
        assertEquals(0, ra.code(), ra.err());
        assertEquals(0, rb.code(), rb.err());
        assertTrue(ra.out().contains("Where the story is"), "the text report is still printed");
        String html = Files.readString(a);
        assertEquals(html, Files.readString(b), "same seed and size, same bytes, whatever the data directory");
        assertPage(html, "nps-by-touchpoint", "csat-by-touchpoint", "ces-by-touchpoint", "nps-trend",
                "nps-trend-by-touchpoint", "funnel", "top-paths", "transitions", "first-response-by-channel",
                "resolution-by-channel", "survival", "driver-importance", "driver-quadrant", "attribution");
        assertFalse(html.contains(dir.toString()), "no temporary path in the page");
        for (String line : Demo.story(Demo.run(new SampleCompany(6_000, 1_200, 2026), dir.resolve("dc")))) {
            assertTrue(html.contains(line.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;")), line);
        }
    }

    @Test
    void theTrendChartsMoversAreTheDemosMovers() {
        Demo.Findings f = Demo.run(new SampleCompany(30_000, 6_000, 2026), dir.resolve("d"));
        io.cxkit.io.SurveyReadResult r = io.cxkit.io.SurveyReader.builder().segmentBy("touchpoint")
                .period(io.cxkit.core.TimeGrain.MONTH, java.time.ZoneOffset.UTC).build()
                .read(f.dir().resolve("responses.csv"));
        List<ScoreTrendChart.Mover> all = ScoreTrendChart.comparisons(r.report(), ScoreMetric.NPS,
                io.cxkit.report.ChartOptions.DEFAULTS);
        assertEquals(f.comparisons(), all.size(), "the same comparisons");
        List<String> chart = ScoreTrendChart.movers(r.report(), ScoreMetric.NPS, io.cxkit.report.ChartOptions.DEFAULTS)
                .stream().map(m -> m.series() + " " + m.period() + " " + m.change().difference() + " " + m.adjustedP())
                .sorted().toList();
        List<String> demo = f.movers().stream().map(m -> m.touchpoint() + " " + m.month() + " "
                + m.change().difference() + " " + m.adjustedP()).sorted().toList();
        assertEquals(demo, chart, "the chart marks exactly the movers cx demo lists, with the same q");
        assertFalse(demo.isEmpty());
    }
}
