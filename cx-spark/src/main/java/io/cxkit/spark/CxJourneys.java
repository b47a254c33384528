package io.cxkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionResult;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStep;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.PathVariantsResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Funnels, path variants and Markov attribution over an event DataFrame, with the local journey
 * engine's semantics and numbers: per customer, events sorted by (time, input order) and cut into
 * journeys by a {@link JourneyBuilder}'s rules (inactivity gap, ending outcome, case id), then counted
 * by the library's mergeable accumulators.
 *
 * <pre>{@code
 * Funnel funnel = Funnel.builder().steps("home", "product", "cart", "checkout").build();
 * JourneyBuilder rules = JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30));
 * FunnelResult r = CxJourneys.funnel(events, JourneyColumns.create(), rules, funnel);
 * }</pre>
 *
 * <p><b>How it runs.</b> The input order is captured first ({@code monotonically_increasing_id},
 * before any shuffle), then the events are repartitioned by customer, so each task holds all events
 * of its customers. Each task appends them in input order into an {@link io.cxkit.journey.EventLog},
 * which sorts each customer's events stably by time, cuts the journeys and counts them with the
 * accumulator, as {@code cx funnel} does with a file; the task hands back the accumulator's
 * versioned encoding, and the driver decodes (which validates) and combines the partial
 * accumulators. The result equals the local library's on the same rows in the same order (counts
 * exactly; the sums of attribution's heuristic models to rounding). A task's events spill to its
 * temp directory past a quarter of its share of the executor heap.
 *
 * <p><b>Input order</b> is the order of the DataFrame as given: it decides between events of one
 * customer with equal timestamps, as the input order of a file does locally. A DataFrame read from
 * files keeps the files' order; one that was shuffled ({@code repartition}, a join) has the order the
 * shuffle produced, which Spark does not fix: sort it, or make timestamps distinct, where ties
 * matter.
 *
 * <p><b>Columns</b> ({@link JourneyColumns}): the customer (a string or an integer), time (a
 * {@code TIMESTAMP}), touchpoint and channel are required in every event: a null fails the job naming
 * the column. Outcome, case id and segment are optional strings, a null or blank value being none;
 * the value is optional and numeric, null being none. A column that is missing or of the wrong type
 * fails before any job runs, naming the column.
 *
 * <p>An empty DataFrame gives the accumulator's empty result ({@code journeys() == 0}), as the local
 * library does.
 */
public final class CxJourneys {
    private static final String ORDER = "__cx_input_order";
    private static final String[] SELECTED = {"__cx_customer", "__cx_time", "__cx_touchpoint", "__cx_channel",
        "__cx_outcome", "__cx_value", "__cx_case", "__cx_segment"};

    private CxJourneys() {
    }

    /**
     * The funnel over every journey of the events; {@link Funnel#run(io.cxkit.journey.EventLog,
     * JourneyBuilder)} on one machine.
     *
     * @param events the event DataFrame
     * @param columns which columns hold the events' fields
     * @param rules how a customer's events are cut into journeys
     * @param funnel the funnel; its steps must be touchpoint, stage or outcome steps (a predicate step,
     *     {@link FunnelStep#of}, cannot travel to executors)
     * @return the funnel result
     * @throws IllegalArgumentException if a column is missing or of the wrong type, or the funnel has a
     *     predicate step; the job fails with an {@code IllegalArgumentException} in its cause chain when
     *     an event lacks a required field
     */
    public static FunnelResult funnel(Dataset<Row> events, JourneyColumns columns, JourneyBuilder rules,
            Funnel funnel) {
        String method = "CxJourneys.funnel";
        byte[] template = funnelTemplate(method, funnel);
        List<Tuple2<String, byte[]>> parts = run(method, events, columns, rules,
                JourneyPartition.Analysis.FUNNEL, template, Set.of());
        return merge(method, FunnelAccumulator.decode(template), parts, FunnelAccumulator::decode).result();
    }

