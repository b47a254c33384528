package io.cxkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.ivy.Ivy;
import org.apache.ivy.core.module.id.ModuleRevisionId;
import org.apache.ivy.core.report.ArtifactDownloadReport;
import org.apache.ivy.core.report.ResolveReport;
import org.apache.ivy.core.resolve.ResolveOptions;
import org.apache.ivy.core.settings.IvySettings;
import org.apache.ivy.plugins.resolver.ChainResolver;
import org.apache.ivy.plugins.resolver.IBiblioResolver;
import org.junit.jupiter.api.Test;

/**
 * The POMs as they would be published, read by Ivy the way {@code spark-submit --packages} reads
 * them (Maven-compatible resolvers, the {@code default} configuration): the reactor's POMs and jars
 * are laid out as a throw-away file repository under {@code target/}, third-party artifacts come
 * from the local Maven repository read-only. Nothing is installed anywhere.
 *
 * <p>Also keeps the BOM and the README's coordinates in step with the build's version.
 */
class PublishedPomsIT {
    private static final Path ROOT = Path.of(System.getProperty("cxkit.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("cxkit.version");
    /** The modules in cx-spark's tree, plus cx-spark; each must have been packaged by the reactor. */
    private static final List<String> SPARK_TREE = List.of("cx-core", "cx-survey", "cx-journey", "cx-spark");

    @Test
    void ivyResolvesCxSparkWithItsWholeTree() throws Exception {
        Path repo = ROOT.resolve("cx-spark/target/it-repository");
        deleteTree(repo);
        Path group = repo.resolve("io/cxkit");
        copy(ROOT.resolve("pom.xml"), group.resolve("cxkit-parent/" + VERSION + "/cxkit-parent-" + VERSION + ".pom"));
        for (String module : SPARK_TREE) {
            Path dir = group.resolve(module + "/" + VERSION);
            copy(ROOT.resolve(module + "/pom.xml"), dir.resolve(module + "-" + VERSION + ".pom"));
            Path jar = ROOT.resolve(module + "/target/" + module + "-" + VERSION + ".jar");
            assertTrue(Files.isRegularFile(jar), jar + " is missing: run the reactor (mvn verify) first");
            copy(jar, dir.resolve(module + "-" + VERSION + ".jar"));
        }

        IvySettings settings = new IvySettings();
        settings.setDefaultCache(ROOT.resolve("cx-spark/target/it-ivy-cache").toFile());
        deleteTree(ROOT.resolve("cx-spark/target/it-ivy-cache"));
        ChainResolver chain = new ChainResolver();
        chain.setName("chain");
        chain.add(m2("published", repo));
        chain.add(m2("local-m2", Path.of(System.getProperty("cxkit.localRepository",
                System.getProperty("user.home") + "/.m2/repository"))));
        settings.addResolver(chain);
        settings.setDefaultResolver("chain");
        Ivy ivy = Ivy.newInstance(settings);

        ResolveOptions options = new ResolveOptions().setConfs(new String[] {"default"}).setTransitive(true)
                .setDownload(true).setValidate(false);
        ResolveReport report = ivy.resolve(ModuleRevisionId.newInstance("io.cxkit", "cx-spark", VERSION),
                options, true);
        assertFalse(report.hasError(), () -> "Ivy: " + report.getAllProblemMessages());

        Set<String> resolved = new TreeSet<>();
        for (ArtifactDownloadReport a : report.getAllArtifactsReports()) {
            ModuleRevisionId id = a.getArtifact().getModuleRevisionId();
            resolved.add(id.getOrganisation() + ":" + id.getName() + ":" + a.getArtifact().getType());
        }
        assertTrue(resolved.containsAll(Set.of("io.cxkit:cx-spark:jar", "io.cxkit:cx-journey:jar",
                "io.cxkit:cx-survey:jar", "io.cxkit:cx-core:jar", "org.apache.commons:commons-math3:jar")), resolved::toString);
        for (String a : resolved) {
            assertFalse(a.startsWith("org.apache.spark:") || a.startsWith("org.scala-lang:"),
                    "Spark is provided by the cluster, yet Ivy resolved " + a);
            assertFalse(a.contains("junit") || a.contains("jqwik") || a.contains("ivy")
                    || a.endsWith(":test-jar"), "a test dependency leaked: " + a);
        }
        assertEquals(5, resolved.size(), resolved::toString);
    }

    private static IBiblioResolver m2(String name, Path root) {
        IBiblioResolver r = new IBiblioResolver();
        r.setName(name);
        r.setM2compatible(true);
        r.setUsepoms(true);
        r.setRoot(root.toUri().toString());
        return r;
    }

    @Test
    void theBomListsEveryPublishedModuleAtTheBuildsVersion() throws IOException {
        String bom = Files.readString(ROOT.resolve("cx-bom/pom.xml")).replaceAll("(?s)<!--.*?-->", "");
        Matcher own = Pattern.compile("<artifactId>cx-bom</artifactId>\\s*<version>([^<]+)</version>").matcher(bom);
        assertTrue(own.find(), "cx-bom declares its version");
        assertEquals(VERSION, own.group(1), "cx-bom's version follows the reactor's");

        String parent = Files.readString(ROOT.resolve("pom.xml")).replaceAll("(?s)<!--.*?-->", "");
        Set<String> published = new TreeSet<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (m.find()) {
            String module = m.group(1);
            String pom = Files.readString(ROOT.resolve(module + "/pom.xml")).replaceAll("(?s)<!--.*?-->", "");
            if (!module.equals("cx-bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(module);
            }
        }
        Set<String> listed = new TreeSet<>();
        Matcher d = Pattern.compile("<artifactId>(cx-[a-z]+)</artifactId>\\s*<version>\\$\\{project.version}</version>")
                .matcher(bom);
        while (d.find()) {
            listed.add(d.group(1));
        }
        assertEquals(published, listed, "the BOM manages exactly the published modules");
    }

    @Test
    void theReadmeShowsTheReleaseThisBuildWillBecome() throws IOException {
        String release = VERSION.replace("-SNAPSHOT", "");
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher versions = Pattern.compile("io\\.cxkit:cx-[a-z]+:(\\d[^\"\\s`)]*)"
                + "|<groupId>io\\.cxkit</groupId>\\s*<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(readme);
        List<String> found = new ArrayList<>();
        while (versions.find()) {
            found.add(versions.group(1) != null ? versions.group(1) : versions.group(2));
        }
        assertFalse(found.isEmpty(), "the README shows coordinates");
        Set<String> wrong = found.stream().filter(v -> !v.equals(release)).collect(Collectors.toSet());
        assertTrue(wrong.isEmpty(), "README coordinates must show " + release + ", found " + wrong);
        assertTrue(readme.contains(VERSION), "the README names the from-source version " + VERSION);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }
}
