package io.cxkit.report;

import java.util.ArrayList;
import java.util.List;

/** The HTML table under a chart: a caption, a header row and rows of escaped text cells. */
final class Table {
    private final String caption;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String caption, String... headers) {
        this.caption = caption;
        this.headers = List.of(headers);
    }

    /** Adds a row; it must have one cell per header. */
    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalStateException("table row has " + cells.length + " cells for " + headers.size()
                    + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    int size() {
        return rows.size();
    }

    String html() {
        StringBuilder sb = new StringBuilder("<table>\n<caption>").append(Markup.esc(caption))
                .append("</caption>\n<thead><tr>");
        for (String h : headers) {
            sb.append("<th scope=\"col\">").append(Markup.esc(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                String c = r.get(i);
                String tag = i == 0 ? "th scope=\"row\"" : "td";
                sb.append('<').append(tag).append(i > 0 && numeric(c) ? " class=\"num\"" : "").append('>')
                        .append(Markup.esc(c)).append("</").append(i == 0 ? "th" : "td").append('>');
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** Numbers (with signs, separators, units and intervals) are right-aligned. */
    private static boolean numeric(String c) {
        return !c.isEmpty() && (Character.isDigit(c.charAt(0)) || ((c.charAt(0) == '-' || c.charAt(0) == '+')
                && c.length() > 1 && Character.isDigit(c.charAt(1))));
    }
}