    /**
     * The funnel per segment, a journey's segment being its first event's value in the segment column
     * ({@code (none)} when null or blank), as {@code cx funnel --by} breaks it down.
     *
     * @param events the event DataFrame
     * @param columns which columns hold the events' fields; must name a segment column
     * @param rules how a customer's events are cut into journeys
     * @param funnel the funnel, without predicate steps
     * @return the result per segment, sorted by segment; only segments with journeys appear
     * @throws IllegalArgumentException as {@link #funnel}, and if {@code columns} names no segment column
     */
    public static SegmentedResult<FunnelResult> funnelBySegment(Dataset<Row> events, JourneyColumns columns,
            JourneyBuilder rules, Funnel funnel) {
        String method = "CxJourneys.funnelBySegment";
        Check.notNull(columns, "columns");
        if (columns.segment().isEmpty()) {
            throw new IllegalArgumentException(method + " needs a segment column: JourneyColumns.withSegment(name)");
        }
        byte[] template = funnelTemplate(method, funnel);
        List<Tuple2<String, byte[]>> parts = run(method, events, columns, rules,
                JourneyPartition.Analysis.FUNNEL_BY_SEGMENT, template, Set.of());
        Map<String, FunnelAccumulator> bySegment = new TreeMap<>();
        FunnelAccumulator empty = FunnelAccumulator.decode(template);
        for (Tuple2<String, byte[]> p : parts) {
            FunnelAccumulator acc = bySegment.computeIfAbsent(p._1(), k -> empty.emptyCopy());
            merge(method, acc, List.of(p), FunnelAccumulator::decode);
        }
        Map<SegmentKey, FunnelResult> results = new TreeMap<>();
        bySegment.forEach((name, acc) -> results.put(SegmentKey.of(name), acc.result()));
        return SegmentedResult.of(results);
    }

    /**
     * The path variants of every journey ({@link PathVariants#acceptAll} on one machine); top-k with
     * {@link PathVariantsResult#top(int)}.
     *
     * @param events the event DataFrame
     * @param columns which columns hold the events' fields
     * @param rules how a customer's events are cut into journeys
     * @param variants the view to count (e.g. {@code PathVariants.create()},
     *     {@code PathVariants.ofLeadingTo("checkout", 3).collapsingRepeats()}); only its configuration
     *     is used, not any paths it holds
     * @return all path variants, most frequent first
     * @throws IllegalArgumentException if a column is missing or of the wrong type
     */
    public static PathVariantsResult pathVariants(Dataset<Row> events, JourneyColumns columns, JourneyBuilder rules,
            PathVariants variants) {
        String method = "CxJourneys.pathVariants";
        byte[] template = Check.notNull(variants, "variants").emptyCopy().encode();
        List<Tuple2<String, byte[]>> parts = run(method, events, columns, rules,
                JourneyPartition.Analysis.PATH_VARIANTS, template, Set.of());
        return merge(method, PathVariants.decode(template), parts, PathVariants::decode).result();
    }

    /**
     * Attribution of conversions and value to touchpoints (the heuristic models and the Markov
     * removal effect of the configuration's order), as
     * {@link AttributionAccumulator#accept(io.cxkit.journey.LogJourney, Set)} counts a journey: it
     * converts at its first event whose outcome is one of {@code conversionOutcomes}, with that event's
     * value (0 without one).
     *
     * @param events the event DataFrame; needs an outcome column, and a value column for value credit
     * @param columns which columns hold the events' fields
     * @param rules how a customer's events are cut into journeys
     * @param configuration the Markov order and time-decay half-life, e.g.
     *     {@code AttributionAccumulator.of(2, Duration.ofDays(7))}; only its configuration is used
     * @param conversionOutcomes the outcomes that count as a conversion; not empty
     * @return every model's result ({@link AttributionResult#model}); Markov is unavailable, with the
     *     reason, when the chain has more than {@link AttributionAccumulator#DEFAULT_MAX_STATES} states
     * @throws IllegalArgumentException if a column is missing or of the wrong type, no outcome column is
     *     read, or {@code conversionOutcomes} is empty
     */
    public static AttributionResult attribution(Dataset<Row> events, JourneyColumns columns, JourneyBuilder rules,
            AttributionAccumulator configuration, Set<String> conversionOutcomes) {
        String method = "CxJourneys.attribution";
        Check.notNull(columns, "columns");
        Check.notNull(conversionOutcomes, "conversionOutcomes");
        if (conversionOutcomes.isEmpty()) {
            throw new IllegalArgumentException(method + ": conversionOutcomes must not be empty");
        }
        if (columns.outcome().isEmpty()) {
            throw new IllegalArgumentException(method + " needs an outcome column to find conversions:"
                    + " JourneyColumns.withOutcome(name)");
        }
        byte[] template = Check.notNull(configuration, "configuration").emptyCopy().encode();
        List<Tuple2<String, byte[]>> parts = run(method, events, columns, rules,
                JourneyPartition.Analysis.ATTRIBUTION, template, conversionOutcomes);
        return merge(method, AttributionAccumulator.decode(template), parts, AttributionAccumulator::decode)
                .result();
    }

