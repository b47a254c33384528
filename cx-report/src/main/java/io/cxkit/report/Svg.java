package io.cxkit.report;

/**
 * Writes one SVG document: the root element with its size, {@code role="img"}, a {@code <title>}
 * and a {@code <desc>} for screen readers, then elements in the order they are added. Every number
 * goes through {@link Num}, every text through {@link Markup#esc}.
 */
final class Svg {
    /** System fonts only: nothing is fetched. */
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

    private final StringBuilder sb = new StringBuilder(8192);
    private final String id;
    private final int width;
    private final int height;
    private final String title;
    private String desc;

    Svg(String id, int width, int height, String title) {
        this.id = id;
        this.width = width;
        this.height = height;
        this.title = title;
        this.desc = title;
        sb.append("<rect width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
    }

    /** The {@code <desc>} text for screen readers (default: the title). */
    Svg desc(String text) {
        this.desc = text;
        return this;
    }

    /** A self-closing element; {@code nv} alternates attribute names and (already formatted) values. */
    Svg el(String tag, String... nv) {
        start(tag, nv);
        sb.append("/>\n");
        return this;
    }

    /** An opening tag, e.g. a group. */
    Svg open(String tag, String... nv) {
        start(tag, nv);
        sb.append(">\n");
        return this;
    }

    /** A closing tag. */
    Svg close(String tag) {
        sb.append("</").append(tag).append(">\n");
        return this;
    }

    /** A text element; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String anchor, String text, String... nv) {
        start("text", nv);
        sb.append(" x=\"").append(Num.c(x)).append("\" y=\"").append(Num.c(y)).append('"');
        if (!anchor.equals("start")) {
            sb.append(" text-anchor=\"").append(anchor).append('"');
        }
        sb.append('>').append(Markup.esc(text)).append("</text>\n");
        return this;
    }

    /** A line. */
    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String... nv) {
        start("line", nv);
        sb.append(" x1=\"").append(Num.c(x1)).append("\" y1=\"").append(Num.c(y1)).append("\" x2=\"")
                .append(Num.c(x2)).append("\" y2=\"").append(Num.c(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(Num.fixed(width, 1)).append("\"/>\n");
        return this;
    }

    /** A rectangle. */
    Svg rect(double x, double y, double w, double h, String fill, String... nv) {
        start("rect", nv);
        sb.append(" x=\"").append(Num.c(x)).append("\" y=\"").append(Num.c(y)).append("\" width=\"")
                .append(Num.c(Math.max(0, w))).append("\" height=\"").append(Num.c(Math.max(0, h)))
                .append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** A circle. */
    Svg circle(double cx, double cy, double r, String fill, String... nv) {
        start("circle", nv);
        sb.append(" cx=\"").append(Num.c(cx)).append("\" cy=\"").append(Num.c(cy)).append("\" r=\"")
                .append(Num.c(r)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** A path from path data built with {@link PathData}. */
    Svg path(PathData d, String fill, String stroke, double width, String... nv) {
        start("path", nv);
        sb.append(" d=\"").append(d).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(Num.fixed(width, 1)).append("\"/>\n");
        return this;
    }

    /** A labelled marker group, so tests and assistive tools can find points by what they mean. */
    Svg title(String text) {
        sb.append("<title>").append(Markup.esc(text)).append("</title>\n");
        return this;
    }

    private void start(String tag, String... nv) {
        if (nv.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must come in name/value pairs: " + nv.length);
        }
        sb.append('<').append(tag);
        for (int i = 0; i < nv.length; i += 2) {
            sb.append(' ').append(nv[i]).append("=\"").append(Markup.esc(nv[i + 1])).append('"');
        }
    }

    /** The finished document: root element, {@code <title>}, {@code <desc>}, then the elements. */
    String done() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-labelledby=\"" + id
                + "-title " + id + "-desc\" font-family=\"" + Markup.esc(FONT) + "\" font-size=\"12\">\n<title id=\""
                + id + "-title\">" + Markup.esc(title) + "</title>\n<desc id=\"" + id + "-desc\">" + Markup.esc(desc)
                + "</desc>\n" + sb + "</svg>\n";
    }

    /** Path data: {@code M x y L x y … Z}, coordinates through {@link Num#c}. */
    static final class PathData {
        private final StringBuilder d = new StringBuilder();

        PathData move(double x, double y) {
            return cmd('M', x, y);
        }

        PathData line(double x, double y) {
            return cmd('L', x, y);
        }

        PathData close() {
            d.append('Z');
            return this;
        }

        /** A cubic Bézier to (x, y) with control points (c1x, c1y) and (c2x, c2y). */
        PathData curve(double c1x, double c1y, double c2x, double c2y, double x, double y) {
            if (d.length() > 0) {
                d.append(' ');
            }
            d.append('C').append(Num.c(c1x)).append(',').append(Num.c(c1y)).append(' ').append(Num.c(c2x))
                    .append(',').append(Num.c(c2y)).append(' ').append(Num.c(x)).append(',').append(Num.c(y));
            return this;
        }

        boolean isEmpty() {
            return d.length() == 0;
        }

        private PathData cmd(char c, double x, double y) {
            if (d.length() > 0) {
                d.append(' ');
            }
            d.append(c).append(Num.c(x)).append(',').append(Num.c(y));
            return this;
        }

        @Override
        public String toString() {
            return d.toString();
        }
    }
}
