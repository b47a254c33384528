package io.cxkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the sample company's data and print its headline report and story.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--responses", defaultValue = "40000", description = "responses to generate (default ${DEFAULT-VALUE})")
    long responses;

    @Option(names = "--seed", defaultValue = "2026", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the data (default: a temporary directory)")
    Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "also write the whole story as one HTML page with charts")
    Path html;

    @Override
    public Integer call() {
        Path dir = out;
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("cx-demo-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the demo data: " + e.getMessage(), e);
        }
        SampleCompany c = new SampleCompany(responses, Math.max(1, responses / 5), seed);
        Demo.Findings f = Demo.run(c, dir);
        if (html != null) {
            // Rendered whole before anything is printed: a failure leaves neither half a page nor half a report.
            io.cxkit.report.HtmlReport page = DemoPage.of(f);
            page.write(html);
            spec.commandLine().getErr().println("cx: wrote " + html + " (" + page.charts().size() + " charts)");
        }
        Demo.print(f, spec.commandLine().getOut());
        return 0;
    }
}
