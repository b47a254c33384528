package io.cxkit.cli;

import io.cxkit.core.TimeGrain;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.io.AnswerLabels;
import io.cxkit.io.BadInputException;
import io.cxkit.io.ColumnMapping;
import io.cxkit.io.ColumnMapping.Role;
import io.cxkit.io.InputFormat;
import io.cxkit.io.ReadLimit;
import io.cxkit.io.ReportFormat;
import io.cxkit.io.SurveyReadResult;
import io.cxkit.io.SurveyReader;
import io.cxkit.io.TouchpointCatalogReader;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.NpsBands;
import io.cxkit.survey.RatingScale;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = "Segment scores (NPS, CSAT, CES with intervals) of a survey export"
        + " (CSV, NDJSON or JSON; Qualtrics, SurveyMonkey, Delighted and Zendesk layouts detected).",
        mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {
    private static final Pattern SCALE = Pattern.compile("(-?\\d+)-(-?\\d+)(?::(-?\\d+))?");
    private static final Pattern BANDS = Pattern.compile("0-(\\d+),(\\d+)-10");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "the export (.csv/.tsv/.txt, .ndjson/.jsonl/.json, also .gz); - for standard input")
    Path file;

    @Mixin
    ReadingOptions reading;

    @Option(names = "--by", split = ",", paramLabel = "COL", description = "segment by these columns; with"
            + " --touchpoints the first is stage, area or channel (of each response's touchpoint in the catalog)")
    List<String> by = List.of();

    @Option(names = "--touchpoints", paramLabel = "FILE", description = "touchpoint catalog (CSV: touchpoint,"
            + " channel, stage, area[, name, stage_order]): scores by the stage, area or channel --by names, rolled up"
            + " from the responses' touchpoint column")
    Path catalogFile;

    @Option(names = "--touchpoint", paramLabel = "COL", description = "with --touchpoints: the touchpoint column"
            + " (default: touchpoint, touchpoint_id or touchpoint_name)")
    String touchpointColumn;

    @Option(names = "--period", paramLabel = "GRAIN", description = "also split by day, week, month, quarter or year")
    TimeGrain period;

    @Option(names = "--time", paramLabel = "COL", description = "the time column (default: found by name)")
    String time;

    @Option(names = "--nps", paramLabel = "COL", description = "the NPS column (default: found by name or wording;"
            + " none: no NPS)")
    String nps;

    @Option(names = "--csat", paramLabel = "COL", description = "the CSAT column (default: found by name or wording;"
            + " none: no CSAT)")
    String csat;

    @Option(names = "--ces", paramLabel = "COL", description = "the CES column (default: found by name or wording;"
            + " none: no CES)")
    String ces;

    @Option(names = "--weight", paramLabel = "COL", description = "the survey-weight column (default: found by name;"
            + " none: unweighted)")
    String weight;

    @Option(names = "--unweighted", description = "ignore any weight column: every row counts once")
    boolean unweighted;

    @Option(names = "--csat-scale", paramLabel = "MIN-MAX[:THRESHOLD]",
            description = "CSAT scale and lowest satisfied answer (default 1-5:4; 1-3:3, 0-1:1 for Good/Bad)")
    String csatScale;

    @Option(names = "--ces-scale", paramLabel = "MIN-MAX[:AGREE_FROM]",
            description = "CES scale and lowest agree answer (default 1-7:5; 1-5:4)")
    String cesScale;

    @Option(names = "--nps-bands", paramLabel = "0-D,P-10", description = "NPS detractor and promoter bands"
            + " (default 0-6,9-10)")
    String npsBands;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL=SCORE",
            description = "scores of text answers beyond the standard wordings, e.g. 'Loved it=5,Hated it=1'")
    List<String> labels = List.of();

    @Option(names = "--decimal-comma", description = "numbers use a decimal comma (1,82); default: accepted in"
            + " ';' files")
    boolean decimalComma;

    @Option(names = "--header-rows", paramLabel = "N", description = "header rows including the names (default:"
            + " the layout's, 1 for plain files)")
    Integer headerRows;

    @Option(names = "--skip-rows", paramLabel = "N", description = "lines before the header to skip (CSV)")
    int skipRows;

    @Option(names = "--where", paramLabel = "COL=VALUE[,...]", split = ",",
            description = "count only rows with these values (repeat a column for alternatives)")
    List<String> where = List.of();

    @Option(names = "--max-rejected", paramLabel = "N|P%",
            description = "with --on-error skip, fail when more rows than this are rejected (e.g. 10 or 1%)")
    String maxRejected;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "read a UTF-8 CSV file with up to N threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--min-n", paramLabel = "N", defaultValue = "30",
            description = "mark estimates on fewer answers as low n (default ${DEFAULT-VALUE})")
    int minN;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    Path out;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval confidence (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--format", defaultValue = "table", description = "table, json, csv or html (default ${DEFAULT-VALUE})")
    Output format;

    /** Output formats: the cx-io writers, and the HTML page of cx-report. */
    enum Output {
        TABLE, JSON, CSV, HTML
    }

    @Option(names = "--missing", defaultValue = "exclude", description = "empty answers: exclude, neutral or fail")
    MissingAnswerPolicy missing;

    @Option(names = "--max-segments", paramLabel = "N",
            description = "most distinct segments (--by values x periods) in the file (default 100,000)")
    Integer maxSegments;

    @CommandLine.Mixin
    ReadLimitOptions limits = new ReadLimitOptions();

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!(confidence > 0 && confidence < 1)) {
            throw new CommandLine.ParameterException(cl, "--confidence must be in (0, 1): " + confidence);
        }
        if (minN < 0) {
            throw new CommandLine.ParameterException(cl, "--min-n must be >= 0: " + minN);
        }
        if (threads < 1 || threads > 256) {
            throw new CommandLine.ParameterException(cl, "--threads must be in [1, 256]: " + threads);
        }
        if (format == Output.HTML && by.isEmpty() && period == null) {
            throw new CommandLine.ParameterException(cl, "--format html needs --by or --period: the charts compare"
                    + " segments or periods (use --format table for the overall scores alone)");
        }
        SurveyReader.Builder b = SurveyReader.builder();
        List<String> columns = by;
        if (catalogFile != null) {
            TouchpointCatalog.Level level = FunnelCommand.level(cl, by.isEmpty() ? null : by.get(0));
            columns = by.subList(1, by.size());
            b.touchpointCatalog(catalogFile.toString(), TouchpointCatalogReader.builder().build().read(catalogFile)
                    .catalog(), level);
            if (touchpointColumn != null) {
                option(cl, "--touchpoint", () -> b.touchpointColumn(touchpointColumn));
            }
        } else if (touchpointColumn != null) {
            throw new CommandLine.ParameterException(cl, "--touchpoint names the touchpoint column of --touchpoints,"
                    + " which is not given");
        }
        b.columns(mapping(cl)).segmentBy(columns.toArray(new String[0])).missingAnswers(missing).threads(threads);
        reading.apply(cl, b);
        limits.apply(cl, b);
        ReadLimitOptions.set(cl, ReadLimit.SEGMENTS, maxSegments, b::maxSegments);
        if (period != null) {
            b.period(period);
        }
        if (unweighted) {
            b.unweighted();
        }
        scales(cl, b);
        if (!labels.isEmpty()) {
            try {
                b.labels(AnswerLabels.parse(String.join(",", labels)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--labels: " + e.getMessage());
            }
        }
        if (decimalComma) {
            b.decimalComma(true);
        }
        if (headerRows != null) {
            option(cl, "--header-rows", () -> b.headerRows(headerRows));
        }
        option(cl, "--skip-rows", () -> b.skipRows(skipRows));
        where(cl, b);
        maxRejected(cl, b);
        SurveyReadResult r = read(b.build(), file, reading.format(file), threads);
        r.input().touchpoints().filter(t -> format != Output.JSON).ifPresent(t ->
                CliSupport.sayNotInCatalog(cl, t.catalog(), t.notInCatalog(), "responses there are under"));
        if (format == Output.HTML) {
            HtmlOutput.write(cl, out, ReportPage.of(file.toString(), r, confidence, minN));
        } else {
            StringWriter text = new StringWriter();
            ReportFormat.valueOf(format.name()).write(r, confidence, minN, text);
            emit(cl, text.toString());
        }
        if (format == Output.CSV) {
            cl.getErr().print("cx: " + ReportFormat.summary(r).replace("\n", "\ncx: ").replaceAll("cx: $", ""));
        }
        if (r.rejected().any() && format != Output.JSON) {
            cl.getErr().println("cx: " + CliSupport.cliWords(r.rejected().toString()));
        }
        cl.getErr().flush();
        return 0;
    }

    private ColumnMapping mapping(CommandLine cl) {
        ColumnMapping m = ColumnMapping.auto();
        m = set(cl, m, Role.NPS, nps, "--nps");
        m = set(cl, m, Role.CSAT, csat, "--csat");
        m = set(cl, m, Role.CES, ces, "--ces");
        m = set(cl, m, Role.WEIGHT, weight, "--weight");
        return set(cl, m, Role.TIME, time, "--time");
    }

    private static ColumnMapping set(CommandLine cl, ColumnMapping m, Role r, String col, String option) {
        if (col == null) {
            return m;
        }
        if (col.isBlank()) {
            throw new CommandLine.ParameterException(cl, option + " must name a column (or none): '" + col + "'");
        }
        return col.strip().equalsIgnoreCase(ColumnMapping.NONE) ? m.without(r) : m.with(r, col);
    }

    private void scales(CommandLine cl, SurveyReader.Builder b) {
        if (csatScale != null) {
            RatingScale s = scale(cl, "--csat-scale", csatScale, "MIN-MAX[:THRESHOLD], e.g. 1-5:4 or 1-3");
            b.csatScale(s);
        }
        if (cesScale != null) {
            b.cesScale(scale(cl, "--ces-scale", cesScale, "MIN-MAX[:AGREE_FROM], e.g. 1-7:5 or 1-5"));
        }
        if (npsBands != null) {
            Matcher m = BANDS.matcher(npsBands.strip());
            if (!m.matches()) {
                throw new CommandLine.ParameterException(cl, "--nps-bands must be 0-D,P-10 (detractors 0 to D,"
                        + " promoters P to 10), e.g. 0-6,9-10: '" + npsBands + "'");
            }
            option(cl, "--nps-bands", () -> b.npsBands(new NpsBands(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)))));
        }
    }

    /**
     * A scale {@code MIN-MAX[:THRESHOLD]}; without a threshold, the top two answers of a scale of
     * five or more points, the top answer of a smaller one.
     */
    private static RatingScale scale(CommandLine cl, String option, String v, String form) {
        Matcher m = SCALE.matcher(v.strip());
        if (!m.matches()) {
            throw new CommandLine.ParameterException(cl, option + " must be " + form + ": '" + v + "'");
        }
        int min = Integer.parseInt(m.group(1));
        int max = Integer.parseInt(m.group(2));
        int t = m.group(3) != null ? Integer.parseInt(m.group(3)) : max - min + 1 >= 5 ? max - 1 : max;
        try {
            return RatingScale.of(min, max, t);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, option + " '" + v + "': " + e.getMessage());
        }
    }

    private void where(CommandLine cl, SurveyReader.Builder b) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String pair : where) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "--where must be COL=VALUE[,COL=VALUE...]: '" + pair
                        + "'");
            }
            m.computeIfAbsent(pair.substring(0, eq).strip(), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        m.forEach((c, v) -> option(cl, "--where", () -> b.where(c, v.toArray(new String[0]))));
    }

    private void maxRejected(CommandLine cl, SurveyReader.Builder b) {
        if (maxRejected == null) {
            return;
        }
        String v = maxRejected.strip();
        String form = "--max-rejected must be a number of rows (10) or a percentage (1%): '" + maxRejected + "'";
        try {
            if (v.endsWith("%")) {
                double p = Double.parseDouble(v.substring(0, v.length() - 1));
                if (!(p >= 0 && p <= 100)) {
                    throw new CommandLine.ParameterException(cl, form);
                }
                b.maxRejectedShare(p / 100);
            } else {
                b.maxRejected(Long.parseLong(v));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, form);
        }
    }

    /** Runs a builder setter; its IllegalArgumentException becomes a usage error of the option. */
    private static void option(CommandLine cl, String name, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, name + ": " + e.getMessage());
        }
    }

    /** The whole document to {@code --out} (written to a temporary file, then moved) or standard output. */
    private void emit(CommandLine cl, String text) {
        if (out == null) {
            cl.getOut().print(text);
            cl.getOut().flush();
            return;
        }
        try {
            Path abs = out.toAbsolutePath();
            Path tmp = Files.createTempFile(abs.getParent(), ".cx-report-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out " + out + ": " + e.getMessage(), e);
        }
    }

    static SurveyReadResult read(SurveyReader reader, Path file, InputFormat f, int threads) {
        if (file.toString().equals("-")) {
            return reader.read(System.in, "<stdin>", f);
        }
        if (threads > 1) {
            return reader.read(file);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(new io.cxkit.io.RowError(file.toString(), 0, 0, "", "", "no such file",
                    "no such file"));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        try (InputStream raw = Files.newInputStream(file); Progress p = Progress.start(file, size)) {
            return reader.read(p.wrap(raw), String.valueOf(file), f);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
