package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles every Java snippet of {@code README.md} and {@code docs/*.md} against the library, so
 * that no documented call, class or import can rot. A snippet is a {@code ```java} block: its
 * leading {@code import} lines are its imports, the rest the body of a method. Variables the
 * snippet uses but does not declare are named in a comment just above the block,
 * {@code <!-- given: java.util.List<io.cxkit.survey.SurveyResponse> responses, int score -->}
 * (fully qualified, since they are not shown). A block whose body declares a type is compiled as
 * a file of its own. A block carries {@code <!-- module: cx-spark -->} (or {@code cx-flink}) when it
 * needs that module's class path; the others are compiled by cx-cli's tests, whose class path holds
 * every other module.
 */
public final class DocSnippets {
    private static final Pattern GIVEN = Pattern.compile("<!--.*?given:\\s*(.*?)\\s*-->");
    private static final Pattern MODULE = Pattern.compile("<!--.*?module:\\s*([\\w-]+).*?-->");

    private DocSnippets() {
    }

    /**
     * One Java block of a document.
     *
     * @param doc the document
     * @param line the line of its opening fence (1-based)
     * @param module the module whose class path compiles it
     * @param imports its import lines
     * @param given the parameters the body may use (Java syntax), or empty
     * @param body the code after the imports
     */
    public record Snippet(Path doc, int line, String module, List<String> imports, String given, String body) {
        /** The document's file name and the line, for messages. */
        String name() {
            return doc.getFileName() + ":" + line;
        }

        String source(String className) {
            StringBuilder s = new StringBuilder();
            imports.forEach(i -> s.append(i).append('\n'));
            if (body.lines().anyMatch(l -> l.matches("(public |final |abstract )*(class|record|interface|enum) .*"))) {
                return s.append(body).toString();
            }
            return s.append("class ").append(className).append(" {\n    static void example(").append(given)
                    .append(") throws Exception {\n").append(body).append("\n    }\n}\n").toString();
        }
    }

    /**
     * The Java blocks of {@code README.md} and {@code docs/*.md} under {@code root}.
     *
     * @param root the repository
     * @return the blocks, in document order
     * @throws IOException if a document cannot be read
     */
    public static List<Snippet> snippets(Path root) throws IOException {
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<Snippet> found = new ArrayList<>();
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```java")) {
                    continue;
                }
                String given = "";
                String module = "cx-cli";
                for (int k = Math.max(0, i - 2); k < i; k++) {
                    Matcher g = GIVEN.matcher(lines.get(k));
                    if (g.find()) {
                        given = g.group(1);
                    }
                    Matcher m = MODULE.matcher(lines.get(k));
                    if (m.find()) {
                        module = m.group(1);
                    }
                }
                int end = i + 1;
                while (!lines.get(end).strip().equals("```")) {
                    end++;
                }
                List<String> block = lines.subList(i + 1, end);
                int first = 0;
                List<String> imports = new ArrayList<>();
                while (first < block.size() && (block.get(first).startsWith("import ") || block.get(first).isBlank())) {
                    if (!block.get(first).isBlank()) {
                        imports.add(block.get(first));
                    }
                    first++;
                }
                found.add(new Snippet(doc, i + 1, module, imports, given,
                        String.join("\n", block.subList(first, block.size()))));
                i = end;
            }
        }
        return found;
    }

    /**
     * Compiles every block of {@code module} and fails with the compiler's messages for each one
     * that does not compile.
     *
     * @param root the repository
     * @param module the module whose blocks to compile (this test's class path)
     * @param out a scratch directory for class files
     * @param atLeast the fewest blocks expected, so that a broken scan cannot pass
     * @throws IOException if a document cannot be read
     */
    public static void assertAllCompile(Path root, String module, Path out, int atLeast) throws IOException {
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        for (Snippet s : snippets(root)) {
            if (!s.module().equals(module)) {
                continue;
            }
            String diagnostics = compile(s, out);
            if (!diagnostics.isEmpty()) {
                failures.add(s.name() + "\n" + diagnostics);
            }
            compiled++;
        }
        assertTrue(compiled >= atLeast, module + " snippets compiled: " + compiled);
        assertTrue(failures.isEmpty(), failures.size() + " snippets do not compile:\n" + String.join("\n", failures));
    }

    /**
     * Compiles one snippet against this JVM's class path.
     *
     * @param s the snippet
     * @param out a scratch directory for class files
     * @return the compiler's messages, or "" when it compiles
     * @throws IOException if the scratch directory cannot be made
     */
    public static String compile(Snippet s, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String className = "Snippet" + s.line();
        String source = s.source(className);
        Matcher type = Pattern.compile("(?m)^(?:public |final |abstract )*(?:class|record|interface|enum) (\\w+)")
                .matcher(source);
        String fileName = type.find() ? type.group(1) : className;
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path dir = Files.createDirectories(out.resolve("s" + Math.abs(s.name().hashCode())));
        StringWriter messages = new StringWriter();
        boolean ok = javac.getTask(messages, null, null, List.of("-proc:none", "-d", dir.toString(), "-classpath",
                System.getProperty("java.class.path")), null, List.of(file)).call();
        return ok ? "" : messages.toString();
    }
}
