package io.cxkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.io.CxJacksonModule;
import io.cxkit.io.BadInputException;
import io.cxkit.io.RowError;
import io.cxkit.io.ReadSummary;
import io.cxkit.jackson.CxSchemaModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** What the journey, service and driver commands share: durations, output formats, JSON pieces. */
final class CliSupport {
    private static final Pattern SHORT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(s|m|min|h|d|w)",
            Pattern.CASE_INSENSITIVE);

    private CliSupport() {
    }

    /** Output of the journey, service and driver commands. */
    enum Format {
        /** Aligned text for people. */
        TABLE,
        /** JSON with a versioned schema. */
        JSON,
        /** A self-contained HTML page with SVG charts ({@code --out FILE} or standard output). */
        HTML
    }

    /** Reads {@code 30m}, {@code 2h}, {@code 7d}, {@code 1w}, {@code 90s} or ISO-8601 ({@code PT1H}, {@code P7D}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value);
        }
    }

    static Duration duration(String value) {
        String v = value.strip();
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "s" -> 1L;
                case "m", "min" -> 60L;
                case "h" -> 3600L;
                case "d" -> 86_400L;
                default -> 604_800L;
            };
            return Duration.ofMillis(Math.round(n * unit * 1000));
        }
        try {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("duration must be like 30m, 2h, 7d, 1w or ISO-8601 (PT1H,"
                    + " P7D): '" + value + "'");
        }
    }

    /** A usage error (exit 2) unless the duration is positive. */
    static TypedDuration positive(CommandLine cl, TypedDuration d, String option) {
        if (d != null && (d.value().isZero() || d.value().isNegative())) {
            throw new CommandLine.ParameterException(cl, option + " must be > 0: " + d);
        }
        return d;
    }

    /**
     * A duration as the user typed it ({@code 7d}, {@code 24h}, {@code PT1H}: stripped, otherwise
     * unchanged) and its value; {@link #toString()} is the text, so tables echo what was typed.
     *
     * @param text the typed text
     * @param value the duration
     */
    record TypedDuration(String text, Duration value) {
        /** Parses {@code text} as {@link CliSupport#duration} does. */
        static TypedDuration of(String text) {
            return new TypedDuration(text.strip(), duration(text));
        }

        /** The value, or null for null. */
        static Duration valueOf(TypedDuration d) {
            return d == null ? null : d.value;
        }

        /** The duration in seconds: a whole number when it is one, otherwise a decimal. */
        Number seconds() {
            return value.getNano() == 0 ? (Number) value.getSeconds()
                    : (Number) (value.getSeconds() + value.getNano() / 1e9);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Reads a {@link TypedDuration}: the same syntax as {@link DurationConverter}, the text kept. */
    static final class TypedDurationConverter implements CommandLine.ITypeConverter<TypedDuration> {
        @Override
        public TypedDuration convert(String value) {
            return TypedDuration.of(value);
        }
    }

    /**
     * Puts a duration the user gave under {@code key} (ISO-8601), {@code keyText} (as typed
     * on the command line) and {@code keySeconds}; all null when absent.
     */
    static void putDuration(Map<String, Object> json, String key, TypedDuration d) {
        json.put(key, d == null ? null : d.value().toString());
        json.put(key + "Text", d == null ? null : d.text());
        json.put(key + "Seconds", d == null ? null : d.seconds());
    }

    /**
     * The mapper of every command's JSON: cx-io's module (read results, rejected rows) and
     * cx-jackson's {@link CxSchemaModule}, which writes the result records in their documented
     * {@code cxkit/NAME/v1} shapes; the commands put only the echo of their options around them.
     */
    static ObjectMapper mapper() {
        return mapper(CxSchemaModule.of(0.95));
    }

    static ObjectMapper mapper(CxSchemaModule shapes) {
        return new ObjectMapper().registerModule(CxJacksonModule.of(0.95)).registerModule(shapes)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A result as the schema module writes it, as an ordered tree the command can add its echo to. */
    static ObjectNode tree(Object result) {
        return mapper().valueToTree(result);
    }

    static void writeJson(PrintWriter out, Object tree) {
        try {
            out.println(mapper().writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** A finite number, or null (JSON {@code null}) for NaN and infinities. */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> input(ReadSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", s.rows());
        m.put("accepted", s.accepted());
        m.put("columns", new java.util.TreeMap<>(s.columns()));   // Map.copyOf iterates in a per-JVM order
        m.put("rejected", s.rejected());
        return m;
    }

    static String pct(ProportionEstimate p, double confidence) {
        if (p.n() == 0) {
            return "-";
        }
        Interval i = p.interval(confidence);
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * p.estimate(), 100 * i.lower(),
                100 * i.upper());
    }

    static String human(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        if (seconds < 172_800) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / 86_400);
    }

    /**
     * A library message in the words of the command line: the API's hints ({@code nps=COLUMN},
     * {@code labels (LABEL=SCORE)}, {@code maxRejected}, "the time format", the read limits) become
     * options.
     */
    static String cliWords(String message) {
        String m = message;
        for (String role : List.of("nps", "csat", "ces", "weight", "time")) {
            m = m.replace("(" + role + "=COLUMN)", "(--" + role + " COLUMN)").replace("(" + role + "=none)",
                    "(--" + role + " none)");
        }
        return m.replace("labels (LABEL=SCORE)", "--labels LABEL=SCORE")
                .replace("an explicit mapping (nps=COLUMN)", "--nps/--csat/--ces COLUMN")
                .replace("maxRejectedShare", "--max-rejected").replace("maxRejected", "--max-rejected")
                .replace("give the time format ", "give --time-format ")
                .replace("or give a time format", "or give --time-format")
                .replace("(or name it with touchpointColumn)", "(or name it with --touchpoint COL)")
                .replace("convert it to UTF-8 or name its charset", "convert it to UTF-8 or name its charset, e.g."
                        + " --charset windows-1252")
                .transform(ReadLimitOptions::cliWords);
    }

    /** Reads a zone id; an unknown one is an error naming the nearest known ids. */
    static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (java.time.DateTimeException e) {
                String best = io.cxkit.io.ColumnMapping.closest(value,
                        new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())).map(b -> " (did you mean " + b + "?)")
                        .orElse("");
                throw new CommandLine.TypeConversionException("unknown zone '" + value + "'" + best
                        + "; use a region id such as Europe/Berlin or America/New_York, or an offset such as +02:00");
            }
        }
    }

    /** Rejected rows on stderr (table output; JSON carries them in {@code input.rejected}). */
    /** Zero counted rows is an error under any policy (exit 1), naming what was rejected. */
    static void requireCounted(Object file, ReadSummary s) {
        if (s.accepted() == 0) {
            throw new BadInputException(new RowError(String.valueOf(file), 0, 0, "", "", "no rows counted",
                    "no rows counted: all " + s.rows() + " data rows were rejected (" + s.rejected() + ")"));
        }
    }

    /**
     * Says on stderr which touchpoints a catalog does not hold, e.g. {@code cx: 1 touchpoint is not in
     * tp.csv (journeys entering there are under (not in catalog)): buy}; nothing when there are none.
     *
     * @param where what happened to them, e.g. {@code "journeys entering there are under"}
     */
    static void sayNotInCatalog(CommandLine cl, Object catalogFile, List<String> notInCatalog, String where) {
        if (!notInCatalog.isEmpty()) {
            cl.getErr().println("cx: " + notInCatalog.size() + " touchpoint" + (notInCatalog.size() == 1 ? " is"
                    : "s are") + " not in " + catalogFile + " (" + where + " " + io.cxkit.core.TouchpointCatalog.UNKNOWN
                    + "): " + String.join(", ", notInCatalog));
        }
    }

    /** The JSON {@code touchpointCatalog} object of the journey commands: file, touchpoints, [level,] notInCatalog. */
    static Map<String, Object> catalogJson(Object catalogFile, int touchpoints, String level,
            List<String> notInCatalog) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("file", String.valueOf(catalogFile));
        c.put("touchpoints", touchpoints);
        if (level != null) {
            c.put("level", level);
        }
        c.put("notInCatalog", notInCatalog);
        return c;
    }

    static void reportRejected(CommandLine cl, ReadSummary s, Format format) {
        if (s.rejected().any() && format != Format.JSON) {
            cl.getErr().println("cx: " + CliSupport.cliWords(s.rejected().toString()));
        }
    }
}
