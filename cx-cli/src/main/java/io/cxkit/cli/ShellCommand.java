package io.cxkit.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Start JShell with cxkit on the class path and its packages imported.")
final class ShellCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final List<String> IMPORTS = List.of("io.cxkit.core.*", "io.cxkit.survey.*", "io.cxkit.io.*",
            "java.nio.file.*", "java.time.*");

    static final String HINT = "cxkit is imported (io.cxkit.core, .survey, .io). Try:\n"
            + "  var nps = NetPromoterScore.create(); nps.accept(9); nps.accept(3); nps.result()\n"
            + "  SurveyReader.builder().segmentBy(\"touchpoint\").build().read(Path.of(\"responses.csv\")).report()";

    static String startupScript() {
        StringBuilder sb = new StringBuilder();
        for (String i : IMPORTS) {
            sb.append("import ").append(i).append(";\n");
        }
        return sb.toString();
    }

    static String classPath() {
        try {
            return Path.of(Cx.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the cx jar", e);
        }
    }

    static List<String> command(Path startup) {
        String jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
        String cp = classPath() + File.pathSeparator + System.getProperty("java.class.path");
        return List.of(jshell, "--class-path", cp, "--startup", "DEFAULT", "--startup", startup.toString());
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            Path startup = Files.createTempFile("cx-startup", ".jsh");
            startup.toFile().deleteOnExit();
            Files.writeString(startup, startupScript(), StandardCharsets.UTF_8);
            if (spec.commandLine().getOut() instanceof DeferredOutput d) {
                d.passThrough(); // interactive: JShell writes to the terminal itself
            }
            spec.commandLine().getOut().println(HINT);
            spec.commandLine().getOut().flush();
            Process p = new ProcessBuilder(command(startup)).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start jshell: " + e.getMessage(), e);
        }
    }
}
