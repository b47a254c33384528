package io.cxkit.cli;

import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.SegmentKey;
import io.cxkit.io.CalendarFile;
import io.cxkit.io.ReadSummary;
import io.cxkit.io.TicketEventReader;
import io.cxkit.io.TicketRecordReader;
import io.cxkit.journey.service.BusinessCalendar;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.service.TicketEvent;
import io.cxkit.journey.service.TicketFacts;
import io.cxkit.report.ChartOptions;
import io.cxkit.report.HtmlReport;
import io.cxkit.report.ServiceTimeChart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Support service metrics (first response, resolution, requester wait, FCR, repeat contact,"
                + " reopens, SLA attainment) from a ticket-event file, or from a ticket export with one row per"
                + " ticket (Zendesk, cx generate's tickets.csv).")
final class ServiceCommand implements Callable<Integer> {
    static final String SCHEMA = "cxkit/service/v1";
    static final double CONFIDENCE = 0.95;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ticket events or a ticket export (.csv, .ndjson,"
            + " .json)")
    Path file;

    /** What a row of the file is. */
    enum Rows {
        /** Detect from the header: a ticket-duration column and no event-type column means tickets. */
        AUTO,
        /** One row per ticket event (created, replies, solved, reopened). */
        EVENTS,
        /** One row per ticket, durations measured by the help desk. */
        TICKETS
    }

    @Option(names = "--rows", paramLabel = "auto|events|tickets", defaultValue = "auto",
            description = "one row per ticket event or per ticket (default ${DEFAULT-VALUE}: detected from the"
                    + " header)")
    Rows rows;

    /** Units of duration columns whose name does not say. */
    enum Unit {
        /** Seconds. */
        SECONDS(ChronoUnit.SECONDS),
        /** Minutes. */
        MINUTES(ChronoUnit.MINUTES),
        /** Hours. */
        HOURS(ChronoUnit.HOURS);

        final ChronoUnit unit;

        Unit(ChronoUnit unit) {
            this.unit = unit;
        }
    }

    @Option(names = "--duration-unit", paramLabel = "seconds|minutes|hours",
            description = "ticket export: the unit of duration columns whose name does not say it")
    Unit durationUnit;

    @Option(names = "--calendar", paramLabel = "FILE", description = "business hours (zone, weekday hours,"
            + " holidays); default: elapsed time")
    Path calendar;

    @Option(names = "--sla", paramLabel = "TARGETS", description = "e.g. first-response=PT1H,resolution=P1D (or 1h, 1d)")
    String sla;

    @Option(names = "--by", paramLabel = "COL", description = "split by channel or team; for a ticket export by"
            + " any column (Via, Group, Assignee, ...)")
    String by;

    @Option(names = "--count-bots", description = "bot replies count as responses")
    boolean countBots;

    @Option(names = "--repeat-window", paramLabel = "DURATION", converter = CliSupport.TypedDurationConverter.class,
            defaultValue = "7d", description = "a new ticket within this time of a solve is a repeat contact"
                    + " (default ${DEFAULT-VALUE})")
    CliSupport.TypedDuration repeatWindow;

    @Option(names = "--columns", paramLabel = "FIELD=COL,...",
            description = "name columns: ticket, customer, time, type, author, channel, team (events); ticket,"
                    + " status, created, solved_at, channel, team, first_reply[_business],"
                    + " full_resolution[_business], requester_wait[_business], reopens, replies, contacts,"
                    + " satisfaction (ticket export)")
    String columns;

    @CommandLine.Mixin
    ReadingOptions reading;

    @CommandLine.Mixin
    ReadLimitOptions limits = new ReadLimitOptions();

    @Option(names = "--format", defaultValue = "table", description = "table, json or html (default ${DEFAULT-VALUE})")
    CliSupport.Format format;

