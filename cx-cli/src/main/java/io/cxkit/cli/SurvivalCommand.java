package io.cxkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.jackson.CxSchemaModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxkit.core.Interval;
import io.cxkit.io.ReadSummary;
import io.cxkit.io.SurvivalReader;
import io.cxkit.journey.survival.LogRankGroup;
import io.cxkit.journey.survival.LogRankTest;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.journey.survival.SurvivalResult;
import io.cxkit.journey.survival.SurvivalStep;
import io.cxkit.report.ChartOptions;
import io.cxkit.report.HtmlReport;
import io.cxkit.report.SurvivalChart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "survival", mixinStandardHelpOptions = true,
        description = "Kaplan-Meier survival (time to churn, ...) per group with median survival and the log-rank"
                + " test; one row per subject (CSV, NDJSON or JSON).")
final class SurvivalCommand implements Callable<Integer> {
    /** The JSON schema name. */
    static final String SCHEMA = "cxkit/survival/v1";

    /** Interval types, spelled as on the command line. */
    enum ConfType {
        LOG(SurvivalConfType.LOG), LOG_LOG(SurvivalConfType.LOG_LOG);

        final SurvivalConfType type;

        ConfType(SurvivalConfType type) {
            this.type = type;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "one row per subject (.csv/.tsv/.txt, .ndjson/.jsonl/.json)")
    Path file;

    @Option(names = "--time", required = true, paramLabel = "COL",
            description = "follow-up time, a number >= 0 in the file's unit (results are in the same unit)")
    String time;

    @Option(names = "--event", required = true, paramLabel = "COL[=VALUE]",
            description = "event column: 0/1 or true/false, or COL=VALUE (event when equal to VALUE, censored otherwise)")
    String event;

    @Option(names = "--by", paramLabel = "COL", description = "one curve per value of this column, and the log-rank test")
    String by;

    @Option(names = "--at", split = ",", paramLabel = "T",
            description = "times at which the table shows S(t) (default: the quartiles of the follow-up times)")
    List<Double> at;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval confidence (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--conf-type", defaultValue = "log", paramLabel = "TYPE",
            description = "log (R's default) or log-log (default ${DEFAULT-VALUE})", converter = ConfTypeConverter.class)
    ConfType confType;

    @Option(names = "--format", defaultValue = "table", description = "table, json or html (default ${DEFAULT-VALUE})")
    CliSupport.Format format;

    @Mixin
    HtmlOutput.Options html;

    @CommandLine.Mixin
    ReadingOptions reading;

    @CommandLine.Mixin
    ReadLimitOptions limits = new ReadLimitOptions();

    /** Accepts {@code log-log} and {@code loglog} as well as {@code log_log}. */
    static final class ConfTypeConverter implements CommandLine.ITypeConverter<ConfType> {
        @Override
        public ConfType convert(String value) {
            switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "log":
                    return ConfType.LOG;
                case "log-log":
                case "loglog":
                    return ConfType.LOG_LOG;
                default:
                    throw new CommandLine.TypeConversionException("--conf-type must be log or log-log: " + value);
            }
        }
    }

