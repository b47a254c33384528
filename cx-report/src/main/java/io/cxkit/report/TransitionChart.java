package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.journey.paths.Transition;
import io.cxkit.journey.paths.TransitionGraphResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The directly-follows transitions as a two-column diagram: each touchpoint on the left ("from")
 * and on the right ("to"), one curve per transition with its width proportional to its count. Only
 * the most frequent transitions are drawn; the caption says how many of how many.
 */
public final class TransitionChart {
    private static final int WIDTH = 760;
    private static final double MAX_STROKE = 18;

    private TransitionChart() {
    }

    /**
     * Draws the transitions.
     *
     * @param result the transition graph
     * @param maxEdges how many of the most frequent transitions to draw, &gt;= 1
     * @return the chart, id {@code transitions}
     * @throws IllegalArgumentException if the graph has no transitions or {@code maxEdges < 1}
     */
    public static Chart of(TransitionGraphResult result, int maxEdges) {
        Check.notNull(result, "result");
        if (maxEdges < 1) {
            throw new IllegalArgumentException("maxEdges must be >= 1: " + maxEdges);
        }
        if (result.transitions().isEmpty()) {
            throw new IllegalArgumentException("transition graph has no transitions: journeys = " + result.journeys());
        }
        List<Transition> all = new ArrayList<>(result.transitions());
        all.sort(Comparator.comparingLong(Transition::count).reversed().thenComparing(Transition::from)
                .thenComparing(Transition::to));
        List<Transition> shown = all.subList(0, Math.min(maxEdges, all.size()));
        Map<String, Long> out = new TreeMap<>();
        Map<String, Long> in = new TreeMap<>();
        for (Transition t : shown) {
            out.merge(t.from(), t.count(), Long::sum);
            in.merge(t.to(), t.count(), Long::sum);
        }
        List<String> lefts = order(out);
        List<String> rights = order(in);
        double rowH = 26;
        double top = 44;
        int rows = Math.max(lefts.size(), rights.size());
        int height = (int) Math.ceil(top + rows * rowH + 30);
        double lx = 170;
        double rx = WIDTH - 170;
        Map<String, Double> ly = positions(lefts, top, rowH, rows);
        Map<String, Double> ry = positions(rights, top, rowH, rows);
        long max = shown.get(0).count();
        String title = "Transitions between touchpoints (directly follows)";
        String id = "transitions";
        Svg s = new Svg(id, WIDTH, height, title);
        s.text(lx, 24, "end", "from", "fill", Palette.MUTED, "font-weight", "bold");
        s.text(rx, 24, "start", "to", "fill", Palette.MUTED, "font-weight", "bold");
        Table table = new Table(title + ": the " + shown.size() + " most frequent transitions", "from", "to",
                "count", "share of from's exits", "time between (median)");
        // Thin edges first so the thick ones are drawn on top.
        List<Transition> drawOrder = new ArrayList<>(shown);
        java.util.Collections.reverse(drawOrder);
        int colour = 0;
        Map<String, String> colourOf = new LinkedHashMap<>();
        for (String l : lefts) {
            colourOf.put(l, Palette.series(colour++));
        }
        for (Transition t : drawOrder) {
            double w = Math.max(1, MAX_STROKE * t.count() / (double) max);
            double y1 = ly.get(t.from());
            double y2 = ry.get(t.to());
            Svg.PathData d = new Svg.PathData().move(lx + 6, y1).curve((lx + rx) / 2, y1, (lx + rx) / 2, y2, rx - 6, y2);
            s.open("g", "class", "edge", "data-from", t.from(), "data-to", t.to(), "data-count",
                    Long.toString(t.count()));
            s.title(t.from() + " \u2192 " + t.to() + ": " + Num.count(t.count()) + " (" + Num.pct(t.share())
                    + " of " + t.from() + "'s exits)");
            s.path(d, "none", colourOf.get(t.from()), w, "stroke-opacity", "0.55", "stroke-linecap", "butt");
            s.close("g");
        }
        for (String l : lefts) {
            double y = ly.get(l);
            s.circle(lx, y, 5, colourOf.get(l));
            s.text(lx - 10, y + 4, "end", Axes.fit(l, 22) + " (" + Num.count(out.get(l)) + ")", "fill", Palette.INK,
                    "font-size", "11");
        }
        for (String r : rights) {
            double y = ry.get(r);
            s.circle(rx, y, 5, Palette.INK);
            s.text(rx + 10, y + 4, "start", Axes.fit(r, 22) + " (" + Num.count(in.get(r)) + ")", "fill", Palette.INK,
                    "font-size", "11");
        }
        for (Transition t : shown) {
            table.row(t.from(), t.to(), Num.count(t.count()), Num.pct(t.share()),
                    t.time().isEmpty() ? "" : Num.seconds(t.time().median()));
        }
        long total = all.stream().mapToLong(Transition::count).sum();
        long drawn = shown.stream().mapToLong(Transition::count).sum();
        String caption = title + " over " + Num.count(result.journeys()) + " journeys: the " + shown.size() + " most"
                + " frequent of " + all.size() + " transitions (" + Num.count(drawn) + " of " + Num.count(total)
                + " steps, " + Num.pct((double) drawn / total) + "), (start) and (end) marking journey entries and"
                + " exits. Line width is proportional to the count (widest: " + Num.count(max) + "); the numbers"
                + " beside the touchpoints are the drawn transitions' totals. Counts are exact.";
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }

    /** Highest total first, ties by name. */
    private static List<String> order(Map<String, Long> totals) {
        List<String> names = new ArrayList<>(totals.keySet());
        names.sort(Comparator.comparingLong((String k) -> -totals.get(k)).thenComparing(k -> k));
        return names;
    }

    private static Map<String, Double> positions(List<String> names, double top, double rowH, int rows) {
        Map<String, Double> m = new LinkedHashMap<>();
        double offset = (rows - names.size()) * rowH / 2;
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), top + offset + i * rowH + rowH / 2);
        }
        return m;
    }
}
