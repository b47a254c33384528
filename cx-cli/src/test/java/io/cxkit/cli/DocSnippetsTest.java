package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.DocSnippets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every Java snippet of {@code README.md} and {@code docs/*.md} that needs no engine
 * against the library (this module's class path holds every module but Spark's and Flink's), so
 * that no documented call, class or import can rot; see {@link DocSnippets} for the conventions.
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path out;

    @Test
    void everyJavaSnippetCompiles() throws IOException {
        DocSnippets.assertAllCompile(ROOT, "cx-cli", out, 20);
    }

    @Test
    void aBrokenSnippetFails() throws IOException {
        DocSnippets.Snippet broken = new DocSnippets.Snippet(ROOT.resolve("README.md"), 1, "cx-cli", List.of(), "",
                "NetPromoterScore nps = NetPromoterScore.create();");
        assertTrue(DocSnippets.compile(broken, out).contains("cannot find symbol"), "a missing import is an error");
    }
}
