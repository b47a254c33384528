package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.JourneyStage;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyEvent;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads interaction events (CSV, NDJSON, JSON arrays) row by row for {@code cx-journey}: customer,
 * time, touchpoint, channel, and optionally stage, outcome, value and case id. {@link #readInto}
 * appends each row to an {@link EventLog.Builder} (no object per event; the log may spill to disk
 * past its memory budget); {@link #read} hands each row to a consumer as a {@link JourneyEvent}.
 * The reader keeps nothing, so a read streams in constant memory.
 *
 * <pre>{@code
 * List<JourneyEvent> events = new ArrayList<>();
 * ReadSummary s = JourneyEventReader.builder().build()
 *     .read(Path.of("interactions.csv"), events::add);
 * List<CustomerJourney> journeys = JourneyBuilder.create().build(events);
 * }</pre>
 *
 * <p>Columns are found by name (case-, space- and punctuation-insensitive) unless named with
 * {@link Builder#column(Field, String)}: see {@link Field}. Bad rows — an empty customer,
 * touchpoint or channel, an unparseable time, a stage that is not one of the default stages
 * ({@code awareness}, {@code consideration}, {@code purchase}, {@code onboarding}, {@code support},
 * {@code retention}, {@code advocacy}), a value that is not a finite number, a ragged row — follow
 * the {@link ErrorPolicy}: {@code FAIL} stops with {@code file:line:column}, the value and the
 * rule; {@code SKIP} leaves them out and counts them in {@link RejectedRows}. Problems with the
 * whole file (missing column, no data rows, a malformed JSON array) always fail.
 */
public final class JourneyEventReader {

    /** The fields of an interaction event row, with the header names recognised for each. */
    public enum Field {
        /** The customer id (required): customer_id, customer, user_id, client_id, account_id. */
        CUSTOMER(true, "customerid", "customer", "userid", "clientid", "accountid"),
        /** When it happened (required): timestamp, time, occurred_at, event_time, created_at, datetime, date. */
        TIME(true, "timestamp", "time", "occurredat", "eventtime", "createdat", "datetime", "date"),
        /** The touchpoint (required): touchpoint, touchpoint_id, event, event_type, event_name, step. */
        TOUCHPOINT(true, "touchpoint", "touchpointid", "event", "eventtype", "eventname", "step"),
        /** The channel (required): channel, channel_name, medium. */
        CHANNEL(true, "channel", "channelname", "medium"),
        /** The journey stage (optional): stage, journey_stage. */
        STAGE(false, "stage", "journeystage"),
        /** How it ended (optional): outcome, result, status. */
        OUTCOME(false, "outcome", "result", "status"),
        /** A numeric value, e.g. revenue (optional): value, amount, revenue. */
        VALUE(false, "value", "amount", "revenue"),
        /** The case id (optional): case_id, case, session_id, ticket_id. */
        CASE(false, "caseid", "case", "sessionid", "ticketid");

        private final boolean required;
        private final List<String> names;

        Field(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        /**
         * Normalised header names recognised for this field, in order of preference.
         *
         * @return the names
         */
        public List<String> knownNames() {
            return names;
        }

        /**
         * The field's key in messages and in {@link Builder#columns(String)}, e.g. {@code "customer"}.
         *
         * @return the key
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<EventColumns.Spec> SPECS;

    static {
        List<EventColumns.Spec> s = new ArrayList<>();
        for (Field f : Field.values()) {
            s.add(new EventColumns.Spec(f.key(), f.names, f.required));
        }
        SPECS = List.copyOf(s);
    }

    private final Map<String, String> explicit;
    private final List<String> attributes;
    private final String segment;
    private final ZoneId zone;
    private final ErrorPolicy errors;
    private final int maxTouchpoints;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    private JourneyEventReader(Builder b) {
        this.explicit = Map.copyOf(b.explicit);
        this.attributes = List.copyOf(b.attributes);
        this.segment = b.segment;
        this.zone = b.zone;
        this.maxTouchpoints = b.maxTouchpoints;
        this.errors = b.errors;
        this.format = b.format;
        this.sourceOptions = b.source();
    }

    /**
     * A builder: columns by name, UTC, {@link ErrorPolicy#FAIL}, no attributes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file, handing each event to {@code sink} in file order.
     *
     * @param file the file; the format comes from the builder or the file name
     * @param sink receives each event
     * @return what was read (rows, accepted, rejected rows, columns used)
     * @throws BadInputException for bad input
     */
    public ReadSummary read(Path file, Consumer<? super JourneyEvent> sink) {
        Check.notNull(sink, "sink");
        return readWithAttributes(file, (e, a) -> sink.accept(e));
    }

    /**
     * Reads a stream (not closed), handing each event to {@code sink} in order.
     *
     * @param in the bytes (UTF-8)
     * @param source the name used in messages
     * @param format the format
     * @param sink receives each event
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(InputStream in, String source, InputFormat format,
            Consumer<? super JourneyEvent> sink) {
        Check.notNull(sink, "sink");
        return readWithAttributes(in, source, format, (e, a) -> sink.accept(e));
    }

    /**
     * Reads a file, handing each event with the values of the {@link Builder#attributes attribute
     * columns} (by the names given to the builder; empty string when empty).
     *
     * @param file the file
     * @param sink receives each event and its attributes
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary readWithAttributes(Path file,
            BiConsumer<? super JourneyEvent, ? super Map<String, String>> sink) {
        return EventFiles.read(file, format, (in, source, f) -> readWithAttributes(in, source, f, sink));
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes (UTF-8)
     * @param source the name used in messages
     * @param format the format
     * @param sink receives each event and its attributes
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary readWithAttributes(InputStream in, String source, InputFormat format,
            BiConsumer<? super JourneyEvent, ? super Map<String, String>> sink) {
        Check.notNull(sink, "sink");
        Row row = new Row(sourceOptions.timestamps(zone),
                new DistinctValues(ReadLimit.TOUCHPOINTS, maxTouchpoints, "touchpoints"), source);
        return EventFiles.run(in, source, format, sourceOptions, SPECS, explicit, attributes, "interaction event",
                errors, (rows, cols) -> {
                    row.parse(rows, cols.index, false);
                    JourneyEvent e = row.event();
                    Map<String, String> attrs = Map.of();
                    if (!attributes.isEmpty()) {
                        attrs = new LinkedHashMap<>();
                        for (int i = 0; i < attributes.size(); i++) {
                            attrs.put(attributes.get(i), rows.value(cols.firstAttribute + i));
                        }
                    }
                    sink.accept(e, attrs);
                });
    }

    /**
     * Reads a file into an event log builder, one append per row and no object per event; the
     * {@link Builder#segment segment column}'s value (when set and not empty) becomes each event's
     * segment. Past the builder's memory budget the builder spills to disk.
     *
     * <pre>{@code
     * try (EventLog.Builder b = EventLog.builder().memoryBudget(256L << 20)) {
     *     ReadSummary s = JourneyEventReader.builder().build()
     *         .readInto(Path.of("interactions.csv"), b);
     *     try (EventLog log = b.build()) {
     *         log.forEachJourney(JourneyBuilder.create(), j -> { ... });
     *     }
     * }
     * }</pre>
     *
     * @param file the file; the format comes from the builder or the file name
     * @param log receives each accepted event
     * @return what was read (rows, accepted, rejected rows, columns used)
     * @throws BadInputException for bad input
     */
    public ReadSummary readInto(Path file, EventLog.Builder log) {
        Check.notNull(log, "log");
        return EventFiles.read(file, format, (in, source, f) -> readInto(in, source, f, log));
    }

    /**
     * Reads a stream (not closed) into an event log builder, as {@link #readInto(Path, EventLog.Builder)}.
     *
     * @param in the bytes (UTF-8)
     * @param source the name used in messages
     * @param format the format
     * @param log receives each accepted event
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary readInto(InputStream in, String source, InputFormat format,
            EventLog.Builder log) {
        Check.notNull(log, "log");
        Timestamps ts = sourceOptions.timestamps(zone);
        DistinctValues limit = new DistinctValues(ReadLimit.TOUCHPOINTS, maxTouchpoints, "touchpoints");
        Row row = new Row(ts, limit, source);
        List<String> extra = segment == null ? List.of() : List.of(segment);
        EventRowBytes[] bytes = new EventRowBytes[1];
        return EventFiles.run(in, source, format, sourceOptions, SPECS, explicit, extra, "interaction event",
                errors, (rows, cols) -> {
                    if (rows instanceof Utf8CsvSource u) {
                        if (bytes[0] == null) {
                            bytes[0] = new EventRowBytes(ts, limit, source, cols.index,
                                    segment == null ? -1 : cols.firstAttribute, log);
                        }
                        if (bytes[0].append(u)) {
                            return;
                        }
                    }
                    row.parse(rows, cols.index, true);
                    String g = segment == null ? null : EventFiles.optional(rows, cols.firstAttribute);
                    log.add(row.customer, row.nanos, row.touchpoint, row.channel, row.stage, row.outcome,
                            row.value, row.caseId, g);
                });
    }

    /** One row's fields, parsed in place (reused across rows). */
    private static final class Row {
        private final Timestamps ts;
        private final DistinctValues touchpoints;
        private final String source;
        private final Map<String, Channel> channels = new HashMap<>();
        String customer;
        long nanos;
        Instant instant;
        String touchpoint;
        Channel channel;
        JourneyStage stage;
        String outcome;
        double value;
        String caseId;

        Row(Timestamps ts, DistinctValues touchpoints, String source) {
            this.ts = ts;
            this.touchpoints = touchpoints;
            this.source = source;
        }

        /** Parses the row; the time as epoch nanoseconds for a log, else as an instant. */
        void parse(RowSource rows, int[] col, boolean forLog) {
            customer = EventFiles.required(rows, col[Field.CUSTOMER.ordinal()], "customer id");
            int t = col[Field.TIME.ordinal()];
            if (forLog) {
                String tv = rows.value(t);
                try {
                    nanos = ts.epochNanos(tv); // keeps the fraction of a second
                } catch (IllegalArgumentException e) {
                    throw new EventFiles.BadValue(t, tv, "unparseable time", e.getMessage());
                } catch (ArithmeticException e) {
                    throw new EventFiles.BadValue(t, tv, "time out of range", "time must lie between 1677-09-22"
                            + " and 2262-04-11 to be held in an event log");
                }
            } else {
                instant = EventFiles.time(rows, t, ts);
            }
            touchpoint = EventFiles.required(rows, col[Field.TOUCHPOINT.ordinal()], "touchpoint");
            String cv = EventFiles.required(rows, col[Field.CHANNEL.ordinal()], "channel");
            channel = channels.get(cv);
            if (channel == null) {
                channel = Channel.of(cv);
                if (channels.size() < 4096) {
                    channels.put(cv, channel);
                }
            }
            stage = null;
            int s = col[Field.STAGE.ordinal()];
            String sv = EventFiles.optional(rows, s);
            if (sv != null) {
                for (JourneyStage d : JourneyStage.defaults()) {
                    if (d.name().equalsIgnoreCase(sv)) {
                        stage = d;
                        break;
                    }
                }
                if (stage == null) {
                    throw new EventFiles.BadValue(s, sv, "unknown stage", "stage must be one of the default stages "
                            + JourneyStage.defaults().stream().map(JourneyStage::name).toList());
                }
            }
            value = Double.NaN;
            int v = col[Field.VALUE.ordinal()];
            String vv = EventFiles.optional(rows, v);
            if (vv != null) {
                double d;
                try {
                    d = Cells.parseNumber(vv);
                } catch (NumberFormatException e) {
                    d = Double.NaN;
                }
                if (!Double.isFinite(d)) {
                    throw new EventFiles.BadValue(v, vv, "bad value", "value must be a finite number");
                }
                value = d;
            }
            outcome = EventFiles.optional(rows, col[Field.OUTCOME.ordinal()]);
            caseId = EventFiles.optional(rows, col[Field.CASE.ordinal()]);
            touchpoints.add(touchpoint, source, rows.line());
        }

        JourneyEvent event() {
            return new JourneyEvent(customer, instant, touchpoint, channel,
                    Optional.ofNullable(stage), Optional.ofNullable(outcome),
                    Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value), Optional.ofNullable(caseId));
        }
    }

    /** Options of a {@link JourneyEventReader}. */
    public static final class Builder extends EventReaderOptions<Builder> {
        private List<String> attributes = List.of();
        private String segment;
        private int maxTouchpoints = ReadLimit.TOUCHPOINTS.defaultValue();

        private Builder() {
            super(java.util.Arrays.stream(Field.values()).map(Field::key).toList());
        }

        /**
         * The most distinct touchpoint names one read may find (default 100,000), as
         * {@link JourneyReaderOptions#maxTouchpoints}: a file with more fails with
         * {@code "too many touchpoints"}.
         *
         * @param touchpoints the limit, in [1, 100,000,000]
         * @return this builder
         */
        public Builder maxTouchpoints(int touchpoints) {
            this.maxTouchpoints = Check.inRange(touchpoints, 1, 100_000_000, "maxTouchpoints");
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Names the column of a field.
         *
         * @param field the field
         * @param column the header name (matched case- and space-insensitively)
         * @return this builder
         */
        public Builder column(Field field, String column) {
            Check.notNull(field, "field");
            return putColumn(field.key(), column);
        }

        /**
         * Extra columns whose values are handed to {@link #readWithAttributes} (e.g. a segment).
         *
         * @param columns header names
         * @return this builder
         */
        public Builder attributes(String... columns) {
            this.attributes = List.of(Check.notNull(columns, "columns"));
            return this;
        }

        /**
         * The column whose value is each event's segment in {@link #readInto(Path, EventLog.Builder)}
         * ({@link EventLog#segments()}; a journey's segment is its first event's). An empty cell
         * gives the event no segment.
         *
         * @param column the header name (matched case- and space-insensitively), or null for none
         * @return this builder
         */
        public Builder segment(String column) {
            this.segment = column;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public JourneyEventReader build() {
            return new JourneyEventReader(this);
        }
    }
}
