package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.core.Interval;
import io.cxkit.journey.survival.LogRankGroup;
import io.cxkit.journey.survival.LogRankTest;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.journey.survival.SurvivalResult;
import io.cxkit.journey.survival.SurvivalStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Kaplan–Meier curves, one per group (or the pooled curve when there are no groups), each a step
 * function with its pointwise confidence band, the median survival time marked where the curve
 * crosses 0.5, and the log-rank test in the caption.
 */
public final class SurvivalChart {
    private static final int WIDTH = 760;
    private static final int MAX_CENSOR_TICKS = 60;

    private SurvivalChart() {
    }

    /**
     * Draws the curves.
     *
     * @param result the survival result
     * @param timeUnit the unit of the times, for the axis (e.g. {@code "days"})
     * @param type the pointwise interval type of the bands and median intervals
     * @param options the confidence level
     * @return the chart, id {@code survival}
     * @throws IllegalArgumentException if no subject was counted
     */
    public static Chart of(SurvivalResult result, String timeUnit, SurvivalConfType type, ChartOptions options) {
        Check.notNull(result, "result");
        Check.notNull(type, "type");
        Check.notNull(timeUnit, "timeUnit");
        if (result.n() == 0) {
            throw new IllegalArgumentException("survival counted no subjects: n = 0 (nothing to draw)");
        }
        boolean grouped = !(result.groups().size() == 1 && result.groups().containsKey(SurvivalAccumulator.ALL));
        List<SurvivalCurve> curves = grouped ? List.copyOf(result.groups().values()) : List.of(result.overall());
        double tMax = 0;
        for (SurvivalCurve c : curves) {
            for (SurvivalStep st : c.steps()) {
                tMax = Math.max(tMax, st.time());
            }
        }
        double[] dom = Scale.niceDomain(0, tMax > 0 ? tMax : 1, 6);
        String title = "Kaplan-Meier survival" + (grouped ? " by group" : "");
        String id = "survival";
        double left = 64;
        double right = WIDTH - 24;
        double top = 50;
        double bottom = 340;
        int height = 400;
        Svg s = new Svg(id, WIDTH, height, title);
        Scale x = Scale.linear(0, dom[1], left, right);
        Scale y = Scale.linear(0, 1, bottom, top);
        double xs = x.tickStep(6);
        Axes.x(s, x, top, bottom, x.ticks(6), v -> Num.tick(v, xs), "time (" + timeUnit + ")");
        Axes.y(s, y, left, right, y.ticks(5), v -> Num.tick(v, 0.1), "share surviving S(t)");
        s.line(left, y.map(0.5), right, y.map(0.5), Palette.AXIS, 1, "stroke-dasharray", "3 3", "class", "half");
        List<String[]> legend = new ArrayList<>();
        Table table = new Table(title + ": subjects, events, median survival with its " + options.level()
                + " interval", "group", "n", "events", "censored", "median", "lower", "upper");
        StringBuilder medians = new StringBuilder();
        for (int g = 0; g < curves.size(); g++) {
            SurvivalCurve c = curves.get(g);
            String colour = Palette.series(g);
            legend.add(new String[] {"line", colour, c.group() + " (n=" + Num.count(c.n()) + ")"});
            MedianSurvival m = c.median(type, options.confidence());
            s.open("g", "class", "curve", "data-group", c.group(), "data-n", Long.toString(c.n()));
            s.title(c.group() + ": n=" + Num.count(c.n()) + ", " + Num.count(c.events()) + " events, median "
                    + (m.reached() ? Num.fixed(m.time(), 1) + " " + timeUnit : "not reached"));
            band(s, x, y, c, type, options, colour);
            Svg.PathData line = new Svg.PathData().move(x.map(0), y.map(1));
            double prevS = 1;
            for (SurvivalStep st : c.steps()) {
                line.line(x.map(st.time()), y.map(prevS)).line(x.map(st.time()), y.map(st.survival()));
                prevS = st.survival();
            }
            s.path(line, "none", colour, 2, "class", "km");
            // Censoring ticks only while they stay readable (a tick per censoring time).
            if (c.steps().stream().filter(st -> st.censored() > 0).count() <= MAX_CENSOR_TICKS) {
                for (SurvivalStep st : c.steps()) {
                    if (st.censored() > 0) {
                        double cx = x.map(st.time());
                        double cy = y.map(st.survival());
                        s.line(cx, cy - 3, cx, cy + 3, colour, 1, "class", "censor");
                    }
                }
            }
            if (m.reached()) {
                double mx = x.map(m.time());
                s.open("g", "class", "median", "data-time", Num.fixed(m.time(), 2));
                s.line(mx, y.map(0.5), mx, bottom, colour, 1.2, "stroke-dasharray", "4 3");
                s.circle(mx, y.map(0.5), 4, colour);
                s.close("g");
            }
            s.close("g");
            Interval mi = m.interval();
            table.row(c.group(), Num.count(c.n()), Num.count(c.events()), Num.count(c.n() - c.events()),
                    m.reached() ? Num.fixed(m.time(), 1) : "not reached", Num.or(mi.lower(), 1, "not reached"),
                    Num.or(mi.upper(), 1, "not reached"));
            medians.append(medians.length() == 0 ? "" : "; ").append(c.group()).append(' ')
                    .append(m.reached() ? Num.fixed(m.time(), 1) + " [" + Num.or(mi.lower(), 1, "NR") + ", "
                            + Num.or(mi.upper(), 1, "NR") + "]" : "not reached");
        }
        Axes.legend(s, left, 20, legend);
        String logRank = "";
        if (grouped) {
            LogRankTest lr = result.logRank();
            logRank = lr.df() > 0 ? " Log-rank test: chi-square " + Num.fixed(lr.chiSquare(), 2) + " on " + lr.df()
                    + " df, p = " + Num.p(lr.pValue()) + " (observed/expected events: "
                    + String.join(", ", lr.groups().stream().map(SurvivalChart::oe).toList()) + ")."
                    : " Log-rank test: not computed (fewer than two groups with events).";
        }
        String caption = title + ": " + Num.count(result.n()) + " subjects, " + Num.count(result.overall().events())
                + " events, " + Num.count(result.overall().n() - result.overall().events()) + " censored (ticks on"
                + " the curve where at most " + MAX_CENSOR_TICKS + " times have censorings)."
                + " Bands: " + options.level() + " pointwise " + type.label() + " intervals (Greenwood). Median survival"
                + " (" + timeUnit + ", " + options.level() + " interval, where the curve crosses the dotted 0.5 line): "
                + medians + "." + logRank;
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }

