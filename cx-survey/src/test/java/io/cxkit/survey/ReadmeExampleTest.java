package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Comparison;
import io.cxkit.core.DocExamples;
import io.cxkit.core.Interval;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeGrain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's quick-start example and checks that the README shows exactly this code, so the
 * documentation cannot rot.
 */
class ReadmeExampleTest {

    @Test
    void quickStartRunsAndIsTheReadmeCode() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            quickStart();
        } finally {
            System.setOut(console);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("NPS 33.3 (95% CI "), printed);
        assertSameAsReadme("quickstart");
    }

    private static void quickStart() {
        // BEGIN quickstart
        NetPromoterScore web = NetPromoterScore.create();
        for (int score : new int[] {10, 9, 9, 8, 7, 6, 10, 3, 9, 10, 9, 5}) {
            web.accept(score);
        }
        NetPromoterScore store = NetPromoterScore.create();
        store.accept(9, 1.4);                                 // weighted answers too
        store.accept(4, 0.8);
        store.accept(8, 1.0);
        System.out.println(web.result());                     // NPS, interval, shares
        Interval wald = web.result().interval(NpsInterval.WALD, 0.90);
        Comparison diff = web.result().compare(store.result(), 0.95);
        // END quickstart
        assertEquals(100.0 * (7 - 3) / 12, web.result().estimate(), 1e-12);
        assertEquals(web.result().estimate() - store.result().estimate(), diff.difference(), 1e-12);
        assertEquals(0.90, wald.confidence(), 0);
    }

    @Test
    void columnarExampleRunsAndIsTheReadmeCode() throws IOException {
        // BEGIN columnar
        ResponseColumns.Builder b = ResponseColumns.builder();
        int web = b.touchpointId("web");                          // dictionary-encode keys once
        b.touchpoint(web).channel("email").time(1767225600000L).nps(9).csat(4).endRow();
        b.touchpoint(web).channel("email").time(1767312000000L).nps(3).ces(6).endRow();  // no CSAT
        SegmentedResult<ScoreCardResult> r = ColumnarScores.of(TimeGrain.MONTH, ZoneId.of("UTC"))
                .threads(2)
                .aggregate(b.build());
        // END columnar
        ScoreCardResult jan = r.get(SegmentKey.of("web", "2026-01"));
        assertEquals(2, jan.nps().n());
        assertEquals(0, jan.nps().estimate(), 0);
        assertEquals(1, jan.csat().n());
        assertEquals(1, jan.csat().missing());
        assertEquals(6, jan.ces().estimate(), 0);
        assertSameAs("docs/statistics.md", "columnar");
    }

    private static void assertSameAsReadme(String name) throws IOException {
        assertSameAs("README.md", name);
    }

    /**
     * The block of {@code doc} after {@code <!-- NAME: cx-survey/.../ReadmeExampleTest.java -->} must be
     * the code between {@code // BEGIN NAME} and {@code // END NAME} here, indentation included.
     */
    private static void assertSameAs(String doc, String name) throws IOException {
        DocExamples.assertSameAs(Path.of(System.getProperty("user.dir")).getParent().resolve(doc), "cx-survey",
                "src/test/java/io/cxkit/survey/ReadmeExampleTest.java", name, s -> s);
    }
}
