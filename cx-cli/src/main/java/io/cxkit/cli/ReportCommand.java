package io.cxkit.cli;

import io.cxkit.core.TimeGrain;
import io.cxkit.io.BadInputException;
import io.cxkit.io.ColumnMapping;
import io.cxkit.io.ColumnMapping.Role;
import io.cxkit.io.ErrorPolicy;
import io.cxkit.io.InputFormat;
import io.cxkit.io.ReadLimit;
import io.cxkit.io.ReportFormat;
import io.cxkit.io.SurveyReadResult;
import io.cxkit.io.SurveyReader;
import io.cxkit.survey.MissingAnswerPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = "Segment scores (NPS, CSAT, CES with intervals) of a survey export"
        + " (CSV, NDJSON or JSON).", mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the export (.csv/.tsv/.txt, .ndjson/.jsonl/.json)")
    Path file;

    @Option(names = "--by", split = ",", paramLabel = "COL", description = "segment by these columns")
    List<String> by = List.of();

    @Option(names = "--period", paramLabel = "GRAIN", description = "also split by day, week, month, quarter or year")
    TimeGrain period;

    @Option(names = "--time", paramLabel = "COL", description = "the time column (default: found by name)")
    String time;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "zone for period boundaries and times without offset (default ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--nps", paramLabel = "COL", description = "the NPS column (default: found by name)")
    String nps;

    @Option(names = "--csat", paramLabel = "COL", description = "the CSAT column (default: found by name)")
    String csat;

    @Option(names = "--ces", paramLabel = "COL", description = "the CES column (default: found by name)")
    String ces;

    @Option(names = "--weight", paramLabel = "COL", description = "the survey-weight column (default: found by name)")
    String weight;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval confidence (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = "--on-error", defaultValue = "fail",
            description = "fail (stop at the first bad row) or skip (report rejected rows on stderr)")
    ErrorPolicy onError;

    @Option(names = "--missing", defaultValue = "exclude", description = "empty answers: exclude, neutral or fail")
    MissingAnswerPolicy missing;

    @Option(names = "--input-format", paramLabel = "FMT", description = "csv or json (default: from the file name)")
    InputFormat inputFormat;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: detected; 'tab' for TAB)")
    String delimiter;

    @Option(names = "--charset", defaultValue = "UTF-8", description = "CSV charset (default ${DEFAULT-VALUE})")
    String charset;

    @Option(names = "--max-segments", paramLabel = "N",
            description = "most distinct segments (--by values x periods) in the file (default 100,000)")
    Integer maxSegments;

    @CommandLine.Mixin
    ReadLimitOptions limits = new ReadLimitOptions();

    @Override
    public Integer call() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--confidence must be in (0, 1): " + confidence);
        }
        ColumnMapping m = ColumnMapping.auto();
        m = set(m, Role.NPS, nps);
        m = set(m, Role.CSAT, csat);
        m = set(m, Role.CES, ces);
        m = set(m, Role.WEIGHT, weight);
        m = set(m, Role.TIME, time);
        SurveyReader.Builder b = SurveyReader.builder().columns(m).segmentBy(by.toArray(new String[0]))
                .errors(onError).missingAnswers(missing).zone(zone);
        if (period != null) {
            b.period(period, zone);
        }
        limits.apply(spec.commandLine(), b);
        ReadLimitOptions.set(spec.commandLine(), ReadLimit.SEGMENTS, maxSegments, b::maxSegments);
        if (inputFormat != null) {
            b.format(inputFormat);
        }
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (d.length() != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--delimiter must be one character: " + d);
            }
            b.delimiter(d.charAt(0));
        }
        try {
            b.charset(Charset.forName(charset));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --charset: " + charset);
        }
        SurveyReadResult r = read(b.build(), file, inputFormat != null ? inputFormat : InputFormat.of(file));
        format.write(r, confidence, spec.commandLine().getOut());
        if (r.rejected().any() && format != ReportFormat.JSON) {
            spec.commandLine().getErr().println("cx: " + ReadLimitOptions.cliWords(r.rejected().toString()));
        }
        return 0;
    }

    private static ColumnMapping set(ColumnMapping m, Role r, String col) {
        return col == null ? m : m.with(r, col);
    }

    static SurveyReadResult read(SurveyReader reader, Path file, InputFormat f) {
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
