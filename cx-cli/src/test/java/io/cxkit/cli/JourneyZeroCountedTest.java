package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zero counted events is exit 1 for the journey commands too, also when a lenient policy skipped every row. */
class JourneyZeroCountedTest {

    @ParameterizedTest
    @ValueSource(strings = {"funnel", "paths", "attribution"})
    void everyRowRejectedUnderSkipIsAnErrorNotAnEmptyReport(String command, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, "customer,time,touchpoint,channel\nc1,notatime,home,web\nc2,later,cart,web\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        if (command.equals("attribution")) {
            Files.writeString(file, "customer,time,touchpoint,converted\nc1,notatime,home,1\nc2,later,cart,0\n");
        }
        String[] args = command.equals("funnel")
                ? new String[] {"funnel", file.toString(), "--steps", "home,cart", "--on-error", "skip", "--format", "json"}
                : new String[] {command, file.toString(), "--on-error", "skip", "--format", "json"};
        int code = Cx.run(Cx.commandLine(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(1, code, err.toString());
        assertEquals("", out.toString(), "nothing on stdout");
        assertTrue(err.toString().contains("no rows counted: all 2 data rows were rejected"), err.toString());
    }
}
