package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.SegmentKey;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A score per segment with its interval, sorted from the highest estimate down, the overall score as
 * a dashed reference line, low-n segments hollow and labelled, empty segments listed as "no data".
 */
public final class SegmentChart {
    private SegmentChart() {
    }

    /**
     * Draws the comparison.
     *
     * @param report a segmented report (any segmentation; the key label names each row)
     * @param metric the score to draw
     * @param options confidence and low-n threshold
     * @return the chart, id {@code <metric>-by-<parts>}
     * @throws IllegalArgumentException if the report has no segments or its overall score is empty
     */
    public static Chart of(SurveyScoresResult report, ScoreMetric metric, ChartOptions options) {
        Check.notNull(report, "report");
        if (report.segments().isEmpty()) {
            throw new IllegalArgumentException("report has no segments to compare (segmentation "
                    + report.segmentation() + ")");
        }
        Estimate overall = metric.of(report.overall());
        if (overall.n() == 0) {
            throw new IllegalArgumentException("report has no " + metric.label() + " answers: n = 0 (nothing to draw)");
        }
        List<String> parts = report.segmentation().partNames();
        String by = String.join(" and ", parts);
        String title = metric.label() + " by " + by;
        String id = Markup.slug(metric.label() + " by " + String.join(" ", parts));
        List<Map.Entry<SegmentKey, ScoreCardResult>> entries = new ArrayList<>(report.segments().asMap().entrySet());
        // Highest estimate first; empty segments last; ties by key (the map's order, a stable sort).
        entries.sort(Comparator.comparingDouble((Map.Entry<SegmentKey, ScoreCardResult> e) -> {
            Estimate x = metric.of(e.getValue());
            return x.n() > 0 && Double.isFinite(x.estimate()) ? -x.estimate() : Double.POSITIVE_INFINITY;
        }));
        int dec = metric.decimals();
        Interval oi = overall.interval(options.confidence());
        TreeSet<String> methods = new TreeSet<>();
        methods.add(oi.method());
        List<IntervalRows.Row> rows = new ArrayList<>();
        Table table = new Table(title + ": estimate and " + options.level() + " interval per segment, highest first",
                by, "n", metric.label(), "lower", "upper", "vs overall", "flag");
        long low = 0;
        long empty = 0;
        for (Map.Entry<SegmentKey, ScoreCardResult> e : entries) {
            Estimate x = metric.of(e.getValue());
            String label = e.getKey().label();
            if (x.n() == 0 || !Double.isFinite(x.estimate())) {
                empty++;
                rows.add(new IntervalRows.Row(label, Double.NaN, Double.NaN, Double.NaN, false,
                        label + ": no " + metric.label() + " answers (n = 0)"));
                table.row(label, "0", "no data", "", "", "", "no data");
                continue;
            }
            Interval iv = x.interval(options.confidence());
            methods.add(iv.method());
            boolean isLow = options.low(x.n());
            low += isLow ? 1 : 0;
            String est = Num.fixed(x.estimate(), dec);
            rows.add(new IntervalRows.Row(label, x.estimate(), iv.lower(), iv.upper(), isLow, label + ": "
                    + metric.label() + " " + est + " (" + options.level() + " CI " + Num.or(iv.lower(), dec, "NA") + " to "
                    + Num.or(iv.upper(), dec, "NA") + ", n=" + Num.count(x.n()) + ")" + (isLow ? ", low n" : ""),
                    "data-n", Long.toString(x.n())));
            table.row(label, Num.count(x.n()), est, Num.or(iv.lower(), dec, "NA"), Num.or(iv.upper(), dec, "NA"),
                    Num.signed(x.estimate() - overall.estimate(), dec), isLow ? "low n" : "");
        }
        double[] domain = IntervalRows.domain(rows, overall.estimate(), metric.range(report.overall()));
        String overallLabel = "overall " + Num.fixed(overall.estimate(), dec);
        Svg s = IntervalRows.draw(id, title, rows, domain, metric.axisTitle(report.overall()), overall.estimate(),
                overallLabel, false, dec, List.of(new String[] {"dot", Palette.BLUE, metric.label() + " with "
                        + options.level() + " interval"}, new String[] {"hollow", Palette.BLUE, "low n (< "
                        + options.lowN() + ")"}, new String[] {"dash", Palette.BLACK, "overall"}));
        String caption = title + ": " + report.segments().size() + " segments, " + Num.count(overall.n()) + " "
                + metric.label() + " answers overall (" + overallLabel + ", dashed line). Whiskers: " + options.level()
                + " " + String.join(", ", methods) + " intervals. Sorted from the highest estimate. " + low
                + " segment" + (low == 1 ? "" : "s") + " with fewer than " + options.lowN() + " answers (low n, hollow)."
                + ScoreMetric.weighting(overall)
                + (empty > 0 ? " " + empty + " segment" + (empty == 1 ? "" : "s") + " without " + metric.label()
                + " answers, listed as no data." : "");
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }
}
