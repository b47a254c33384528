package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.survey.drivers.DriverImportance;
import io.cxkit.survey.drivers.ImportancePerformance;
import io.cxkit.survey.drivers.KeyDriversResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Key-driver charts: each driver's importance (its share of R²) with percentile bootstrap intervals,
 * and the importance–performance quadrant (importance against the driver's mean rating, split at
 * the mean importance and the mean performance).
 */
public final class DriversChart {
    private static final int WIDTH = 760;

    private DriversChart() {
    }

    /**
     * Draws the importances, most important first.
     *
     * @param result the key-driver result; intervals are drawn when it was bootstrapped
     * @return the chart, id {@code driver-importance}
     * @throws IllegalArgumentException if the result counted no rows
     */
    public static Chart importance(KeyDriversResult result) {
        check(result);
        boolean boot = result.resamples() > 0;
        String title = "Key drivers of " + result.outcome();
        String id = "driver-importance";
        List<IntervalRows.Row> rows = new ArrayList<>();
        Table table = new Table(title + ": share of R\u00b2 per driver" + (boot ? " with bootstrap intervals" : ""),
                "driver", "raw (R\u00b2)", "share of R\u00b2", "lower", "upper", "mean rating");
        String level = "";
        for (DriverImportance d : result.ranked()) {
            double lo = boot ? 100 * d.rescaledInterval().lower() : Double.NaN;
            double hi = boot ? 100 * d.rescaledInterval().upper() : Double.NaN;
            if (boot) {
                level = Num.fixed(100 * d.rescaledInterval().confidence(), 0) + "%";
            }
            double share = 100 * d.rescaled();
            rows.add(new IntervalRows.Row(d.driver(), share, lo, hi, false, d.driver() + ": "
                    + Num.or(share, 1, "no data") + "% of R\u00b2" + (boot ? " (" + level + " bootstrap "
                    + Num.or(lo, 1, "NA") + " to " + Num.or(hi, 1, "NA") + ")" : "")));
            table.row(d.driver(), Num.or(d.raw(), 4, "no data"), Num.or(share, 1, "no data") + "%",
                    boot ? Num.or(lo, 1, "NA") + "%" : "", boot ? Num.or(hi, 1, "NA") + "%" : "",
                    Num.or(d.mean(), 2, "no data"));
        }
        double[] dom = IntervalRows.domain(rows, Double.NaN, new double[] {0, 100}, 0);
        List<String[]> legend = new ArrayList<>();
        legend.add(new String[] {"bar", Palette.SKY, "share of R\u00b2"});
        if (boot) {
            legend.add(new String[] {"line", Palette.BLUE, level + " percentile bootstrap interval"});
        }
        Svg s = IntervalRows.draw(id, title, rows, dom, "importance (% of R\u00b2 = "
                + Num.fixed(result.rSquared(), 3) + ")", Double.NaN, "", true, 1, legend);
        String caption = title + " (" + result.method().label() + "): R\u00b2 = " + Num.fixed(result.rSquared(), 4)
                + " over " + Num.count(result.n()) + " complete rows (" + Num.count(result.excluded())
                + " excluded for a missing value" + (result.weighted() ? ", weighted" : "") + "). Bars: each driver's"
                + " share of R\u00b2 (the shares add up to 100%). " + (boot ? "Whiskers: " + level + " percentile"
                + " bootstrap intervals from " + Num.count(result.resamples()) + " resamples."
                : "No interval: run with a bootstrap to get them.");
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }

