package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.Interaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads interaction events (CSV, NDJSON, JSON arrays) row by row and hands each to a consumer as an
 * {@link Interaction}; nothing is kept, so memory does not grow with the file.
 *
 * <pre>{@code
 * InteractionReader.ReadSummary s = InteractionReader.builder().attributes("stage").build()
 *     .read(Path.of("interactions.csv"), journeys::accept);
 * }</pre>
 *
 * <p>Columns are found by name (case- and space-insensitive) unless named with
 * {@link Builder#column(Field, String)}: customer ({@code customer_id}, {@code customer},
 * {@code user_id}, {@code client_id}), touchpoint ({@code touchpoint}, {@code touchpoint_id},
 * {@code event}, {@code event_type}, {@code step}), channel ({@code channel}), time
 * ({@code timestamp}, {@code time}, {@code occurred_at}, {@code event_time}, {@code created_at},
 * {@code date}), optional duration ({@code duration_s} or {@code duration} in seconds,
 * {@code duration_ms} in milliseconds) and optional outcome ({@code outcome}, {@code result},
 * {@code status}). Times are parsed as by {@link SurveyReader}. Bad rows (blank customer or
 * touchpoint, unparseable time, negative or non-numeric duration, ragged rows) follow the
 * {@link ErrorPolicy}; file problems always fail.
 */
public final class InteractionReader {

    /** The fields of an interaction row. */
    public enum Field {
        /** The customer id (required). */
        CUSTOMER(List.of("customerid", "customer", "userid", "clientid", "accountid")),
        /** The touchpoint id (required). */
        TOUCHPOINT(List.of("touchpoint", "touchpointid", "event", "eventtype", "eventname", "step")),
        /** The channel name (required). */
        CHANNEL(List.of("channel", "channelname", "medium")),
        /** When it happened (required). */
        TIME(List.of("timestamp", "time", "occurredat", "eventtime", "createdat", "datetime", "date")),
        /** How long it took in seconds (optional). */
        DURATION(List.of("durations", "duration", "durationseconds", "durationsec")),
        /** How long it took in milliseconds (optional, used when no seconds column is found). */
        DURATION_MS(List.of("durationms", "durationmillis", "durationmilliseconds")),
        /** How it ended (optional). */
        OUTCOME(List.of("outcome", "result", "status"));

        private final List<String> names;

        Field(List<String> names) {
            this.names = names;
        }

        /**
         * Normalised header names recognised for this field, in order of preference.
         *
         * @return the names
         */
        public List<String> knownNames() {
            return names;
        }

        boolean required() {
            return ordinal() <= TIME.ordinal();
        }
    }

    /**
     * What a read saw.
     *
     * @param rows data rows read
     * @param accepted interactions handed to the consumer
     * @param rejected rows left out under {@link ErrorPolicy#SKIP}
     * @param columns the header name used per field and attribute
     */
    public record ReadSummary(long rows, long accepted, RejectedRows rejected, Map<String, String> columns) {
        /**
         * Validates and copies.
         *
         * @param rows rows
         * @param accepted accepted
         * @param rejected rejected
         * @param columns columns
         */
        public ReadSummary {
            Check.notNull(rejected, "rejected");
            columns = Map.copyOf(Check.notNull(columns, "columns"));
        }
    }

    private final Map<Field, String> explicit;
    private final List<String> attributes;
    private final ZoneId zone;
    private final ErrorPolicy errors;
    private final int maxTouchpoints;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    private InteractionReader(Builder b) {
        this.explicit = Map.copyOf(b.explicit);
        this.attributes = List.copyOf(b.attributes);
        this.zone = b.zone;
        this.maxTouchpoints = b.maxTouchpoints;
        this.errors = b.errors;
        this.format = b.format;
        this.sourceOptions = b.source();
    }

