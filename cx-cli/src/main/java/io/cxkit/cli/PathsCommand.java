package io.cxkit.cli;

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
        try (JourneyFile f = JourneyFile.read(cl, file, options, null)) {
            return report(cl, f);
        }
    }

    private int report(CommandLine cl, JourneyFile f) {
        String anchor = from != null ? from : to;
        if (anchor != null && !f.touchpoints.contains(anchor)) {
            throw new IllegalArgumentException("unknown touchpoint '" + anchor + "': it never occurs in " + file
                    + "; touchpoints are " + f.touchpoints);
        }
        PathVariants pv = from != null ? PathVariants.ofFollowing(from, depth)
                : to != null ? PathVariants.ofLeadingTo(to, depth) : PathVariants.create();
        if (collapse) {
            pv = pv.collapsingRepeats();
        }
        TransitionGraph graph = TransitionGraph.create();
        f.paths(pv, graph);
        PathVariantsResult pr = pv.result();
        long journeys = pr.journeys() + pr.skipped(); // every journey is counted or skipped, once
        TopPaths tops = pr.top(top);
        TransitionGraphResult gr = graph.result();
        List<Transition> transitions = new ArrayList<>(gr.transitions());
        transitions.sort(Comparator.comparingLong(Transition::count).reversed()
                .thenComparing(Transition::from).thenComparing(Transition::to));
        String view = from != null ? "from " + from + " (" + depth + " after)"
                : to != null ? "to " + to + " (" + depth + " before)" : "whole journeys";
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