    /**
     * Draws the importance–performance quadrant.
     *
     * @param result the key-driver result
     * @return the chart, id {@code driver-quadrant}
     * @throws IllegalArgumentException if the result counted no rows
     */
    public static Chart quadrant(KeyDriversResult result) {
        check(result);
        ImportancePerformance ip = result.importancePerformance();
        String title = "Importance and performance of the drivers of " + result.outcome();
        String id = "driver-quadrant";
        double left = 70;
        double right = WIDTH - 30;
        double top = 30;
        double bottom = 360;
        int height = 410;
        double ilo = 100 * ip.importanceCut();
        double ihi = ilo;
        double plo = ip.performanceCut();
        double phi = plo;
        for (ImportancePerformance.Row r : ip.rows()) {
            if (Double.isFinite(r.importance()) && Double.isFinite(r.performance())) {
                ilo = Math.min(ilo, 100 * r.importance());
                ihi = Math.max(ihi, 100 * r.importance());
                plo = Math.min(plo, r.performance());
                phi = Math.max(phi, r.performance());
            }
        }
        double[] xd = Scale.niceDomain(Math.max(0, ilo - 5), ihi + 5, 5);
        double[] yd = Scale.niceDomain(plo - 0.2, phi + 0.2, 5);
        Svg s = new Svg(id, WIDTH, height, title);
        Scale x = Scale.linear(Math.max(0, xd[0]), xd[1], left, right);
        Scale y = Scale.linear(yd[0], yd[1], bottom, top);
        double xs = x.tickStep(5);
        double ys = y.tickStep(5);
        Axes.x(s, x, top, bottom, x.ticks(5), v -> Num.tick(v, xs), "importance (% of R\u00b2)");
        Axes.y(s, y, left, right, y.ticks(5), v -> Num.tick(v, ys), "performance (mean rating)");
        double cx = x.map(100 * ip.importanceCut());
        double cy = y.map(ip.performanceCut());
        s.open("g", "class", "cuts");
        s.line(cx, top, cx, bottom, Palette.BLACK, 1, "stroke-dasharray", "5 3");
        s.line(left, cy, right, cy, Palette.BLACK, 1, "stroke-dasharray", "5 3");
        s.text(right - 4, top + 14, "end", "keep up the good work", "fill", Palette.GREEN, "font-weight", "bold");
        s.text(right - 4, bottom - 8, "end", "concentrate here", "fill", Palette.VERMILLION, "font-weight", "bold");
        s.text(left + 6, top + 14, "start", "possible overkill", "fill", Palette.MUTED, "font-weight", "bold");
        s.text(left + 6, bottom - 8, "start", "low priority", "fill", Palette.MUTED, "font-weight", "bold");
        s.close("g");
        Table table = new Table(title + ": importance, mean rating and quadrant per driver", "driver",
                "importance (% of R\u00b2)", "performance (mean)", "quadrant");
        long missing = 0;
        for (ImportancePerformance.Row r : ip.rows()) {
            if (!(Double.isFinite(r.importance()) && Double.isFinite(r.performance()))) {
                missing++;
                table.row(r.driver(), Num.or(100 * r.importance(), 1, "no data"), Num.or(r.performance(), 2, "no data"),
                        "not placed (no data)");
                continue;
            }
            double px = x.map(100 * r.importance());
            double py = y.map(r.performance());
            String colour = switch (r.quadrant()) {
                case CONCENTRATE_HERE -> Palette.VERMILLION;
                case KEEP_UP_THE_GOOD_WORK -> Palette.GREEN;
                default -> Palette.BLUE;
            };
            s.open("g", "class", "driver", "data-driver", r.driver(), "data-quadrant", r.quadrant().label());
            s.title(r.driver() + ": importance " + Num.fixed(100 * r.importance(), 1) + "% of R\u00b2, mean "
                    + Num.fixed(r.performance(), 2) + " (" + r.quadrant().label() + ")");
            s.circle(px, py, 6, colour, "stroke", "#ffffff", "stroke-width", "1");
            s.text(px + 9, py + 4, "start", r.driver(), "fill", Palette.INK);
            s.close("g");
            table.row(r.driver(), Num.fixed(100 * r.importance(), 1), Num.fixed(r.performance(), 2),
                    r.quadrant().label());
        }
        String caption = title + ": " + ip.rows().size() + " drivers over " + Num.count(result.n()) + " complete rows."
                + " x: share of R\u00b2 (" + result.method().label() + "); y: mean rating. Dashed lines: the mean"
                + " importance (" + Num.fixed(100 * ip.importanceCut(), 1) + "%) and the mean performance ("
                + Num.fixed(ip.performanceCut(), 2) + "); a driver on a line counts as high. Point estimates, no"
                + " interval." + (missing > 0 ? " " + missing + " driver(s) without data, not placed." : "");
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }

    private static void check(KeyDriversResult result) {
        Check.notNull(result, "result");
        if (result.n() == 0) {
            throw new IllegalArgumentException("key drivers counted no complete rows: n = 0 (" + result.excluded()
                    + " excluded)");
        }
    }
}
