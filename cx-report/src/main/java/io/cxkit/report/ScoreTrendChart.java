package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.MultipleTesting;
import io.cxkit.core.SegmentKey;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A score over calendar periods with its confidence band, one panel per series (small multiples on
 * a shared scale), the significant period-over-period movers marked and low-n periods hollow.
 *
 * <p>The input is a {@link SurveyScoresResult} split by period ({@code SurveyReader.Builder.period}); the
 * period is the key's last part and the parts before it name the series (none: one series of all
 * responses). Movers are found as {@code cx demo} finds them: each period is compared with the
 * series' previous period present in the report when both have {@code n > 1} (NPS: z test of the
 * signed difference; CSAT: two-proportion z test; CES: Welch), the p-values of all comparisons in
 * the chart are adjusted together by Benjamini–Hochberg, and a change whose adjusted p is below the
 * options' false-discovery rate is a mover (▲ up, ▼ down).
 */
public final class ScoreTrendChart {
    private static final int WIDTH = 760;

    /**
     * A period-over-period change of one series, with its Benjamini–Hochberg adjusted p-value across
     * all comparisons of the chart.
     *
     * @param series the series label ({@code all} when the report has no other key part)
     * @param period the period label, e.g. {@code 2026-07}
     * @param previous the previous period's label
     * @param change {@code this period − previous} by the metric's two-sample comparison
     * @param adjustedP the BH adjusted p-value
     */
    public record Mover(String series, String period, String previous, Comparison change, double adjustedP) {
        @Override
        public String toString() {
            return "Mover[" + series + " " + period + " vs " + previous + ": " + Num.signed(change.difference(), 1)
                    + ", p=" + Num.p(change.pValue()) + ", BH q=" + Num.p(adjustedP) + "]";
        }
    }

    private ScoreTrendChart() {
    }

