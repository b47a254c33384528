package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.JourneyStage;
import io.cxkit.journey.JourneyEvent;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads interaction events (CSV, NDJSON, JSON arrays) row by row as {@link JourneyEvent}s for
 * {@code cx-journey}: customer, time, touchpoint, channel, and optionally stage, outcome, value and
 * case id. Nothing is kept: each event goes to the consumer, so a read streams in constant memory
 * (building journeys from the events needs all of a customer's events and is the caller's step).
 *
 * <pre>{@code
 * List<JourneyEvent> events = new ArrayList<>();
 * InteractionReader.ReadSummary s = JourneyEventReader.builder().build()
 *     .read(Path.of("interactions.csv"), events::add);
 * List<CustomerJourney> journeys = JourneyBuilder.perCustomer().build(events);
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
    private final ZoneId zone;
    private final ErrorPolicy errors;
    private final int maxTouchpoints;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    private JourneyEventReader(Builder b) {
        this.explicit = Map.copyOf(b.explicit);
        this.attributes = List.copyOf(b.attributes);
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
    public InteractionReader.ReadSummary read(Path file, Consumer<? super JourneyEvent> sink) {
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
    public InteractionReader.ReadSummary read(InputStream in, String source, InputFormat format,
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
    public InteractionReader.ReadSummary readWithAttributes(Path file,
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
    public InteractionReader.ReadSummary readWithAttributes(InputStream in, String source, InputFormat format,
            BiConsumer<? super JourneyEvent, ? super Map<String, String>> sink) {
        Check.notNull(sink, "sink");
        Timestamps ts = sourceOptions.timestamps(zone);
        DistinctValues touchpoints = new DistinctValues(ReadLimit.TOUCHPOINTS, maxTouchpoints, "touchpoints");
        return EventFiles.run(in, source, format, sourceOptions, SPECS, explicit, attributes, "interaction event",
                errors, (rows, cols) -> {
                    JourneyEvent e = event(rows, cols.index, ts);
                    touchpoints.add(e.touchpoint(), source, rows.line());
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

    private static JourneyEvent event(RowSource rows, int[] col, Timestamps ts) {
        String customer = EventFiles.required(rows, col[Field.CUSTOMER.ordinal()], "customer id");
        Instant time = EventFiles.time(rows, col[Field.TIME.ordinal()], ts);
        String touchpoint = EventFiles.required(rows, col[Field.TOUCHPOINT.ordinal()], "touchpoint");
        int c = col[Field.CHANNEL.ordinal()];
        Channel channel = Channel.of(EventFiles.required(rows, c, "channel"));
        Optional<JourneyStage> stage = Optional.empty();
        int s = col[Field.STAGE.ordinal()];
        String sv = EventFiles.optional(rows, s);
        if (sv != null) {
            stage = JourneyStage.defaults().stream().filter(x -> x.name().equalsIgnoreCase(sv)).findFirst();
            if (stage.isEmpty()) {
                throw new EventFiles.BadValue(s, sv, "unknown stage", "stage must be one of the default stages "
                        + JourneyStage.defaults().stream().map(JourneyStage::name).toList());
            }
        }
        OptionalDouble value = OptionalDouble.empty();
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
            value = OptionalDouble.of(d);
        }
        return new JourneyEvent(customer, time, touchpoint, channel, stage,
                Optional.ofNullable(EventFiles.optional(rows, col[Field.OUTCOME.ordinal()])), value,
                Optional.ofNullable(EventFiles.optional(rows, col[Field.CASE.ordinal()])));
    }

    /** Options of a {@link JourneyEventReader}. */
    public static final class Builder extends EventReaderOptions<Builder> {
        private List<String> attributes = List.of();
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
         * Builds the reader.
         *
         * @return the reader
         */
        public JourneyEventReader build() {
            return new JourneyEventReader(this);
        }
    }
}
