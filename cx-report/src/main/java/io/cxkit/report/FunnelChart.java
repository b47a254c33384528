package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.ProportionInterval;
import io.cxkit.core.QuantileSummary;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStepResult;
import java.util.List;
import java.util.Locale;

/**
 * A funnel: one bar per step, its height the share of the journeys entering the first step that
 * reached it, with Wilson intervals; the drop-off and the step conversion between bars; the median
 * and 90th percentile of the time from the previous step under each step, and the end-to-end time
 * to convert in the caption.
 */
public final class FunnelChart {
    private static final int WIDTH = 760;

    private FunnelChart() {
    }

    /**
     * Draws the funnel.
     *
     * @param result the funnel's result
     * @param name what the funnel is, for the title (e.g. its segment), or null for none
     * @param options the confidence level of the Wilson intervals
     * @return the chart, id {@code funnel} (or {@code funnel-<name>})
     * @throws IllegalArgumentException if no journey was offered to the funnel
     */
    public static Chart of(FunnelResult result, String name, ChartOptions options) {
        Check.notNull(result, "result");
        if (result.journeys() == 0) {
            throw new IllegalArgumentException("funnel counted no journeys: journeys = 0 (nothing to draw)");
        }
        List<FunnelStepResult> steps = result.steps();
        String mode = result.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String window = result.window().map(w -> "window " + Num.roundSeconds(w.toSeconds())).orElse("no window");
        String title = "Funnel " + String.join(" > ", steps.stream().map(FunnelStepResult::name).toList())
                + (name == null ? "" : " (" + name + ")");
        String id = name == null ? "funnel" : Markup.slug("funnel " + name);
        double left = 64;
        double right = WIDTH - 20;
        double top = 78;
        double bottom = 320;
        int height = 400;
        Svg s = new Svg(id, WIDTH, height, title);
        Axes.legend(s, left, 20, List.of(new String[] {"bar", Palette.SKY, "reached the step (% of step 1)"},
                new String[] {"line", Palette.BLUE, options.level() + " Wilson interval"}));
        Scale y = Scale.linear(0, 100, bottom, top);
        Axes.y(s, y, left, right, y.ticks(5), v -> Num.fixed(v, 0) + "%", "% of step-1 journeys");
        double slot = (right - left) / steps.size();
        double barW = Math.min(90, slot * 0.55);
        Table table = new Table(title + ": per step, with " + options.level() + " Wilson intervals; times from the"
                + " previous step", "step", "entered", "converted", "dropped", "from previous", "from step 1",
                "time from previous (median)", "time from previous (p90)");
        for (FunnelStepResult st : steps) {
            double cx = left + slot * (st.index() + 0.5);
            ProportionEstimate f = st.fromFirst();
            boolean has = f.n() > 0;
            String label = (st.index() + 1) + ". " + st.name();
            s.open("g", "class", has ? "step" : "step missing", "data-step", st.name(), "data-entered",
                    Long.toString(st.entered()));
            if (has) {
                Interval iv = f.interval(ProportionInterval.WILSON, options.confidence());
                double py = y.map(100 * f.estimate());
                s.title(label + ": " + Num.count(st.entered()) + " journeys, " + Num.pct(f.estimate())
                        + " of step 1 (" + options.level() + " Wilson " + Num.pct(iv.lower()) + " to " + Num.pct(iv.upper())
                        + ")");
                s.rect(cx - barW / 2, py, barW, bottom - py, Palette.SKY, "class", "bar");
                double l = y.map(100 * iv.lower());
                double u = y.map(100 * iv.upper());
                s.line(cx, l, cx, u, Palette.BLUE, 2, "class", "whisker");
                s.line(cx - 6, l, cx + 6, l, Palette.BLUE, 1.5);
                s.line(cx - 6, u, cx + 6, u, Palette.BLUE, 1.5);
                s.text(cx, Math.min(py, u) - 18, "middle", Num.count(st.entered()), "fill", Palette.INK,
                        "font-weight", "bold");
                s.text(cx, Math.min(py, u) - 5, "middle", Num.pct(f.estimate()), "fill", Palette.INK, "font-size",
                        "11");
            } else {
                s.title(label + ": no journey entered the funnel, so no share");
                s.text(cx, bottom - 8, "middle", "no data", "fill", Palette.MUTED, "font-style", "italic");
            }
            s.text(cx, bottom + 16, "middle", Axes.fit(label, (int) (slot / Axes.CHAR)), "fill", Palette.INK);
            String t = st.index() == 0 || st.timeFromPrevious().isEmpty() ? ""
                    : "median " + Num.seconds(st.timeFromPrevious().median()) + ", p90 "
                            + Num.seconds(st.timeFromPrevious().p90());
            if (!t.isEmpty()) {
                s.text(cx, bottom + 32, "middle", Axes.fit(t, (int) (slot / (Axes.CHAR * 0.85))), "fill",
                        Palette.MUTED, "font-size", "10");
            }
            s.close("g");
            if (st.index() > 0) {
                FunnelStepResult prev = steps.get(st.index() - 1);
                double mx = left + slot * st.index();
                ProportionEstimate fp = st.fromPrevious();
                s.open("g", "class", "dropoff", "data-dropped", Long.toString(prev.dropped()));
                s.title(prev.name() + " to " + st.name() + ": " + Num.count(prev.dropped()) + " dropped"
                        + (fp.n() > 0 ? ", " + Num.pct(fp.estimate()) + " went on" : ""));
                s.text(mx, top + 30, "middle", fp.n() > 0 ? "\u2192 " + Num.pct(fp.estimate()) : "\u2192 n/a", "fill",
                        Palette.INK, "font-size", "11");
                s.text(mx, top + 45, "middle", prev.dropped() == 0 ? "0 dropped" : "-" + Num.count(prev.dropped()),
                        "fill", Palette.VERMILLION,
                        "font-size", "11");
                s.close("g");
            }
            table.row(label, Num.count(st.entered()), Num.count(st.converted()), Num.count(st.dropped()),
                    share(st.fromPrevious(), options), share(f, options),
                    st.index() == 0 ? "" : Num.seconds(st.timeFromPrevious().median()),
                    st.index() == 0 ? "" : Num.seconds(st.timeFromPrevious().p90()));
        }
        s.text(left, bottom + 58, "start", "Under each step: time from the previous step (median, p90). Between"
                + " steps: share going on (\u2192), journeys dropped.", "fill", Palette.MUTED, "font-size", "11");
        ProportionEstimate conv = result.conversion();
        QuantileSummary ttc = result.timeToConvert();
        String caption = title + ", " + mode + " matching, " + window + ": " + Num.count(result.journeys())
                + " journeys, " + Num.count(result.entered()) + " entered step 1, " + Num.count(result.completed())
                + " completed; end-to-end conversion " + share(conv, options) + ". Bars: share of step-1 journeys"
                + " reaching each step; whiskers: " + options.level() + " Wilson intervals. Time to convert (step 1 to"
                + " the last step): " + (ttc.isEmpty() ? "no data (no journey completed)" : "median "
                + Num.seconds(ttc.median()) + ", p75 " + Num.seconds(ttc.p75()) + ", p90 " + Num.seconds(ttc.p90())
                + ", p95 " + Num.seconds(ttc.p95()) + " (n=" + Num.count(ttc.n()) + ", quantile sketch within "
                + Num.fixed(100 * ttc.relativeAccuracy(), 0) + "% relative)") + ".";
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }

    /** {@code 12.5% [10.1%, 15.2%]} with the Wilson interval, or "no data". */
    static String share(ProportionEstimate p, ChartOptions options) {
        if (p.n() == 0) {
            return "no data";
        }
        Interval iv = p.interval(ProportionInterval.WILSON, options.confidence());
        return Num.pct(p.estimate()) + " [" + Num.pct(iv.lower()) + ", " + Num.pct(iv.upper()) + "]";
    }
}
