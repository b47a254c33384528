package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.attribution.AttributionModel;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.attribution.TouchpointCredit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx attribution} reads its file into the event log and scans it; its credits equal those of
 * the library's object path ({@link AttributionJourney}s built here from the same rows, independently
 * of any reader: by customer, in time then file order, a journey closed by each converting row) for
 * Markov orders 1 to 3 and every heuristic model, with values. The larger file holds more events than
 * one unit of the log's scan, so its result is combined from several accumulators.
 */
class AttributionOnTheLogTest {
    private static final String[] TOUCHPOINTS = {"search", "email", "web", "app", "store", "call"};

    @TempDir
    static Path dir;
    static Path small;
    static Path large;
    static Map<Integer, AttributionAccumulator> smallObjects = new TreeMap<>();
    static Map<Integer, AttributionAccumulator> largeObjects = new TreeMap<>();

    /** One generated row. */
    private record Row(String customer, long millis, long line, String touchpoint, boolean converted, double value) {
    }

    @BeforeAll
    static void generate() throws IOException {
        small = dir.resolve("small.csv");
        large = dir.resolve("large.csv");
        List<Row> a = write(small, 300, 7);
        List<Row> b = write(large, 6_000, 8);
        for (int order = 1; order <= 3; order++) {
            smallObjects.put(order, objectPath(a, order));
            largeObjects.put(order, objectPath(b, order));
        }
    }

    /** Writes {@code customers} customers' rows (out of time order, ties within a millisecond, empty values). */
    private static List<Row> write(Path file, int customers, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        long t0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        for (int c = 0; c < customers; c++) {
            int n = 1 + rnd.nextInt(25);
            for (int k = 0; k < n; k++) {
                long t = t0 + rnd.nextLong(4L * 86_400_000L) / (rnd.nextInt(4) == 0 ? 1_000 : 1);
                boolean conv = rnd.nextInt(8) == 0;
                double v = conv && rnd.nextInt(5) > 0 ? rnd.nextInt(50_000) / 100.0 : 0;
                rows.add(new Row("c" + rnd.nextInt(customers), t, rows.size(), TOUCHPOINTS[rnd.nextInt(
                        TOUCHPOINTS.length)], conv, v));
            }
        }
        StringBuilder sb = new StringBuilder("customer_id,timestamp,touchpoint,converted,value\n");
        for (Row r : rows) {
            sb.append(r.customer()).append(',').append(Instant.ofEpochMilli(r.millis())).append(',')
                    .append(r.touchpoint()).append(',').append(r.converted() ? "1" : "0").append(',')
                    .append(r.value() == 0 ? "" : String.valueOf(r.value())).append('\n');
        }
        Files.writeString(file, sb);
        return rows;
    }

    /** The object path: journeys as {@link AttributionJourney}s into one accumulator. */
    private static AttributionAccumulator objectPath(List<Row> rows, int order) {
        Map<String, List<Row>> byCustomer = new TreeMap<>();
        rows.forEach(r -> byCustomer.computeIfAbsent(r.customer(), k -> new ArrayList<>()).add(r));
        AttributionAccumulator acc = AttributionAccumulator.of(order, Duration.ofHours(12));
        for (List<Row> events : byCustomer.values()) {
            events.sort(Comparator.comparingLong(Row::millis).thenComparingLong(Row::line));
            List<String> tps = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            for (Row e : events) {
                tps.add(e.touchpoint());
                times.add(Instant.ofEpochMilli(e.millis()));
                if (e.converted()) {
                    acc.accept(AttributionJourney.of(tps, times, true, e.value()));
                    tps = new ArrayList<>();
                    times = new ArrayList<>();
                }
            }
            if (!tps.isEmpty()) {
                acc.accept(AttributionJourney.of(tps, times, false, 0));
            }
        }
        return acc;
    }

    private static JsonNode json(Path file, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("attribution", file.toString(), "--format", "json",
                "--half-life", "12h"));
        a.addAll(List.of(args));
        CxTestSupport.Run r = cx(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static void assertSameCredits(AttributionModelResult lib, JsonNode j, double tolerance, String where) {
        assertEquals(lib.journeys(), j.get("journeys").asLong(), where);
        assertEquals(lib.conversions(), j.get("conversions").asLong(), where);
        assertEquals(lib.totalValue(), j.get("totalValue").asDouble(), tolerance * lib.totalValue(), where);
        assertEquals(lib.credits().size(), j.get("credits").size(), where);
        for (int i = 0; i < lib.credits().size(); i++) {
            TouchpointCredit c = lib.credits().get(i);
            JsonNode jc = j.get("credits").get(i);
            assertEquals(c.touchpoint(), jc.get("touchpoint").asText(), where);
            assertEquals(c.conversions(), jc.get("conversions").asDouble(), tolerance * lib.conversions(), where);
            assertEquals(c.value(), jc.get("value").asDouble(), tolerance * lib.totalValue(), where);
            if (lib.model() == AttributionModel.MARKOV) {
                assertEquals(c.removalEffect(), jc.get("removalEffect").asDouble(), tolerance, where);
                assertEquals(c.valueRemovalEffect(), jc.get("valueRemovalEffect").asDouble(), tolerance, where);
            }
        }
        if (lib.model() == AttributionModel.MARKOV) {
            assertEquals(lib.states(), j.get("states").asInt(), where);
            assertEquals(lib.conversionProbability(), j.get("conversionProbability").asDouble(), tolerance, where);
        }
    }

    private static void assertEveryModel(Path file, Map<Integer, AttributionAccumulator> objects, double tolerance)
            throws IOException {
        for (int order = 1; order <= 3; order++) {
            AttributionAccumulator acc = objects.get(order);
            assertSameCredits(acc.markov(AttributionAccumulator.DEFAULT_MAX_STATES), json(file, "--order",
                    String.valueOf(order)), tolerance, file + " markov order " + order);
        }
        AttributionAccumulator acc = objects.get(1);
        for (AttributionModel m : AttributionModel.values()) {
            if (m != AttributionModel.MARKOV) {
                assertSameCredits(acc.heuristic(m), json(file, "--model", AttributionCommand.modelName(m)), tolerance,
                        file + " " + m);
            }
        }
    }

    /** One unit of the scan: the same sums in the same order, so the same doubles. */
    @Test
    void equalsTheObjectPathExactlyOnOneUnit() throws IOException {
        assertEveryModel(small, smallObjects, 0);
    }

    /** Several units combined: counts exact, sums to the rounding of their compensated combination. */
    @Test
    void equalsTheObjectPathAcrossUnits() throws IOException {
        assertTrue(Files.readAllLines(large).size() > 70_000, "more events than one unit of the scan");
        assertEveryModel(large, largeObjects, 1e-9);
    }
}
