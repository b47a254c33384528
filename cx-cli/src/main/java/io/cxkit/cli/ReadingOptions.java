package io.cxkit.cli;

import io.cxkit.io.ErrorPolicy;
import io.cxkit.io.ExportLayout;
import io.cxkit.io.InputFormat;
import io.cxkit.io.ReaderOptions;
import io.cxkit.io.SurveyReader;
import io.cxkit.io.TimedReaderOptions;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.ZoneId;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of how a file is read, the same on every command that reads a file:
 * {@code --input-format}, {@code --zone}, {@code --charset}, {@code --delimiter}, {@code --on-error},
 * {@code --time-format} and {@code --layout}. A picocli mixin.
 */
final class ReadingOptions {
    @Option(names = "--input-format", paramLabel = "FMT", description = "csv or json (default: from the file name)")
    InputFormat inputFormat;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "zone for period boundaries and times without offset (default UTC, or the zone a"
                    + " Qualtrics export states)")
    ZoneId zone;

    @Option(names = "--charset", defaultValue = "UTF-8", description = "CSV charset (default ${DEFAULT-VALUE})")
    String charset;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: detected; 'tab' for TAB)")
    String delimiter;

    @Option(names = "--on-error", defaultValue = "fail",
            description = "fail (stop at the first bad row) or skip (report rejected rows on stderr)")
    ErrorPolicy onError;

    @Option(names = "--time-format", paramLabel = "PATTERN",
            description = "read times only in this pattern, e.g. 'dd/MM/yyyy HH:mm' (default: ISO-8601, US"
                    + " 03/01/2024 10:10:05 AM, German 01.03.2024, epoch seconds)")
    String timeFormat;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "auto, plain, qualtrics, surveymonkey, delighted or zendesk (default auto: from the header)")
    String layout = "auto";

    /** The format given, or the one of the file name ({@code -}, standard input, is CSV unless given). */
    InputFormat format(java.nio.file.Path file) {
        if (inputFormat != null) {
            return inputFormat;
        }
        return file.toString().equals("-") ? InputFormat.CSV : InputFormat.of(file);
    }

    /**
     * Applies the options to a reader's builder; a bad value, or an option the reader has no use
     * for ({@code --zone} and {@code --time-format} without times, {@code --layout} outside
     * {@code cx report}), is a usage error naming its option.
     */
    void apply(CommandLine cl, ReaderOptions<?> b) {
        b.errors(onError);
        if (b instanceof TimedReaderOptions<?> t) {
            if (zone != null) {
                t.zone(zone);
            }
        } else if (zone != null || timeFormat != null) {
            throw new CommandLine.ParameterException(cl, (zone != null ? "--zone" : "--time-format")
                    + " does not apply: this command reads no times");
        }
        if (inputFormat != null) {
            b.format(inputFormat);
        }
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (d.length() != 1 || d.equals("\"")) {
                throw new CommandLine.ParameterException(cl, "--delimiter must be one character other than a quote"
                        + " (or 'tab'): '" + delimiter + "'");
            }
            b.delimiter(d.charAt(0));
        }
        try {
            b.charset(Charset.forName(charset));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(cl, "unknown --charset: '" + charset + "' (e.g. --charset"
                    + " windows-1252, --charset ISO-8859-1, --charset UTF-16)");
        }
        if (timeFormat != null) {
            try {
                ((TimedReaderOptions<?>) b).timeFormat(timeFormat);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--time-format must be a pattern such as 'dd/MM/yyyy"
                        + " HH:mm' (y year, M month, d day, H hour, m minute, s second, a AM/PM, XX offset): '"
                        + timeFormat + "'");
            }
        }
        if (!layout.equalsIgnoreCase("auto")) {
            ExportLayout l;
            try {
                l = ExportLayout.of(layout);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--layout must be auto, plain, qualtrics, surveymonkey,"
                        + " delighted or zendesk: '" + layout + "'");
            }
            if (b instanceof SurveyReader.Builder s) {
                s.layout(l);
            } else if (l != ExportLayout.PLAIN) {
                throw new CommandLine.ParameterException(cl, "--layout " + layout + " applies to survey exports"
                        + " (cx report); this command reads plain files (--layout plain or auto)");
            }
        }
    }
}
