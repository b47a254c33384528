package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page and every standalone SVG of {@link Fixtures#page()} against the committed files in
 * {@code src/test/resources/golden/}. After an intended change of the drawing, regenerate them with
 * {@code mvn -B -q -pl cx-report -am verify -Dtest=GoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcx.golden.update=true}, look at the diff and at the page in a browser, and commit both.
 */
class GoldenTest {
    static final Path DIR = Path.of("src/test/resources/golden");

    @Test
    void pageAndSvgsMatchTheGoldenFiles() throws IOException {
        HtmlReport page = Fixtures.page();
        List<String[]> files = new ArrayList<>();
        files.add(new String[] {"page.html", page.html()});
        for (Chart c : page.charts()) {
            files.add(new String[] {c.id() + ".svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + c.svg()});
        }
        if (Boolean.getBoolean("cx.golden.update")) {
            Files.createDirectories(DIR);
            try (Stream<Path> old = Files.list(DIR)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".svg") || p.toString().endsWith(".html")).toList()) {
                    Files.delete(p);
                }
            }
            for (String[] f : files) {
                Files.writeString(DIR.resolve(f[0]), f[1]);
            }
        }
        List<String> expected;
        try (Stream<Path> s = Files.list(DIR)) {
            expected = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().toList();
        }
        assertEquals(expected, files.stream().map(f -> f[0]).sorted().toList(), "golden file set");
        for (String[] f : files) {
            assertEquals(Files.readString(DIR.resolve(f[0])), f[1], f[0] + " differs from the golden file (see the"
                    + " class comment to regenerate)");
        }
    }
}
