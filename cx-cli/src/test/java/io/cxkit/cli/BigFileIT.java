package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streams a generated file of a few hundred MB through {@code cx report} in a forked JVM with
 * {@code -Xmx256m}: memory is bounded by the number of segments, not rows. Runs in the failsafe
 * integration-test phase of {@code mvn verify}, against target/cx.jar.
 */
class BigFileIT {
    private static final long RESPONSES = Long.getLong("cx.it.responses", 3_000_000L);

    private static String run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), cmd + "\n" + Files.readString(log));
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aggregatesAFewHundredMegabytesUnder256Megabytes() throws Exception {
        String jar = System.getProperty("cx.jar", "target/cx.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dir = Path.of("target", "big-file-it");
        Path file = dir.resolve("responses.csv");
        try {
            long t0 = System.nanoTime();
            run(List.of(java, "-Xmx256m", "-jar", jar, "generate", "--responses", Long.toString(RESPONSES),
                    "--customers", Long.toString(RESPONSES / 10), "--tables", "responses", "--out", dir.toString()),
                    dir.resolveSibling("big-file-it-generate.log"));
            long size = Files.size(file);
            long t1 = System.nanoTime();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar,
                    "report", file.toString(), "--by", "touchpoint", "--period", "month", "--format", "json"));
            JsonNode j = new ObjectMapper().readTree(run(cmd, dir.resolveSibling("big-file-it-report.log")));
            long t2 = System.nanoTime();
            assertEquals(RESPONSES, j.at("/overall/nps/n").asLong());
            assertEquals(RESPONSES, j.at("/input/rows").asLong());
            assertEquals(11 * 12 - 3 * 12, j.get("segments").size(), "8 surveyed touchpoints x 12 months");
            System.out.printf("BigFileIT: %,d bytes, %,d rows; generate %.1f s, report -Xmx256m %.1f s (%.0f ns/row"
                    + " incl. JVM start)%n", size, RESPONSES, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t2 - t1) / (double) RESPONSES);
            if (RESPONSES >= 3_000_000L) {
                assertTrue(size > 250_000_000L, "file is only " + size + " bytes");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
