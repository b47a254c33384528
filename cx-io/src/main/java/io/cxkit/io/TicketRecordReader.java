package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.journey.service.FirstContactRule;
import io.cxkit.journey.service.TicketRecord;
import io.cxkit.journey.service.TicketSatisfaction;
import io.cxkit.journey.service.TicketTimes;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads ticket-level exports (CSV, NDJSON, JSON arrays), one row per ticket, as
 * {@link TicketRecord}s for {@link io.cxkit.journey.service.TicketRecordAccumulator}: the Zendesk ticket
 * export ({@code Id}, {@code Status}, {@code Via}, {@code Group}, {@code First reply time in
 * minutes}, {@code Full resolution time in minutes within business hours}, {@code Reopens},
 * {@code Replies}, {@code Satisfaction Score}, ...), cxkit's generated {@code tickets.csv}
 * ({@code ticket_id}, {@code first_response_min}, {@code resolution_hours}, {@code contacts}) and
 * any export with such columns. Each record goes straight to the consumer (constant memory).
 *
 * <p><b>Columns</b> are found by name (case-, space- and punctuation-insensitive; see
 * {@link Field}) unless named with {@link Builder#column}. A duration column's unit comes from its
 * name ({@code in minutes}, {@code _min}, {@code _hours}, {@code _seconds}, ...), or from
 * {@link Builder#durationUnit} for an explicitly named column whose name does not say. The file
 * needs the ticket id and at least one duration column; which tickets are solved is decided by
 * {@code Status} (solved or closed), else a non-empty {@code Solved at}, else a non-empty full
 * resolution time ({@link TicketColumns#solvedRule()} says which).
 *
 * <p><b>Values.</b> Durations are non-negative decimal numbers ({@code 12}, {@code 1.5}) or empty
 * (no value); counts ({@code Reopens}, {@code Replies}, contacts) non-negative integers or empty;
 * {@code Status} one of new, open, pending, hold (on-hold), solved, closed; {@code Satisfaction
 * Score} one of Good, Bad, Offered, Unoffered (Not Offered), or empty; times as
 * {@link TimedReaderOptions#zone(java.time.ZoneId)} describes (Zendesk writes them in the account's
 * zone, without an offset). Anything else, a ticket solved before it was created, an empty id, an
 * id already read (a ticket would count twice) or a ragged row is a bad row, handled by the
 * {@link ErrorPolicy} with file, line, column and value. Memory: the ids read so far (about 60
 * bytes per ticket); nothing else is kept.
 *
 * <pre>{@code
 * TicketRecordAccumulator acc = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1))
 *     .build().recordAccumulator(FirstContactRule.ZERO_REOPENS);
 * TicketRecordReader.builder().zone(ZoneId.of("Europe/Berlin")).build()
 *     .read(Path.of("export-2026-03.csv"), acc::accept);
 * TicketRecordResult r = acc.result();
 * }</pre>
 *
 * <p><b>Size.</b> The reader, its Field vocabulary, the header layout it resolves and its Builder
 * are one file because the layout rules name the fields and the builder validates against both.
 */
public final class TicketRecordReader {

    /** The fields of a ticket row, with the header names recognised for each. */
    public enum Field {
        /** The ticket id (required): Id, ticket_id, ticket, case_id, issue_id. */
        TICKET("id", "ticketid", "ticket", "caseid", "issueid"),
        /** Status: new, open, pending, hold, solved, closed. */
        STATUS("status", "ticketstatus"),
        /** When the ticket was created: Created at, opened_at, created. */
        CREATED("createdat", "openedat", "created", "opened"),
        /** When it was (last) solved: Solved at, resolved_at. */
        SOLVED_AT("solvedat", "resolvedat"),
        /** The channel: Via, channel. */
        CHANNEL("via", "channel"),
        /** The team: Group, team, queue. */
        TEAM("group", "team", "queue"),
        /** First reply time, elapsed: First reply time in minutes, first_response_min. */
        FIRST_REPLY("firstreplytimeinminutes", "firstresponsemin", "firstresponseminutes", "firstreplyminutes",
                "firstresponsehours", "firstresponseseconds"),
        /** First reply time within business hours. */
        FIRST_REPLY_BUSINESS("firstreplytimeinminuteswithinbusinesshours", "firstresponsebusinessmin",
                "firstresponsebusinessminutes"),
        /** Full resolution time, elapsed: Full resolution time in minutes, resolution_hours. */
        FULL_RESOLUTION("fullresolutiontimeinminutes", "resolutionhours", "resolutionminutes", "resolutionmin",
                "fullresolutionminutes", "resolutionseconds"),
        /** Full resolution time within business hours. */
        FULL_RESOLUTION_BUSINESS("fullresolutiontimeinminuteswithinbusinesshours", "resolutionbusinesshours",
                "resolutionbusinessminutes"),
        /** Requester wait time, elapsed: Requester wait time in minutes. */
        REQUESTER_WAIT("requesterwaittimeinminutes", "requesterwaitminutes", "requesterwaitmin"),
        /** Requester wait time within business hours. */
        REQUESTER_WAIT_BUSINESS("requesterwaittimeinminuteswithinbusinesshours", "requesterwaitbusinessminutes"),
        /** Times reopened: Reopens. */
        REOPENS("reopens", "reopencount"),
        /** Public agent replies: Replies. */
        REPLIES("replies", "agentreplies", "replycount"),
        /** Contacts it took: contacts. */
        CONTACTS("contacts", "contactcount"),
        /** Satisfaction-survey status: Satisfaction Score (Good, Bad, Offered, Unoffered). */
        SATISFACTION("satisfactionscore", "satisfactionrating", "satisfaction");

        private final List<String> names;

        Field(String... names) {
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
         * The field's key in messages and in {@link Builder#columns(String)}, e.g.
         * {@code "first_reply_business"}.
         *
         * @return the key
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean duration() {
            return ordinal() >= FIRST_REPLY.ordinal() && ordinal() <= REQUESTER_WAIT_BUSINESS.ordinal();
        }
    }

    /**
     * How a file's header was read: which column fed each field, the unit of each duration
     * column, and the rules that follow from the columns present.
     *
     * @param header the file's column names
     * @param columns field key to header name, for the fields found
     * @param units field key to unit ({@code seconds}, {@code minutes}, {@code hours}) for the
     *     duration columns found
     * @param solvedRule how solved tickets are recognised, in words
     * @param firstContactRule the FCR rule the columns allow: {@link FirstContactRule#ZERO_REOPENS}
     *     with a reopens column, else {@link FirstContactRule#ONE_CONTACT} with a contacts column,
     *     else empty (FCR cannot be measured)
     */
    public record TicketColumns(List<String> header, Map<String, String> columns, Map<String, String> units, String solvedRule,
            Optional<FirstContactRule> firstContactRule) {
        /**
         * Copies the lists and maps.
         *
         * @param header header
         * @param columns columns
         * @param units units
         * @param solvedRule solved rule
         * @param firstContactRule FCR rule
         */
        public TicketColumns {
            header = List.copyOf(Check.notNull(header, "header"));
            columns = Map.copyOf(Check.notNull(columns, "columns"));
            units = Map.copyOf(Check.notNull(units, "units"));
            Check.notNull(solvedRule, "solvedRule");
            Check.notNull(firstContactRule, "firstContactRule");
        }
    }

    private static final List<EventColumns.Spec> SPECS;
    private static final List<String> EVENT_TYPE_NAMES = List.of("eventtype", "event", "type", "action");

    static {
        List<EventColumns.Spec> s = new ArrayList<>();
        for (Field f : Field.values()) {
            s.add(new EventColumns.Spec(f.key(), f.names, f == Field.TICKET));
        }
        SPECS = List.copyOf(s);
    }

    private final Map<String, String> explicit;
    private final List<String> attributes;
    private final ChronoUnit unit;
    private final java.time.ZoneId zone;
    private final ErrorPolicy errors;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    private TicketRecordReader(Builder b) {
        this.explicit = Map.copyOf(b.explicit);
        this.attributes = List.copyOf(b.attributes);
        this.unit = b.unit;
        this.zone = b.zone;
        this.errors = b.errors;
        this.format = b.format;
        this.sourceOptions = b.source();
    }

    /**
     * A builder: columns by name, units from the column names, UTC, {@link ErrorPolicy#FAIL}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a header looks like a ticket-level export rather than a ticket-event log: it has a
     * known ticket-duration column and no event-type column ({@code event_type}, {@code event},
     * {@code type}, {@code action}).
     *
     * @param header the column names
     * @return true for a ticket export
     */
    public static boolean isTicketExport(List<String> header) {
        Check.notNull(header, "header");
        boolean duration = false;
        for (String h : header) {
            String n = ColumnMapping.normalize(h);
            if (EVENT_TYPE_NAMES.contains(n)) {
                return false;
            }
            for (Field f : Field.values()) {
                duration |= f.duration() && f.names.contains(n);
            }
        }
        return duration;
    }

    /**
     * Reads only the header of a file and tells whether it is a ticket-level export
     * ({@link #isTicketExport(List)}).
     *
     * @param file the file
     * @param format its format, or null for the file name's
     * @return true for a ticket export
     * @throws BadInputException if the file cannot be read
     */
    public static boolean isTicketExport(Path file, InputFormat format) {
        return EventFiles.read(file, format, (in, source, f) -> {
            try (RowSource rows = SourceOptions.DEFAULT.open(in, source, f)) {
                return isTicketExport(rows.columns());
            }
        });
    }

    /**
     * Reads only the header of a file and says how it would be read.
     *
     * @param file the file
     * @return the columns, units and rules
     * @throws BadInputException if a needed column is missing or a unit is unknown
     */
    public TicketColumns describe(Path file) {
        return EventFiles.read(file, format, (in, source, f) -> {
            try (RowSource rows = open(in, source, f)) {
                return new Layout(rows, source).describe();
            }
        });
    }

    /**
     * Reads a file, handing each ticket to {@code sink} in file order.
     *
     * @param file the file; the format comes from the builder or the file name
     * @param sink receives each ticket
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(Path file, Consumer<? super TicketRecord> sink) {
        Check.notNull(sink, "sink");
        return readWithAttributes(file, (t, a) -> sink.accept(t));
    }

    /**
     * Reads a file, handing each ticket with the values of the {@link Builder#attributes attribute
     * columns} (attribute name to value, empty when blank) to {@code sink}.
     *
     * @param file the file
     * @param sink receives each ticket and its attributes
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary readWithAttributes(Path file,
            BiConsumer<? super TicketRecord, Map<String, String>> sink) {
        Check.notNull(sink, "sink");
        return EventFiles.read(file, format, (in, source, f) -> readWithAttributes(in, source, f, sink));
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes (UTF-8)
     * @param source the name used in messages
     * @param format the format
     * @param sink receives each ticket and its attributes
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary readWithAttributes(InputStream in, String source, InputFormat format,
            BiConsumer<? super TicketRecord, Map<String, String>> sink) {
        Check.notNull(in, "in");
        Check.notNull(sink, "sink");
        try (RowSource rows = open(in, source, Check.notNull(format, "format"))) {
            Layout layout = new Layout(rows, source);
            Timestamps ts = sourceOptions.timestamps(zone);
            Map<String, String> used = new LinkedHashMap<>(layout.cols.used);
            for (int i = 0; i < attributes.size(); i++) {
                used.put("attribute:" + attributes.get(i), layout.selected.get(layout.attr[i]));
            }
            return EventFiles.loop(rows, source, layout.selected, used, errors, cells -> {
                TicketRecord t = layout.record(rows, ts);
                Map<String, String> attrs = attributes.isEmpty() ? Map.of() : new LinkedHashMap<>();
                for (int i = 0; i < attributes.size(); i++) {
                    attrs.put(attributes.get(i), rows.value(layout.attr[i]));
                }
                sink.accept(t, attrs);
            });
        }
    }

    private RowSource open(InputStream in, String source, InputFormat format) {
        return sourceOptions.open(in, source, format);
    }

    /** The resolved columns of one file and the row parser over them. */
    private final class Layout {
        final EventColumns cols;
        final List<String> selected;
        final int[] attr = new int[attributes.size()];
        final double[] toSeconds = new double[Field.values().length];
        final String solvedRule;
        final List<String> header;
        /** Ticket id to the line it was first read on: a ticket counted twice would be silently wrong. */
        private final Map<String, Long> seen = new java.util.HashMap<>();

        Layout(RowSource rows, String source) {
            header = List.copyOf(rows.columns());
            cols = new EventColumns(rows, source, SPECS, explicit, List.of(), "ticket export");
            boolean anyDuration = false;
            for (Field f : Field.values()) {
                String header = cols.used.get(f.key());
                if (!f.duration() || header == null) {
                    continue;
                }
                anyDuration = true;
                ChronoUnit u = unitOf(header);
                if (u == null) {
                    u = unit;
                }
                if (u == null) {
                    throw BadInputException.file(source, 1, "unknown unit", "column '" + header + "' ("
                            + f.key() + "): its name does not say the unit of its durations (minutes, hours,"
                            + " seconds); give it with the duration unit option");
                }
                toSeconds[f.ordinal()] = u.getDuration().toMillis() / 1000.0;
            }
            if (!anyDuration) {
                throw BadInputException.file(source, 1, "missing column", "a ticket export needs at least one"
                        + " duration column (first reply, full resolution or requester wait, e.g. 'First reply"
                        + " time in minutes' or 'resolution_hours'); columns are: "
                        + String.join(", ", rows.columns()));
            }
            if (has(Field.STATUS)) {
                solvedRule = "'" + cols.used.get(Field.STATUS.key()) + "' is solved or closed";
            } else if (has(Field.SOLVED_AT)) {
                solvedRule = "'" + cols.used.get(Field.SOLVED_AT.key()) + "' is not empty";
            } else if (has(Field.FULL_RESOLUTION) || has(Field.FULL_RESOLUTION_BUSINESS)) {
                solvedRule = "'" + cols.used.get(has(Field.FULL_RESOLUTION) ? Field.FULL_RESOLUTION.key()
                        : Field.FULL_RESOLUTION_BUSINESS.key()) + "' is not empty";
            } else {
                throw BadInputException.file(source, 1, "missing column", "a ticket export needs a status, a"
                        + " solved time or a full resolution time column to tell which tickets are solved;"
                        + " columns are: " + String.join(", ", rows.columns()));
            }
            selected = new ArrayList<>(cols.selected);
            List<String> names = new ArrayList<>(header);
            boolean json = rows instanceof JsonSource;
            for (int i = 0; i < attributes.size(); i++) {
                String a = attributes.get(i);
                int h = ColumnMapping.find(names, a);
                if (h < 0 && !json) {
                    throw ColumnMapping.missing(source, "attribute", a, names);
                }
                String name = h < 0 ? a : names.get(h);
                int s = selected.indexOf(name);
                if (s < 0) {
                    selected.add(name);
                    s = selected.size() - 1;
                }
                attr[i] = s;
            }
            rows.select(selected);
        }

        boolean has(Field f) {
            return cols.index[f.ordinal()] >= 0;
        }

        TicketColumns describe() {
            Map<String, String> units = new LinkedHashMap<>();
            for (Field f : Field.values()) {
                if (f.duration() && has(f)) {
                    double s = toSeconds[f.ordinal()];
                    units.put(f.key(), s == 1 ? "seconds" : s == 60 ? "minutes" : s == 3600 ? "hours"
                            : s + " seconds");
                }
            }
            Optional<FirstContactRule> rule = has(Field.REOPENS) ? Optional.of(FirstContactRule.ZERO_REOPENS)
                    : has(Field.CONTACTS) ? Optional.of(FirstContactRule.ONE_CONTACT) : Optional.empty();
            return new TicketColumns(header, cols.used, units, solvedRule, rule);
        }

        TicketRecord record(RowSource rows, Timestamps ts) {
            String id = EventFiles.required(rows, col(Field.TICKET), "ticket id");
            Instant created = time(rows, Field.CREATED, ts);
            Instant solvedAt = time(rows, Field.SOLVED_AT, ts);
            if (created != null && solvedAt != null && solvedAt.isBefore(created)) {
                int c = col(Field.SOLVED_AT);
                throw new EventFiles.BadValue(c, rows.value(c), "solved before created", "the ticket is solved at "
                        + solvedAt + ", before it was created at " + created);
            }
            TicketTimes elapsed = times(rows, Field.FIRST_REPLY, Field.FULL_RESOLUTION, Field.REQUESTER_WAIT);
            TicketTimes business = times(rows, Field.FIRST_REPLY_BUSINESS, Field.FULL_RESOLUTION_BUSINESS,
                    Field.REQUESTER_WAIT_BUSINESS);
            boolean solved;
            if (has(Field.STATUS)) {
                solved = solvedStatus(rows, col(Field.STATUS));
            } else if (has(Field.SOLVED_AT)) {
                solved = solvedAt != null;
            } else {
                solved = !Double.isNaN(has(Field.FULL_RESOLUTION) ? elapsed.fullResolutionSeconds()
                        : business.fullResolutionSeconds());
            }
            String ch = EventFiles.optional(rows, col(Field.CHANNEL));
            String team = EventFiles.optional(rows, col(Field.TEAM));
            TicketSatisfaction sat = satisfaction(rows);
            int reopens = count(rows, Field.REOPENS);
            int replies = count(rows, Field.REPLIES);
            int contacts = count(rows, Field.CONTACTS);
            // only a row that is counted claims its id (a rejected row may be corrected further down)
            Long first = seen.putIfAbsent(id, rows.line());
            if (first != null) {
                throw new EventFiles.BadValue(col(Field.TICKET), id, "duplicate ticket id", "ticket " + id
                        + " was already read on line " + first + "; a ticket export has one row per ticket");
            }
            return new TicketRecord(id, solved, Optional.ofNullable(created), Optional.ofNullable(ch).map(Channel::of),
                    Optional.ofNullable(team), elapsed, business, reopens, replies, contacts, sat);
        }

        private int col(Field f) {
            return cols.index[f.ordinal()];
        }

        private Instant time(RowSource rows, Field f, Timestamps ts) {
            int c = col(f);
            return c < 0 || rows.value(c).isEmpty() ? null : EventFiles.time(rows, c, ts);
        }

        private TicketTimes times(RowSource rows, Field firstReply, Field resolution, Field wait) {
            if (!has(firstReply) && !has(resolution) && !has(wait)) {
                return TicketTimes.none();
            }
            return new TicketTimes(seconds(rows, firstReply), seconds(rows, resolution), seconds(rows, wait));
        }

        private double seconds(RowSource rows, Field f) {
            int c = col(f);
            if (c < 0) {
                return Double.NaN;
            }
            String v = rows.value(c).strip();
            if (v.isEmpty()) {
                return Double.NaN;
            }
            double d = number(v);
            if (Double.isNaN(d)) {
                throw new EventFiles.BadValue(c, v, "unparseable duration", f.key() + " must be a duration >= 0"
                        + " written as a number (e.g. 12 or 1.5), or empty");
            }
            if (d < 0) {
                throw new EventFiles.BadValue(c, v, "negative duration", f.key() + " must be >= 0: " + v);
            }
            return d * toSeconds[f.ordinal()];
        }

        private int count(RowSource rows, Field f) {
            int c = col(f);
            if (c < 0 || rows.value(c).isBlank()) {
                return -1;
            }
            String v = rows.value(c).strip();
            int n = 0;
            boolean ok = v.length() <= 9;
            for (int i = 0; ok && i < v.length(); i++) {
                char ch = v.charAt(i);
                ok = ch >= '0' && ch <= '9';
                n = n * 10 + (ch - '0');
            }
            if (!ok) {
                throw new EventFiles.BadValue(c, v, "bad count", f.key() + " must be a whole number >= 0, or empty");
            }
            return n;
        }

        private TicketSatisfaction satisfaction(RowSource rows) {
            int c = col(Field.SATISFACTION);
            if (c < 0) {
                return TicketSatisfaction.NONE;
            }
            String v = rows.value(c);
            switch (ColumnMapping.normalize(v)) {
                case "" -> {
                    return TicketSatisfaction.NONE;
                }
                case "good" -> {
                    return TicketSatisfaction.GOOD;
                }
                case "bad" -> {
                    return TicketSatisfaction.BAD;
                }
                case "offered" -> {
                    return TicketSatisfaction.OFFERED;
                }
                case "unoffered", "notoffered" -> {
                    return TicketSatisfaction.UNOFFERED;
                }
                default -> throw new EventFiles.BadValue(c, v, "unknown satisfaction", "satisfaction must be Good,"
                        + " Bad, Offered, Unoffered (or Not Offered), or empty");
            }
        }
    }

    private static boolean solvedStatus(RowSource rows, int c) {
        String v = rows.value(c);
        switch (ColumnMapping.normalize(v)) {
            case "solved", "closed" -> {
                return true;
            }
            case "new", "open", "pending", "hold", "onhold" -> {
                return false;
            }
            default -> throw new EventFiles.BadValue(c, v, "unknown status", "status must be one of new, open,"
                    + " pending, hold, solved, closed");
        }
    }

    /** A plain decimal number ({@code 12}, {@code -3}, {@code 1.5}); NaN for anything else. */
    private static double number(String v) {
        int i = v.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (int k = i; k < v.length(); k++) {
            char ch = v.charAt(k);
            if (ch >= '0' && ch <= '9') {
                digits++;
            } else if (ch == '.' && !dot && digits > 0 && k + 1 < v.length()) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        return digits == 0 ? Double.NaN : Double.parseDouble(v);
    }

    /** The unit a duration column's name states, or null. */
    static ChronoUnit unitOf(String header) {
        String n = ColumnMapping.normalize(header);
        String raw = header.strip().toLowerCase(Locale.ROOT);
        if (n.contains("inminutes") || n.endsWith("minutes") || n.endsWith("min") || n.endsWith("mins")) {
            return ChronoUnit.MINUTES;
        }
        if (n.contains("inhours") || n.endsWith("hours") || n.endsWith("hrs") || raw.endsWith("_h")) {
            return ChronoUnit.HOURS;
        }
        if (n.contains("inseconds") || n.endsWith("seconds") || n.endsWith("secs") || n.endsWith("sec")
                || raw.endsWith("_s")) {
            return ChronoUnit.SECONDS;
        }
        return null;
    }

    /** Options of a {@link TicketRecordReader}. */
    public static final class Builder extends EventReaderOptions<Builder> {
        private List<String> attributes = List.of();
        private ChronoUnit unit;

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
         * The unit of duration columns whose name does not state one (default: none, then such a
         * column is an error). Names that state a unit keep it.
         *
         * @param unit {@link ChronoUnit#SECONDS}, {@link ChronoUnit#MINUTES} or {@link ChronoUnit#HOURS}
         * @return this builder
         * @throws IllegalArgumentException for another unit
         */
        public Builder durationUnit(ChronoUnit unit) {
            Check.notNull(unit, "unit");
            if (unit != ChronoUnit.SECONDS && unit != ChronoUnit.MINUTES && unit != ChronoUnit.HOURS) {
                throw new IllegalArgumentException("duration unit must be seconds, minutes or hours: " + unit);
            }
            this.unit = unit;
            return this;
        }

        /**
         * Extra columns whose values are handed to {@link #readWithAttributes} (e.g. a segment such
         * as {@code Assignee}); a column may also feed a field.
         *
         * @param columns the header names
         * @return this builder
         */
        public Builder attributes(String... columns) {
            List<String> a = new ArrayList<>();
            for (String c : Check.notNull(columns, "columns")) {
                a.add(columnName("attribute", c));
            }
            this.attributes = List.copyOf(a);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public TicketRecordReader build() {
            return new TicketRecordReader(this);
        }
    }
}
