package io.cxkit.spark;

import io.cxkit.core.DocSnippets;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles the README's and docs' Java snippets marked {@code <!-- module: cx-spark -->} (see {@link DocSnippets}). */
class DocSnippetsTest {
    @TempDir
    Path out;

    @Test
    void theSnippetsOfThisModuleCompile() throws IOException {
        DocSnippets.assertAllCompile(Path.of("..").toAbsolutePath().normalize(), "cx-spark", out, 1);
    }
}
