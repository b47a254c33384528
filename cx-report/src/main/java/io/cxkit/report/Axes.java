package io.cxkit.report;

import java.util.List;
import java.util.function.DoubleFunction;

/** Axes, grid lines, legends and markers shared by the charts. */
final class Axes {
    /** Approximate width of a character at 12 px (for layout only; the browser measures for real). */
    static final double CHAR = 6.6;

    private Axes() {
    }

    /** A vertical value axis at {@code left}, with grid lines across to {@code right}. */
    static void y(Svg s, Scale y, double left, double right, List<Double> ticks, DoubleFunction<String> label,
            String title) {
        s.open("g", "class", "axis y");
        for (double t : ticks) {
            double py = y.map(t);
            s.line(left, py, right, py, Palette.GRID, 1);
            s.text(left - 6, py + 4, "end", label.apply(t), "fill", Palette.MUTED, "font-size", "11");
        }
        s.line(left, y.map(y.lo()), left, y.map(y.hi()), Palette.AXIS, 1);
        if (title != null) {
            double mid = (y.map(y.lo()) + y.map(y.hi())) / 2;
            s.text(0, 0, "middle", title, "transform", "translate(14," + Num.c(mid) + ") rotate(-90)", "fill",
                    Palette.INK, "font-size", "12");
        }
        s.close("g");
    }

    /** A horizontal value axis at {@code bottom}, with grid lines up to {@code top}. */
    static void x(Svg s, Scale x, double top, double bottom, List<Double> ticks, DoubleFunction<String> label,
            String title) {
        s.open("g", "class", "axis x");
        for (double t : ticks) {
            double px = x.map(t);
            s.line(px, top, px, bottom, Palette.GRID, 1);
            s.text(px, bottom + 15, "middle", label.apply(t), "fill", Palette.MUTED, "font-size", "11");
        }
        s.line(x.map(x.lo()), bottom, x.map(x.hi()), bottom, Palette.AXIS, 1);
        if (title != null) {
            s.text((x.map(x.lo()) + x.map(x.hi())) / 2, bottom + 32, "middle", title, "fill", Palette.INK);
        }
        s.close("g");
    }

    /** One legend entry per item: a swatch drawn by {@code kind} and a label; returns the x after the last. */
    static double legend(Svg s, double x, double y, List<String[]> items) {
        double cx = x;
        for (String[] it : items) {
            String kind = it[0];
            String colour = it[1];
            String text = it[2];
            switch (kind) {
                case "band" -> s.rect(cx, y - 9, 16, 10, colour, "fill-opacity", "0.2");
                case "line" -> s.line(cx, y - 4, cx + 16, y - 4, colour, 2);
                case "dash" -> s.line(cx, y - 4, cx + 16, y - 4, colour, 1.5, "stroke-dasharray", "4 3");
                case "hollow" -> s.circle(cx + 8, y - 4, 4, "#ffffff", "stroke", colour, "stroke-width", "1.5");
                case "up" -> triangle(s, cx + 8, y - 4, true, colour);
                case "bar" -> s.rect(cx, y - 10, 16, 12, colour);
                default -> s.circle(cx + 8, y - 4, 4, colour);
            }
            s.text(cx + 20, y, "start", text, "fill", Palette.INK, "font-size", "11");
            cx += 34 + text.length() * CHAR;
        }
        return cx;
    }

    /** A triangle marker pointing up (an increase) or down (a decrease). */
    static void triangle(Svg s, double cx, double cy, boolean up, String colour, String... nv) {
        double r = 6;
        Svg.PathData d = up
                ? new Svg.PathData().move(cx, cy - r).line(cx + r, cy + r * 0.8).line(cx - r, cy + r * 0.8).close()
                : new Svg.PathData().move(cx, cy + r).line(cx + r, cy - r * 0.8).line(cx - r, cy - r * 0.8).close();
        s.path(d, colour, "#ffffff", 1, nv);
    }

    /** Text shortened to {@code max} characters with an ellipsis. */
    static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "\u2026";
    }
}
