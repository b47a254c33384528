package io.cxkit.cli;

import io.cxkit.core.TouchpointCatalog;
import io.cxkit.io.TouchpointCatalogReader;
import io.cxkit.journey.paths.PathCount;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.PathVariantsResult;
import io.cxkit.journey.paths.TopPaths;
import io.cxkit.journey.paths.Transition;
import io.cxkit.journey.paths.TransitionGraph;
import io.cxkit.journey.paths.TransitionGraphResult;
import io.cxkit.report.HtmlReport;
import io.cxkit.report.PathsChart;
import io.cxkit.report.TransitionChart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "Top journey paths (whole, from or to a touchpoint) and the transitions between touchpoints.")
final class PathsCommand implements Callable<Integer> {
    static final String SCHEMA = "cxkit/paths/v1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "interaction events (.csv, .ndjson, .json)")
    Path file;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "paths to list (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--from", paramLabel = "TOUCHPOINT", description = "paths starting at a journey's first visit"
            + " to this touchpoint")
    String from;

    @Option(names = "--to", paramLabel = "TOUCHPOINT", description = "paths leading to a journey's first visit to"
            + " this touchpoint")
    String to;

    @Option(names = "--depth", defaultValue = "3", paramLabel = "N",
            description = "with --from/--to: touchpoints after/before it (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--collapse-repeats", description = "count consecutive repeats of a touchpoint once")
    boolean collapse;

    @Option(names = "--touchpoints", paramLabel = "FILE", description = "touchpoint catalog (CSV: touchpoint, channel,"
            + " stage, area[, name, stage_order]): paths and transitions over each touchpoint's --level instead")
    Path catalogFile;

    @Option(names = "--level", paramLabel = "LEVEL", description = "with --touchpoints: stage, area or channel"
            + " (default stage)")
    String level;

    @Mixin
    JourneyFile.Options options;

    @Option(names = "--format", defaultValue = "table", description = "table, json or html (default ${DEFAULT-VALUE})")
    CliSupport.Format format;

    @Mixin
    HtmlOutput.Options html;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (top < 0) {
            throw new CommandLine.ParameterException(cl, "--top must be >= 0: " + top);
        }
        if (from != null && to != null) {
            throw new CommandLine.ParameterException(cl, "--from and --to cannot be combined");
        }
        if (depth < 1) {
            throw new CommandLine.ParameterException(cl, "--depth must be >= 1: " + depth);
        }
        HtmlOutput.check(cl, html, format == CliSupport.Format.HTML);
        if (format == CliSupport.Format.HTML && top < 1) {
            throw new CommandLine.ParameterException(cl, "--top must be >= 1 with --format html: " + top);
        }
        if (level != null && catalogFile == null) {
            throw new CommandLine.ParameterException(cl, "--level needs --touchpoints (the catalog whose level it is)");
        }
        TouchpointCatalog.Level lv = catalogFile == null ? null : FunnelCommand.level(cl, "--level",
                level == null ? "stage" : level);
        TouchpointCatalog catalog = catalogFile == null ? null
                : TouchpointCatalogReader.builder().build().read(catalogFile).catalog();
        try (JourneyFile f = JourneyFile.read(cl, file, options, null, catalog, lv)) {
            return report(cl, f, catalog, lv);
        }
    }

    private int report(CommandLine cl, JourneyFile f, TouchpointCatalog catalog, TouchpointCatalog.Level lv) {
        String anchor = from != null ? from : to;
        Set<String> nodes = f.touchpoints;
        if (catalog != null) {
            nodes = new TreeSet<>();
            for (String t : f.touchpoints) {
                nodes.add(catalog.segment(t, lv));
            }
            if (format != CliSupport.Format.JSON) {
                CliSupport.sayNotInCatalog(cl, catalogFile, f.notInCatalog, "their events count as");
            }
        }
        if (anchor != null && !nodes.contains(anchor)) {
            throw new IllegalArgumentException("unknown " + (catalog == null ? "touchpoint" : lv.label()) + " '"
                    + anchor + "': it never occurs in " + file + (catalog == null ? "; touchpoints are "
                    : " through " + catalogFile + "; " + lv.label() + "s are ") + nodes);
        }
        PathVariants pv = from != null ? PathVariants.ofFollowing(from, depth)
                : to != null ? PathVariants.ofLeadingTo(to, depth) : PathVariants.create();
        if (collapse) {
            pv = pv.collapsingRepeats();
        }
        TransitionGraph graph = TransitionGraph.create();
        if (catalog != null) {
            pv = pv.throughCatalog(catalog, lv);
            graph = graph.throughCatalog(catalog, lv);
        }
        f.paths(pv, graph);
        PathVariantsResult pr = pv.result();
        long journeys = pr.journeys() + pr.skipped(); // every journey is counted or skipped, once
        TopPaths tops = pr.top(top);
        TransitionGraphResult gr = graph.result();
        List<Transition> transitions = new ArrayList<>(gr.transitions());
        transitions.sort(Comparator.comparingLong(Transition::count).reversed()
                .thenComparing(Transition::from).thenComparing(Transition::to));
        String view = (from != null ? "from " + from + " (" + depth + " after)"
                : to != null ? "to " + to + " (" + depth + " before)" : "whole journeys")
                + (catalog == null ? "" : ", touchpoints as their " + lv.label() + " in " + catalogFile);
        PrintWriter out = cl.getOut();
        if (format == CliSupport.Format.HTML) {
            HtmlReport.Builder page = HtmlReport.builder().title("cx paths: " + file)
                    .subtitle("Paths: " + view + (collapse ? ", repeats collapsed" : "") + "; journeys per "
                            + JourneyFile.unit(options));
            page.section("What was read").list(HtmlOutput.read(file.toString(), f.summary.rows(),
                    f.summary.accepted(), f.summary.rejected(), f.summary.columns()));
            page.section("Top paths").chart(PathsChart.of(pr, top));
            page.section("Transitions").chart(TransitionChart.of(gr, Math.max(top, 20)));
            HtmlOutput.write(cl, html, page.build());
            CliSupport.reportRejected(cl, f.summary, format);
        } else if (format == CliSupport.Format.JSON) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schema", SCHEMA);
            root.put("view", from != null ? "from" : to != null ? "to" : "whole");
            root.put("touchpoint", anchor);
            root.put("depth", anchor == null ? null : depth);
            root.put("collapseRepeats", collapse);
            root.put("journeys", JourneyFile.unitJson(options));
            if (catalog != null) {
                root.put("touchpointCatalog", CliSupport.catalogJson(catalogFile, catalog.size(), lv.label(),
                        f.notInCatalog));
            }
            root.put("journeysTotal", journeys);
            root.put("journeysCounted", pr.journeys());
            root.put("journeysWithoutTouchpoint", pr.skipped());
            root.put("variants", pr.variants().size());
            List<Object> list = new ArrayList<>();
            for (PathCount p : tops.top()) {
                list.add(p);
            }
            root.put("top", list);
            root.put("other", tops.other());
            root.put("transitions", transitions.subList(0, Math.min(Math.max(top, 0), transitions.size())));
            root.put("transitionsTotal", transitions.size());
            root.put("input", CliSupport.input(f.summary));
            CliSupport.writeJson(out, root);
        } else {
            out.printf(Locale.ROOT, "Paths: %s; journeys per %s%n", view, JourneyFile.unit(options));
            out.printf(Locale.ROOT, "%,d journeys, %,d counted%s, %,d path variants%n", journeys,
                    pr.journeys(), pr.skipped() > 0 ? String.format(Locale.ROOT, " (%,d never visit %s)", pr.skipped(),
                            anchor) : "", pr.variants().size());
            out.printf(Locale.ROOT, "%nTop %d paths (+ other = %,d journeys)%n", tops.top().size(), tops.journeys());
            for (PathCount p : tops.top()) {
                out.printf(Locale.ROOT, "  %,9d  %5.1f%%  %s%n", p.count(), 100 * p.share(), p.label());
            }
            out.printf(Locale.ROOT, "  %,9d  %5.1f%%  %s%n", tops.other().count(), 100 * tops.other().share(),
                    tops.other().label());
            out.printf(Locale.ROOT, "%nTop %d transitions (of %d; share of the source's outgoing, time between)%n",
                    Math.min(top, transitions.size()), transitions.size());
            for (Transition t : transitions.subList(0, Math.min(top, transitions.size()))) {
                out.printf(Locale.ROOT, "  %-20s -> %-20s %,9d  %5.1f%%  %s%n", t.from(), t.to(), t.count(),
                        100 * t.share(), t.time().isEmpty() ? "" : "median " + CliSupport.human(t.time().median())
                                + ", p90 " + CliSupport.human(t.time().p90()));
            }
            out.flush();
            CliSupport.reportRejected(cl, f.summary, format);
        }
        return 0;
    }
}
