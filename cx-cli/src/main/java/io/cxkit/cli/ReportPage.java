package io.cxkit.cli;

import io.cxkit.core.TouchpointCatalog;
import io.cxkit.io.SurveyReadResult;
import io.cxkit.report.ChartOptions;
import io.cxkit.report.HtmlReport;
import io.cxkit.report.ScoreMetric;
import io.cxkit.report.ScoreTrendChart;
import io.cxkit.report.SegmentChart;
import io.cxkit.survey.SurveyScoresResult;
import java.util.ArrayList;
import java.util.List;

/** The HTML page of {@code cx report}: one chart per score with answers, trends when split by period. */
final class ReportPage {
    private ReportPage() {
    }

    static HtmlReport of(String file, SurveyReadResult r, double confidence, int minN) {
        SurveyScoresResult rep = r.report();
        ChartOptions o = ChartOptions.DEFAULTS.withConfidence(confidence).withLowN(minN);
        boolean trend = rep.segmentation().grain().isPresent();
        HtmlReport.Builder b = HtmlReport.builder().title("cx report: " + file)
                .subtitle("Survey scores " + (trend ? "over time" : "by segment") + " (" + rep.segmentation() + ")");
        b.section("What was read").list(HtmlOutput.read(file, r.rows(), r.accepted(), r.rejected(), r.columns()));
        r.input().touchpoints().ifPresent(t -> b.paragraph("Segments by " + t.level().label() + ": the touchpoint"
                + " column '" + t.column() + "' rolled up through " + t.catalog() + " (" + t.catalogTouchpoints()
                + " touchpoints)" + (t.notInCatalog().isEmpty() ? "." : "; responses at " + String.join(", ",
                        t.notInCatalog()) + " are under " + TouchpointCatalog.UNKNOWN + ".")));
        List<String> skipped = new ArrayList<>();
        for (ScoreMetric m : ScoreMetric.values()) {
            if (m.of(rep.overall()).n() == 0) {
                skipped.add(m.label());
                continue;
            }
            b.section(m.label()).chart(trend ? ScoreTrendChart.of(rep, m, o) : SegmentChart.of(rep, m, o));
        }
        if (skipped.size() == ScoreMetric.values().length) {
            throw new IllegalArgumentException(file + ": no NPS, CSAT or CES answers were counted (" + r.rows()
                    + " rows read)");
        }
        if (!skipped.isEmpty()) {
            b.section("Not drawn").paragraph("No " + String.join(", ", skipped) + " answers were counted, so there is"
                    + " no chart for " + (skipped.size() == 1 ? "it." : "them."));
        }
        return b.build();
    }
}
