package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.journey.paths.PathCount;
import io.cxkit.journey.paths.PathVariantsResult;
import io.cxkit.journey.paths.TopPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The most frequent journey paths as horizontal bars (journeys per path, share of the journeys
 * counted), the remaining variants in one "other" bar.
 */
public final class PathsChart {
    private static final int WIDTH = 760;
    private static final double ROW = 36;

    private PathsChart() {
    }

    /**
     * Draws the top paths.
     *
     * @param result the path variants
     * @param top how many paths to draw, &gt;= 1 (the rest form the "other" bar)
     * @return the chart, id {@code top-paths}
     * @throws IllegalArgumentException if no journey was counted or {@code top < 1}
     */
    public static Chart of(PathVariantsResult result, int top) {
        Check.notNull(result, "result");
        if (top < 1) {
            throw new IllegalArgumentException("top must be >= 1: " + top);
        }
        if (result.journeys() == 0) {
            throw new IllegalArgumentException("paths counted no journeys: journeys = 0 (nothing to draw)"
                    + (result.skipped() > 0 ? "; " + result.skipped() + " journeys never visit the touchpoint" : ""));
        }
        TopPaths tp = result.top(top);
        List<PathCount> rows = new ArrayList<>(tp.top());
        if (tp.other().count() > 0) {
            rows.add(tp.other());
        }
        String title = "Top paths (" + result.view() + ")";
        String id = "top-paths";
        double left = 20;
        double right = WIDTH - 130;
        double rowsTop = 30;
        double bottom = rowsTop + rows.size() * ROW + 4;
        int height = (int) Math.ceil(bottom + 42);
        Svg s = new Svg(id, WIDTH, height, title);
        long max = 1;
        for (PathCount p : rows) {
            max = Math.max(max, p.count());
        }
        double[] dom = Scale.niceDomain(0, max, 5);
        Scale x = Scale.linear(0, dom[1], left, right);
        double step = x.tickStep(5);
        Axes.x(s, x, rowsTop, bottom, x.ticks(5), v -> Num.tick(v, step), "journeys");
        s.text(left, 18, "start", Num.count(result.journeys()) + " journeys counted, " + result.variants().size()
                + " distinct paths", "fill", Palette.MUTED, "font-size", "11");
        Table table = new Table(title + ": journeys per path and share of the journeys counted", "path", "journeys",
                "share", "variants");
        for (int i = 0; i < rows.size(); i++) {
            PathCount p = rows.get(i);
            boolean other = p.path().isEmpty();
            double y0 = rowsTop + i * ROW;
            s.open("g", "class", other ? "path other" : "path", "data-count", Long.toString(p.count()));
            s.title(p.label() + ": " + Num.count(p.count()) + " journeys (" + Num.pct(p.share()) + ")");
            s.text(left + 2, y0 + 13, "start", Axes.fit(p.label().replace(" > ", " \u2192 "), 110), "fill",
                    other ? Palette.MUTED : Palette.INK, "font-size", "11");
            s.rect(left, y0 + 17, x.map(p.count()) - left, 13, other ? Palette.AXIS : Palette.BLUE, "class", "bar");
            s.text(x.map(p.count()) + 6, y0 + 28, "start", Num.count(p.count()) + " (" + Num.pct(p.share()) + ")",
                    "fill", Palette.INK, "font-size", "11");
            s.close("g");
            table.row(p.label(), Num.count(p.count()), Num.pct(p.share()), Num.count(p.variants()));
        }
        String caption = title + ": the " + tp.top().size() + " most frequent of " + result.variants().size()
                + " path variants over " + Num.count(result.journeys()) + " journeys"
                + (result.skipped() > 0 ? " (" + Num.count(result.skipped()) + " journeys without the touchpoint not"
                        + " counted)" : "") + (tp.other().count() > 0 ? "; the grey bar is every other variant ("
                        + Num.count(tp.other().variants()) + ")" : "") + ". Counts are exact; no interval is drawn.";
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }
}
