package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx funnel}, {@code cx paths} and {@code cx attribution} print the same document whether the event log
 * spills or not.
 */
class JourneyFileSpillTest {
    @TempDir
    static Path data;
    @TempDir
    Path runs;

    @BeforeAll
    static void generate() {
        new SampleCompany(3000, 600, 5).write(data, EnumSet.of(SampleCompany.Table.INTERACTIONS),
                EnumSet.of(SampleCompany.Format.CSV));
    }

    private void assertSameSpilledOrNot(String... args) throws IOException {
        String f = data.resolve("interactions.csv").toString();
        List<String> plain = new ArrayList<>(List.of(args));
        plain.add(1, f);
        CxTestSupport.Run inMemory = cx(plain.toArray(String[]::new));
        assertEquals(0, inMemory.code(), inMemory.err());
        List<String> spill = new ArrayList<>(plain);
        spill.addAll(List.of("--memory", "64k", "--temp-dir", runs.toString()));
        CxTestSupport.Run spilled = cx(spill.toArray(String[]::new));
        assertEquals(0, spilled.code(), spilled.err());
        assertEquals(inMemory.out(), spilled.out());
        assertTrue(inMemory.out().length() > 200, inMemory.out());
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of(), left.toList(), "spilled runs are deleted");
        }
    }

    @Test
    void funnelByChannelIsTheSameSpilled() throws IOException {
        assertSameSpilledOrNot("funnel", "--steps", "social_ad,product_page,checkout_app", "--within", "1d",
                "--split-gap", "30d", "--by", "channel", "--format", "json");
    }

    @Test
    void pathsAreTheSameSpilled() throws IOException {
        assertSameSpilledOrNot("paths", "--top", "5", "--by-case", "--format", "json");
        assertSameSpilledOrNot("paths", "--to", "checkout_app", "--depth", "3");
    }

    @Test
    void attributionIsTheSameSpilled() throws IOException {
        assertSameSpilledOrNot("attribution", "--converted", "outcome=renewed", "--order", "2", "--format", "json");
        assertSameSpilledOrNot("attribution", "--converted", "outcome=renewed", "--model", "time-decay");
    }

    @Test
    void badMemoryAndTempDirAreUsageErrorsNamingTheOption() {
        String f = data.resolve("interactions.csv").toString();
        CxTestSupport.Run m = cx("funnel", f, "--steps", "home", "--memory", "lots");
        assertEquals(Cx.USAGE, m.code());
        assertTrue(m.err().contains("--memory"), m.err());
        assertTrue(m.err().contains("must be a positive size such as 256m or 2g: 'lots'"), m.err());
        CxTestSupport.Run d = cx("paths", f, "--temp-dir", runs.resolve("missing").toString());
        assertEquals(Cx.USAGE, d.code());
        assertTrue(d.err().contains("--temp-dir must be an existing directory: "), d.err());
    }
}