    @Mixin
    HtmlOutput.Options html;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        HtmlOutput.check(cl, html, format == CliSupport.Format.HTML);
        Rows shape = rows == Rows.AUTO
                ? TicketRecordReader.isTicketExport(file, null) ? Rows.TICKETS : Rows.EVENTS : rows;
        if (shape == Rows.TICKETS && format == CliSupport.Format.HTML) {
            throw new CommandLine.ParameterException(cl, "--format html draws ticket events (one row per event);"
                    + " " + file + " is read as a ticket export (one row per ticket): use --format table or json");
        }
        return shape == Rows.TICKETS ? new TicketExportService(this, cl).run() : events(cl);
    }

    private Integer events(CommandLine cl) {
        if (durationUnit != null) {
            throw new CommandLine.ParameterException(cl, "--duration-unit applies to a ticket export (one row per"
                    + " ticket), and " + file + " is read as ticket events");
        }
        ServiceMetrics.Builder mb = ServiceMetrics.builder().countBotReplies(countBots);
        if (repeatWindow.value().isNegative()) {
            throw new CommandLine.ParameterException(cl, "--repeat-window must be >= 0: " + repeatWindow);
        }
        mb.repeatWindow(repeatWindow.value());
        CliSupport.TypedDuration[] targets = targets(cl, sla);
        if (targets[0] != null) {
            mb.firstResponseTarget(targets[0].value());
        }
        if (targets[1] != null) {
            mb.resolutionTarget(targets[1].value());
        }
        Function<TicketFacts, SegmentKey> segmentOf = null;
        if (by != null) {
            String b = by.strip().toLowerCase(Locale.ROOT);
            if (b.equals("channel")) {
                segmentOf = TicketFacts.byChannel();
            } else if (b.equals("team")) {
                segmentOf = TicketFacts.byTeam();
            } else {
                throw new CommandLine.ParameterException(cl, "--by must be channel or team: '" + by + "'");
            }
        }
        TicketEventReader.Builder rb = limits.apply(cl, TicketEventReader.builder());
        reading.apply(cl, rb);
        if (columns != null) {
            try {
                rb.columns(columns);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--columns: " + e.getMessage());
            }
        }
        BusinessCalendar cal = calendar == null ? BusinessCalendar.elapsed() : CalendarFile.read(calendar);
        mb.calendar(cal);
        ServiceMetrics metrics = mb.build();
        // Per-ticket facts need all of a ticket's events: memory holds the events of all tickets.
        List<TicketEvent> events = new ArrayList<>();
        ReadSummary s = rb.build().read(file, events::add);
        requireCounted(s);
        ServiceMetricsResult overall = metrics.run(events);
        Map<String, ServiceMetricsResult> segments = new TreeMap<>();
        if (segmentOf != null) {
            metrics.bySegment(events, segmentOf).asMap().forEach((k, v) -> segments.put(k.part(0), v));
        }
        PrintWriter out = cl.getOut();
        if (format == CliSupport.Format.HTML) {
            HtmlReport.Builder page = HtmlReport.builder().title("cx service: " + file)
                    .subtitle("Service times " + (by == null ? "overall" : "by " + by) + "; "
                            + (calendar == null ? "elapsed time" : "business time of " + calendar + ", zone " + cal.zone()));
            page.section("What was read").list(HtmlOutput.read(file.toString(), s.rows(), s.accepted(),
                    s.rejected(), s.columns()));
            ChartOptions o = ChartOptions.DEFAULTS.withConfidence(CONFIDENCE);
            String seg = by == null ? "ticket" : by.strip().toLowerCase(Locale.ROOT);
            page.section("Service times");
            for (ServiceTimeChart.Measure me : ServiceTimeChart.Measure.values()) {
                if (!me.of(overall).isEmpty()) {
                    page.chart(ServiceTimeChart.of(overall, segments, seg, me, o));
                }
            }
            HtmlOutput.write(cl, html, page.build());
            CliSupport.reportRejected(cl, s, format);
        } else if (format == CliSupport.Format.JSON) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schema", SCHEMA);
            root.put("confidence", CONFIDENCE);
            root.put("rows", "events");
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("businessHours", calendar != null);
            c.put("file", calendar == null ? null : calendar.toString());
            c.put("zone", calendar == null ? null : cal.zone().getId());
            root.put("calendar", c);
            root.put("countBotReplies", countBots);
            CliSupport.putDuration(root, "repeatWindow", repeatWindow);
            root.put("by", by == null ? null : by.strip().toLowerCase(Locale.ROOT));
            root.put("overall", json(overall, targets));
            root.put("segments", segments(by == null ? null : by.strip().toLowerCase(Locale.ROOT), segments,
                    r -> json(r, targets)));
            root.put("input", CliSupport.input(s));
            CliSupport.writeJson(out, root);
        } else {
            out.printf(Locale.ROOT, "Service metrics of %s (%s; times are %s)%n", file,
                    by == null ? "overall" : "by " + by, calendar == null ? "elapsed time"
                            : "business time of " + calendar + ", zone " + cal.zone());
            table(out, "(all)", overall, targets);
            segments.forEach((k, r) -> table(out, by + "=" + k, r, targets));
            out.flush();
            CliSupport.reportRejected(cl, s, format);
        }
        return 0;
    }

    void requireCounted(ReadSummary s) {
        CliSupport.requireCounted(file, s);
    }

    /** {@code [firstResponse, resolution]} from {@code first-response=PT1H,resolution=P1D}, as typed. */
    static CliSupport.TypedDuration[] targets(CommandLine cl, String spec) {
        CliSupport.TypedDuration[] t = new CliSupport.TypedDuration[2];
        if (spec == null) {
            return t;
        }
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? "" : pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            int i = k.equals("first-response") || k.equals("first_response") ? 0 : k.equals("resolution") ? 1 : -1;
            if (i < 0) {
                throw new CommandLine.ParameterException(cl, "--sla must be first-response=DURATION and/or"
                        + " resolution=DURATION: '" + pair.strip() + "'");
            }
            CliSupport.TypedDuration d;
            try {
                d = CliSupport.TypedDuration.of(pair.substring(eq + 1));
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.ParameterException(cl, "--sla " + k + ": " + e.getMessage());
            }
            t[i] = CliSupport.positive(cl, d, "--sla " + k);
        }
        return t;
    }

    static void table(PrintWriter out, String label, ServiceMetricsResult r, CliSupport.TypedDuration[] targets) {
        out.printf(Locale.ROOT, "%n%s: %,d tickets, %,d solved%n", label, r.tickets(), r.solved());
        time(out, "first response", r.firstResponse());
        time(out, "resolution", r.resolution());
        time(out, "requester wait", r.requesterWait());
        rate(out, "first-contact resolution", r.firstContactResolution());
        rate(out, "repeat contact", r.repeatContact());
        rate(out, "reopened", r.reopen());
        if (r.firstResponseTarget().isPresent()) {
            rate(out, "first response within " + targets[0], r.firstResponseSla());
        }
        if (r.resolutionTarget().isPresent()) {
            rate(out, "resolved within " + targets[1], r.resolutionSla());
        }
    }

    static void time(PrintWriter out, String name, io.cxkit.core.QuantileSummary q) {
        out.printf(Locale.ROOT, "  %-30s %s%n", name, q.isEmpty() ? "-" : String.format(Locale.ROOT,
                "median %s, p90 %s (n=%,d)", CliSupport.human(q.median()), CliSupport.human(q.p90()), q.n()));
    }

    static void rate(PrintWriter out, String name, ProportionEstimate p) {
        out.printf(Locale.ROOT, "  %-30s %s%s%n", name, CliSupport.pct(p, CONFIDENCE),
                p.n() == 0 ? "" : String.format(Locale.ROOT, " (n=%,d)", p.n()));
    }

    /** The schema module's {@code cxkit/service/v1} result, with the {@code --sla} targets as typed. */
    static ObjectNode json(ServiceMetricsResult r, CliSupport.TypedDuration[] targets) {
        return echoTargets(CliSupport.tree(r), targets);
    }

    /**
     * Adds {@code targetText} (the {@code --sla} target as typed) after each SLA entry's
     * {@code target}, in {@code sla} and, for a ticket export, {@code businessHours.sla}.
     */
    static ObjectNode echoTargets(ObjectNode result, CliSupport.TypedDuration[] targets) {
        echoSla((ObjectNode) result.get("sla"), targets);
        if (result.get("businessHours") instanceof ObjectNode bh) {
            echoSla((ObjectNode) bh.get("sla"), targets);
        }
        return result;
    }

    private static void echoSla(ObjectNode sla, CliSupport.TypedDuration[] targets) {
        String[] names = {"firstResponse", "resolution"};
        for (int i = 0; i < names.length; i++) {
            JsonNode written = sla.get(names[i]);
            if ((targets[i] == null) != written.isNull()) {
                throw new IllegalStateException("the " + names[i] + " target of the result (" + written
                        + ") is not the --sla target " + targets[i]);
            }
            if (targets[i] != null) {
                ObjectNode echoed = sla.objectNode();
                echoed.set("target", written.get("target"));
                echoed.put("targetText", targets[i].text());
                echoed.setAll((ObjectNode) written);
                sla.set(names[i], echoed);
            }
        }
    }

    /** {@code segments[] {key {COL: value}, result}} in key order. */
    static <R> List<Object> segments(String column, Map<String, R> segments,
            Function<R, ? extends Object> json) {
        List<Object> segs = new ArrayList<>();
        segments.forEach((k, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", Map.of(column, k));
            m.put("result", json.apply(r));
            segs.add(m);
        });
        return segs;
    }
}
