package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** What can be checked without a terminal: the startup script compiles and the hint's code runs. */
class ShellCommandTest {

    @Test
    void startupImportsAndHintCompileInJShell() {
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                js.addToClasspath(entry);
            }
            for (String line : ShellCommand.startupScript().split("\n")) {
                List<SnippetEvent> ev = js.eval(line);
                assertEquals(Snippet.Status.VALID, ev.get(0).status(), line);
            }
            List<SnippetEvent> ev = js.eval("var nps = NetPromoterScore.create(); ");
            assertEquals(Snippet.Status.VALID, ev.get(0).status());
            js.eval("nps.accept(9);");
            js.eval("nps.accept(3);");
            List<SnippetEvent> r = js.eval("nps.result().estimate()");
            assertEquals("0.0", r.get(0).value());
            assertEquals(Snippet.Status.VALID,
                    js.eval("SurveyReader.Builder b = SurveyReader.builder().segmentBy(\"touchpoint\");").get(0).status());
        }
    }

    @Test
    void hintHasThreeLinesAndTheCommandStartsJShellWithTheClassPath() {
        assertEquals(3, ShellCommand.HINT.split("\n").length);
        List<String> cmd = ShellCommand.command(Path.of("startup.jsh"));
        assertTrue(cmd.get(0).endsWith("jshell"));
        assertEquals("--class-path", cmd.get(1));
        assertTrue(cmd.get(2).contains("cx-cli"), cmd.get(2));
        assertEquals(List.of("--startup", "DEFAULT", "--startup", "startup.jsh"), cmd.subList(3, 7));
    }
}