    private static String oe(LogRankGroup g) {
        return g.group() + " " + g.observed() + "/" + Num.or(g.expected(), 1, "NA");
    }

    /** The pointwise band as a stepped polygon, broken where a bound is undefined (S = 0 on the log scale). */
    private static void band(Svg s, Scale x, Scale y, SurvivalCurve c, SurvivalConfType type, ChartOptions o,
            String colour) {
        List<double[]> pts = new ArrayList<>();   // time, lower, upper in force from that time
        pts.add(new double[] {0, 1, 1});
        for (SurvivalStep st : c.steps()) {
            Interval iv = st.interval(type, o.confidence());
            if (!(Double.isFinite(iv.lower()) && Double.isFinite(iv.upper()))) {
                if (st.events() > 0) {
                    pts.add(new double[] {st.time(), Double.NaN, Double.NaN});
                }
                continue;
            }
            pts.add(new double[] {st.time(), iv.lower(), iv.upper()});
        }
        int i = 0;
        while (i < pts.size()) {
            if (!Double.isFinite(pts.get(i)[1])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < pts.size() && Double.isFinite(pts.get(j + 1)[1])) {
                j++;
            }
            double end = j + 1 < pts.size() ? pts.get(j + 1)[0] : pts.get(j)[0];
            Svg.PathData d = new Svg.PathData();
            for (int k = i; k <= j; k++) {
                double next = k < j ? pts.get(k + 1)[0] : end;
                if (k == i) {
                    d.move(x.map(pts.get(k)[0]), y.map(pts.get(k)[2]));
                } else {
                    d.line(x.map(pts.get(k)[0]), y.map(pts.get(k)[2]));
                }
                d.line(x.map(next), y.map(pts.get(k)[2]));
            }
            for (int k = j; k >= i; k--) {
                double next = k < j ? pts.get(k + 1)[0] : end;
                d.line(x.map(next), y.map(pts.get(k)[1]));
                d.line(x.map(pts.get(k)[0]), y.map(pts.get(k)[1]));
            }
            d.close();
            s.path(d, colour, "none", 0, "fill-opacity", "0.15", "class", "band");
            i = j + 1;
        }
    }
}