    /**
     * A builder: columns by name, UTC, FAIL on bad rows, no extra attributes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file.
     *
     * @param file the file; the format comes from the builder or the file name
     * @param sink receives each interaction in file order
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(Path file, Consumer<? super Interaction> sink) {
        Check.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, String.valueOf(file.getFileName()), format != null ? format : InputFormat.of(file), sink);
        } catch (NoSuchFileException e) {
            throw BadInputException.file(String.valueOf(file), 0, "no such file", "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes
     * @param source the name used in messages
     * @param format the format
     * @param sink receives each interaction in order
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(InputStream in, String source, InputFormat format, Consumer<? super Interaction> sink) {
        Check.notNull(in, "in");
        Check.notNull(sink, "sink");
        try (RowSource rows = sourceOptions.open(in, source, Check.notNull(format, "format"))) {
            return run(rows, source, sink);
        }
    }

    private ReadSummary run(RowSource rows, String source, Consumer<? super Interaction> sink) {
        List<String> header = new ArrayList<>(rows.columns());
        Field[] fields = Field.values();
        int[] col = new int[fields.length];
        List<String> selected = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        for (Field f : fields) {
            int i = find(header, f, source, rows instanceof JsonSource);
            if (f == Field.DURATION_MS && col[Field.DURATION.ordinal()] >= 0) {
                i = -1;
            }
            if (i < 0 && f.required()) {
                throw BadInputException.file(source, 1, "missing column", "required column for the interaction "
                        + f.name().toLowerCase(Locale.ROOT) + " is not in the header (expected one of "
                        + String.join(", ", f.names) + "); columns are: " + String.join(", ", rows.columns()));
            }
            col[f.ordinal()] = i < 0 ? -1 : selected.size();
            if (i >= 0) {
                selected.add(header.get(i));
                used.put(f.name().toLowerCase(Locale.ROOT), header.get(i));
            }
        }
        int firstAttr = selected.size();
        for (String a : attributes) {
            int i = ColumnMapping.find(header, a);
            if (i < 0) {
                throw ColumnMapping.missing(source, "attribute", a, header);
            }
            selected.add(header.get(i));
            used.put("attribute:" + header.get(i), header.get(i));
        }
        rows.select(selected);
        Timestamps ts = sourceOptions.timestamps(zone);
        RejectedRows.Collector rejected = new RejectedRows.Collector();
        DistinctValues touchpoints = new DistinctValues(ReadLimit.TOUCHPOINTS, maxTouchpoints, "touchpoints");
        long n = 0;
        long ok = 0;
        while (rows.next()) {
            n++;
            RowError problem = rows.rowProblem();
            if (problem == null) {
                try {
                    Interaction i = interaction(rows, col, firstAttr, selected, ts);
                    touchpoints.add(i.touchpointId(), source, rows.line());
                    sink.accept(i);
                    ok++;
                    continue;
                } catch (Bad e) {
                    int i = e.selected;
                    problem = new RowError(source, rows.line(), rows.column(i), selected.get(i), e.value, e.reason,
                            e.getMessage());
                }
            }
            if (errors == ErrorPolicy.FAIL) {
                throw new BadInputException(problem);
            }
            rejected.add(problem);
        }
        if (n == 0) {
            throw BadInputException.file(source, 0, "no data rows", "the file has a header but no data rows");
        }
        return new ReadSummary(n, ok, rejected.result(), used);
    }

    private int find(List<String> header, Field f, String source, boolean json) {
        String name = explicit.get(f);
        if (name != null) {
            int i = ColumnMapping.find(header, name);
            if (i < 0 && json) {
                header.add(name);
                return header.size() - 1;
            }
            if (i < 0) {
                throw ColumnMapping.missing(source, f.name().toLowerCase(Locale.ROOT), name, header);
            }
            return i;
        }
        for (String known : f.names) {
            for (int i = 0; i < header.size(); i++) {
                if (ColumnMapping.normalize(header.get(i)).equals(known)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Interaction interaction(RowSource rows, int[] col, int firstAttr, List<String> selected,
            Timestamps ts) {
        String customer = required(rows, col[Field.CUSTOMER.ordinal()], "customer id");
        String touchpoint = required(rows, col[Field.TOUCHPOINT.ordinal()], "touchpoint id");
        String channel = required(rows, col[Field.CHANNEL.ordinal()], "channel");
        int t = col[Field.TIME.ordinal()];
        String tv = rows.value(t);
        Instant time;
        try {
            time = ts.instant(tv);
        } catch (IllegalArgumentException e) {
            throw new Bad(t, tv, "unparseable time", e.getMessage());
        }
        Duration duration = duration(rows, col[Field.DURATION.ordinal()], 1000)
                .or(() -> duration(rows, col[Field.DURATION_MS.ordinal()], 1)).orElse(null);
        int o = col[Field.OUTCOME.ordinal()];
        String outcome = o < 0 || rows.value(o).isEmpty() ? null : rows.value(o);
        Map<String, String> attrs = Map.of();
        if (firstAttr < selected.size()) {
            attrs = new LinkedHashMap<>();
            for (int i = firstAttr; i < selected.size(); i++) {
                String v = rows.value(i);
                if (!v.isEmpty()) {
                    attrs.put(selected.get(i), v);
                }
            }
        }
        try {
            return new Interaction(customer, touchpoint, Channel.of(channel), time, Optional.ofNullable(duration),
                    Optional.ofNullable(outcome), attrs);
        } catch (IllegalArgumentException e) {
            throw new Bad(col[Field.CHANNEL.ordinal()], channel, "invalid value", e.getMessage());
        }
    }

    private static String required(RowSource rows, int i, String what) {
        String v = rows.value(i);
        if (v.isEmpty()) {
            throw new Bad(i, v, "empty " + what, what + " is empty");
        }
        return v;
    }

    private static Optional<Duration> duration(RowSource rows, int i, long millisPerUnit) {
        if (i < 0 || rows.value(i).isEmpty()) {
            return Optional.empty();
        }
        String v = rows.value(i);
        double d;
        try {
            d = Cells.parseNumber(v);
        } catch (NumberFormatException e) {
            throw new Bad(i, v, "bad duration", "duration must be a number");
        }
        if (!(d >= 0 && d < 1e15)) {
            throw new Bad(i, v, "bad duration", "duration must be finite and >= 0: " + d);
        }
        return Optional.of(Duration.ofMillis(Math.round(d * millisPerUnit)));
    }

    /** A rejected row (no stack trace). */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int selected;
        final String value;
        final String reason;

        Bad(int selected, String value, String reason, String message) {
            super(message, null, false, false);
            this.selected = selected;
            this.value = value;
            this.reason = reason;
        }
    }

    /** Options of an {@link InteractionReader}. */
    public static final class Builder extends JourneyReaderOptions<Builder> {
        private final Map<Field, String> explicit = new LinkedHashMap<>();
        private List<String> attributes = List.of();

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Names the column of a field.
         *
         * @param field the field
         * @param column the header name
         * @return this builder
         */
        public Builder column(Field field, String column) {
            Check.notNull(field, "field");
            explicit.put(field, columnName(field.toString(), column));
            return this;
        }

        /**
         * Extra columns copied into {@link Interaction#attributes()} (empty values left out).
         *
         * @param columns header names
         * @return this builder
         */
        public Builder attributes(String... columns) {
            this.attributes = List.of(Check.notNull(columns, "columns"));
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public InteractionReader build() {
            return new InteractionReader(this);
        }
    }
}
