package io.cxkit.cli;

import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.io.ColumnMapping;
import io.cxkit.io.ReadSummary;
import io.cxkit.io.TicketRecordReader;
import io.cxkit.journey.service.FirstContactRule;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.service.TicketRecord;
import io.cxkit.journey.service.TicketRecordAccumulator;
import io.cxkit.journey.service.TicketRecordResult;
import io.cxkit.journey.service.TicketSatisfactionResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * {@code cx service} on a ticket export (one row per ticket, durations measured by the help desk):
 * reads it with {@link TicketRecordReader}, aggregates with {@link TicketRecordAccumulator} overall
 * and per {@code --by} segment, and writes {@code cxkit/service/v1} with the fields a ticket export
 * adds (business-hours times, one-touch, satisfaction, rules, units, what was left out).
 */
final class TicketExportService {
    private final ServiceCommand c;
    private final CommandLine cl;
    /** The {@code --sla} targets as typed, set by {@link #run()}. */
    private CliSupport.TypedDuration[] targets;

    TicketExportService(ServiceCommand command, CommandLine cl) {
        this.c = command;
        this.cl = cl;
    }

    /** Reads the export, aggregates overall and per segment, and prints the table or JSON. */
    Integer run() {
        CommandLine.ParseResult pr = cl.getParseResult();
        for (String option : List.of("--calendar", "--count-bots", "--repeat-window")) {
            if (pr.hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(cl, option + " applies to ticket events; " + c.file
                        + " is a ticket export (one row per ticket), whose times are measured by the help desk"
                        + " (elapsed and within business hours, as its columns say) and which has no event history"
                        + " (use --rows events to read it as events)");
            }
        }
        ServiceMetrics.Builder mb = ServiceMetrics.builder();
        targets = ServiceCommand.targets(cl, c.sla);
        if (targets[0] != null) {
            mb.firstResponseTarget(targets[0].value());
        }
        if (targets[1] != null) {
            mb.resolutionTarget(targets[1].value());
        }
        TicketRecordReader.Builder rb = c.limits.apply(cl, TicketRecordReader.builder());
        c.reading.apply(cl, rb);
        if (c.columns != null) {
            try {
                rb.columns(c.columns);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--columns: " + e.getMessage());
            }
        }
        if (c.durationUnit != null) {
            rb.durationUnit(c.durationUnit.unit);
        }
        TicketRecordReader.TicketColumns layout = rb.build().describe(c.file);
        // --by: a column of the file; "channel" and "team" also name the fields (Via, Group).
        Function<TicketRecord, SegmentKey> field = null;
        String byColumn = null;
        if (c.by != null) {
            String b = c.by.strip();
            boolean inFile = layout.header().stream().anyMatch(h -> h.equals(b)
                    || ColumnMapping.normalize(h).equals(ColumnMapping.normalize(b)));
            String k = b.toLowerCase(Locale.ROOT);
            if (!inFile && k.equals("channel") && layout.columns().containsKey("channel")) {
                field = TicketRecord.byChannel();
            } else if (!inFile && k.equals("team") && layout.columns().containsKey("team")) {
                field = TicketRecord.byTeam();
            } else {
                byColumn = b;
                rb.attributes(b);
            }
        }
        FirstContactRule rule = layout.firstContactRule().orElse(FirstContactRule.ZERO_REOPENS);
        ServiceMetrics metrics = mb.build();
        TicketRecordAccumulator overall = metrics.recordAccumulator(rule);
        SegmentedAccumulator<TicketRecordAccumulator, TicketRecordResult> segments =
                SegmentedAccumulator.of(metrics.recordAccumulator(rule));
        Function<TicketRecord, SegmentKey> f = field;
        String col = byColumn;
        ReadSummary s = rb.build().readWithAttributes(c.file, (t, attrs) -> {
            overall.accept(t);
            if (f != null) {
                segments.segment(f.apply(t)).accept(t);
            } else if (col != null) {
                String v = attrs.get(col);
                segments.segment(SegmentKey.of(v.isEmpty() ? "(none)" : v)).accept(t);
            }
        });
        c.requireCounted(s);
        Map<String, TicketRecordResult> bySegment = new TreeMap<>();
        segments.result().asMap().forEach((key, r) -> bySegment.put(key.part(0), r));
        TicketRecordResult all = overall.result();
        Rules rules = new Rules(layout, all.firstContactRule());
        PrintWriter out = cl.getOut();
        String byLabel = c.by == null ? null : c.by.strip();
        if (c.format == CliSupport.Format.JSON) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schema", ServiceCommand.SCHEMA);
            root.put("confidence", ServiceCommand.CONFIDENCE);
            root.put("rows", "tickets");
            Map<String, Object> cal = new LinkedHashMap<>();
            cal.put("businessHours", false);
            cal.put("file", null);
            cal.put("zone", null);
            root.put("calendar", cal);
            root.put("countBotReplies", false);
            CliSupport.putDuration(root, "repeatWindow", null);
            root.put("by", byLabel);
            root.put("rules", rules.json());
            Map<String, String> units = new TreeMap<>(fieldOrder());
            units.putAll(layout.units());
            root.put("units", units);
            root.put("overall", json(all));
            root.put("segments", ServiceCommand.segments(byLabel, bySegment, this::json));
            root.put("input", CliSupport.input(s));
            CliSupport.writeJson(out, root);
        } else {
            out.printf(Locale.ROOT, "Service metrics of %s (a ticket export, one row per ticket; %s; times as the"
                    + " export states them)%n", c.file, c.by == null ? "overall" : "by " + byLabel);
            out.printf(Locale.ROOT, "%,d rows read, %,d tickets counted, %,d rejected%n", s.rows(), s.accepted(),
                    s.rows() - s.accepted());
            out.printf(Locale.ROOT, "columns: %s%n", columnsLine(layout));
            rules.print(out);
            table(out, "(all)", all, layout.columns().keySet());
            bySegment.forEach((k, r) -> table(out, byLabel + "=" + k, r, layout.columns().keySet()));
            out.flush();
            CliSupport.reportRejected(cl, s, c.format);
        }
        return 0;
    }

    private static String columnsLine(TicketRecordReader.TicketColumns layout) {
        List<String> parts = new ArrayList<>();
        layout.columns().entrySet().stream().sorted(Map.Entry.comparingByKey(fieldOrder())).forEach(e -> {
            String unit = layout.units().get(e.getKey());
            parts.add(e.getKey() + "='" + e.getValue() + "'" + (unit == null ? "" : " (" + unit + ")"));
        });
        return String.join(", ", parts);
    }

    private static Comparator<String> fieldOrder() {
        return Comparator.comparingInt(k -> TicketRecordReader.Field.valueOf(k.toUpperCase(Locale.ROOT))
                .ordinal());
    }

    /** The rules a ticket export was read with, in words (table) and as JSON. */
    private record Rules(String solved, String firstContactResolution, String oneTouch, String reopened,
            String satisfaction) {
        Rules(TicketRecordReader.TicketColumns layout, FirstContactRule rule) {
            this("solved: " + layout.solvedRule(),
                    layout.firstContactRule().isEmpty() ? "not measured: no reopens or contacts column"
                            : rule.description() + " ('" + layout.columns().get(rule == FirstContactRule.ZERO_REOPENS
                                    ? "reopens" : "contacts") + "'), of solved tickets",
                    layout.columns().containsKey("replies") ? "solved with at most 1 agent reply ('"
                            + layout.columns().get("replies") + "'), of solved tickets" : "not measured: no replies column",
                    layout.columns().containsKey("reopens") ? "reopened at least once ('"
                            + layout.columns().get("reopens") + "'), of tickets" : "not measured: no reopens column",
                    layout.columns().containsKey("satisfaction") ? "Good of Good + Bad ('"
                            + layout.columns().get("satisfaction") + "'); Offered and Unoffered are not answers"
                            : "not measured: no satisfaction column");
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("solved", solved.substring("solved: ".length()));
            m.put("firstContactResolution", firstContactResolution);
            m.put("oneTouch", oneTouch);
            m.put("reopened", reopened);
            m.put("satisfaction", satisfaction);
            m.put("firstResponse", "over tickets with a first reply value");
            m.put("resolution", "over solved tickets with a full resolution value");
            m.put("requesterWait", "over solved tickets with a requester wait value");
            m.put("repeatContact", "not measured: a ticket export has no event history");
            return m;
        }

        void print(PrintWriter out) {
            out.printf(Locale.ROOT, "rules: %s; first-contact resolution: %s; one-touch: %s; reopened: %s;"
                    + " satisfaction: %s%n", solved, firstContactResolution, oneTouch, reopened, satisfaction);
        }
    }

    /**
     * One segment of a ticket export. A line whose column is not in the export says so instead of
     * counting every ticket as without a value; {@code present} holds the field keys found.
     */
    void table(PrintWriter out, String label, TicketRecordResult r, Set<String> present) {
        ServiceMetricsResult e = r.elapsed();
        ServiceMetricsResult b = r.businessHours();
        out.printf(Locale.ROOT, "%n%s: %,d tickets, %,d solved%n", label, r.tickets(), r.solved());
        long unsolved = r.tickets() - r.solved();
        String left = unsolved == 0 ? "" : String.format(Locale.ROOT, "%,d unsolved left out", unsolved);
        String[][] lines = {
            {"first reply", "first_reply"}, {"  business hours", "first_reply_business"},
            {"full resolution", "full_resolution"}, {"  business hours", "full_resolution_business"},
            {"requester wait", "requester_wait"}, {"  business hours", "requester_wait_business"}};
        QuantileSummary[] times = {e.firstResponse(), b.firstResponse(), e.resolution(), b.resolution(),
            e.requesterWait(), b.requesterWait()};
        for (int i = 0; i < lines.length; i++) {
            if (!present.contains(lines[i][1])) {
                out.printf(Locale.ROOT, "  %-30s %s%n", lines[i][0], "not in the export");
            } else if (i < 2) {
                time(out, lines[i][0], times[i], missing(r.tickets() - times[i].n(), "without a value"));
            } else {
                time(out, lines[i][0], times[i], join(left, missing(r.solved() - times[i].n(),
                        "solved without a value")));
            }
        }
        rate(out, "first-contact resolution", e.firstContactResolution(),
                present.contains("reopens") || present.contains("contacts"));
        rate(out, "one-touch", r.oneTouch(), present.contains("replies"));
        rate(out, "reopened", e.reopen(), present.contains("reopens"));
        out.printf(Locale.ROOT, "  %-30s %s%n", "repeat contact", "not measured (no event history)");
        TicketSatisfactionResult sat = r.satisfaction();
        if (present.contains("satisfaction")) {
            out.printf(Locale.ROOT, "  %-30s %s%s%n", "satisfaction (Good of rated)",
                    CliSupport.pct(sat.csat(), ServiceCommand.CONFIDENCE), String.format(Locale.ROOT, " (%,d good, %,d bad; %,d"
                            + " offered not answered, %,d unoffered, %,d empty)", sat.good(), sat.bad(), sat.offered(),
                            sat.unoffered(), sat.none()));
            ServiceCommand.rate(out, "survey response rate", sat.responseRate());
        } else {
            out.printf(Locale.ROOT, "  %-30s %s%n", "satisfaction", "not in the export");
        }
        boolean business = present.contains("first_reply_business") || present.contains("full_resolution_business");
        if (e.firstResponseTarget().isPresent()) {
            ServiceCommand.rate(out, "first reply within " + targets[0], e.firstResponseSla());
            if (business) {
                ServiceCommand.rate(out, "  within business hours", b.firstResponseSla());
            }
        }
        if (e.resolutionTarget().isPresent()) {
            ServiceCommand.rate(out, "resolved within " + targets[1], e.resolutionSla());
            if (business) {
                ServiceCommand.rate(out, "  within business hours", b.resolutionSla());
            }
        }
    }

    private static void rate(PrintWriter out, String name, ProportionEstimate p, boolean inExport) {
        if (inExport) {
            ServiceCommand.rate(out, name, p);
        } else {
            out.printf(Locale.ROOT, "  %-30s %s%n", name, "not in the export");
        }
    }

    private static String missing(long n, String what) {
        return n == 0 ? "" : String.format(Locale.ROOT, "%,d %s", n, what);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }

    private static void time(PrintWriter out, String name, QuantileSummary q, String note) {
        out.printf(Locale.ROOT, "  %-30s %s%n", name, q.isEmpty() ? (note.isEmpty() ? "-" : "- (" + note + ")")
                : String.format(Locale.ROOT, "median %s, p90 %s (n=%,d%s)", CliSupport.human(q.median()),
                        CliSupport.human(q.p90()), q.n(), note.isEmpty() ? "" : "; " + note));
    }

    /**
     * The {@code cxkit/service/v1} result of a ticket export (the schema module's shape: the
     * elapsed-time result, its business-hours times and more rates), with the targets as typed.
     */
    com.fasterxml.jackson.databind.node.ObjectNode json(TicketRecordResult r) {
        return ServiceCommand.echoTargets(CliSupport.tree(r), targets);
    }
}
