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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx attribution} on a hand-written file whose credits are computed by hand below.
 *
 * <p>Rows (out of time order on purpose) form four journeys: customer a: search &gt; email &gt;
 * web, converts with value 100; b: search &gt; web, no conversion; c: email &gt; web converts with
 * value 50, then c: search (after c's conversion, a new journey) without conversion.
 *
 * <p>Markov order 1: start → search 3/4, email 1/4; search → email, web, (null) 1/3 each;
 * email → web 1; web → (conversion) 2/3, (null) 1/3. P(conv) = 3/4·(1/3·2/3 + 1/3·2/3) + 1/4·2/3
 * = 1/2. Without search: 1/4·2/3 = 1/6, RE = 2/3; without email: 3/4·1/3·2/3 = 1/6, RE = 2/3;
 * without web: 0, RE = 1. ΣRE = 7/3, so credits of 2 conversions are 4/7, 4/7, 6/7. The value
 * chain has the same removal effects (web's expected value is 150/3 = 50 from every state), so
 * value credits are 150·(2/7, 2/7, 3/7).
 */
class AttributionCommandTest {
    private static final String FILE = "customer,time,touchpoint,converted,value\n"
            + "a,2026-03-03T10:00:00Z,web,1,100\n"
            + "b,2026-03-01T09:00:00Z,search,0,\n"
            + "a,2026-03-01T10:00:00Z,search,0,\n"
            + "c,2026-03-05T08:00:00Z,email,0,\n"
            + "a,2026-03-02T10:00:00Z,email,0,\n"
            + "c,2026-03-06T09:00:00Z,search,false,\n"
            + "b,2026-03-01T12:00:00Z,web,0,0\n"
            + "c,2026-03-05T09:00:00Z,web,true,50\n";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("j.csv");
        Files.writeString(f, content);
        return f;
    }

    private JsonNode json(String... args) throws IOException {
        String[] a = new String[args.length + 4];
        a[0] = "attribution";
        a[1] = file(FILE).toString();
        a[2] = "--format";
        a[3] = "json";
        System.arraycopy(args, 0, a, 4, args.length);
        CxTestSupport.Run r = cx(a);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static void credit(JsonNode j, int i, String touchpoint, double conversions, double value) {
        JsonNode c = j.get("credits").get(i);
        assertEquals(touchpoint, c.get("touchpoint").asText());
        assertEquals(conversions, c.get("conversions").asDouble(), 1e-12, touchpoint);
        assertEquals(value, c.get("value").asDouble(), 1e-9, touchpoint);
    }

    @Test
    void markovByHand() throws IOException {
        JsonNode j = json();
        assertEquals("cxkit/attribution/v1", j.get("schema").asText());
        assertEquals("markov", j.get("model").asText());
        assertEquals(1, j.get("order").asInt());
        assertEquals(4, j.get("states").asInt());
        assertEquals(0.5, j.get("conversionProbability").asDouble(), 1e-12);
        assertEquals(4, j.get("journeys").asLong());
        assertEquals(2, j.get("conversions").asLong());
        assertEquals(150, j.get("totalValue").asDouble());
        credit(j, 0, "email", 4.0 / 7, 150.0 * 2 / 7);
        credit(j, 1, "search", 4.0 / 7, 150.0 * 2 / 7);
        credit(j, 2, "web", 6.0 / 7, 150.0 * 3 / 7);
        assertEquals(2.0 / 3, j.get("credits").get(0).get("removalEffect").asDouble(), 1e-12);
        assertEquals(1.0, j.get("credits").get(2).get("removalEffect").asDouble(), 1e-12);
        assertEquals(2, j.get("totals").get("conversions").asDouble(), 1e-12);
        assertEquals(150, j.get("totals").get("value").asDouble(), 1e-9);
        assertEquals(8, j.get("input").get("accepted").asLong());
        assertEquals(3, j.get("input").get("customers").asLong());
        assertEquals("value", j.get("input").get("columns").get("value").asText());
    }

    @Test
    void heuristicsByHand() throws IOException {
        JsonNode first = json("--model", "first");
        credit(first, 0, "email", 1, 50);
        credit(first, 1, "search", 1, 100);
        credit(first, 2, "web", 0, 0);
        JsonNode last = json("--model", "last");
        credit(last, 2, "web", 2, 150);
        credit(last, 0, "email", 0, 0);
        JsonNode linear = json("--model", "linear");
        credit(linear, 0, "email", 1.0 / 3 + 0.5, 100.0 / 3 + 25);
        credit(linear, 1, "search", 1.0 / 3, 100.0 / 3);
        credit(linear, 2, "web", 1.0 / 3 + 0.5, 100.0 / 3 + 25);
        // half-life 1 day: a's touches 2 d, 1 d and 0 d before its conversion weigh 1/4, 1/2, 1 (/ 7/4);
        // c's email 1 h before weighs 2^(-1/24) against web's 1
        JsonNode decay = json("--model", "time-decay", "--half-life", "1d");
        assertEquals("PT24H", decay.get("halfLife").asText());
        assertEquals("1d", decay.get("halfLifeText").asText());
        assertEquals(86_400, decay.get("halfLifeSeconds").asLong());
        double we = Math.pow(2, -1.0 / 24);
        credit(decay, 0, "email", 2.0 / 7 + we / (1 + we), 100.0 * 2 / 7 + 50 * we / (1 + we));
        credit(decay, 1, "search", 1.0 / 7, 100.0 / 7);
        credit(decay, 2, "web", 4.0 / 7 + 1 / (1 + we), 100.0 * 4 / 7 + 50 / (1 + we));
        JsonNode iso = json("--model", "time-decay", "--half-life", "PT24H");
        assertEquals(decay.get("credits"), iso.get("credits"));
    }

    /** The command's numbers are the library's on the same journeys, for every model and order. */
    @Test
    void equalsTheLibraryOnTheSameJourneys() throws IOException {
        for (int order = 1; order <= 3; order++) {
            AttributionAccumulator acc = AttributionAccumulator.of(order, Duration.ofHours(12));
            acc.accept(AttributionJourney.of(List.of("search", "email", "web"), List.of(
                    Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-02T10:00:00Z"),
                    Instant.parse("2026-03-03T10:00:00Z")), true, 100));
            acc.accept(AttributionJourney.of(List.of("search", "web"), List.of(
                    Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T12:00:00Z")), false, 0));
            acc.accept(AttributionJourney.of(List.of("email", "web"), List.of(
                    Instant.parse("2026-03-05T08:00:00Z"), Instant.parse("2026-03-05T09:00:00Z")), true, 50));
            acc.accept(AttributionJourney.of(List.of("search"), List.of(Instant.parse("2026-03-06T09:00:00Z")),
                    false, 0));
            for (AttributionModel m : AttributionModel.values()) {
                AttributionModelResult lib = m == AttributionModel.MARKOV ? acc.markov(2000) : acc.heuristic(m);
                JsonNode j = json("--model", AttributionCommand.modelName(m), "--order", String.valueOf(order),
                        "--half-life", "12h");
                assertEquals(lib.conversions(), j.get("conversions").asLong());
                for (int i = 0; i < lib.credits().size(); i++) {
                    TouchpointCredit c = lib.credits().get(i);
                    JsonNode jc = j.get("credits").get(i);
                    assertEquals(c.touchpoint(), jc.get("touchpoint").asText());
                    assertEquals(c.conversions(), jc.get("conversions").asDouble(), 0.0, m + " " + order);
                    assertEquals(c.value(), jc.get("value").asDouble(), 0.0, m + " " + order);
                }
            }
        }
    }

    @Test
    void tableHasATotalsLine() throws IOException {
        CxTestSupport.Run r = cx("attribution", file(FILE).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 customers, 4 journeys, 2 conversions, value 150.00"), r.out());
        assertTrue(r.out().contains("model: markov, order 1 (4 states, P(conversion) = 0.5000)"), r.out());
        assertTrue(r.out().contains("web                0.8571          64.29          1.0000"), r.out());
        assertTrue(r.out().contains("total              2.0000         150.00"), r.out());
        CxTestSupport.Run lin = cx("attribution", file(FILE).toString(), "--model", "linear");
        assertTrue(lin.out().contains("model: linear"), lin.out());
        assertTrue(!lin.out().contains("removal effect"), lin.out());
        CxTestSupport.Run td = cx("attribution", file(FILE).toString(), "--model", "time-decay");
        assertTrue(td.out().contains("model: time decay, half-life 7d"), td.out());
    }

    @Test
    void convertedByValueOnTheSampleInteractions() throws IOException {
        new SampleCompany(2_000, 400, 11).write(dir, Set.of(SampleCompany.Table.INTERACTIONS),
                Set.of(SampleCompany.Format.NDJSON));
        CxTestSupport.Run r = cx("attribution", dir.resolve("interactions.ndjson").toString(), "--converted",
                "outcome=renewed", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("conversions").asLong() > 0, r.out());
        assertEquals(j.get("conversions").asDouble(), j.get("totals").get("conversions").asDouble(), 1e-6);
        assertEquals(j.get("totalValue").asDouble(), j.get("totals").get("value").asDouble(),
                1e-9 * j.get("totalValue").asDouble());
        assertTrue(j.get("totalValue").asDouble() > 0, r.out());
    }

    private void badInput(String content, String expected, String... options) throws IOException {
        Path f = file(content);
        String[] args = new String[options.length + 2];
        args[0] = "attribution";
        args[1] = f.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        CxTestSupport.Run r = cx(args);
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("cx: " + f + expected + System.lineSeparator(), r.err());
    }

    @Test
    void badInputNamesFileLineColumnAndRule() throws IOException {
        String h = "customer,time,touchpoint,converted,value\n";
        badInput(h + "a,2026-03-01,web,yes,\n", ":2:4: column 'converted' value 'yes': converted must be 1/0 or"
                + " true/false (empty = not converted); for another coding name the value, e.g. outcome=purchased");
        badInput(h + "a,2026-03-01,web,1,-5\n", ":2:5: column 'value' value '-5': conversion value must be finite"
                + " and >= 0: -5");
        badInput(h + "a,2026-03-01,web,0,5\n", ":2:5: column 'value' value '5': conversion value must be empty or 0"
                + " on a row that did not convert: 5");
        badInput(h + "a,yesterday,web,0,\n", ":2:2: column 'time' value 'yesterday': time must be ISO-8601"
                + " (2026-03-02T10:15:00Z, with or without offset), a date (2026-03-02) or epoch seconds/milliseconds");
        badInput(h + ",2026-03-01,web,0,\n", ":2:1: column 'customer' value '': customer id is empty");
        badInput(h + "a,2026-03-01,(start),0,\n", ":2:3: column 'touchpoint' value '(start)': touchpoint must be a"
                + " name other than (start), (conversion) and (null), without U+001F");
        badInput("customer,time,touchpoint\na,2026-03-01,web\n", ":1: required column 'converted' (converted) is not"
                + " in the header; columns are: customer, time, touchpoint");
        badInput("who,time,touchpoint,converted\na,2026-03-01,web,1\n", ":1: required column for the customer is not"
                + " in the header (expected one of customerid, customer, userid, clientid, accountid); columns are:"
                + " who, time, touchpoint, converted");
        badInput("customer,time,touchpoint,converted\na,2026-03-01,web,1\n", ":1: required column 'amount' (value)"
                + " is not in the header; columns are: customer, time, touchpoint, converted", "--value", "amount");
    }

    @Test
    void usageErrors() throws IOException {
        Path f = file(FILE);
        for (String[] args : List.of(new String[] {"--order", "4"}, new String[] {"--order", "0"},
                new String[] {"--order", "x"}, new String[] {"--half-life", "0d"}, new String[] {"--half-life", "soon"},
                new String[] {"--half-life", "-PT1H"}, new String[] {"--model", "shapley"},
                new String[] {"--converted", "=x"})) {
            String[] a = new String[args.length + 2];
            a[0] = "attribution";
            a[1] = f.toString();
            System.arraycopy(args, 0, a, 2, args.length);
            CxTestSupport.Run r = cx(a);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        }
        CxTestSupport.Run o = cx("attribution", f.toString(), "--order", "4");
        assertTrue(o.err().contains("--order must be in [1, 3]: 4"), o.err());
        CxTestSupport.Run h = cx("attribution", f.toString(), "--half-life", "soon");
        assertTrue(h.err().contains("--half-life must be a positive duration (30m, 12h, 7d, 2w, or ISO-8601 like"
                + " PT12H): soon"), h.err());
    }

    @Test
    void tooLargeMarkovChainIsRefused() throws IOException {
        StringBuilder sb = new StringBuilder("customer,time,touchpoint,converted\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int c = 0; c < 3000; c++) {
            for (int k = 0; k < 8; k++) {
                sb.append('c').append(c).append(",2026-03-01T00:00:").append(10 + k).append("Z,t")
                        .append(rnd.nextInt(14)).append(',').append(k == 7 && c % 2 == 0 ? 1 : 0).append('\n');
            }
        }
        Path f = file(sb.toString());
        CxTestSupport.Run r = cx("attribution", f.toString(), "--order", "3");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("cx: " + f + ": Markov order 3 chain has "), r.err());
        assertTrue(r.err().contains("more than the limit 2000; use a lower order"), r.err());
        assertEquals(0, cx("attribution", f.toString(), "--order", "1").code());
    }

    @Test
    void halfLifeUnits() {
        assertEquals(Duration.ofMinutes(30), AttributionCommand.duration("30m"));
        assertEquals(Duration.ofHours(36), AttributionCommand.duration("1.5d"));
        assertEquals(Duration.ofDays(14), AttributionCommand.duration("2w"));
        assertEquals(Duration.ofSeconds(90), AttributionCommand.duration("90s"));
        assertEquals(Duration.ofHours(12), AttributionCommand.duration("PT12H"));
        assertEquals(null, AttributionCommand.duration("1e300d"));
    }
}
