package io.cxkit.report;

import io.cxkit.core.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One self-contained HTML page of charts: inline SVG, one {@code <style>} block, no JavaScript and
 * nothing loaded from anywhere else, so it opens offline, prints and can be mailed.
 *
 * <pre>{@code
 * SurveyScoresResult byTouchpoint = SurveyReader.builder().segmentBy("touchpoint").build().read(file).report();
 * HtmlReport.builder()
 *         .title("Customer experience, 2026")
 *         .section("Scores by touchpoint")
 *         .paragraph("Read responses.csv: 40,000 rows, NPS from column 'nps'.")
 *         .chart(SegmentChart.of(byTouchpoint, ScoreMetric.NPS, ChartOptions.DEFAULTS))
 *         .build()
 *         .write(Path.of("report.html"));
 * }</pre>
 *
 * <p>The page is deterministic: the same parts in the same order give the same bytes (no
 * timestamp unless {@link Builder#generated(String)} passes one). Writing to a file goes through a
 * temporary file that is moved into place, so a failure never leaves half a page.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:#222;\
            background:#fff;margin:0 auto;max-width:980px;padding:24px;line-height:1.45}
            h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.8em 0 .4em;border-bottom:1px solid #ddd}
            .sub{color:#555;margin:0 0 1em}.gen{color:#777;font-size:.85em}
            nav ul{columns:2;padding-left:1.2em;margin:.4em 0}
            figure{margin:1.2em 0 1.8em;break-inside:avoid}figcaption{font-size:.9em;color:#444;margin:.3em 0}
            figure h3{font-size:1.05em;margin:0 0 .3em}
            svg{max-width:100%;height:auto;display:block}
            table{border-collapse:collapse;font-size:.85em;margin:.4em 0}caption{text-align:left;color:#555;\
            padding:.2em 0}
            th,td{border-bottom:1px solid #e4e4e4;padding:2px 8px;text-align:left;vertical-align:top}
            thead th{border-bottom:1px solid #999}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            details summary{cursor:pointer;color:#0072B2;font-size:.9em}
            @media print{details{display:block}body{max-width:none}}
            """;

    /** Tables with more rows than this start folded. */
    static final int OPEN_TABLE_ROWS = 30;

    private final String title;
    private final String html;
    private final List<Chart> charts;

    private HtmlReport(String title, String html, List<Chart> charts) {
        this.title = title;
        this.html = html;
        this.charts = charts;
    }

    /**
     * Starts a page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The page's title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The whole page.
     *
     * @return the HTML document, starting with {@code <!DOCTYPE html>}
     */
    public String html() {
        return html;
    }

    /**
     * The charts on the page, in page order.
     *
     * @return an unmodifiable list
     */
    public List<Chart> charts() {
        return charts;
    }

    /**
     * Writes the page to a file (UTF-8) through a temporary file that is moved into place.
     *
     * @param file the {@code .html} file
     * @throws UncheckedIOException if it cannot be written (the message names the file)
     */
    public void write(Path file) {
        writeAtomically(file, html);
    }

    /**
     * Writes the page to a writer in one call.
     *
     * @param out the writer (not closed)
     * @throws UncheckedIOException if writing fails
     */
    public void write(Writer out) {
        try {
            out.write(html);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every chart as a standalone {@code ID.svg} file into a directory (created if missing).
     *
     * @param dir the directory
     * @return the files written, in page order
     * @throws UncheckedIOException if a file cannot be written
     */
    public List<Path> writeSvgs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>();
        for (Chart c : charts) {
            Path f = dir.resolve(c.id() + ".svg");
            c.writeSvg(f);
            out.add(f);
        }
        return List.copyOf(out);
    }

    /**
     * Returns e.g. {@code HtmlReport["cxkit demo", 12 charts, 210,345 characters]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "HtmlReport[\"" + title + "\", " + charts.size() + (charts.size() == 1 ? " chart, " : " charts, ")
                + Num.count(html.length()) + " characters]";
    }

    static void writeAtomically(Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            // Not Files.createTempFile: its owner-only permissions would stay on the page after the move.
            tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Collects the page's parts in order. Not thread-safe. */
    public static final class Builder {
        private String title;
        private String subtitle;
        private String generated;
        private final List<String> body = new ArrayList<>();
        private final List<String[]> toc = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        private Builder() {
        }

        /**
         * The page title ({@code <title>} and the heading). Required.
         *
         * @param text the title, not blank
         * @return this builder
         */
        public Builder title(String text) {
            this.title = text(text, "title");
            return this;
        }

        /**
         * A line under the title, e.g. what data the page is about.
         *
         * @param text the subtitle, not blank
         * @return this builder
         */
        public Builder subtitle(String text) {
            this.subtitle = text(text, "subtitle");
            return this;
        }

        /**
         * A "generated" line (a timestamp, a tool version): the page carries none unless passed here,
         * so that the same results give the same bytes.
         *
         * @param text e.g. {@code "2026-12-01 09:00 UTC by cx 0.1.0"}
         * @return this builder
         */
        public Builder generated(String text) {
            this.generated = text(text, "generated");
            return this;
        }

        /**
         * Starts a section with a heading (listed in the page's contents).
         *
         * @param heading the heading, not blank
         * @return this builder
         */
        public Builder section(String heading) {
            String h = text(heading, "heading");
            String id = unique("s-" + Markup.slug(h));
            toc.add(new String[] {id, h});
            body.add("<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + Markup.esc(h) + "</h2>\n");
            return this;
        }

        /**
         * A paragraph of text (escaped; no markup).
         *
         * @param text the text, not blank
         * @return this builder
         */
        public Builder paragraph(String text) {
            body.add("<p>" + Markup.esc(text(text, "paragraph")) + "</p>\n");
            return this;
        }

        /**
         * A bulleted list, e.g. what was read and what was rejected.
         *
         * @param items the items (escaped; no markup), at least one
         * @return this builder
         */
        public Builder list(List<String> items) {
            Check.notNull(items, "items");
            if (items.isEmpty()) {
                throw new IllegalArgumentException("list items must not be empty: " + items);
            }
            StringBuilder sb = new StringBuilder("<ul>\n");
            for (String i : items) {
                sb.append("<li>").append(Markup.esc(text(i, "list item"))).append("</li>\n");
            }
            body.add(sb.append("</ul>\n").toString());
            return this;
        }

        /**
         * A chart with its caption and table.
         *
         * @param chart the chart; its id must be unique on the page ({@link Chart#withId})
         * @return this builder
         * @throws IllegalArgumentException if another chart or section already has this id
         */
        public Builder chart(Chart chart) {
            Check.notNull(chart, "chart");
            if (!ids.add(chart.id())) {
                throw new IllegalArgumentException("chart id must be unique on the page: " + chart.id()
                        + " (use Chart.withId)");
            }
            charts.add(chart);
            // Long tables start folded (the chart and caption say it all at a glance); short ones open.
            int rows = chart.table().split("<tr>", -1).length - 2;
            body.add("<figure id=\"fig-" + chart.id() + "\">\n<h3>" + Markup.esc(chart.title()) + "</h3>\n"
                    + chart.svg() + "<figcaption>" + Markup.esc(chart.caption()) + "</figcaption>\n"
                    + "<details" + (rows > OPEN_TABLE_ROWS ? "" : " open") + "><summary>Table: "
                    + Markup.esc(chart.title()) + " (" + rows + (rows == 1 ? " row" : " rows") + ")</summary>\n"
                    + chart.table() + "</details>\n</figure>\n");
            return this;
        }

        /**
         * Builds the page.
         *
         * @return the report
         * @throws IllegalStateException if no title was set or there is no chart
         */
        public HtmlReport build() {
            if (title == null) {
                throw new IllegalStateException("an HTML report needs a title: call title(...)");
            }
            if (charts.isEmpty()) {
                throw new IllegalStateException("an HTML report needs at least one chart: call chart(...)");
            }
            StringBuilder sb = new StringBuilder(1 << 16);
            sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>").append(Markup.esc(title)).append("</title>\n<style>\n").append(CSS)
                    .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(Markup.esc(title)).append("</h1>\n");
            if (subtitle != null) {
                sb.append("<p class=\"sub\">").append(Markup.esc(subtitle)).append("</p>\n");
            }
            if (generated != null) {
                sb.append("<p class=\"gen\">").append(Markup.esc(generated)).append("</p>\n");
            }
            if (toc.size() > 1) {
                sb.append("<nav aria-label=\"Contents\"><ul>\n");
                for (String[] t : toc) {
                    sb.append("<li><a href=\"#").append(t[0]).append("\">").append(Markup.esc(t[1]))
                            .append("</a></li>\n");
                }
                sb.append("</ul></nav>\n");
            }
            sb.append("</header>\n<main>\n");
            boolean open = false;
            for (String part : body) {
                if (part.startsWith("<section")) {
                    if (open) {
                        sb.append("</section>\n");
                    }
                    open = true;
                }
                sb.append(part);
            }
            if (open) {
                sb.append("</section>\n");
            }
            sb.append("</main>\n</body>\n</html>\n");
            return new HtmlReport(title, sb.toString(), List.copyOf(charts));
        }

        private String unique(String id) {
            String c = id;
            for (int i = 2; !ids.add(c); i++) {
                c = id + "-" + i;
            }
            return c;
        }

        private static String text(String s, String what) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank: " + (s == null ? "null" : "'" + s + "'"));
            }
            return s.strip();
        }
    }
}
