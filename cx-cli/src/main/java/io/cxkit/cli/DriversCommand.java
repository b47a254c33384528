package io.cxkit.cli;

import io.cxkit.io.DriverReader;
import io.cxkit.io.ReadSummary;
import io.cxkit.report.DriversChart;
import io.cxkit.report.HtmlReport;
import io.cxkit.survey.drivers.DriverImportance;
import io.cxkit.survey.drivers.DriverRows;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.drivers.KeyDrivers;
import java.io.PrintWriter;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = "Key-driver analysis: how much of an outcome's variance (R²) each attribute rating explains.")
final class DriversCommand implements Callable<Integer> {
    static final String SCHEMA = "cxkit/drivers/v1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "survey-style rows (.csv, .ndjson, .json)")
    Path file;

    @Option(names = "--outcome", required = true, paramLabel = "COL", description = "the overall score, e.g. csat")
    String outcome;

    @Option(names = "--drivers", required = true, split = ",", paramLabel = "COL",
            description = "attribute ratings, e.g. ease,speed,friendliness,price")
    List<String> drivers;

    @Option(names = "--method", defaultValue = "relative-weights", paramLabel = "METHOD",
            description = "relative-weights (Johnson) or shapley (LMG) (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--bootstrap", paramLabel = "N", description = "percentile bootstrap intervals from N resamples"
            + " (100..100000; holds the rows in memory)")
    Integer bootstrap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval confidence (default ${DEFAULT-VALUE})")
    double confidence;

    @CommandLine.Mixin
    ReadingOptions reading;

    @Option(names = "--format", defaultValue = "table", description = "table, json or html (default ${DEFAULT-VALUE})")
    CliSupport.Format format;

    @Mixin
    HtmlOutput.Options html;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        KeyDriverMethod m = method(cl, method);
        if (!(confidence > 0 && confidence < 1)) {
            throw new CommandLine.ParameterException(cl, "--confidence must be in (0, 1): " + confidence);
        }
        if (bootstrap != null && (bootstrap < 100 || bootstrap > 100_000)) {
            throw new CommandLine.ParameterException(cl, "--bootstrap must be in [100, 100000]: " + bootstrap);
        }
        if (m == KeyDriverMethod.LMG && drivers.size() > KeyDrivers.MAX_LMG_DRIVERS) {
            throw new CommandLine.ParameterException(cl, "--method shapley takes at most "
                    + KeyDrivers.MAX_LMG_DRIVERS + " drivers: " + drivers.size());
        }
        HtmlOutput.check(cl, html, format == CliSupport.Format.HTML);
        DriverReader reader;
        try {
            DriverReader.Builder b = DriverReader.builder().outcome(outcome).drivers(drivers);
            reading.apply(cl, b);
            reader = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        KeyDriversResult r;
        ReadSummary s;
        if (bootstrap == null) {
            KeyDrivers kd = KeyDrivers.of(outcome, drivers);   // streams: memory bounded by the drivers
            s = reader.read(file, kd::accept);
            r = kd.result(m);
        } else {
            DriverRows rows = DriverRows.of(outcome, drivers);
            s = reader.read(file, rows::add);
            r = rows.bootstrap(m, bootstrap, seed, confidence);
        }
        if (r.n() == 0) {
            throw new IllegalArgumentException("no complete rows: every row of " + file + " misses the outcome or a"
                    + " driver (" + r.excluded() + " excluded)");
        }
        PrintWriter out = cl.getOut();
        if (format == CliSupport.Format.HTML) {
            HtmlReport page = HtmlReport.builder().title("cx drivers: " + file)
                    .subtitle("Key drivers of " + outcome + " (" + m.label() + ")" + (r.resamples() > 0
                            ? "; " + r.resamples() + " bootstrap resamples, seed " + seed : ""))
                    .section("What was read").list(HtmlOutput.read(file.toString(), s.rows(), s.accepted(),
                            s.rejected(), s.columns()))
                    .section("Importance").chart(DriversChart.importance(r))
                    .section("Importance and performance").chart(DriversChart.quadrant(r))
                    .build();
            HtmlOutput.write(cl, html, page);
            CliSupport.reportRejected(cl, s, format);
        } else if (format == CliSupport.Format.JSON) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schema", SCHEMA);
            root.put("outcome", outcome);
            root.put("drivers", drivers);
            root.put("method", m == KeyDriverMethod.LMG ? "shapley" : "relative-weights");
            root.put("rSquared", CliSupport.num(r.rSquared()));
            root.put("n", r.n());
            root.put("excluded", r.excluded());
            root.put("resamples", r.resamples());
            root.put("seed", bootstrap == null ? null : seed);
            root.put("confidence", bootstrap == null ? null : confidence);
            List<Object> list = new ArrayList<>();
            int rank = 1;
            for (DriverImportance d : r.ranked()) {
                ObjectNode x = JsonNodeFactory.instance.objectNode();
                x.put("driver", d.driver());
                x.put("rank", rank++);
                x.setAll(CliSupport.tree(d));
                list.add(x);
            }
            root.put("importances", list);
            root.put("input", CliSupport.input(s));
            CliSupport.writeJson(out, root);
        } else {
            out.printf(Locale.ROOT, "Key drivers of %s (%s): R² = %.4f, n = %,d complete rows%n", outcome,
                    m.label(), r.rSquared(), r.n());
            out.printf(Locale.ROOT, "%,d rows read, %,d excluded (an empty outcome or driver value)%s%n", s.rows(),
                    r.excluded(), r.resamples() > 0 ? String.format(Locale.ROOT, "; %d bootstrap resamples, seed %d,"
                            + " %.0f%% percentile intervals", r.resamples(), seed, 100 * confidence) : "");
            out.printf(Locale.ROOT, "%n  %-3s %-20s %10s %8s %s%s%n", "#", "driver", "raw (R²)", "share", "mean",
                    r.resamples() > 0 ? "   share interval" : "");
            int rank = 1;
            for (DriverImportance d : r.ranked()) {
                out.printf(Locale.ROOT, "  %-3d %-20s %10.4f %7.1f%% %5.2f%s%n", rank++, d.driver(), d.raw(),
                        100 * d.rescaled(), d.mean(), r.resamples() > 0 ? String.format(Locale.ROOT,
                                "   [%.1f, %.1f]", 100 * d.rescaledInterval().lower(),
                                100 * d.rescaledInterval().upper()) : "");
            }
            out.flush();
            CliSupport.reportRejected(cl, s, format);
        }
        return 0;
    }

    static KeyDriverMethod method(CommandLine cl, String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "relative-weights":
            case "relative_weights":
            case "rw":
                return KeyDriverMethod.RELATIVE_WEIGHTS;
            case "shapley":
            case "lmg":
                return KeyDriverMethod.LMG;
            default:
                throw new CommandLine.ParameterException(cl, "--method must be relative-weights or shapley: '" + s
                        + "'");
        }
    }
}
