package io.cxkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxkit.io.AttributionReader;
import io.cxkit.io.ReadSummary;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionModel;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.attribution.TouchpointCredit;
import io.cxkit.report.AttributionChart;
import io.cxkit.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attribution", mixinStandardHelpOptions = true,
        description = "Credit conversions and their value to touchpoints (Markov removal effect, first, last, linear,"
                + " time decay) over customer journeys built from touchpoint events (CSV, NDJSON or JSON).")
final class AttributionCommand implements Callable<Integer> {
    /** The JSON schema name. */
    static final String SCHEMA = "cxkit/attribution/v1";
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smhdw])");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "touchpoint events (.csv/.tsv/.txt, .ndjson/.jsonl/.json)")
    Path file;

    @Option(names = "--model", defaultValue = "markov", paramLabel = "MODEL", converter = ModelConverter.class,
            description = "markov, first, last, linear or time-decay (default ${DEFAULT-VALUE})")
    AttributionModel model;

    @Option(names = "--order", defaultValue = "1", paramLabel = "K",
            description = "Markov order, 1 to 3 (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--half-life", defaultValue = "7d", paramLabel = "DURATION",
            description = "time-decay half-life: 30m, 12h, 7d, 2w or ISO-8601 (PT12H) (default ${DEFAULT-VALUE})")
    String halfLife;

    @Option(names = "--customer", paramLabel = "COL", description = "customer column (default: found by name)")
    String customer;

    @Option(names = "--time", paramLabel = "COL", description = "time column (default: found by name)")
    String time;

    @Option(names = "--touchpoint", paramLabel = "COL", description = "touchpoint column (default: found by name)")
    String touchpoint;

    @Option(names = "--converted", defaultValue = "converted", paramLabel = "COL[=VALUE]",
            description = "converted column: 1/0, true/false (empty = no), or COL=VALUE (default ${DEFAULT-VALUE})")
    String converted;

    @Option(names = "--value", paramLabel = "COL",
            description = "conversion value column (default: 'value' if present, else every conversion is worth 0)")
    String value;

    @Option(names = "--format", defaultValue = "table",
            description = "table, json or html (html: every model side by side, --model first) (default ${DEFAULT-VALUE})")
    CliSupport.Format format;

    @Mixin
    HtmlOutput.Options html;

    @Mixin
    JourneyFile.Memory memory = new JourneyFile.Memory();

    @CommandLine.Mixin
    ReadingOptions reading;

    @CommandLine.Mixin
    ReadLimitOptions limits = new ReadLimitOptions();

    @CommandLine.Mixin
    ReadLimitOptions.Touchpoints touchpoints = new ReadLimitOptions.Touchpoints();

    /** Model names as typed on the command line. */
    static final class ModelConverter implements CommandLine.ITypeConverter<AttributionModel> {
        @Override
        public AttributionModel convert(String v) {
            switch (v.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "markov":
                    return AttributionModel.MARKOV;
                case "first":
                case "first-touch":
                    return AttributionModel.FIRST_TOUCH;
                case "last":
                case "last-touch":
                    return AttributionModel.LAST_TOUCH;
                case "linear":
                    return AttributionModel.LINEAR;
                case "time-decay":
                    return AttributionModel.TIME_DECAY;
                default:
                    throw new CommandLine.TypeConversionException(
                            "--model must be markov, first, last, linear or time-decay: " + v);
            }
        }
    }

    /**
     * Parses a half-life: a positive number with unit s, m, h, d or w, or an ISO-8601 duration.
     *
     * @return the duration, or null if it is not one
     */
    static Duration duration(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(v);
        Duration d;
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                default -> 604_800_000L;
            };
            double ms = n * unit;
            if (!(ms < 1e15)) {
                return null;
            }
            d = Duration.ofMillis(Math.round(ms));
        } else {
            try {
                d = Duration.parse(s.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return d.isNegative() || d.isZero() ? null : d;
    }

    @Override
    public Integer call() {
        if (order < 1 || order > AttributionAccumulator.MAX_ORDER) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--order must be in [1, "
                    + AttributionAccumulator.MAX_ORDER + "]: " + order);
        }
        Duration h = duration(halfLife);
        if (h == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--half-life must be a positive duration"
                    + " (30m, 12h, 7d, 2w, or ISO-8601 like PT12H): " + halfLife);
        }
        HtmlOutput.check(spec.commandLine(), html, format == CliSupport.Format.HTML);
        AttributionReader reader;
        try {
            AttributionReader.Builder b = AttributionReader.builder().converted(converted);
            reading.apply(spec.commandLine(), b);
            if (customer != null) {
                b.customer(customer);
            }
            if (time != null) {
                b.time(time);
            }
            if (touchpoint != null) {
                b.touchpoint(touchpoint);
            }
            if (value != null) {
                b.value(value);
            }
            touchpoints.apply(spec.commandLine(), limits.apply(spec.commandLine(), b)::maxTouchpoints);
            reader = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        ReadSummary read;
        AttributionAccumulator acc;
        long customers;
        try (EventLog.Builder events = memory.builder(spec.commandLine())) {
            read = reader.readInto(file, events);
            CliSupport.requireCounted(file, read);
            try (EventLog log = events.build()) {
                customers = log.customerCount();
                acc = log.scan(AttributionReader.JOURNEYS, JourneyFile.THREADS, () -> AttributionAccumulator.of(
                        order, h), (a, j) -> a.accept(j, AttributionReader.CONVERSIONS), AttributionAccumulator::combine);
            }
        }
        AttributionModelResult r;
        try {
            r = model == AttributionModel.MARKOV ? acc.markov(AttributionAccumulator.DEFAULT_MAX_STATES)
                    : acc.heuristic(model);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == CliSupport.Format.HTML) {
            List<AttributionModelResult> all = new ArrayList<>(List.of(r));
            List<String> notDrawn = new ArrayList<>();
            for (AttributionModel other : AttributionModel.values()) {
                if (other == model) {
                    continue;
                }
                try {
                    all.add(other == AttributionModel.MARKOV ? acc.markov(AttributionAccumulator.DEFAULT_MAX_STATES)
                            : acc.heuristic(other));
                } catch (IllegalStateException e) {
                    notDrawn.add("The " + other.label() + " model is not drawn: " + e.getMessage());
                }
            }
            HtmlReport.Builder page = HtmlReport.builder().title("cx attribution: " + file)
                    .subtitle("Attribution of " + r.conversions() + " conversions over " + r.journeys() + " journeys;"
                            + " Markov order " + order + ", time-decay half-life " + halfLife.strip())
                    .section("What was read").list(HtmlOutput.read(file.toString(), read.rows(),
                            read.accepted(), read.rejected(), read.columns()))
                    .section("Credits by model").chart(AttributionChart.of(all));
            notDrawn.forEach(page::paragraph);
            HtmlOutput.write(spec.commandLine(), html, page.build());
            if (read.rejected().any()) {
                spec.commandLine().getErr().println("cx: " + read.rejected());
            }
        } else if (format == CliSupport.Format.JSON) {
            json(r, read, customers, h, out);
        } else {
            table(r, read, customers, out);
            if (read.rejected().any()) {
                spec.commandLine().getErr().println("cx: " + CliSupport.cliWords(read.rejected().toString()));
            }
        }
        out.flush();
        return 0;
    }

    private static double[] totals(AttributionModelResult r) {
        double c = 0;
        double v = 0;
        for (TouchpointCredit t : r.credits()) {
            c += t.conversions();
            v += t.value();
        }
        return new double[] {c, v};
    }

    private void table(AttributionModelResult r, ReadSummary read, long customers, PrintWriter out) {
        out.printf(Locale.ROOT, "Attribution of %s: %,d customers, %,d journeys, %,d conversions, value %,.2f%n",
                file, customers, r.journeys(), r.conversions(), r.totalValue());
        boolean markov = model == AttributionModel.MARKOV;
        if (markov) {
            out.printf(Locale.ROOT, "model: markov, order %d (%d states, P(conversion) = %.4f)%n%n", r.order(),
                    r.states(), r.conversionProbability());
        } else if (model == AttributionModel.TIME_DECAY) {
            out.printf(Locale.ROOT, "model: time decay, half-life %s%n%n", halfLife.strip());
        } else {
            out.printf(Locale.ROOT, "model: %s%n%n", r.model().label());
        }
        int w = 12;
        for (TouchpointCredit t : r.credits()) {
            w = Math.max(w, t.touchpoint().length());
        }
        String fmt = "%-" + w + "s %12s %14s";
        String head = String.format(Locale.ROOT, fmt, "touchpoint", "conversions", "value");
        out.println(markov ? head + String.format(Locale.ROOT, " %15s", "removal effect") : head);
        for (TouchpointCredit t : r.credits()) {
            String line = String.format(Locale.ROOT, fmt, t.touchpoint(), String.format(Locale.ROOT, "%.4f",
                    t.conversions()), String.format(Locale.ROOT, "%.2f", t.value()));
            out.println(markov ? line + String.format(Locale.ROOT, " %15s", Double.isNaN(t.removalEffect()) ? "NA"
                    : String.format(Locale.ROOT, "%.4f", t.removalEffect())) : line);
        }
        double[] tot = totals(r);
        out.println(String.format(Locale.ROOT, fmt, "total", String.format(Locale.ROOT, "%.4f", tot[0]),
                String.format(Locale.ROOT, "%.2f", tot[1])));
        if (!r.note().isEmpty()) {
            out.println("note: " + r.note());
        }
        out.printf(Locale.ROOT, "%n%d rows, %d accepted%s%n", read.rows(), read.accepted(),
                read.rejected().any() ? ", " + read.rejected().total() + " rejected" : "");
    }

    private void json(AttributionModelResult r, ReadSummary read, long customers, Duration h, PrintWriter out) {
        ObjectMapper m = CliSupport.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("model", modelName(model));
        boolean markov = model == AttributionModel.MARKOV;
        if (markov) {
            root.put("order", r.order());
            root.put("states", r.states());
            SurvivalCommand.num(root, "conversionProbability", r.conversionProbability());
        }
        if (model == AttributionModel.TIME_DECAY) {
            root.put("halfLife", h.toString());
            CliSupport.TypedDuration typed = new CliSupport.TypedDuration(halfLife.strip(), h);
            root.put("halfLifeText", typed.text());
            root.putPOJO("halfLifeSeconds", typed.seconds());
        }
        root.put("journeys", r.journeys());
        root.put("conversions", r.conversions());
        SurvivalCommand.num(root, "totalValue", r.totalValue());
        ArrayNode credits = root.putArray("credits");
        for (TouchpointCredit t : r.credits()) {
            ObjectNode o = credits.addObject().setAll((ObjectNode) m.valueToTree(t));
            if (!markov) {
                o.remove(List.of("removalEffect", "valueRemovalEffect"));   // the heuristics have none
            }
        }
        double[] tot = totals(r);
        ObjectNode totals = root.putObject("totals");
        SurvivalCommand.num(totals, "conversions", tot[0]);
        SurvivalCommand.num(totals, "value", tot[1]);
        root.put("note", r.note());
        ObjectNode in = root.putObject("input");
        in.put("rows", read.rows());
        in.put("accepted", read.accepted());
        in.put("customers", customers);
        in.set("columns", m.valueToTree(new java.util.TreeMap<>(read.columns())));
        in.set("rejected", m.valueToTree(read.rejected()));
        try {
            out.println(m.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static String modelName(AttributionModel m) {
        return switch (m) {
            case MARKOV -> "markov";
            case FIRST_TOUCH -> "first";
            case LAST_TOUCH -> "last";
            case LINEAR -> "linear";
            case TIME_DECAY -> "time-decay";
        };
    }
}
