package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README and docs/ say what the code is: the README's module map lists exactly the reactor's
 * modules in the parent pom's order and stays within 300 lines, and every command and every option
 * of {@code cx} is described in its guide (docs/cli.md; {@code cx value} in docs/value.md).
 */
class DocsMatchTheCodeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Options every command has (picocli's standard help options). */
    private static final List<String> STANDARD = List.of("--help", "--version", "-h", "-V");

    @Test
    void theReadmesModuleMapIsTheReactor() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
        String modulesBlock = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
        List<String> reactor = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(modulesBlock);
        while (m.find()) {
            reactor.add(m.group(1));
        }
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.size() <= 300, "README.md has " + readme.size() + " lines; keep it within 300");
        int at = readme.indexOf("<!-- modules: the reactor's modules, in the parent pom's order -->");
        assertTrue(at >= 0, "README.md has the module map marker");
        List<String> listed = new ArrayList<>();
        for (String line : readme.subList(at + 3, readme.size())) {
            Matcher row = Pattern.compile("^\\| `([a-z-]+)` \\|").matcher(line);
            if (!row.find()) {
                break;
            }
            listed.add(row.group(1));
        }
        assertEquals(reactor, listed, "README module map vs <modules> of the parent pom");
        for (String module : reactor) {
            assertTrue(Files.isDirectory(ROOT.resolve(module)), module + " is a directory");
        }
    }

    /**
     * Every coordinate the docs give (Maven {@code <dependency>} blocks, Gradle and
     * {@code --packages} strings {@code io.cxkit:cx-…[:version]}, jar names) names a module of the
     * reactor and the version being built, without its {@code -SNAPSHOT}: a Gradle user and a Maven
     * user are told the same artifact. Gradle itself is not run here (it is not on Maven Central).
     */
    @Test
    void everyCoordinateInTheDocsIsAModuleAtTheVersionBeingBuilt() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
        Matcher v = Pattern.compile("<artifactId>cxkit-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(v.find(), "parent pom version");
        String release = v.group(1).replace("-SNAPSHOT", "");
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (var files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        Pattern maven = Pattern.compile("<groupId>io\\.cxkit</groupId>\\s*<artifactId>([a-z-]+)</artifactId>"
                + "\\s*<version>([^<]+)</version>");
        Pattern coordinate = Pattern.compile("io\\.cxkit:(cx-[a-z-]+)(?::([0-9][0-9A-Za-z.-]*))?");
        Pattern jar = Pattern.compile("\\b(cx-[a-z-]+)-([0-9][0-9.]*[0-9])(?:-[a-z]+)?\\.jar\\b");
        int checked = 0;
        for (Path doc : docs) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            for (Pattern p : List.of(maven, coordinate, jar)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String where = ROOT.relativize(doc) + ": " + m.group();
                    assertTrue(Files.isRegularFile(ROOT.resolve(m.group(1)).resolve("pom.xml")), where + " names no module");
                    if (m.group(2) != null) {
                        assertEquals(release, m.group(2), where);
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 10, "found only " + checked + " coordinates in README.md and docs/");
    }

    @Test
    void everyCommandAndOptionIsDocumented() throws IOException {
        String cli = Files.readString(ROOT.resolve("docs/cli.md"), StandardCharsets.UTF_8);
        Map<String, String> guides = Map.of("value", Files.readString(ROOT.resolve("docs/value.md"),
                StandardCharsets.UTF_8));
        CommandSpec cx = Cx.commandLine().getCommandSpec();
        Map<String, TreeSet<String>> missing = new TreeMap<>();
        int options = 0;
        for (Map.Entry<String, CommandLine> sub : cx.subcommands().entrySet()) {
            String name = sub.getKey();
            if (name.equals("help")) {
                continue;
            }
            String guide = guides.getOrDefault(name, cli);
            if (!guide.contains("cx " + name)) {
                missing.computeIfAbsent(name, k -> new TreeSet<>()).add("(the command)");
            }
            for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
                for (String n : o.names()) {
                    if (STANDARD.contains(n)) {
                        continue;
                    }
                    options++;
                    if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(n) + "(?![\\w-])").matcher(guide).find()) {
                        missing.computeIfAbsent(name, k -> new TreeSet<>()).add(n);
                    }
                }
            }
        }
        assertTrue(cx.subcommands().size() >= 10 && options > 50, "commands and options found: "
                + cx.subcommands().keySet() + ", " + options);
        assertTrue(missing.isEmpty(), "not described in docs/cli.md (or the command's guide): " + missing);
    }
}