    private static byte[] funnelTemplate(String method, Funnel funnel) {
        Check.notNull(funnel, "funnel");
        for (FunnelStep step : funnel.steps()) {
            if (step.kind().equals("predicate")) {
                throw new IllegalArgumentException(method + ": funnel step '" + step.name() + "' is a predicate"
                        + " (FunnelStep.of(name, predicate)), which cannot be sent to Spark executors; use touchpoint,"
                        + " stage or outcome steps");
            }
        }
        return funnel.accumulator().encode();
    }

    /** Decodes (validating) every partial accumulator and combines it into {@code total}. */
    private static <A extends Accumulator<A, ?>> A merge(String method, A total, List<Tuple2<String, byte[]>> parts,
            Function<byte[], A> decode) {
        for (Tuple2<String, byte[]> p : parts) {
            A partial;
            try {
                partial = decode.apply(p._2());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(method + ": a partial result from an executor is not a valid"
                        + " encoding: " + e.getMessage(), e);
            }
            total.combine(partial);
        }
        return total;
    }

    private static List<Tuple2<String, byte[]>> run(String method, Dataset<Row> events, JourneyColumns columns,
            JourneyBuilder rules, JourneyPartition.Analysis analysis, byte[] template, Set<String> conversions) {
        Check.notNull(events, "events");
        Check.notNull(columns, "columns");
        Check.notNull(rules, "rules");
        Dataset<Row> selected = select(method, events, columns);
        JourneyPartition task = new JourneyPartition(analysis, method, columns, rules, template, conversions);
        return selected.repartition(col(SELECTED[0])).sortWithinPartitions(ORDER).drop(ORDER)
                .mapPartitions(task, Encoders.tuple(Encoders.STRING(), Encoders.BINARY()))
                .collectAsList();
    }

    /** The events in the fixed shape {@link JourneyPartition} reads, with their input order. */
    private static Dataset<Row> select(String method, Dataset<Row> events, JourneyColumns columns) {
        StructType schema = events.schema();
        List<Column> out = new ArrayList<>();
        List<String[]> roles = columns.roles();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i)[0];
            String name = roles.get(i)[1];
            if (name == null) {
                out.add(lit(null).cast(i == 5 ? DataTypes.DoubleType : DataTypes.StringType).as(SELECTED[i]));
                continue;
            }
            StructField field = field(method, schema, name, role);
            DataType type = field.dataType();
            Column c = events.col(field.name());
            boolean ok;
            String wanted;
            switch (role) {
                case "customer" -> {
                    ok = DataTypes.StringType.equals(type) || DataTypes.IntegerType.equals(type)
                            || DataTypes.LongType.equals(type) || DataTypes.ShortType.equals(type);
                    wanted = "a STRING or an integer";
                    c = c.cast(DataTypes.StringType);
                }
                case "time" -> {
                    ok = DataTypes.TimestampType.equals(type);
                    wanted = "a TIMESTAMP (convert epoch milliseconds with timestamp_millis)";
                }
                case "value" -> {
                    ok = type instanceof NumericType;
                    wanted = "numeric";
                    c = c.cast(DataTypes.DoubleType);
                }
                default -> {
                    ok = DataTypes.StringType.equals(type);
                    wanted = "a STRING";
                }
            }
            if (!ok) {
                throw new IllegalArgumentException(method + ": the " + role + " column '" + name + "' must be "
                        + wanted + ": got " + type.sql());
            }
            out.add(c.as(SELECTED[i]));
        }
        out.add(monotonically_increasing_id().as(ORDER));
        return events.select(out.toArray(new Column[0]));
    }

    private static StructField field(String method, StructType schema, String name, String role) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(method + ": the events have no " + role + " column '" + name
                + "'; their columns are " + Arrays.toString(schema.fieldNames()));
    }
}
