package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.journey.survival.SurvivalAccumulator;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads survival data (one row per subject: a follow-up time, an event flag, optionally a group)
 * from CSV, NDJSON or JSON into a {@link SurvivalAccumulator}, row by row.
 *
 * <pre>{@code
 * SurvivalAccumulator km = SurvivalAccumulator.create();
 * SurvivalReader.builder().time("time").event("status=2").by("sex").build()
 *     .read(Path.of("lung.csv"), km);
 * km.result().logRank();
 * }</pre>
 *
 * <p><b>Time</b> is a number {@code >= 0} in the file's own unit (days, months, ...): the unit is
 * not converted and results are in the same unit. <b>Event</b>: {@code event("status=2")} makes a
 * row an event when the column equals {@code 2} (exact text, after trimming) and censored for any
 * other non-empty value; {@code event("churned")} requires {@code 0}/{@code 1} or
 * {@code true}/{@code false} (any case), 1/true being the event. <b>Group</b> ({@link Builder#by})
 * is the column's text; an empty value is the group {@code (none)}. Bad rows (time empty, not a
 * number, negative, NaN or infinite; event empty or, without {@code =VALUE}, not one of the four
 * codes; ragged rows) follow the {@link ErrorPolicy}; file problems (missing column, no data
 * rows, ...) always fail.
 */
public final class SurvivalReader {
    private static final String EVENT_RULE = "event must be 0 or 1 (or true/false); for another coding name the"
            + " event value, e.g. status=2";

    private final String timeColumn;
    private final String eventColumn;
    private final String eventValue;
    private final String byColumn;
    private final ErrorPolicy errors;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    private SurvivalReader(Builder b) {
        if (b.time == null || b.event == null) {
            throw new IllegalArgumentException("survival reader needs a time and an event column: time=" + b.time
                    + ", event=" + b.event);
        }
        this.timeColumn = b.time;
        int eq = b.event.indexOf('=');
        this.eventColumn = eq < 0 ? b.event : b.event.substring(0, eq).strip();
        this.eventValue = eq < 0 ? null : b.event.substring(eq + 1).strip();
        if (eventColumn.isEmpty() || (eventValue != null && eventValue.isEmpty())) {
            throw new IllegalArgumentException("event must be COL or COL=VALUE: '" + b.event + "'");
        }
        this.byColumn = b.by;
        this.errors = b.errors;
        this.format = b.format;
        this.sourceOptions = b.source();
    }

    /**
     * A builder; {@link Builder#time} and {@link Builder#event} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The event column as given.
     *
     * @return the column name
     */
    public String eventColumn() {
        return eventColumn;
    }

    /**
     * The value that marks an event, if one was given ({@code status=2} gives {@code "2"}).
     *
     * @return the value, or empty for the 0/1 (true/false) coding
     */
    public Optional<String> eventValue() {
        return Optional.ofNullable(eventValue);
    }

    /**
     * Reads a file into an accumulator.
     *
     * @param file the file; the format comes from the builder or the file name
     * @param into receives one observation per accepted row
     * @return what was read ({@code columns} holds {@code time}, {@code event} and {@code by})
     * @throws BadInputException for bad input
     */
    public ReadSummary read(Path file, SurvivalAccumulator into) {
        return EventFiles.read(file, format, (in, source, f) -> read(in, source, f, into));
    }

    /**
     * Reads a stream (not closed) into an accumulator.
     *
     * @param in the bytes
     * @param source the name used in messages
     * @param format the format
     * @param into receives one observation per accepted row
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(InputStream in, String source, InputFormat format,
            SurvivalAccumulator into) {
        Check.notNull(in, "in");
        Check.notNull(into, "into");
        try (RowSource rows = sourceOptions.open(in, source, Check.notNull(format, "format"))) {
            return run(rows, source, into);
        }
    }

    private ReadSummary run(RowSource rows, String source, SurvivalAccumulator into) {
        List<String> header = new ArrayList<>(rows.columns());
        boolean json = rows instanceof JsonSource;
        List<String> selected = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        selected.add(column(header, timeColumn, "time", source, json));
        selected.add(column(header, eventColumn, "event", source, json));
        used.put("time", selected.get(0));
        used.put("event", selected.get(1));
        if (byColumn != null) {
            selected.add(column(header, byColumn, "by", source, json));
            used.put("by", selected.get(2));
        }
        rows.select(selected);
        return EventFiles.loop(rows, source, selected, used, errors, cells -> {
            double t = time(cells.get(0));
            boolean event = event(cells.get(1));
            String group = SurvivalAccumulator.ALL;
            if (byColumn != null) {
                String g = cells.get(2);
                group = g.isEmpty() ? SurveyReader.NONE : g;
            }
            into.accept(t, event, group);
        });
    }

    static String column(List<String> header, String name, String what, String source, boolean json) {
        int i = ColumnMapping.find(header, name);
        if (i < 0 && json) {
            header.add(name);
            return name;
        }
        if (i < 0) {
            throw ColumnMapping.missing(source, what, name, header);
        }
        return header.get(i);
    }

    private static double time(String v) {
        if (v.isEmpty()) {
            throw new EventFiles.Rule("bad time", "survival time is empty");
        }
        double t;
        try {
            t = Cells.parseNumber(v);
        } catch (NumberFormatException e) {
            throw new EventFiles.Rule("bad time", "survival time must be a number");
        }
        if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
            throw new EventFiles.Rule("bad time", "survival time must be finite and >= 0: " + v);
        }
        return t;
    }

    private boolean event(String v) {
        if (v.isEmpty()) {
            throw new EventFiles.Rule("bad event", "event is empty");
        }
        if (eventValue != null) {
            return v.equals(eventValue);
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
                return true;
            case "0":
            case "false":
                return false;
            default:
                throw new EventFiles.Rule("bad event", EVENT_RULE);
        }
    }

    /** Options of a {@link SurvivalReader}. */
    public static final class Builder extends ReaderOptions<Builder> {
        private String time;
        private String event;
        private String by;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The follow-up time column (a number {@code >= 0} in the file's unit).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder time(String column) {
            this.time = columnName("time", column);
            return this;
        }

        /**
         * The event column, {@code COL} (0/1 or true/false) or {@code COL=VALUE} (event when equal
         * to VALUE, censored otherwise).
         *
         * @param spec the column, optionally with the event value
         * @return this builder
         */
        public Builder event(String spec) {
            this.event = columnName("event", spec);
            return this;
        }

        /**
         * The group column (optional).
         *
         * @param column the header name, or null for no groups
         * @return this builder
         */
        public Builder by(String column) {
            this.by = column == null ? null : columnName("by", column);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalArgumentException if time or event is missing, or the event is malformed
         */
        public SurvivalReader build() {
            return new SurvivalReader(this);
        }
    }
}
