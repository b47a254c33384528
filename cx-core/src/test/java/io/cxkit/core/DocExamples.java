package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Checks that a code block of a document is exactly the code a test runs, so the documentation
 * cannot rot. The block is the fenced code after the line {@code <!-- NAME: MODULE/TEST_SOURCE -->};
 * the code is the lines of the test source between {@code // BEGIN NAME} and {@code // END NAME}
 * (indented by eight spaces). Indentation counts, relative to those eight spaces; the block's
 * leading {@code import} lines (and the blank line after them) are not compared, since the test
 * file has its own imports (the snippet compile test checks that the block's imports compile).
 */
public final class DocExamples {
    private DocExamples() {
    }

    /**
     * Asserts that the documented block equals the test's code.
     *
     * @param doc the document, e.g. the repository's {@code README.md}
     * @param module the test's module directory name, e.g. {@code cx-survey}
     * @param testSource the test source relative to the module, e.g. {@code src/test/java/…/ReadmeExampleTest.java}
     * @param name the example's name
     * @param testLine how a line of the test reads in the document (e.g. {@code out.println} as
     *     {@code System.out.println})
     * @throws IOException if a file cannot be read
     */
    public static void assertSameAs(Path doc, String module, String testSource, String name,
            UnaryOperator<String> testLine) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int start = lines.indexOf("<!-- " + name + ": " + module + "/" + testSource + " -->");
        assertTrue(start >= 0, doc + " has no " + name + " marker");
        List<String> block = lines.subList(start + 2, lines.size());
        block = block.subList(0, block.indexOf("```"));
        int first = 0;
        while (first < block.size() && (block.get(first).startsWith("import ") || block.get(first).isBlank())) {
            first++;
        }
        String inDoc = block.subList(first, block.size()).stream().map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
        List<String> src = Files.readAllLines(Path.of(testSource), StandardCharsets.UTF_8);
        int b = src.indexOf("        // BEGIN " + name);
        int e = src.indexOf("        // END " + name);
        assertTrue(b >= 0 && e > b, testSource + " has no BEGIN/END " + name);
        String inTest = src.subList(b + 1, e).stream().map(l -> l.startsWith("        ") ? l.substring(8) : l.strip())
                .map(String::stripTrailing).map(testLine).collect(Collectors.joining("\n"));
        assertEquals(inTest, inDoc, "the " + doc.getFileName() + " " + name + " example must be the code this test runs");
    }
}
