package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    /** Anything that would make a browser fetch something: a src or href that is not a #fragment, url(), @import. */
    static final Pattern EXTERNAL = Pattern.compile(
            "(?i)(\\bsrc\\s*=|\\bhref\\s*=\\s*\"(?!#)|url\\s*\\(|@import|<script|<link|<img|<iframe|<object|<embed)");

    static void assertSelfContained(String html) {
        Matcher m = EXTERNAL.matcher(html);
        assertFalse(m.find(), () -> "external resource or script: " + html.substring(Math.max(0, m.start() - 40),
                Math.min(html.length(), m.end() + 40)));
        // The only URL is the SVG namespace, which is a name, not a resource.
        assertEquals(html.split("https?://", -1).length - 1, html.split("http://www.w3.org/2000/svg", -1).length - 1,
                "no URL other than the SVG namespace");
        assertFalse(html.contains("NaN"), "NaN in the page");
        assertFalse(html.contains("Infinity"), "Infinity in the page");
    }

    @Test
    void thePageIsSelfContainedDeterministicAndHasEveryChart() {
        HtmlReport a = Fixtures.page();
        HtmlReport b = Fixtures.page();
        assertEquals(a.html(), b.html(), "same inputs, same bytes");
        assertSelfContained(a.html());
        assertTrue(a.html().startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertEquals(12, a.charts().size());
        for (Chart c : a.charts()) {
            assertTrue(a.html().contains(c.svg()), c.id());
            assertTrue(a.html().contains("<figcaption>" + Markup.esc(c.caption()) + "</figcaption>"), c.id());
            assertTrue(c.svg().contains("<title id=\"" + c.id() + "-title\">"), c.id());
            assertTrue(c.svg().contains("<desc id=\"" + c.id() + "-desc\">"), c.id());
            assertTrue(c.svg().contains("role=\"img\""), c.id());
            assertTrue(c.table().startsWith("<table>"), c.id());
            Svgs.parse(c.svg());
        }
        assertEquals(a.charts().size(), a.html().split("<figure ", -1).length - 1);
        assertTrue(a.toString().startsWith("HtmlReport[\"cx-report golden page\", 12 charts, "), a.toString());
    }

    @Test
    void writesWholeFilesAndStandaloneSvgs(@TempDir Path dir) throws IOException {
        HtmlReport r = Fixtures.page();
        Path page = dir.resolve("page.html");
        r.write(page);
        assertEquals(r.html(), Files.readString(page));
        StringWriter w = new StringWriter();
        r.write(w);
        assertEquals(r.html(), w.toString());
        List<Path> svgs = r.writeSvgs(dir.resolve("svg"));
        assertEquals(r.charts().size(), svgs.size());
        for (int i = 0; i < svgs.size(); i++) {
            String s = Files.readString(svgs.get(i));
            assertTrue(s.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="), svgs.get(i).toString());
            assertEquals(r.charts().get(i).id() + ".svg", svgs.get(i).getFileName().toString());
            Svgs.parse(s);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("page.html", "svg"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
        Path missingDir = dir.resolve("no/such/dir/page.html");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> r.write(missingDir));
        assertTrue(e.getMessage().contains(missingDir.toString()), e.getMessage());
    }

    @Test
    void textIsEscapedAndIdsAreUnique() {
        Chart c = SegmentChart.of(Fixtures.byTouchpoint(), ScoreMetric.NPS, ChartOptions.DEFAULTS);
        HtmlReport r = HtmlReport.builder().title("<script>alert(1)</script> & co").section("A \"quoted\" <b>")
                .paragraph("x < y").chart(c).chart(c.withId("nps-again")).build();
        assertFalse(r.html().contains("<script>"));
        assertTrue(r.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assertTrue(r.html().contains("x &lt; y"));
        assertTrue(r.html().contains("id=\"nps-again-title\""));
        assertSelfContained(r.html());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> HtmlReport.builder().title("t").chart(c).chart(c));
        assertTrue(dup.getMessage().contains("unique"), dup.getMessage());
        assertThrows(IllegalStateException.class, () -> HtmlReport.builder().chart(c).build());
        assertThrows(IllegalStateException.class, () -> HtmlReport.builder().title("t").build());
        assertThrows(IllegalArgumentException.class, () -> HtmlReport.builder().title(" "));
        assertThrows(IllegalArgumentException.class, () -> HtmlReport.builder().list(List.of()));
        assertThrows(IllegalArgumentException.class, () -> c.withId("Bad Id"));
        assertThrows(IllegalArgumentException.class, () -> new Chart("x", "t", "<div>", "", ""));
    }

    @Test
    void longTablesStartFolded() {
        Chart small = SegmentChart.of(Fixtures.byTouchpoint(), ScoreMetric.NPS, ChartOptions.DEFAULTS);
        Table t = new Table("many", "k", "v");
        for (int i = 0; i <= HtmlReport.OPEN_TABLE_ROWS; i++) {
            t.row("r" + i, Integer.toString(i));
        }
        Chart big = new Chart("big", "Big", small.withId("big").svg(), "caption", t.html());
        HtmlReport r = HtmlReport.builder().title("t").chart(big).chart(small).build();
        assertTrue(r.html().contains("<details><summary>Table: Big (31 rows)</summary>"), r.html());
        assertTrue(r.html().contains("<details open><summary>Table: NPS by touchpoint (4 rows)</summary>"));
        assertFalse(r.html().contains("class=\"gen\""), "no timestamp unless passed");
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ChartOptions.DEFAULTS.withConfidence(1));
        assertThrows(IllegalArgumentException.class, () -> ChartOptions.DEFAULTS.withLowN(-1));
        assertThrows(IllegalArgumentException.class, () -> ChartOptions.DEFAULTS.withFalseDiscoveryRate(0));
        assertEquals("ChartOptions[99.5% intervals, low n < 30, movers at FDR 1.0%]",
                ChartOptions.DEFAULTS.withConfidence(0.995).toString());
        HtmlReport g = HtmlReport.builder().title("t").generated("2026-12-01 by a test")
                .chart(SegmentChart.of(Fixtures.byTouchpoint(), ScoreMetric.NPS, ChartOptions.DEFAULTS)).build();
        assertTrue(g.html().contains("<p class=\"gen\">2026-12-01 by a test</p>"));
    }
}
