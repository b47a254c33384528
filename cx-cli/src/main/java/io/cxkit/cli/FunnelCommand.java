package io.cxkit.cli;

import io.cxkit.core.TouchpointCatalog;
import io.cxkit.io.TouchpointCatalogReader;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelMode;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStepResult;
import io.cxkit.report.ChartOptions;
import io.cxkit.report.FunnelChart;
import io.cxkit.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
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

@Command(name = "funnel", mixinStandardHelpOptions = true,
        description = "Conversion funnel over the journeys of an interaction-event file (CSV, NDJSON, JSON).")
final class FunnelCommand implements Callable<Integer> {
    static final String SCHEMA = "cxkit/funnel/v1";
    static final double CONFIDENCE = 0.95;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "interaction events (.csv, .ndjson, .json)")
    Path file;

    @Option(names = "--steps", required = true, split = ",", paramLabel = "TOUCHPOINT",
            description = "the funnel's touchpoints in order, e.g. product_page,checkout_web")
    List<String> steps;

    @Option(names = "--within", paramLabel = "DURATION", converter = CliSupport.TypedDurationConverter.class,
            description = "conversion window from the first step (30m, 2h, 7d, PT1H; default: none)")
    CliSupport.TypedDuration within;

    @Option(names = "--mode", defaultValue = "ordered", paramLabel = "MODE",
            description = "ordered (other events may come between), strict (next event), any (any order)")
    String mode;

    @Option(names = "--by", paramLabel = "COL", description = "segment journeys by this column (its value on the"
            + " journey's first event); with --touchpoints: stage, area or channel of the first touchpoint")
    String by;

    @Option(names = "--touchpoints", paramLabel = "FILE", description = "touchpoint catalog (CSV: touchpoint, channel,"
            + " stage, area[, name, stage_order]); with --by stage|area|channel journeys are segmented by the catalog"
            + " entry of their first touchpoint")
    Path catalogFile;

    @Mixin
    JourneyFile.Options options;

    @Option(names = "--format", defaultValue = "table", description = "table, json or html (default ${DEFAULT-VALUE})")
    CliSupport.Format format;

    @Mixin
    HtmlOutput.Options html;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        FunnelMode m = mode(cl, mode);
        CliSupport.positive(cl, within, "--within");
        HtmlOutput.check(cl, html, format == CliSupport.Format.HTML);
        TouchpointCatalog.Level level = catalogFile == null ? null : level(cl, by);
        TouchpointCatalog catalog = catalogFile == null ? null
                : TouchpointCatalogReader.builder().build().read(catalogFile).catalog();
        try (JourneyFile f = JourneyFile.read(cl, file, options, by, catalog, level)) {
            return report(cl, m, catalog, f);
        }
    }

    private int report(CommandLine cl, FunnelMode m, TouchpointCatalog catalog, JourneyFile f) {
        if (format != CliSupport.Format.JSON) {
            CliSupport.sayNotInCatalog(cl, catalogFile, f.notInCatalog, "journeys entering there are under");
        }
        Funnel funnel = Funnel.builder().steps(steps.toArray(new String[0])).mode(m)
                .window(CliSupport.TypedDuration.valueOf(within)).knownTouchpoints(f.touchpoints).build();
        FunnelResult overall = f.funnel(funnel);
        Map<String, FunnelResult> segments = by != null ? f.funnelBySegment(funnel) : Map.of();
        PrintWriter out = cl.getOut();
        if (format == CliSupport.Format.HTML) {
            HtmlReport.Builder page = HtmlReport.builder().title("cx funnel: " + file)
                    .subtitle("Funnel " + String.join(" > ", steps) + " (" + modeName(m) + ", window "
                            + (within == null ? "none" : within) + "); journeys per " + JourneyFile.unit(options));
            page.section("What was read").list(HtmlOutput.read(file.toString(), f.summary.rows(),
                    f.summary.accepted(), f.summary.rejected(), f.summary.columns()));
            ChartOptions o = ChartOptions.DEFAULTS.withConfidence(CONFIDENCE);
            page.section("Funnel").chart(FunnelChart.of(overall, null, o));
            segments.forEach((k, r) -> page.chart(FunnelChart.of(r, by + "=" + k, o)));
            HtmlOutput.write(cl, html, page.build());
            CliSupport.reportRejected(cl, f.summary, format);
        } else if (format == CliSupport.Format.JSON) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schema", SCHEMA);
            root.put("confidence", CONFIDENCE);
            root.put("steps", steps);
            root.put("mode", modeName(m));
            CliSupport.putDuration(root, "window", within);
            root.put("journeys", JourneyFile.unitJson(options));
            root.put("by", by);
            if (catalog != null) {
                root.put("touchpointCatalog", CliSupport.catalogJson(catalogFile, catalog.size(), null, f.notInCatalog));
            }
            root.put("overall", overall);
            List<Object> segs = new ArrayList<>();
            segments.forEach((k, r) -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("key", Map.of(by, k));
                s.put("result", r);
                segs.add(s);
            });
            root.put("segments", segs);
            root.put("input", CliSupport.input(f.summary));
            CliSupport.writeJson(out, root);
        } else {
            out.printf(Locale.ROOT, "Funnel %s (%s, window %s); journeys per %s%n", String.join(" > ", steps),
                    modeName(m), within == null ? "none" : within, JourneyFile.unit(options));
            table(out, "(all)", overall);
            segments.forEach((k, r) -> table(out, by + "=" + k, r));
            out.flush();
            CliSupport.reportRejected(cl, f.summary, format);
        }
        return 0;
    }

    /** The catalog level {@code --by} names when {@code --touchpoints} is given. */
    static TouchpointCatalog.Level level(CommandLine cl, String by) {
        return level(cl, "--by", by);
    }

    /** The catalog level that {@code option} names when {@code --touchpoints} is given. */
    static TouchpointCatalog.Level level(CommandLine cl, String option, String value) {
        if (value != null) {
            for (TouchpointCatalog.Level l : TouchpointCatalog.Level.values()) {
                if (l.label().equalsIgnoreCase(value.strip())) {
                    return l;
                }
            }
        }
        throw new CommandLine.ParameterException(cl, "--touchpoints needs " + option + " stage, area or channel: "
                + (value == null ? "no " + option : "'" + value + "'"));
    }

    static FunnelMode mode(CommandLine cl, String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "ordered":
                return FunnelMode.ORDERED;
            case "strict":
                return FunnelMode.STRICT;
            case "any":
            case "any_order":
            case "any-order":
                return FunnelMode.ANY_ORDER;
            default:
                throw new CommandLine.ParameterException(cl, "--mode must be ordered, strict or any: '" + s + "'");
        }
    }

    static String modeName(FunnelMode m) {
        return m == FunnelMode.ANY_ORDER ? "any" : m.name().toLowerCase(Locale.ROOT);
    }

    static void table(PrintWriter out, String label, FunnelResult r) {
        out.printf(Locale.ROOT, "%n%s: %,d journeys, %,d entered, %,d completed; conversion %s%n", label, r.journeys(),
                r.entered(), r.completed(), CliSupport.pct(r.conversion(), CONFIDENCE));
        out.printf(Locale.ROOT, "  %-3s %-20s %9s %9s %9s  %-24s %-24s %s%n", "#", "step", "entered", "converted",
                "dropped", "from previous (95% CI)", "from first (95% CI)", "time from previous (median, p90)");
        for (FunnelStepResult s : r.steps()) {
            String t = s.timeFromPrevious().isEmpty() ? "-" : CliSupport.human(s.timeFromPrevious().median()) + ", "
                    + CliSupport.human(s.timeFromPrevious().p90());
            out.printf(Locale.ROOT, "  %-3d %-20s %,9d %,9d %,9d  %-24s %-24s %s%n", s.index() + 1, s.name(),
                    s.entered(), s.converted(), s.dropped(), CliSupport.pct(s.fromPrevious(), CONFIDENCE),
                    CliSupport.pct(s.fromFirst(), CONFIDENCE), s.index() == 0 ? "-" : t);
        }
    }
}
