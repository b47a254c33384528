package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's quick-start example and checks that the README shows exactly this code, so the
 * documentation cannot rot.
 */
class ReadmeExampleTest {

    @Test
    void quickStartRunsAndIsTheReadmeCode() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        // BEGIN quickstart
        NetPromoterScore web = NetPromoterScore.create();
        for (int score : new int[] {10, 9, 9, 8, 7, 6, 10, 3, 9, 10, 9, 5}) {
            web.accept(score);
        }
        NetPromoterScore store = NetPromoterScore.create();
        store.accept(9, 1.4);                                 // weighted answers too
        store.accept(4, 0.8);
        store.accept(8, 1.0);
        out.println(web.result());                            // NPS, interval, shares
        Interval wald = web.result().interval(NpsInterval.WALD, 0.90);
        Comparison diff = web.result().compare(store.result(), 0.95);
        // END quickstart
        out.println(wald);
        out.println(diff);
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("NPS 33.3 (95% CI "), printed);
        assertEquals(100.0 * (7 - 3) / 12, web.result().estimate(), 1e-12);
        assertEquals(web.result().estimate() - store.result().estimate(), diff.difference(), 1e-12);

        Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("<!-- quickstart: cx-survey/src/test/java/io/cxkit/survey/ReadmeExampleTest.java -->");
        assertTrue(start >= 0, "README has no quickstart marker");
        String inReadme = lines.subList(start + 2, lines.subList(start + 2, lines.size()).indexOf("```") + start + 2)
                .stream().map(String::strip).collect(Collectors.joining("\n"));
        List<String> src = Files.readAllLines(Path.of("src/test/java/io/cxkit/survey/ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        int b = src.indexOf("        // BEGIN quickstart");
        int e = src.indexOf("        // END quickstart");
        String inTest = src.subList(b + 1, e).stream().map(String::strip)
                .map(s -> s.replace("out.println", "System.out.println")).collect(Collectors.joining("\n"));
        assertEquals(inTest, inReadme, "the README quick start must be the code this test runs");
    }
}