    @Override
    public Integer call() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--confidence must be in (0, 1): " + confidence);
        }
        if (at != null) {
            for (double t : at) {
                if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--at times must be >= 0: " + t);
                }
            }
        }
        HtmlOutput.check(spec.commandLine(), html, format == CliSupport.Format.HTML);
        SurvivalReader reader;
        try {
            SurvivalReader.Builder b = limits.apply(spec.commandLine(),
                    SurvivalReader.builder().time(time).event(event).by(by));
            reading.apply(spec.commandLine(), b);
            reader = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        ReadSummary read = reader.read(file, acc);
        SurvivalResult r = acc.result();
        PrintWriter out = spec.commandLine().getOut();
        if (format == CliSupport.Format.HTML) {
            HtmlReport page = HtmlReport.builder().title("cx survival: " + file)
                    .subtitle("Kaplan-Meier survival: time '" + read.columns().get("time") + "', event "
                            + eventLabel(read, reader) + (by == null ? "" : ", by '" + read.columns().get("by") + "'"))
                    .section("What was read").list(HtmlOutput.read(file.toString(), read.rows(), read.accepted(),
                            read.rejected(), read.columns()))
                    .section("Survival").chart(SurvivalChart.of(r, read.columns().get("time") + ", the file's unit",
                            confType.type, ChartOptions.DEFAULTS.withConfidence(confidence)))
                    .build();
            HtmlOutput.write(spec.commandLine(), html, page);
            if (read.rejected().any()) {
                spec.commandLine().getErr().println("cx: " + read.rejected());
            }
        } else if (format == CliSupport.Format.JSON) {
            json(r, read, reader, out);
        } else {
            table(r, read, reader, out);
            if (read.rejected().any()) {
                spec.commandLine().getErr().println("cx: " + CliSupport.cliWords(read.rejected().toString()));
            }
        }
        out.flush();
        return 0;
    }

    private List<SurvivalCurve> curves(SurvivalResult r) {
        List<SurvivalCurve> cs = new ArrayList<>();
        cs.add(r.overall());
        if (by != null) {
            cs.addAll(r.groups().values());
        }
        return cs;
    }

    /** Default table times: the quartiles (nearest rank) of all subjects' follow-up times. */
    static List<Double> quartiles(SurvivalCurve overall) {
        List<Double> ts = new ArrayList<>();
        long n = overall.n();
        for (int q = 1; q <= 3; q++) {
            long rank = (long) Math.ceil(q * n / 4.0);
            long seen = 0;
            for (SurvivalStep s : overall.steps()) {
                seen += s.events() + s.censored();
                if (seen >= rank) {
                    if (!ts.contains(s.time())) {
                        ts.add(s.time());
                    }
                    break;
                }
            }
        }
        return ts;
    }

    /** The step in force at time t, or null before the first step. */
    static SurvivalStep stepAt(SurvivalCurve c, double t) {
        SurvivalStep last = null;
        for (SurvivalStep s : c.steps()) {
            if (s.time() > t) {
                break;
            }
            last = s;
        }
        return last;
    }

    private void table(SurvivalResult r, ReadSummary read, SurvivalReader reader, PrintWriter out) {
        List<Double> times = at != null ? at : quartiles(r.overall());
        String pct = Math.round(confidence * 1000) % 10 == 0 ? String.valueOf(Math.round(confidence * 100))
                : String.valueOf(confidence * 100);
        out.printf(Locale.ROOT, "Kaplan-Meier survival of %s: time '%s' (in the file's unit), event %s%s%n", file,
                read.columns().get("time"), eventLabel(read, reader),
                by == null ? "" : ", by '" + read.columns().get("by") + "'");
        out.printf(Locale.ROOT, "%s%% intervals (%s); S(t) at t = %s%n%n", pct, confType.type.label(),
                String.join(", ", times.stream().map(SurvivalCommand::num).toList()));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s %7s %7s %9s  %-17s", "group", "n",
                "events", "median", pct + "% CI"));
        for (double t : times) {
            head.append(String.format(Locale.ROOT, "  %-23s", "S(" + num(t) + ")"));
        }
        out.println(head.toString().stripTrailing());
        for (SurvivalCurve c : curves(r)) {
            MedianSurvival m = c.median(confType.type, confidence);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %7d %7d %9s  %-17s", c.group(),
                    c.n(), c.events(), m.reached() ? num(m.time()) : "NR",
                    "[" + bound(m.interval().lower()) + ", " + bound(m.interval().upper()) + "]"));
            for (double t : times) {
                SurvivalStep s = stepAt(c, t);
                String cell;
                if (s == null) {
                    cell = "1";
                } else {
                    Interval iv = s.interval(confType.type, confidence);
                    cell = String.format(Locale.ROOT, "%.4f [%s, %s]", s.survival(), p4(iv.lower()), p4(iv.upper()));
                }
                sb.append(String.format(Locale.ROOT, "  %-23s", cell));
            }
            out.println(sb.toString().stripTrailing());
        }
        if (by != null) {
            LogRankTest lr = r.logRank();
            out.println();
            out.printf(Locale.ROOT, "log-rank test: chi-square %.4f on %d df, p = %s%n", lr.chiSquare(), lr.df(),
                    Double.isNaN(lr.pValue()) ? "NA" : String.format(Locale.ROOT, "%.4g", lr.pValue()));
            out.printf(Locale.ROOT, "%-14s %7s %9s %9s%n", "group", "n", "observed", "expected");
            for (LogRankGroup g : lr.groups()) {
                out.printf(Locale.ROOT, "%-14s %7d %9d %9.2f%n", g.group(), g.n(), g.observed(), g.expected());
            }
        }
        out.printf(Locale.ROOT, "%n%d rows, %d accepted%s; NR = median not reached%n", read.rows(), read.accepted(),
                read.rejected().any() ? ", " + read.rejected().total() + " rejected" : "");
    }

    private static String eventLabel(ReadSummary read, SurvivalReader reader) {
        String col = read.columns().get("event");
        return "'" + col + "' = " + reader.eventValue().orElse("1/true");
    }

    private void json(SurvivalResult r, ReadSummary read, SurvivalReader reader, PrintWriter out) {
        ObjectMapper m = CliSupport.mapper(CxSchemaModule.of(confidence).survivalIntervals(confType.type));
        ObjectNode root = m.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("confidence", confidence);
        root.put("confType", confType.type.label());
        ObjectNode t = root.putObject("time");
        t.put("column", read.columns().get("time"));
        t.put("unit", "as in the file");
        ObjectNode ev = root.putObject("event");
        ev.put("column", read.columns().get("event"));
        if (reader.eventValue().isEmpty()) {
            ev.put("coding", "1/true = event, 0/false = censored");
        } else {
            ev.put("value", reader.eventValue().get());
        }
        if (by == null) {
            root.putNull("by");
        } else {
            root.put("by", read.columns().get("by"));
        }
        root.set("overall", m.valueToTree(r.overall()));
        if (by != null) {
            ArrayNode groups = root.putArray("groups");
            for (SurvivalCurve c : r.groups().values()) {
                groups.add(m.<JsonNode>valueToTree(c));
            }
            root.set("logRank", m.valueToTree(r.logRank()));
        }
        ObjectNode in = root.putObject("input");
        in.put("rows", read.rows());
        in.put("accepted", read.accepted());
        in.set("columns", m.valueToTree(new java.util.TreeMap<>(read.columns())));
        in.set("rejected", m.valueToTree(read.rejected()));
        try {
            out.println(m.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Puts a number, or null when NaN or infinite (JSON has neither). */
    static void num(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String bound(double v) {
        return Double.isNaN(v) ? "NA" : num(v);
    }

    private static String p4(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.4f", v);
    }
}
