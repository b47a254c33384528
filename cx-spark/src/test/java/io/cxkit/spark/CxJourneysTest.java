package io.cxkit.spark;

import static io.cxkit.spark.DeepAssert.assertClose;
import static io.cxkit.spark.SparkTestSupport.assertFailsWith;
import static io.cxkit.spark.SparkTestSupport.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.CxArea;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.Touchpoint;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.LogJourney;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionModel;
import io.cxkit.journey.attribution.AttributionResult;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelMode;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStep;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.PathVariantsResult;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Funnels, path variants and attribution on Spark equal to the local journey engine on the same
 * rows in the same order: a seeded log of 3,000 customers in shuffled order over seven input
 * partitions, with ties at equal timestamps and journeys cut by a 30-minute gap.
 */
class CxJourneysTest {
    private static final long SEED = 20_261_202L;
    private static final String[] TOUCHPOINTS = {"home", "search", "product", "cart", "checkout", "email", "support"};
    private static final String[] CHANNELS = {"web", "email", "mobile_app"};
    private static final StructType SCHEMA = new StructType()
            .add("customer", DataTypes.StringType, true)
            .add("time", DataTypes.TimestampType, true)
            .add("touchpoint", DataTypes.StringType, true)
            .add("channel", DataTypes.StringType, true)
            .add("outcome", DataTypes.StringType, true)
            .add("revenue", DataTypes.DoubleType, true)
            .add("ticket", DataTypes.StringType, true)
            .add("plan", DataTypes.StringType, true);
    private static final List<Row> ROWS = rows(new SplittableRandom(SEED));
    private static final JourneyColumns COLUMNS = JourneyColumns.create().withOutcome("outcome")
            .withValue("revenue").withCaseId("ticket").withSegment("plan");
    private static final JourneyBuilder GAP = JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30));
    private static final Funnel FUNNEL = Funnel.builder().steps("home", "product", "cart", "checkout").build();
    private static SparkSession spark;
    private static Dataset<Row> events;

    @BeforeAll
    static void startSpark() {
        spark = session("cx-spark-journeys");
        // Seven input partitions that keep the list's order, so "input order" is the same here and locally.
        events = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ROWS, 7),
                SCHEMA);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Customers' events, shuffled; about a fifth of consecutive events tie, a tenth are > 30 min apart. */
    private static List<Row> rows(SplittableRandom r) {
        List<Row> out = new ArrayList<>();
        Instant base = Instant.parse("2026-03-01T08:00:00Z");
        for (int c = 0; c < 3_000; c++) {
            String customer = "c" + c;
            Instant t = base.plusSeconds(60L * r.nextInt(100_000));
            int n = 1 + r.nextInt(10);
            for (int i = 0; i < n; i++) {
                int step = r.nextInt(10);
                t = t.plusSeconds(step < 2 ? 0 : step < 9 ? 60L * (1 + r.nextInt(20)) : 60L * (45 + r.nextInt(90)));
                if (step >= 2) {
                    // sub-second times (Spark keeps microseconds): windows and gaps must see them
                    t = t.plusNanos(1_000L * r.nextInt(1_000_000));
                }
                String tp = TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)];
                boolean bought = tp.equals("checkout") && r.nextBoolean();
                out.add(RowFactory.create(customer, Timestamp.from(t), tp, CHANNELS[r.nextInt(CHANNELS.length)],
                        bought ? "purchase" : null, bought ? 10.0 + r.nextInt(190) : null,
                        r.nextInt(3) == 0 ? "k" + r.nextInt(2) : null,
                        r.nextInt(4) == 0 ? null : r.nextBoolean() ? "free" : "pro"));
            }
        }
        Collections.shuffle(out, new java.util.Random(r.nextLong()));
        return List.copyOf(out);
    }

    /** The local engine's log of the rows, appended in list order. */
    private static EventLog localLog(List<Row> rows) {
        EventLog.Builder b = EventLog.builder();
        for (Row row : rows) {
            Instant at = ((Timestamp) row.get(1)).toInstant();
            b.add(row.getString(0), Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano()),
                    row.getString(2), Channel.of(row.getString(3)), null, row.getString(4),
                    row.isNullAt(5) ? Double.NaN : row.getDouble(5), row.getString(6), row.getString(7));
        }
        return b.build();
    }

    private static <R> R local(Function<EventLog, R> analysis) {
        try (EventLog log = localLog(ROWS)) {
            return analysis.apply(log);
        }
    }

    @Test
    void theFunnelEqualsTheLocalEngine() {
        FunnelResult expected = local(log -> FUNNEL.run(log, GAP));
        FunnelResult got = CxJourneys.funnel(events, COLUMNS, GAP, FUNNEL);
        assertClose(expected, got, "funnel");
        assertTrue(expected.journeys() > ROWS.size() / 6 && expected.completed() > 0, expected::toString);

        Funnel windowed = Funnel.builder().step(FunnelStep.ofTouchpoint("search")).step(FunnelStep.ofTouchpoint("cart"))
                .step(FunnelStep.ofOutcome("purchase")).mode(FunnelMode.STRICT).window(Duration.ofMinutes(40)).build();
        // An integer customer id is read as its decimal string: the same customers, the same journeys.
        Dataset<Row> numbered = events.withColumn("customer", org.apache.spark.sql.functions.expr(
                "CAST(substring(customer, 2) AS BIGINT)"));
        assertEquals(DataTypes.LongType, numbered.schema().apply("customer").dataType());
        assertClose(expected, CxJourneys.funnel(numbered, COLUMNS, GAP, FUNNEL), "funnel, bigint customers");

        JourneyBuilder byCase = JourneyBuilder.create().splitOnOutcome(Set.of("purchase")).byCase();
        assertClose(local(log -> windowed.run(log, byCase)), CxJourneys.funnel(events, COLUMNS, byCase, windowed),
                "strict funnel by case");
    }

    @Test
    void theFunnelBySegmentEqualsTheLocalEngine() {
        SegmentedResult<FunnelResult> expected = local(log -> {
            int none = log.segments().size();
            return FUNNEL.bySegment(log, GAP, j -> j.segment() == LogJourney.NONE ? none : j.segment(),
                    id -> SegmentKey.of(id == none ? "(none)" : log.segments().name(id)));
        });
        SegmentedResult<FunnelResult> got = CxJourneys.funnelBySegment(events, COLUMNS, GAP, FUNNEL);
        assertEquals(List.of(SegmentKey.of("(none)"), SegmentKey.of("free"), SegmentKey.of("pro")), got.keys());
        assertClose(expected.asMap(), got.asMap(), "funnel by segment");
    }

    @Test
    void pathVariantsEqualTheLocalEngineAndTiesKeepInputOrder() {
        PathVariantsResult expected = local(log -> PathVariants.create().acceptAll(log, GAP).result());
        PathVariantsResult got = CxJourneys.pathVariants(events, COLUMNS, GAP, PathVariants.create());
        assertClose(expected, got, "paths");
        assertClose(expected.top(5), got.top(5), "top 5");
        PathVariants leading = PathVariants.ofLeadingTo("checkout", 3).collapsingRepeats();
        assertClose(local(log -> leading.emptyCopy().acceptAll(log, GAP).result()),
                CxJourneys.pathVariants(events, COLUMNS, GAP, leading), "leading to checkout");

        // Through a touchpoint catalog (by journey stage): the mapping travels in the encoding.
        TouchpointCatalog catalog = TouchpointCatalog.of(List.of(
                Touchpoint.of("home", "Home", Channel.WEB, JourneyStage.AWARENESS, CxArea.MARKETING),
                Touchpoint.of("product", "Product", Channel.WEB, JourneyStage.CONSIDERATION, CxArea.PRODUCT),
                Touchpoint.of("cart", "Cart", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES),
                Touchpoint.of("checkout", "Checkout", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES)));
        PathVariants stages = PathVariants.create().throughCatalog(catalog, TouchpointCatalog.Level.STAGE)
                .collapsingRepeats();
        assertClose(local(log -> stages.emptyCopy().acceptAll(log, GAP).result()),
                CxJourneys.pathVariants(events, COLUMNS, GAP, stages), "paths by stage");

        // The ties matter: the same events in reverse input order give other paths.
        List<Row> reversed = new ArrayList<>(ROWS);
        Collections.reverse(reversed);
        try (EventLog log = localLog(reversed)) {
            assertNotEquals(expected.variants(), PathVariants.create().acceptAll(log, GAP).result().variants());
        }
    }

    @Test
    void markovAttributionOfEveryOrderEqualsTheLocalEngine() {
        for (int order = 1; order <= 3; order++) {
            AttributionAccumulator config = AttributionAccumulator.of(order, Duration.ofDays(7));
            AttributionResult expected = local(log -> log.scan(GAP, 1, config::emptyCopy,
                    (a, j) -> a.accept(j, Set.of("purchase")), AttributionAccumulator::combine).result());
            AttributionResult got = CxJourneys.attribution(events, COLUMNS, GAP, config, Set.of("purchase"));
            assertClose(expected, got, "attribution order " + order);
            assertEquals(order, got.model(AttributionModel.MARKOV).order());
            assertTrue(got.model(AttributionModel.MARKOV).conversions() > 0);
        }
        // The overload with a limit: solved at exactly the chain's size, refused (with the reason) one below.
        AttributionAccumulator third = AttributionAccumulator.of(3, Duration.ofDays(7));
        AttributionAccumulator local = local(log -> log.scan(GAP, 1, third::emptyCopy,
                (a, j) -> a.accept(j, Set.of("purchase")), AttributionAccumulator::combine));
        int states = local.markov(AttributionAccumulator.MAX_STATES_LIMIT).states();
        AttributionResult wide = CxJourneys.attribution(events, COLUMNS, GAP, third, Set.of("purchase"), states);
        assertClose(local.markov(states), wide.model(AttributionModel.MARKOV), "markov, maxStates " + states);
        assertClose(local.heuristic(AttributionModel.LINEAR), wide.model(AttributionModel.LINEAR), "linear");
        AttributionResult narrow = CxJourneys.attribution(events, COLUMNS, GAP, third, Set.of("purchase"), states - 1);
        assertTrue(narrow.unavailable().get(AttributionModel.MARKOV).contains("more than the limit " + (states - 1)),
                narrow.unavailable()::toString);
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> CxJourneys.attribution(
                events, COLUMNS, GAP, third, Set.of("purchase"), 0));
        assertEquals("CxJourneys.attribution: maxStates must be in [1, 5000]: 0", range.getMessage());
    }

    @Test
    void anEmptyDataFrameGivesTheEmptyResult() {
        Dataset<Row> none = events.limit(0);
        assertEquals(0, CxJourneys.funnel(none, COLUMNS, GAP, FUNNEL).journeys());
        assertEquals(0, CxJourneys.pathVariants(none, COLUMNS, GAP, PathVariants.create()).journeys());
        assertTrue(CxJourneys.funnelBySegment(none, COLUMNS, GAP, FUNNEL).isEmpty());
    }

    @Test
    void missingOrMistypedColumnsFailBeforeAnyJob() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> CxJourneys.funnel(events,
                JourneyColumns.of("customer", "when", "touchpoint", "channel"), GAP, FUNNEL));
        assertEquals("CxJourneys.funnel: the events have no time column 'when'; their columns are [customer, time,"
                + " touchpoint, channel, outcome, revenue, ticket, plan]", missing.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> CxJourneys.pathVariants(
                events, JourneyColumns.of("customer", "touchpoint", "touchpoint", "channel"), GAP, PathVariants.create()));
        assertEquals("CxJourneys.pathVariants: the time column 'touchpoint' must be a TIMESTAMP (convert epoch"
                + " milliseconds with timestamp_millis): got STRING", type.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> CxJourneys.funnel(events,
                JourneyColumns.create().withValue("plan"), GAP, FUNNEL));
        assertEquals("CxJourneys.funnel: the value column 'plan' must be numeric: got STRING", value.getMessage());
        IllegalArgumentException noSegment = assertThrows(IllegalArgumentException.class,
                () -> CxJourneys.funnelBySegment(events, JourneyColumns.create(), GAP, FUNNEL));
        assertTrue(noSegment.getMessage().contains("withSegment"), noSegment.getMessage());
        IllegalArgumentException noOutcome = assertThrows(IllegalArgumentException.class,
                () -> CxJourneys.attribution(events, JourneyColumns.create(), GAP, AttributionAccumulator.create(),
                        Set.of("purchase")));
        assertTrue(noOutcome.getMessage().contains("withOutcome"), noOutcome.getMessage());
        IllegalArgumentException predicate = assertThrows(IllegalArgumentException.class, () -> CxJourneys.funnel(
                events, COLUMNS, GAP, Funnel.builder().step(FunnelStep.of("any", e -> true)).build()));
        assertTrue(predicate.getMessage().startsWith("CxJourneys.funnel: funnel step 'any' is a predicate"),
                predicate.getMessage());
    }

    @Test
    void anEventWithoutCustomerOrTimeFailsTheJobNamingTheColumn() {
        List<Row> bad = new ArrayList<>(ROWS.subList(0, 50));
        bad.add(RowFactory.create(null, Timestamp.from(Instant.EPOCH), "home", "web", null, null, null, null));
        assertFailsWith("CxJourneys.funnel: the customer column (customer) is null in an event: every event needs a"
                + " customer", () -> CxJourneys.funnel(spark.createDataFrame(bad, SCHEMA), COLUMNS, GAP, FUNNEL));
        bad.set(50, RowFactory.create("c1", null, "home", "web", null, null, null, null));
        assertFailsWith("CxJourneys.pathVariants: the time column (time) is null in an event of customer 'c1': every event"
                + " needs a time", () -> CxJourneys.pathVariants(spark.createDataFrame(bad, SCHEMA), COLUMNS, GAP,
                        PathVariants.create()));
        bad.set(50, RowFactory.create("c1", Timestamp.from(Instant.EPOCH), " ", "web", null, null, null, null));
        assertFailsWith("CxJourneys.funnel: bad event of customer 'c1' at 1970-01-01T00:00:00Z: event touchpoint must not"
                + " be missing or blank: ' '", () -> CxJourneys.funnel(spark.createDataFrame(bad, SCHEMA), COLUMNS, GAP,
                        FUNNEL));
    }
}
