package io.cxkit.cli;

import io.cxkit.io.RejectedRows;
import io.cxkit.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --format html} of the commands: where the page goes ({@code --out FILE}, else standard
 * output) and the "what was read" lines every page starts with. The page is rendered whole before
 * anything is written, and a file is written through a temporary file that is moved into place, so
 * a failure never leaves half a page.
 */
final class HtmlOutput {

    /** The {@code --out FILE} option, shared by every command that writes HTML. */
    static final class Options {
        @Option(names = "--out", paramLabel = "FILE",
                description = "with --format html: write the page to FILE (default: standard output)")
        Path out;
    }

    private HtmlOutput() {
    }

    /** A usage error when {@code --out} is given without {@code --format html}. */
    static void check(CommandLine cl, Options o, boolean html) {
        if (o.out != null && !html) {
            throw new CommandLine.ParameterException(cl, "--out FILE is for --format html: " + o.out
                    + " (table, json and csv output go to standard output)");
        }
    }

    /** Writes the finished page to {@code --out} or to standard output, and says where on stderr. */
    static void write(CommandLine cl, Options o, HtmlReport page) {
        write(cl, o.out, page);
    }

    /** Writes the finished page to {@code file}, or to standard output when it is null. */
    static void write(CommandLine cl, Path file, HtmlReport page) {
        if (file == null) {
            PrintWriter out = cl.getOut();
            out.print(page.html());
            out.flush();
        } else {
            page.write(file);
            cl.getErr().println("cx: wrote " + file + " (" + page.charts().size() + " charts)");
        }
    }

    /** "Read FILE: R rows, A accepted, X rejected (reasons); columns role=col, …". */
    static List<String> read(String file, long rows, long accepted, RejectedRows rejected, Map<String, String> columns) {
        List<String> lines = new ArrayList<>();
        lines.add("Read " + file + ": " + String.format(java.util.Locale.ROOT, "%,d", rows) + " rows, "
                + String.format(java.util.Locale.ROOT, "%,d", accepted) + " counted, "
                + String.format(java.util.Locale.ROOT, "%,d", rejected.total()) + " rejected"
                + (rejected.any() ? " (" + rejected.counts() + ")" : "") + ".");
        if (!columns.isEmpty()) {
            StringBuilder sb = new StringBuilder("Columns used: ");
            new TreeMap<>(columns).forEach((k, v) -> sb.append(k).append(" = '").append(v).append("', "));
            lines.add(sb.substring(0, sb.length() - 2) + ".");
        }
        return lines;
    }
}
