package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.io.InputFormat;
import io.cxkit.io.ReportFormat;
import io.cxkit.io.SurveyReadResult;
import io.cxkit.io.SurveyReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A command that dies while writing leaves stdout empty (the finding: {@code cx report} left 712
 * bytes of truncated JSON, CSV stopped after its header), for every format; running out of memory
 * exits 3 with a message naming {@code CX_JAVA_OPTS}, tested in a forked JVM with a tiny heap.
 */
class OutputOnlyWhenCompleteTest {
    @TempDir
    Path dir;

    /** Writes a real report in the given format, then more of it, then fails. */
    @Command(name = "explode")
    static final class Explode implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format")
        ReportFormat format;

        @Option(names = "--oom")
        boolean oom;

        @Override
        public Integer call() {
            SurveyReadResult r = SurveyReader.builder().segmentBy("tp").build().read(new ByteArrayInputStream(
                    "nps,tp\n9,web\n3,app\n".getBytes(StandardCharsets.UTF_8)), "in.csv", InputFormat.CSV);
            PrintWriter out = spec.commandLine().getOut();
            format.write(r, 0.95, out);
            out.print(format == ReportFormat.JSON ? "{\"segments\": [" : "web,1,");
            out.flush();
            if (oom) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new IllegalStateException("boom while writing");
        }
    }

    private static CxTestSupport.Run explode(String... args) {
        CommandLine cl = Cx.commandLine();
        cl.addSubcommand("explode", new Explode());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cx.run(cl, new PrintWriter(out), new PrintWriter(err), args);
        return new CxTestSupport.Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"table", "csv", "json"})
    void aCrashMidOutputLeavesStdoutEmpty(String format) {
        CxTestSupport.Run r = explode("explode", "--format", format);
        assertEquals(Cx.BAD_INPUT, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("cx: boom while writing", r.err().strip());
        CxTestSupport.Run m = explode("explode", "--format", format, "--oom");
        assertEquals(Cx.OUT_OF_MEMORY, m.code(), m.err());
        assertEquals("", m.out());
        assertTrue(m.err().startsWith("cx: out of memory: the Java heap"), m.err());
        assertTrue(m.err().contains("CX_JAVA_OPTS=-Xmx"), m.err());
    }

    @ParameterizedTest
    @CsvSource({"table", "csv", "json"})
    void aSuccessfulCommandWritesItsWholeOutput(String format) throws IOException {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "nps,tp\n9,web\n3,app\n");
        CxTestSupport.Run r = CxTestSupport.cx("report", f.toString(), "--by", "tp", "--format", format);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("web"), r.out());
    }

    @Test
    void outOfMemoryInAForkedJvmExitsThreeWithEmptyStdout() throws Exception {
        Path f = dir.resolve("ids.csv");
        StringBuilder sb = new StringBuilder("nps,id\n");
        for (int i = 0; i < 400_000; i++) {
            sb.append(i % 11).append(',').append(i).append('\n');
        }
        Files.writeString(f, sb);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx24m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Cx.class.getName(), "report", f.toString(), "--by", "id",
                "--max-segments", "100000000", "--format", "json"));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(Cx.OUT_OF_MEMORY, p.exitValue(), err);
        assertEquals(0, out.length, new String(out, StandardCharsets.UTF_8));
        assertTrue(err.startsWith("cx: out of memory: the Java heap (at most "), err);
        assertTrue(err.contains("CX_JAVA_OPTS=-Xmx1g ./cx report ..."), err);
    }

    @Test
    void theSegmentLimitSpeaksInCliOptions() throws IOException {
        Path f = dir.resolve("ids.csv");
        Files.writeString(f, "nps,id\n9,a\n8,b\n7,c\n");
        CxTestSupport.Run r = CxTestSupport.cx("report", f.toString(), "--by", "id", "--max-segments", "2");
        assertEquals(Cx.BAD_INPUT, r.code());
        assertEquals("", r.out());
        assertEquals("cx: " + f + ":4: more than 2 distinct segments (by id) (raise it with --max-segments N)",
                r.err().strip());
        CxTestSupport.Run u = CxTestSupport.cx("report", f.toString(), "--max-segments", "0");
        assertEquals(Cx.USAGE, u.code());
        assertTrue(u.err().startsWith("cx: --max-segments must be in [1, 100000000]: 0"), u.err());
        CxTestSupport.Run skip = CxTestSupport.cx("report", f.toString(), "--on-error", "skip", "--max-columns",
                "1");
        assertEquals(Cx.BAD_INPUT, skip.code(), "a header over the limit fails the file");
        assertTrue(skip.err().endsWith("row has more than 1 fields (raise it with --max-columns N)"
                + System.lineSeparator()), skip.err());
    }

    @Test
    void theTouchpointLimitSpeaksInCliOptions() throws IOException {
        Path f = dir.resolve("ev.csv");
        Files.writeString(f, "customer,time,touchpoint,channel,converted\nc1,2026-01-01T10:00:00Z,web,web,0\n"
                + "c1,2026-01-02T10:00:00Z,app,app,1\n");
        for (String command : new String[] {"paths", "attribution"}) {
            CxTestSupport.Run r = CxTestSupport.cx(command, f.toString(), "--max-touchpoints", "1");
            assertEquals(Cx.BAD_INPUT, r.code(), command + ": " + r.err());
            assertEquals("", r.out());
            assertEquals("cx: " + f + ":3: more than 1 distinct touchpoints (raise it with --max-touchpoints N)",
                    r.err().strip(), command);
        }
    }
}
