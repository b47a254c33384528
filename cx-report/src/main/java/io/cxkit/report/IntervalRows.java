package io.cxkit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal rows of an estimate with its interval (a dot and whisker, or a bar and whisker), one
 * row per item, an optional reference line: the layout of segment comparisons, key-driver
 * importances and the like. Rows without an estimate are drawn as "no data".
 */
final class IntervalRows {
    static final int WIDTH = 760;
    private static final double ROW = 26;

    /**
     * One row.
     *
     * @param label the row label
     * @param estimate the estimate; NaN when there is no data
     * @param lower the interval's lower bound; NaN when there is none
     * @param upper the interval's upper bound; NaN when there is none
     * @param low whether the row is low n (hollow marker, "(low n)" after the label)
     * @param tip the marker's tooltip ({@code <title>})
     * @param attrs extra attribute name/value pairs on the row's group
     */
    record Row(String label, double estimate, double lower, double upper, boolean low, String tip, String... attrs) {
    }

    private IntervalRows() {
    }

    /**
     * Draws the rows.
     *
     * @param bars bars from the axis origin instead of dots
     * @param reference a reference value (dashed vertical line) or NaN for none
     */
    static Svg draw(String id, String title, List<Row> rows, double[] domain, String axisTitle, double reference,
            String referenceLabel, boolean bars, int decimals, List<String[]> legend) {
        int maxLabel = 8;
        for (Row r : rows) {
            maxLabel = Math.max(maxLabel, r.label().length() + (r.low() ? 8 : 0));
        }
        double left = 16 + Math.min(240, maxLabel * Axes.CHAR);
        double right = WIDTH - 70;
        double top = 40;
        double bottom = top + rows.size() * ROW + 6;
        int height = (int) Math.ceil(bottom + 44);
        Svg s = new Svg(id, WIDTH, height, title);
        Axes.legend(s, left, 20, legend);
        Scale x = Scale.linear(domain[0], domain[1], left, right);
        double step = x.tickStep(6);
        Axes.x(s, x, top, bottom, x.ticks(6), v -> Num.tick(v, step), axisTitle);
        if (Double.isFinite(reference)) {
            double rx = x.map(reference);
            s.open("g", "class", "reference");
            s.line(rx, top - 4, rx, bottom, Palette.BLACK, 1.2, "stroke-dasharray", "5 3");
            s.text(rx, top - 7, "middle", referenceLabel, "fill", Palette.INK, "font-size", "11");
            s.close("g");
        }
        double zero = x.map(Math.max(domain[0], Math.min(domain[1], 0)));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double cy = top + i * ROW + ROW / 2 + 3;
            boolean missing = !Double.isFinite(r.estimate());
            List<String> attrs = new ArrayList<>(List.of("class", missing ? "row missing" : r.low() ? "row low-n" : "row",
                    "data-label", r.label()));
            if (!missing) {
                attrs.add("data-estimate");
                attrs.add(Num.fixed(r.estimate(), decimals));
            }
            attrs.addAll(List.of(r.attrs()));
            s.open("g", attrs.toArray(new String[0]));
            s.title(r.tip());
            s.text(left - 8, cy + 4, "end", Axes.fit(r.label(), 36) + (r.low() ? " (low n)" : ""), "fill",
                    r.low() ? Palette.MUTED : Palette.INK, "font-style", r.low() ? "italic" : "normal");
            if (missing) {
                s.text(left + 6, cy + 4, "start", "no data", "fill", Palette.MUTED, "font-style", "italic");
                s.close("g");
                continue;
            }
            double px = x.map(r.estimate());
            if (bars) {
                s.rect(Math.min(zero, px), cy - 8, Math.abs(px - zero), 16, Palette.SKY, "class", "bar");
            }
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                double l = x.map(r.lower());
                double u = x.map(r.upper());
                s.line(l, cy, u, cy, Palette.BLUE, 2, "class", "whisker");
                s.line(l, cy - 5, l, cy + 5, Palette.BLUE, 1.5);
                s.line(u, cy - 5, u, cy + 5, Palette.BLUE, 1.5);
            }
            if (r.low()) {
                s.circle(px, cy, 4.5, "#ffffff", "stroke", Palette.BLUE, "stroke-width", "1.8", "class", "marker");
            } else {
                s.circle(px, cy, 4.5, Palette.BLUE, "class", "marker");
            }
            double labelX = Double.isFinite(r.upper()) ? x.map(r.upper()) : px;
            // A white halo keeps the value readable where it crosses the reference line.
            s.text(Math.min(labelX + 8, right + 4), cy + 4, "start", Num.fixed(r.estimate(), decimals), "fill",
                    Palette.INK, "font-size", "11", "stroke", "#ffffff", "stroke-width", "3", "paint-order", "stroke");
            s.close("g");
        }
        return s;
    }

    /** A nice domain over the finite bounds of the rows, the reference and {@code extra} values, clipped to {@code range}. */
    static double[] domain(List<Row> rows, double reference, double[] range, double... extra) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            for (double v : new double[] {r.estimate(), r.lower(), r.upper()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (double v : extra) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (Double.isFinite(reference)) {
            lo = Math.min(lo, reference);
            hi = Math.max(hi, reference);
        }
        if (!Double.isFinite(lo)) {
            return range.clone();
        }
        double[] d = Scale.niceDomain(lo, hi, 6);
        d[0] = Math.max(d[0], range[0]);
        d[1] = Math.min(d[1], range[1]);
        return d[1] > d[0] ? d : range.clone();
    }
}
