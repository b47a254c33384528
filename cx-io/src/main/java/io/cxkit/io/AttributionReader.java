package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.attribution.AttributionAccumulator;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads touchpoint events for attribution (CSV, NDJSON, JSON; one row per event: customer, time,
 * touchpoint, whether it converted, and optionally the conversion value) into an
 * {@link EventLog.Builder}: one append per row, no object per event, and past the builder's memory
 * budget the log spills to disk, so a file of any size is read in bounded heap. The log's
 * journeys under {@link #JOURNEYS} are then fed to an {@link AttributionAccumulator}, e.g. with
 * {@link EventLog#scan} on several threads:
 *
 * <pre>{@code
 * try (EventLog.Builder b = EventLog.builder().memoryBudget(256L << 20)) {
 *     ReadSummary s = AttributionReader.builder().converted("outcome=renewed").build()
 *         .readInto(Path.of("interactions.csv"), b);
 *     try (EventLog log = b.build()) {
 *         AttributionAccumulator acc = log.scan(AttributionReader.JOURNEYS, 2,
 *             () -> AttributionAccumulator.of(1, Duration.ofDays(7)),
 *             (a, j) -> a.accept(j, AttributionReader.CONVERSIONS), AttributionAccumulator::combine);
 *     }
 * }
 * }</pre>
 *
 * <p>This reader is not {@link JourneyEventReader}: attribution files need no channel column, and
 * their converted and value columns have rules of their own (below), checked row by row under the
 * {@link ErrorPolicy}. In the log, a converting row has the outcome {@value #CONVERSION} and its
 * value (none when empty); every other row has neither; every row has the channel {@code none}.
 *
 * <p><b>Journeys.</b> A customer's events are ordered by time (to the nanosecond; events at the
 * same time keep their file order). {@link #JOURNEYS} ends a journey after each converting event:
 * the journey is the touchpoints since the customer's previous conversion (or first event) up to
 * and including the converting one, with value = that event's value. Events after a customer's
 * last conversion form one non-converting journey. So the journeys' conversions are exactly the
 * file's converting rows and their total value is exactly the sum of {@code value} over them.
 * Journeys come by customer id (sorted as strings), in time order within a customer.
 *
 * <p><b>Columns</b> (names case- and space-insensitive): customer ({@code customer_id},
 * {@code customer}, {@code user_id}, ... as {@link JourneyEventReader.Field#CUSTOMER}), time
 * ({@code timestamp}, {@code time}, ... parsed as by {@link SurveyReader}, in the zone for times
 * without offset), touchpoint ({@code touchpoint}, {@code event}, {@code step}, ...), converted
 * (default column {@code converted}: {@code 1}/{@code 0}, {@code true}/{@code false} in any case,
 * empty = not converted; or {@code COL=VALUE}: converted when the column equals VALUE) and value
 * (default column {@code value}, optional: a number {@code >= 0} on converting rows, empty = 0;
 * it must be empty or 0 on other rows). A touchpoint must not be one of the names the Markov chain
 * reserves ({@code (start)}, {@code (conversion)}, {@code (null)}). Bad rows follow the
 * {@link ErrorPolicy}; file problems always fail, as does {@code COL=VALUE} that matches no row.
 *
 * <p>(This reader used to hand {@code AttributionJourney} objects to a consumer, holding every
 * event in memory; that {@code read} method and its {@code Summary} are gone: scan the log as
 * above, or, for objects,
 * {@link io.cxkit.journey.attribution.AttributionJourney#of(io.cxkit.journey.CustomerJourney, Set)}
 * over {@code log.journeys(JOURNEYS)}.)
 */
public final class AttributionReader {
    /** The outcome a converting row has in the log: {@value}. */
    public static final String CONVERSION = "converted";
    /** The outcomes that convert, for {@code AttributionAccumulator.accept(journey, CONVERSIONS)}. */
    public static final Set<String> CONVERSIONS = Set.of(CONVERSION);
    /** How the log is cut into attribution journeys: per customer, ending after each conversion. */
    public static final JourneyBuilder JOURNEYS = JourneyBuilder.create().splitOnOutcome(CONVERSIONS);
    private static final Channel NO_CHANNEL = Channel.of("none");
    private static final String CONVERTED_RULE = "converted must be 1/0 or true/false (empty = not converted); for"
            + " another coding name the value, e.g. outcome=purchased";

    private final String customer;
    private final String time;
    private final String touchpoint;
    private final String convertedColumn;
    private final String convertedValue;
    private final String value;
    private final boolean valueExplicit;
    private final ZoneId zone;
    private final ErrorPolicy errors;
    private final int maxTouchpoints;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    private AttributionReader(Builder b) {
        this.customer = b.customer;
        this.time = b.time;
        this.touchpoint = b.touchpoint;
        int eq = b.converted.indexOf('=');
        this.convertedColumn = eq < 0 ? b.converted : b.converted.substring(0, eq).strip();
        this.convertedValue = eq < 0 ? null : b.converted.substring(eq + 1).strip();
        if (convertedColumn.isEmpty() || (convertedValue != null && convertedValue.isEmpty())) {
            throw new IllegalArgumentException("converted must be COL or COL=VALUE: '" + b.converted + "'");
        }
        this.value = b.value == null ? "value" : b.value;
        this.valueExplicit = b.value != null;
        this.zone = b.zone;
        this.maxTouchpoints = b.maxTouchpoints;
        this.errors = b.errors;
        this.format = b.format;
        this.sourceOptions = b.source();
    }

    /**
     * A builder: columns found by name, converted column {@code converted}, optional value column
     * {@code value}, UTC, FAIL on bad rows.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file into an event log builder, one append per accepted row.
     *
     * @param file the file; the format comes from the builder or the file name
     * @param log receives each accepted event
     * @return what was read: rows, accepted and rejected rows, and the header name used per field
     *     ({@code customer}, {@code time}, {@code touchpoint}, {@code converted}, {@code value})
     * @throws BadInputException for bad input
     */
    public ReadSummary readInto(Path file, EventLog.Builder log) {
        Check.notNull(log, "log");
        return EventFiles.read(file, format, (in, source, f) -> readInto(in, source, f, log));
    }

    /**
     * Reads a stream (not closed) into an event log builder, as {@link #readInto(Path, EventLog.Builder)}.
     *
     * @param in the bytes
     * @param source the name used in messages
     * @param format the format
     * @param log receives each accepted event
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary readInto(InputStream in, String source, InputFormat format, EventLog.Builder log) {
        Check.notNull(in, "in");
        Check.notNull(log, "log");
        try (RowSource rows = sourceOptions.open(in, source, Check.notNull(format, "format"))) {
            return run(rows, source, log);
        }
    }

    private ReadSummary run(RowSource rows, String source, EventLog.Builder log) {
        List<String> header = new ArrayList<>(rows.columns());
        boolean json = rows instanceof JsonSource;
        List<String> selected = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        selected.add(find(header, customer, JourneyEventReader.Field.CUSTOMER, "customer", source, json));
        selected.add(find(header, time, JourneyEventReader.Field.TIME, "time", source, json));
        selected.add(find(header, touchpoint, JourneyEventReader.Field.TOUCHPOINT, "touchpoint", source, json));
        selected.add(SurvivalReader.column(header, convertedColumn, "converted", source, json));
        int v = ColumnMapping.find(header, value);
        if (v >= 0 || valueExplicit) {
            selected.add(SurvivalReader.column(header, value, "value", source, json));
        }
        String[] names = {"customer", "time", "touchpoint", "converted", "value"};
        for (int i = 0; i < selected.size(); i++) {
            used.put(names[i], selected.get(i));
        }
        boolean hasValue = selected.size() == 5;
        rows.select(selected);
        Timestamps ts = sourceOptions.timestamps(zone);
        DistinctValues touchpoints = new DistinctValues(ReadLimit.TOUCHPOINTS, maxTouchpoints, "touchpoints");
        Set<String> seen = new TreeSet<>();
        long[] conversions = new long[1];
        ReadSummary read = EventFiles.loop(rows, source, selected, used, errors, cells -> {
            String customerId = cells.get(0);
            if (customerId.isEmpty()) {
                throw new EventFiles.Rule("empty customer id", "customer id is empty");
            }
            long t;
            try {
                t = ts.epochNanos(cells.get(1)); // keeps the fraction of a second
            } catch (IllegalArgumentException e) {
                throw new EventFiles.Rule("unparseable time", e.getMessage());
            } catch (ArithmeticException e) {
                throw new EventFiles.Rule("time out of range", "time must lie between 1677-09-22 and 2262-04-11"
                        + " to be held in an event log");
            }
            String touch = cells.get(2);
            checkTouchpoint(touch);
            boolean conv = converted(cells.get(3));
            if (convertedValue != null && seen.size() < 20) {
                seen.add(cells.get(3));
            }
            double val = hasValue ? value(cells.get(4), conv) : Double.NaN;
            touchpoints.add(touch, source, rows.line());
            log.add(customerId, t, touch, NO_CHANNEL, null, conv ? CONVERSION : null, conv ? val : Double.NaN,
                    null);
            conversions[0] += conv ? 1 : 0;
        });
        if (convertedValue != null && read.accepted() > 0 && conversions[0] == 0) {
            throw BadInputException.file(source, 0, "no conversions", "converted '" + convertedColumn + "="
                    + convertedValue + "' matches no row; values of '" + convertedColumn + "' seen: "
                    + String.join(", ", seen.stream().map(s -> "'" + s + "'").toList())
                    + (seen.size() == 20 ? ", ..." : ""));
        }
        return read;
    }

    private static String find(List<String> header, String explicit, JourneyEventReader.Field field, String what,
            String source, boolean json) {
        if (explicit != null) {
            return SurvivalReader.column(header, explicit, what, source, json);
        }
        for (String known : field.knownNames()) {
            for (String h : header) {
                if (ColumnMapping.normalize(h).equals(known)) {
                    return h;
                }
            }
        }
        throw BadInputException.file(source, 1, "missing column", "required column for the " + what
                + " is not in the header (expected one of " + String.join(", ", field.knownNames())
                + "); columns are: " + String.join(", ", header));
    }

    private static final Set<String> RESERVED = Set.of(AttributionAccumulator.START, AttributionAccumulator.CONVERSION,
            AttributionAccumulator.NULL);

    private static void checkTouchpoint(String s) {
        if (s.isEmpty()) {
            throw new EventFiles.Rule("empty touchpoint", "touchpoint is empty");
        }
        if (RESERVED.contains(s) || s.indexOf('\u001f') >= 0) {
            throw new EventFiles.Rule("bad touchpoint",
                    "touchpoint must be a name other than (start), (conversion) and (null), without U+001F");
        }
    }

    private boolean converted(String s) {
        if (convertedValue != null) {
            return s.equals(convertedValue);
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
                return true;
            case "":
            case "0":
            case "false":
                return false;
            default:
                throw new EventFiles.Rule("bad converted", CONVERTED_RULE);
        }
    }

    /** The value of a row, NaN when empty. */
    private static double value(String s, boolean converted) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Cells.parseNumber(s);
        } catch (NumberFormatException e) {
            throw new EventFiles.Rule("bad value", "conversion value must be a number");
        }
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new EventFiles.Rule("bad value", "conversion value must be finite and >= 0: " + s);
        }
        if (!converted && v != 0) {
            throw new EventFiles.Rule("value without conversion",
                    "conversion value must be empty or 0 on a row that did not convert: " + s);
        }
        return v;
    }

    /** Options of an {@link AttributionReader}. */
    public static final class Builder extends JourneyReaderOptions<Builder> {
        private String customer;
        private String time;
        private String touchpoint;
        private String converted = "converted";
        private String value;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The customer column (default: found by name).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder customer(String column) {
            this.customer = columnName("customer", column);
            return this;
        }

        /**
         * The time column (default: found by name).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder time(String column) {
            this.time = columnName("time", column);
            return this;
        }

        /**
         * The touchpoint column (default: found by name).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder touchpoint(String column) {
            this.touchpoint = columnName("touchpoint", column);
            return this;
        }

        /**
         * The converted column, {@code COL} (1/0, true/false, empty) or {@code COL=VALUE}
         * (default {@code converted}).
         *
         * @param spec the column, optionally with the value that marks a conversion
         * @return this builder
         */
        public Builder converted(String spec) {
            this.converted = columnName("converted", spec);
            return this;
        }

        /**
         * The value column (default {@code value} if the file has it; named explicitly it is required).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder value(String column) {
            this.value = columnName("value", column);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalArgumentException if the converted spec is malformed
         */
        public AttributionReader build() {
            return new AttributionReader(this);
        }
    }
}
