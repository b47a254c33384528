package io.cxkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.NetPromoterScore;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as {@code spark-submit --jars} users get it: what it holds, and a query run in a
 * separate JVM whose class path is Spark's plus this one jar (no cx-core, cx-survey, cx-journey or
 * cxkit's own Commons Math), and a funnel through {@link CxJourneys} there, equal to the local library
 * on the same rows.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of(System.getProperty("cxkit.shadedJar", "target/missing.jar"));
    private static final Path ROOT = Path.of(System.getProperty("cxkit.root", "..")).toAbsolutePath().normalize();

    @Test
    void holdsCxkitAndRelocatedCommonsMathButNoSpark() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " was not built");
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().map(JarEntry::getName).forEach(names::add);
            for (String needed : new String[] {"io/cxkit/spark/CxCatalog.class", "io/cxkit/spark/CxFunctions.class",
                "io/cxkit/survey/NetPromoterScore.class", "io/cxkit/core/Accumulator.class",
                "io/cxkit/spark/CxJourneys.class", "io/cxkit/journey/EventLog.class",
                "io/cxkit/journey/survival/SurvivalAccumulator.class",
                "io/cxkit/shaded/org/apache/commons/math3/distribution/TDistribution.class"}) {
                assertTrue(names.contains(needed), "the shaded jar lacks " + needed);
            }
            for (String n : names) {
                assertFalse(n.startsWith("org/apache/commons/math3/"), "not relocated: " + n);
                assertFalse(n.startsWith("org/apache/spark/") || n.startsWith("scala/"), "Spark or Scala inside: " + n);
                assertFalse(n.startsWith("org/slf4j/") || n.startsWith("io/cxkit/spark/ShadedJar"), "unexpected: " + n);
            }
            // cxkit's own classes call the relocated copy.
            JarEntry distributions = jar.getJarEntry("io/cxkit/core/Distributions.class");
            String constants = new String(jar.getInputStream(distributions).readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains("io/cxkit/shaded/org/apache/commons/math3/"), "Distributions uses the relocated package");
            assertFalse(constants.replace("io/cxkit/shaded/org/apache/commons/math3/", "").contains("org/apache/commons/math3/"),
                    "Distributions still names the original package");
        }
    }

    @Test
    void aSqlQueryInAJvmWithSparkAndTheShadedJarOnlyMatchesTheLocalLibrary() throws Exception {
        List<String> classPath = new ArrayList<>();
        classPath.add(JAR.toString());
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String repo = System.getProperty("cxkit.localRepository", "");
        for (String entry : testClassPath.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            boolean reactor = p.startsWith(ROOT) && !p.endsWith(Path.of("cx-spark", "target", "test-classes"));
            boolean cxkitJar = !repo.isEmpty() && p.startsWith(Path.of(repo, "io", "cxkit"));
            boolean commonsMath = p.getFileName().toString().startsWith("commons-math3-");
            // Spark's own Commons Math is left out too, so only the relocated copy can serve cxkit.
            if (!reactor && !cxkitJar && !commonsMath) {
                classPath.add(entry);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.addAll(Arrays.asList(System.getProperty("cxkit.sparkJvmArgs", "").trim().split("\\s+")));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(ShadedJarQuery.class.getName());
        Path log = Files.createTempFile("cx-shaded", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the Spark JVM did not finish in 5 minutes");
        List<String> output = Files.readAllLines(log);
        assertEquals(0, process.exitValue(), () -> "the Spark JVM failed:\n" + String.join("\n", output));

        NetPromoterScore[] nps = new NetPromoterScore[3];
        CustomerEffort[] ces = new CustomerEffort[3];
        for (int g = 0; g < 3; g++) {
            nps[g] = NetPromoterScore.create();
            ces[g] = CustomerEffort.create();
        }
        for (long id = 0; id < 3000; id++) { // the formula of ShadedJarQuery.ROWS
            int g = (int) (id % 3);
            nps[g].accept((int) (id * 7 % 11));
            ces[g].accept((int) (1 + id * 5 % 7), 0.5 + id % 4);
        }
        int lines = 0;
        for (String line : output) {
            if (line.startsWith("RESULT km ") || line.startsWith("RESULT funnel ")) {
                assertEquals(line.startsWith("RESULT km ") ? kaplanMeier() : funnel(), line);
                lines++;
                continue;
            }
            if (!line.startsWith("RESULT ")) {
                continue;
            }
            String[] f = line.split(" ");
            int g = Integer.parseInt(f[2]);
            Estimate expected = f[1].equals("nps") ? nps[g].result() : ces[g].result();
            Interval ci = expected.interval(0.95);
            assertEquals(expected.n(), Long.parseLong(f[3]), line);
            double[] want = {expected.estimate(), expected.standardError(), ci.lower(), ci.upper()};
            for (int i = 0; i < 4; i++) {
                assertEquals(want[i], Double.parseDouble(f[4 + i]), 1e-12 * Math.max(1, Math.abs(want[i])), line);
            }
            lines++;
        }
        assertEquals(8, lines, () -> String.join("\n", output));
    }

    /** The line ShadedJarQuery prints for cx.kaplan_meier, from the local library. */
    private static String kaplanMeier() {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        for (long id = 0; id < 3000; id++) { // the formula of ShadedJarQuery.ROWS
            acc.accept(id % 97, id % 5 != 0);
        }
        SurvivalCurve curve = acc.result().overall();
        MedianSurvival m = curve.median();
        return "RESULT km " + curve.n() + " " + curve.events() + " " + m.time() + " " + m.interval().lower() + " "
                + m.interval().upper();
    }

    /** The line ShadedJarQuery prints for the funnel, from the local engine. */
    private static String funnel() {
        EventLog.Builder b = EventLog.builder();
        for (long id = 0; id < 2000; id++) { // the formula of ShadedJarQuery.EVENTS
            b.add("c" + id % 200, Instant.ofEpochSecond(1767225600L + id / 200 * 60),
                    ShadedJarQuery.STEPS[(int) (id * 7 % 4)], Channel.WEB, null, null, Double.NaN, null);
        }
        FunnelResult r;
        try (EventLog log = b.build()) {
            r = Funnel.builder().steps(ShadedJarQuery.STEPS).build().run(log, JourneyBuilder.create());
        }
        StringBuilder line = new StringBuilder("RESULT funnel " + r.journeys());
        r.steps().forEach(s -> line.append(' ').append(s.entered()));
        return line.toString();
    }
}
