package io.cxkit.report;

import io.cxkit.core.Check;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One rendered chart: a standalone SVG document, the caption that states what it shows (n, the
 * interval method, the confidence level) and the HTML table of the same numbers.
 *
 * <p>Charts are made by the factory classes of this package ({@link ScoreTrendChart},
 * {@link SegmentChart}, …) and placed on a page with {@link HtmlReport.Builder#chart(Chart)}.
 *
 * @param id the chart's id, {@code [a-z0-9-]}, unique on a page; also the {@code .svg} file name
 * @param title the chart's title (also the SVG {@code <title>})
 * @param svg the standalone SVG document ({@code <svg xmlns=…>…</svg>}), also embeddable in HTML
 * @param caption one or more sentences under the chart: what was counted, n, interval method,
 *     confidence, low-n and missing values
 * @param table the HTML {@code <table>} with the chart's numbers
 */
public record Chart(String id, String title, String svg, String caption, String table) {

    /**
     * Validates the parts.
     *
     * @param id the id
     * @param title the title
     * @param svg the SVG document
     * @param caption the caption
     * @param table the table
     * @throws IllegalArgumentException if the id is not made of {@code [a-z0-9-]} or the SVG is not an
     *     {@code <svg>} element
     */
    public Chart {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("chart id must match [a-z0-9][a-z0-9-]*: " + id);
        }
        Check.notNull(title, "title");
        Check.notNull(svg, "svg");
        Check.notNull(caption, "caption");
        Check.notNull(table, "table");
        if (!svg.startsWith("<svg ")) {
            throw new IllegalArgumentException("chart " + id + ": svg must be an <svg> element");
        }
    }

    /**
     * The same chart under another id (for two charts of the same kind on one page).
     *
     * @param newId the id, {@code [a-z0-9-]}
     * @return the chart with every occurrence of its id in the SVG replaced
     */
    public Chart withId(String newId) {
        if (newId == null || !newId.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("chart id must match [a-z0-9][a-z0-9-]*: " + newId);
        }
        return new Chart(newId, title, svg.replace("\"" + id + "\"", "\"" + newId + "\"")
                .replace("\"" + id + "-", "\"" + newId + "-").replace(" " + id + "-", " " + newId + "-"),
                caption, table);
    }

    /**
     * Writes the standalone SVG document (with an XML declaration) to a file, via a temporary file in
     * the same directory that is moved into place, so a failure never leaves half a file.
     *
     * @param file the {@code .svg} file
     * @throws UncheckedIOException if the file cannot be written
     */
    public void writeSvg(Path file) {
        HtmlReport.writeAtomically(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg);
    }

    /**
     * Returns e.g. {@code Chart[nps-by-touchpoint: NPS by touchpoint, 6840 characters of SVG]}.
     *
     * @return a short description (the SVG itself is long)
     */
    @Override
    public String toString() {
        return "Chart[" + id + ": " + title + ", " + svg.length() + " characters of SVG]";
    }
}