    /**
     * Every period-over-period comparison of the report with its BH adjusted p-value, in series and
     * period order (movers are those with {@code adjustedP < falseDiscoveryRate}).
     *
     * @param report a report split by period
     * @param metric the score
     * @param options the confidence of the change intervals
     * @return the comparisons
     * @throws IllegalArgumentException if the report is not split by period
     */
    public static List<Mover> comparisons(SurveyScoresResult report, ScoreMetric metric, ChartOptions options) {
        Map<String, TreeMap<String, ScoreCardResult>> series = series(report);
        List<Mover> raw = new ArrayList<>();
        for (Map.Entry<String, TreeMap<String, ScoreCardResult>> s : series.entrySet()) {
            Map.Entry<String, ScoreCardResult> prev = null;
            for (Map.Entry<String, ScoreCardResult> e : s.getValue().entrySet()) {
                if (prev != null && metric.of(prev.getValue()).n() > 1 && metric.of(e.getValue()).n() > 1) {
                    try {
                        Comparison c = metric.compare(e.getValue(), prev.getValue(), options.confidence());
                        raw.add(new Mover(s.getKey(), e.getKey(), prev.getKey(), c, Double.NaN));
                    } catch (IllegalArgumentException untestable) {
                        // a comparison the test refuses (no variance) is not made and not counted
                    }
                }
                prev = e;
            }
        }
        double[] q = MultipleTesting.benjaminiHochberg(raw.stream().mapToDouble(m -> {
            double p = m.change().pValue();
            return p >= 0 && p <= 1 ? p : Double.NaN;
        }).toArray());
        List<Mover> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Mover m = raw.get(i);
            out.add(new Mover(m.series(), m.period(), m.previous(), m.change(), q[i]));
        }
        return List.copyOf(out);
    }

    /**
     * The significant movers: comparisons whose adjusted p-value is below the false-discovery rate.
     *
     * @param report a report split by period
     * @param metric the score
     * @param options the false-discovery rate and confidence
     * @return the movers, in series and period order
     */
    public static List<Mover> movers(SurveyScoresResult report, ScoreMetric metric, ChartOptions options) {
        return comparisons(report, metric, options).stream()
                .filter(m -> m.adjustedP() < options.falseDiscoveryRate()).toList();
    }

    /**
     * Draws the trend.
     *
     * @param report a report split by period (and optionally by attributes, one panel per value)
     * @param metric the score to draw
     * @param options confidence, low-n threshold and false-discovery rate
     * @return the chart, id {@code <metric>-trend}
     * @throws IllegalArgumentException if the report is not split by period or counted nothing
     */
    public static Chart of(SurveyScoresResult report, ScoreMetric metric, ChartOptions options) {
        Map<String, TreeMap<String, ScoreCardResult>> series = series(report);
        if (metric.of(report.overall()).n() == 0) {
            throw new IllegalArgumentException("report has no " + metric.label() + " answers: n = 0 (nothing to draw)");
        }
        TreeSet<String> periods = new TreeSet<>();
        series.values().forEach(m -> periods.addAll(m.keySet()));
        List<String> ps = List.copyOf(periods);
        List<Mover> all = comparisons(report, metric, options);
        Map<String, Mover> byPoint = new TreeMap<>();
        for (Mover m : all) {
            byPoint.put(m.series() + "\u0000" + m.period(), m);
        }
        long movers = all.stream().filter(m -> m.adjustedP() < options.falseDiscoveryRate()).count();

        double[] range = metric.range(report.overall());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        TreeSet<String> methods = new TreeSet<>();
        for (TreeMap<String, ScoreCardResult> m : series.values()) {
            for (ScoreCardResult r : m.values()) {
                Estimate e = metric.of(r);
                if (e.n() > 0 && Double.isFinite(e.estimate())) {
                    Interval iv = e.interval(options.confidence());
                    methods.add(iv.method());
                    lo = Math.min(lo, Double.isFinite(iv.lower()) ? iv.lower() : e.estimate());
                    hi = Math.max(hi, Double.isFinite(iv.upper()) ? iv.upper() : e.estimate());
                }
            }
        }
        double[] dom = Scale.niceDomain(lo, hi, 5);
        dom[0] = Math.max(dom[0], range[0]);
        dom[1] = Math.min(dom[1], range[1]);
        if (!(dom[1] > dom[0])) {
            dom = range;
        }
        String metricName = metric.label();
        String grain = report.segmentation().grain().orElseThrow().name().toLowerCase(java.util.Locale.ROOT);
        List<String> attrs = report.segmentation().attributes();
        String id = Markup.slug(metricName + " trend" + (attrs.isEmpty() ? "" : " by " + String.join(" ", attrs)));
        String title = metricName + " by " + grain + (attrs.isEmpty() ? "" : ", one panel per " + String.join(" and ", attrs));

        int n = series.size();
        int cols = n == 1 ? 1 : 2;
        int rows = (n + cols - 1) / cols;
        double panelW = (WIDTH - 20.0) / cols;
        double panelH = n == 1 ? 300 : 190;
        double legendH = 34;
        int height = (int) Math.ceil(legendH + rows * panelH + 10);
        long missing = 0;
        long lowCount = 0;
        Table table = new Table(title + ": estimate, " + options.level() + " interval, change from the previous "
                + grain + " and its BH-adjusted p-value", "series", grain, "n", metricName, "lower", "upper",
                "change", "p", "BH q", "flag");
        StringBuilder desc = new StringBuilder(title + ", " + ps.size() + " periods from " + ps.get(0) + " to "
                + ps.get(ps.size() - 1) + ". ");
        Svg s = new Svg(id, WIDTH, height, title);
        Axes.legend(s, 60, 20, List.of(new String[] {"band", Palette.BAND, options.level() + " interval"},
                new String[] {"dot", Palette.BLUE, metricName},
                new String[] {"hollow", Palette.BLUE, "low n (< " + options.lowN() + ")"},
                new String[] {"up", Palette.VERMILLION, "significant change (BH, FDR "
                        + Num.fixed(100 * options.falseDiscoveryRate(), 0) + "%)"}));
        int idx = 0;
        for (Map.Entry<String, TreeMap<String, ScoreCardResult>> se : series.entrySet()) {
            double ox = 10 + (idx % cols) * panelW;
            double oy = legendH + (idx / cols) * panelH;
            double left = ox + 52;
            double right = ox + panelW - 12;
            double top = oy + 22;
            double bottom = oy + panelH - 40;
            Scale x = Scale.linear(-0.5, ps.size() - 0.5, left, right);
            Scale y = Scale.linear(dom[0], dom[1], bottom, top);
            s.open("g", "class", "panel", "data-series", se.getKey());
            s.text(left, oy + 14, "start", n == 1 ? metricName + " (all responses)" : se.getKey(), "font-weight",
                    "bold", "fill", Palette.INK);
            double step = y.tickStep(n == 1 ? 6 : 4);
            Axes.y(s, y, left, right, y.ticks(n == 1 ? 6 : 4), v -> Num.tick(v, step),
                    idx % cols == 0 ? metric.axisTitle(report.overall()) : null);
            int every = Math.max(1, (int) Math.ceil(ps.size() * 46.0 / (right - left)));
            s.open("g", "class", "axis x");
            for (int i = 0; i < ps.size(); i++) {
                if (i % every == 0) {
                    s.text(x.map(i), bottom + 15, "middle", ps.get(i), "fill", Palette.MUTED, "font-size", "10");
                }
            }
            s.line(left, bottom, right, bottom, Palette.AXIS, 1);
            s.close("g");
            if (dom[0] < 0 && dom[1] > 0) {
                s.line(left, y.map(0), right, y.map(0), Palette.AXIS, 1, "stroke-dasharray", "2 2");
            }
            // Band and line, broken where a period has no data.
            List<List<double[]>> runs = new ArrayList<>();
            List<double[]> run = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                ScoreCardResult r = se.getValue().get(ps.get(i));
                Estimate e = r == null ? null : metric.of(r);
                if (e == null || e.n() == 0 || !Double.isFinite(e.estimate())) {
                    if (!run.isEmpty()) {
                        runs.add(run);
                        run = new ArrayList<>();
                    }
                    continue;
                }
                Interval iv = e.interval(options.confidence());
                run.add(new double[] {i, e.estimate(), Double.isFinite(iv.lower()) ? iv.lower() : e.estimate(),
                    Double.isFinite(iv.upper()) ? iv.upper() : e.estimate()});
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
            for (List<double[]> r : runs) {
                Svg.PathData band = new Svg.PathData();
                Svg.PathData line = new Svg.PathData();
                for (int k = 0; k < r.size(); k++) {
                    double[] p = r.get(k);
                    if (k == 0) {
                        band.move(x.map(p[0]), y.map(p[3]));
                        line.move(x.map(p[0]), y.map(p[1]));
                    } else {
                        band.line(x.map(p[0]), y.map(p[3]));
                        line.line(x.map(p[0]), y.map(p[1]));
                    }
                }
                for (int k = r.size() - 1; k >= 0; k--) {
                    band.line(x.map(r.get(k)[0]), y.map(r.get(k)[2]));
                }
                band.close();
                s.path(band, Palette.BAND, "none", 0, "fill-opacity", "0.18", "class", "band");
                if (r.size() > 1) {
                    s.path(line, "none", Palette.BLUE, 2, "class", "line");
                }
            }
            for (int i = 0; i < ps.size(); i++) {
                String period = ps.get(i);
                ScoreCardResult r = se.getValue().get(period);
                Estimate e = r == null ? null : metric.of(r);
                double px = x.map(i);
                if (e == null || e.n() == 0 || !Double.isFinite(e.estimate())) {
                    missing++;
                    s.open("g", "class", "missing", "data-period", period);
                    s.title(se.getKey() + " " + period + ": no data");
                    s.text(px, bottom - 4, "middle", "n/a", "fill", Palette.MUTED, "font-size", "9");
                    s.close("g");
                    table.row(se.getKey(), period, e == null ? "0" : Num.count(e.n()), "no data", "", "", "", "", "",
                            "no data");
                    continue;
                }
                Interval iv = e.interval(options.confidence());
                Mover mv = byPoint.get(se.getKey() + "\u0000" + period);
                boolean sig = mv != null && mv.adjustedP() < options.falseDiscoveryRate();
                boolean low = options.low(e.n());
                lowCount += low ? 1 : 0;
                String est = Num.fixed(e.estimate(), metric.decimals());
                String tip = se.getKey() + " " + period + ": " + metricName + " " + est + " (" + options.level() + " CI "
                        + Num.or(iv.lower(), metric.decimals(), "NA") + " to " + Num.or(iv.upper(), metric.decimals(), "NA")
                        + ", n=" + Num.count(e.n()) + ")" + (low ? ", low n" : "")
                        + (sig ? ", significant change " + Num.signed(mv.change().difference(), 1) + " from "
                                + mv.previous() : "");
                s.open("g", "class", sig ? "point mover" : low ? "point low-n" : "point", "data-period", period,
                        "data-n", Long.toString(e.n()), "data-estimate", est);
                s.title(tip);
                double py = y.map(e.estimate());
                if (sig) {
                    Axes.triangle(s, px, py, mv.change().difference() > 0, Palette.VERMILLION);
                    s.text(px + 8, py + (mv.change().difference() > 0 ? -6 : 14), "start",
                            Num.signed(mv.change().difference(), 1), "fill", Palette.VERMILLION, "font-size", "10",
                            "font-weight", "bold", "stroke", "#ffffff", "stroke-width", "3", "paint-order", "stroke");
                } else if (low) {
                    s.circle(px, py, 3.5, "#ffffff", "stroke", Palette.BLUE, "stroke-width", "1.5");
                } else {
                    s.circle(px, py, 3, Palette.BLUE);
                }
                s.close("g");
                table.row(se.getKey(), period, Num.count(e.n()), est, Num.or(iv.lower(), metric.decimals(), "NA"),
                        Num.or(iv.upper(), metric.decimals(), "NA"),
                        mv == null ? "" : Num.signed(mv.change().difference(), metric.decimals()),
                        mv == null ? "" : Num.p(mv.change().pValue()), mv == null ? "" : Num.p(mv.adjustedP()),
                        sig ? "significant change" : low ? "low n" : "");
            }
            s.close("g");
            idx++;
        }
        long total = metric.of(report.overall()).n();
        String method = String.join(", ", methods);
        String caption = title + ": " + Num.count(total) + " " + metricName + " answers in " + ps.size() + " "
                + grain + (ps.size() == 1 ? "" : "s") + (n > 1 ? ", " + n + " series" : "") + ". Shaded band: "
                + options.level() + " " + method + " interval. Hollow points: fewer than " + options.lowN()
                + " answers (low n, " + lowCount + " point" + (lowCount == 1 ? "" : "s") + "). Triangles: "
                + movers + " significant change" + (movers == 1 ? "" : "s") + " from the previous " + grain + " ("
                + metric.test() + ", Benjamini-Hochberg across all " + all.size() + " comparisons, FDR "
                + Num.fixed(100 * options.falseDiscoveryRate(), 0) + "%)."
                + ScoreMetric.weighting(metric.of(report.overall())) + (missing > 0 ? " " + missing
                + " period" + (missing == 1 ? "" : "s") + " without data, marked n/a and left out of the line." : "");
        desc.append(caption);
        return new Chart(id, title, s.desc(desc.toString()).done(), caption, table.html());
    }

    /** Series label → period label → scores. */
    private static Map<String, TreeMap<String, ScoreCardResult>> series(SurveyScoresResult report) {
        Check.notNull(report, "report");
        if (report.segmentation().grain().isEmpty()) {
            throw new IllegalArgumentException("report must be split by period for a trend"
                    + " (SurveyReader.Builder.period): its segmentation is " + report.segmentation());
        }
        Map<String, TreeMap<String, ScoreCardResult>> out = new TreeMap<>();
        for (Map.Entry<SegmentKey, ScoreCardResult> e : report.segments().asMap().entrySet()) {
            List<String> parts = e.getKey().parts();
            String period = parts.get(parts.size() - 1);
            String name = parts.size() == 1 ? "all" : String.join("|", parts.subList(0, parts.size() - 1));
            out.computeIfAbsent(name, k -> new TreeMap<>()).put(period, e.getValue());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("report has no periods: it counted no responses (n = 0)");
        }
        return out;
    }
}
