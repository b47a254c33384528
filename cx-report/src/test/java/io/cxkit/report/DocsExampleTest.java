package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.DocExamples;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the API example of {@code docs/html-report.md} and checks that the document shows exactly this code. */
class DocsExampleTest {

    @Test
    void apiExampleRunsAndIsTheDocumentedCode(@TempDir Path dir) throws IOException {
        List<SurveyResponse> responses = new ArrayList<>();
        Random r = new Random(1);
        for (int i = 0; i < 600; i++) {
            String tp = i % 2 == 0 ? "web" : "app";
            Instant t = Instant.parse("2026-01-10T00:00:00Z").plusSeconds(86_400L * (i % 150));
            responses.add(SurveyResponse.of("r" + i, t).withAttribute("touchpoint", tp)
                    .withAnswer("nps", Fixtures.clamp((int) Math.round(8 + 2 * r.nextGaussian()), 0, 10)));
        }
        // BEGIN api
        SurveyScores scores = SurveyScores.of(ScoreCard.create(),
                Segmentation.of("touchpoint").period(TimeGrain.MONTH, ZoneOffset.UTC));
        responses.forEach(scores::accept);
        SurveyScoresResult report = scores.result();
        ChartOptions options = ChartOptions.DEFAULTS;          // 95%, low n below 30, movers at FDR 1%
        HtmlReport page = HtmlReport.builder()
                .title("NPS by touchpoint, 2026")
                .section("Trend")
                .paragraph("Read " + responses.size() + " responses.")
                .chart(ScoreTrendChart.of(report, ScoreMetric.NPS, options))
                .build();
        page.write(dir.resolve("nps.html"));                  // one self-contained file
        page.writeSvgs(dir.resolve("svg"));                   // and each chart as ID.svg
        // END api
        assertEquals(page.html(), Files.readString(dir.resolve("nps.html")));
        assertTrue(Files.exists(dir.resolve("svg/nps-trend-by-touchpoint.svg")));
        HtmlReportTest.assertSelfContained(page.html());
        assertSameAsDocs("api");
    }

    private static void assertSameAsDocs(String name) throws IOException {
        DocExamples.assertSameAs(Path.of(System.getProperty("user.dir")).getParent().resolve("docs/html-report.md"),
                "cx-report", "src/test/java/io/cxkit/report/DocsExampleTest.java", name, s -> s);
    }
}
