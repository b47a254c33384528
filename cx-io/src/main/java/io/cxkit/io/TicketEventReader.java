package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.journey.service.TicketEvent;
import io.cxkit.journey.service.TicketEventType;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads support-ticket events (CSV, NDJSON, JSON arrays) row by row as {@link TicketEvent}s for
 * {@link io.cxkit.journey.service.ServiceMetrics}: ticket id, customer, time, event type, and optionally the
 * author, channel and team. Each event goes straight to the consumer (constant memory); computing
 * per-ticket facts needs all of a ticket's events and is the caller's step.
 *
 * <p>Event types (case-insensitive; spaces and hyphens read as underscores): {@code created},
 * {@code agent_reply}, {@code customer_reply}, {@code solved}, {@code reopened}. Authors:
 * {@code agent}, {@code bot} (the reply is a bot's), {@code customer}, or empty. An unknown event
 * type or author, an empty ticket id, customer or type, an unparseable time or a ragged row is a bad
 * row, handled by the {@link ErrorPolicy}; file problems always fail. Columns are found by name
 * unless named explicitly; see {@link Field}.
 *
 * <pre>{@code
 * List<TicketEvent> events = new ArrayList<>();
 * TicketEventReader.builder().build().read(Path.of("ticket_events.csv"), events::add);
 * ServiceMetricsResult r = ServiceMetrics.builder().build().run(events);
 * }</pre>
 */
public final class TicketEventReader {

    /** The fields of a ticket event row, with the header names recognised for each. */
    public enum Field {
        /** The ticket id (required): ticket_id, ticket, case_id, case, issue_id. */
        TICKET(true, "ticketid", "ticket", "caseid", "case", "issueid"),
        /** The customer id (required): customer_id, customer, requester_id, requester, user_id. */
        CUSTOMER(true, "customerid", "customer", "requesterid", "requester", "userid"),
        /** When it happened (required): timestamp, time, event_time, occurred_at, created_at, date. */
        TIME(true, "timestamp", "time", "eventtime", "occurredat", "createdat", "datetime", "date"),
        /** The event type (required): event_type, event, type, action. */
        TYPE(true, "eventtype", "event", "type", "action"),
        /** Who acted (optional): author, author_type, actor, by. */
        AUTHOR(false, "author", "authortype", "actor", "by"),
        /** The channel (optional): channel, via. */
        CHANNEL(false, "channel", "via"),
        /** The team (optional): team, group, queue. */
        TEAM(false, "team", "group", "queue");

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
         * The field's key in messages and in {@link Builder#columns(String)}, e.g. {@code "ticket"}.
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
    private final ZoneId zone;
    private final ErrorPolicy errors;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    private TicketEventReader(Builder b) {
        this.explicit = Map.copyOf(b.explicit);
        this.zone = b.zone;
        this.errors = b.errors;
        this.format = b.format;
        this.sourceOptions = b.source();
    }

    /**
     * A builder: columns by name, UTC, {@link ErrorPolicy#FAIL}.
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
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(Path file, Consumer<? super TicketEvent> sink) {
        Check.notNull(sink, "sink");
        return EventFiles.read(file, format, (in, source, f) -> read(in, source, f, sink));
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes (UTF-8)
     * @param source the name used in messages
     * @param format the format
     * @param sink receives each event
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(InputStream in, String source, InputFormat format,
            Consumer<? super TicketEvent> sink) {
        Check.notNull(sink, "sink");
        Timestamps ts = sourceOptions.timestamps(zone);
        return EventFiles.run(in, source, format, sourceOptions, SPECS, explicit, List.of(), "ticket event", errors,
                (rows, cols) -> sink.accept(event(rows, cols.index, ts)));
    }

    /**
     * Parses an event type: {@code created}, {@code agent_reply}, {@code customer_reply},
     * {@code solved}, {@code reopened} (case-insensitive; spaces and hyphens read as underscores).
     *
     * @param s the text
     * @return the type, or empty if unknown
     */
    public static Optional<TicketEventType> type(String s) {
        String n = s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (TicketEventType t : TicketEventType.values()) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static TicketEvent event(RowSource rows, int[] col, Timestamps ts) {
        String ticket = EventFiles.required(rows, col[Field.TICKET.ordinal()], "ticket id");
        String customer = EventFiles.required(rows, col[Field.CUSTOMER.ordinal()], "customer id");
        Instant time = EventFiles.time(rows, col[Field.TIME.ordinal()], ts);
        int t = col[Field.TYPE.ordinal()];
        String tv = EventFiles.required(rows, t, "event type");
        TicketEventType type = type(tv).orElseThrow(() -> new EventFiles.BadValue(t, tv, "unknown event type",
                "event type must be one of created, agent_reply, customer_reply, solved, reopened"));
        boolean bot = false;
        int a = col[Field.AUTHOR.ordinal()];
        String av = EventFiles.optional(rows, a);
        if (av != null) {
            String an = av.toLowerCase(Locale.ROOT);
            if (an.equals("bot")) {
                bot = true;
            } else if (!an.equals("agent") && !an.equals("customer")) {
                throw new EventFiles.BadValue(a, av, "unknown author", "author must be agent, bot, customer or empty");
            }
        }
        String ch = EventFiles.optional(rows, col[Field.CHANNEL.ordinal()]);
        String team = EventFiles.optional(rows, col[Field.TEAM.ordinal()]);
        return new TicketEvent(ticket, customer, time, type, bot, Optional.ofNullable(ch).map(Channel::of),
                Optional.ofNullable(team));
    }

    /** Options of a {@link TicketEventReader}. */
    public static final class Builder extends EventReaderOptions<Builder> {

        private Builder() {
            super(java.util.Arrays.stream(Field.values()).map(Field::key).toList());
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
         * Builds the reader.
         *
         * @return the reader
         */
        public TicketEventReader build() {
            return new TicketEventReader(this);
        }
    }
}
