package io.cxkit.spark;

import io.cxkit.core.Channel;
import io.cxkit.core.InvalidInputException;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.LogJourney;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.paths.PathVariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * What one Spark task does for {@link CxJourneys}: append its events (all events of its customers,
 * in input order) into an {@link EventLog}, cut them into journeys by the rules and count them with
 * the library's accumulator over the log — the code path of {@code cx funnel} and {@code cx paths}
 * — and hand back the accumulator's encoding, one per segment for a funnel by segment. The rules and
 * the accumulator's configuration travel as plain values (the rules' settings, an empty
 * accumulator's encoding), since neither is {@code Serializable}.
 *
 * <p>Rows arrive in the fixed shape {@link CxJourneys} selects: customer, time, touchpoint, channel,
 * outcome, value, case id, segment (the optional ones null when not read).
 */
final class JourneyPartition implements MapPartitionsFunction<Row, Tuple2<String, byte[]>> {
    private static final long serialVersionUID = 1L;
    /** The segment of journeys whose first event has none, as {@code cx funnel --by} names it. */
    static final String NO_SEGMENT = "(none)";

    /** What is counted. */
    enum Analysis {
        /** {@link FunnelAccumulator}. */
        FUNNEL,
        /** One {@link FunnelAccumulator} per segment. */
        FUNNEL_BY_SEGMENT,
        /** {@link PathVariants}. */
        PATH_VARIANTS,
        /** {@link AttributionAccumulator}. */
        ATTRIBUTION
    }

    private final Analysis analysis;
    private final String method;
    private final String[] columns;
    private final byte[] template;
    private final Duration gap;
    private final boolean anyOutcome;
    private final String[] endingOutcomes;
    private final boolean byCase;
    private final String[] conversions;

    JourneyPartition(Analysis analysis, String method, JourneyColumns columns, JourneyBuilder rules, byte[] template,
            Set<String> conversions) {
        this.analysis = analysis;
        this.method = method;
        List<String> names = new ArrayList<>();
        for (String[] role : columns.roles()) {
            names.add(role[1]);
        }
        this.columns = names.toArray(new String[0]);
        this.template = template;
        this.gap = rules.inactivityGap().orElse(null);
        this.anyOutcome = rules.endsOnAnyOutcome();
        this.endingOutcomes = rules.endingOutcomes().toArray(new String[0]);
        this.byCase = rules.groupsByCase();
        this.conversions = conversions.toArray(new String[0]);
    }

    /** The journey rules, rebuilt from their settings. */
    JourneyBuilder rules() {
        JourneyBuilder b = JourneyBuilder.create();
        if (gap != null) {
            b = b.splitOnInactivity(gap);
        }
        if (anyOutcome) {
            b = b.splitOnOutcome();
        } else if (endingOutcomes.length > 0) {
            b = b.splitOnOutcome(Set.of(endingOutcomes));
        }
        return byCase ? b.byCase() : b;
    }

    @Override
    public Iterator<Tuple2<String, byte[]>> call(Iterator<Row> rows) {
        List<Tuple2<String, byte[]>> out = new ArrayList<>();
        if (!rows.hasNext()) {
            return out.iterator();
        }
        long budget = Math.max(1L << 24, Runtime.getRuntime().maxMemory()
                / (4L * Runtime.getRuntime().availableProcessors()));
        try (EventLog.Builder events = EventLog.builder().memoryBudget(budget)) {
            while (rows.hasNext()) {
                append(events, rows.next());
            }
            try (EventLog log = events.build()) {
                count(log, out);
            }
        }
        return out.iterator();
    }

    private void append(EventLog.Builder events, Row row) {
        String customer = required(row, 0);
        Object t = row.get(1);
        if (t == null) {
            throw new InvalidInputException(method + ": the " + columns[1] + " column (time) is null in an event"
                    + " of customer '" + customer + "': every event needs a time");
        }
        Instant time = t instanceof Instant i ? i : ((java.sql.Timestamp) t).toInstant();
        String touchpoint = required(row, 2);
        String channel = required(row, 3);
        double value = row.isNullAt(5) ? Double.NaN : row.getDouble(5);
        long nanos;
        try {
            nanos = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
        } catch (ArithmeticException e) {
            throw new InvalidInputException(method + ": the " + columns[1] + " column (time) of an event of customer '"
                    + customer + "' must lie between 1677-09-22 and 2262-04-11 to be held in an event log: " + time, e);
        }
        try {
            events.add(customer, nanos, touchpoint, Channel.of(channel), null, optional(row, 4), value,
                    optional(row, 6), optional(row, 7));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(method + ": bad event of customer '" + customer + "' at " + time + ": "
                    + e.getMessage(), e);
        }
    }

    private String required(Row row, int i) {
        if (row.isNullAt(i)) {
            String role = i == 0 ? "customer" : i == 2 ? "touchpoint" : "channel";
            throw new InvalidInputException(method + ": the " + columns[i] + " column (" + role + ") is null in an"
                    + " event" + (i == 0 ? "" : " of customer '" + row.getString(0) + "'") + ": every event needs a "
                    + role);
        }
        return row.getString(i);
    }

    private static String optional(Row row, int i) {
        if (row.isNullAt(i)) {
            return null;
        }
        String s = row.getString(i);
        return s.isBlank() ? null : s;
    }

    private void count(EventLog log, List<Tuple2<String, byte[]>> out) {
        JourneyBuilder rules = rules();
        switch (analysis) {
            case FUNNEL -> {
                FunnelAccumulator empty = FunnelAccumulator.decode(template);
                out.add(new Tuple2<>("", log.scan(rules, 1, empty::emptyCopy, FunnelAccumulator::accept,
                        FunnelAccumulator::combine).encode()));
            }
            case FUNNEL_BY_SEGMENT -> {
                FunnelAccumulator empty = FunnelAccumulator.decode(template);
                Map<String, FunnelAccumulator> bySegment = new TreeMap<>();
                FunnelAccumulator[] byId = new FunnelAccumulator[log.segments().size() + 1];
                log.forEachJourney(rules, j -> {
                    int id = j.segment() == LogJourney.NONE ? byId.length - 1 : j.segment();
                    if (byId[id] == null) {
                        String name = id == byId.length - 1 ? NO_SEGMENT : log.segments().name(id);
                        byId[id] = bySegment.computeIfAbsent(name, k -> empty.emptyCopy());
                    }
                    byId[id].accept(j);
                });
                bySegment.forEach((name, acc) -> out.add(new Tuple2<>(name, acc.encode())));
            }
            case PATH_VARIANTS -> out.add(new Tuple2<>("", PathVariants.decode(template).acceptAll(log, rules).encode()));
            case ATTRIBUTION -> {
                AttributionAccumulator empty = AttributionAccumulator.decode(template);
                Set<String> converting = Set.of(conversions);
                out.add(new Tuple2<>("", log.scan(rules, 1, empty::emptyCopy, (a, j) -> a.accept(j, converting),
                        AttributionAccumulator::combine).encode()));
            }
        }
    }
}
