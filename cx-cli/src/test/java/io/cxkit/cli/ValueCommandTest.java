package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx value} on the CDNOW sample (copied from cx-journey's reference fixtures, where
 * {@code reference.py} computes the same numbers with scipy).
 */
class ValueCommandTest {
    @TempDir
    Path dir;

    static Path cdnow() {
        try {
            return Path.of(ValueCommandTest.class.getResource("/cdnow_sample.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("value", cdnow().toString(), "--columns",
                "customer=customer,time=date,amount=amount", "--calibration-end", "1997-09-30"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void tableShowsThePublishedFitAndTheHoldout() {
        CxTestSupport.Run r = cx(args("--holdout-end", "1998-06-30"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2357 customers, 2457 repeat transactions"), r.out());
        assertTrue(r.out().contains("  r             0.2426"), r.out());
        assertTrue(r.out().contains("  alpha         4.4136"), r.out());
        assertTrue(r.out().contains("log-likelihood -9582.43 over 2357 customers"), r.out());
        assertTrue(r.out().contains("946 customers fitted, 1411 excluded"), r.out());
        assertTrue(r.out().contains("expected 1653.4 repeat transactions, actual 1882"), r.out());
        assertTrue(r.out().contains("merging 223 same-day records"), r.out());
    }

    @Test
    void jsonFollowsTheSchemaAndJoinsTheSurvey() throws IOException {
        // a hand-made survey: customers 1..300 answer, 0..10 by id; "9999" answered but never bought
        StringBuilder s = new StringBuilder("customer,nps\n");
        for (int i = 1; i <= 300; i++) {
            s.append(i).append(',').append(i % 11).append('\n');
        }
        s.append("9999,10\n");
        Path survey = dir.resolve("survey.csv");
        Files.writeString(survey, s);
        CxTestSupport.Run r = cx(args("--holdout-end", "1998-06-30", "--survey", survey.toString(), "--by", "nps=nps",
                "--per-customer", "--format", "json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("cxkit/value/v1", j.get("schema").asText());
        assertEquals("bgnbd", j.at("/model/name").asText());
        assertEquals(0.2426, j.at("/model/parameters/r/estimate").asDouble(), 5e-5);
        assertEquals(-9582.43, j.at("/model/logLikelihood").asDouble(), 0.01);
        assertEquals(6.25, j.at("/spend/parameters/p/estimate").asDouble(), 0.005);
        assertEquals(1411, j.at("/spend/excluded").asLong());
        assertEquals(1882, j.at("/holdout/actual").asLong());
        assertEquals(78, j.at("/holdout/weekly").size());
        assertEquals(2357, j.get("customers").size());
        JsonNode c1 = j.get("customers").get(0);
        assertEquals("1", c1.get("customer").asText());
        assertEquals(2, c1.get("x").asInt());
        // scipy (reference.py): P(alive) 0.72662, E[Y(39)] 1.22599 at the scipy estimates
        assertEquals(0.72662, c1.get("pAlive").asDouble(), 1e-4);
        assertEquals(1.22599, c1.get("expectedTransactions").asDouble(), 1e-4);
        JsonNode g = j.get("groups");
        assertEquals("NPS group", g.get("by").asText());
        assertEquals(1, g.get("labelledWithoutTransactions").asLong());
        assertEquals(2357 - 300, g.get("valuedWithoutLabel").asLong());
        assertEquals("promoter", g.get("reference").asText());
        long n = 0;
        for (JsonNode row : g.get("groups")) {
            n += row.get("customers").asLong();
            if (row.get("group").asText().equals("promoter")) {
                assertTrue(row.get("clvVsReference").isNull());
            } else {
                assertEquals(row.at("/clv/mean").asDouble() - find(g, "promoter").at("/clv/mean").asDouble(),
                        row.at("/clvVsReference/difference").asDouble(), 1e-9);
            }
        }
        assertEquals(300, n);
        assertEquals(find(g, "detractor").get("totalClv").asDouble(), g.at("/detractorValueAtRisk/clv").asDouble(), 1e-9);
    }

    private static JsonNode find(JsonNode groups, String name) {
        for (JsonNode row : groups.get("groups")) {
            if (row.get("group").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no group " + name);
    }

    @Test
    void paretoNbdModel() {
        CxTestSupport.Run r = cx(args("--model", "pareto-nbd"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Pareto/NBD"), r.out());
        assertTrue(r.out().contains("log-likelihood -9594.98 over 2357 customers"), r.out());
    }

    @Test
    void badInputSpeaksTheCommandLine() throws IOException {
        CxTestSupport.Run r = cx(args("--holdout-end", "1997-09-01"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--holdout-end must be after --calibration-end 1997-09-30: 1997-09-01"), r.err());
        r = cx("value", cdnow().toString(), "--columns", "customer=customer,time=date", "--calibration-end", "1997-09-30");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--columns needs amount=COL"), r.err());
        r = cx(args("--by", "nps=nps"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--by needs --survey"), r.err());
        r = cx("value", cdnow().toString(), "--columns", "customer=customer,time=date,amount=amount",
                "--calibration-end", "1996-12-31");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no customer made a first purchase on or before --calibration-end 1996-12-31"), r.err());
        assertEquals("", r.out());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "customer,date,amount\n1,1997-01-01,10\n1,1997-02-01,-3\n");
        r = cx("value", bad.toString(), "--columns", "customer=customer,time=date,amount=amount", "--calibration-end",
                "1997-09-30");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.csv:3:3: column 'amount' value '-3': transaction amount must be finite and >= 0"),
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void readsThroughTheSharedReadingOptions() throws IOException {
        CxTestSupport.Run r = cx(args("--format", "html"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format must be table or json for cx value (it has no HTML page): html"), r.err());
        // the shared --time-format and --zone reach the transaction reader (before the mixin, cx value had
        // neither): the CDNOW dates rewritten day first, at 23:30 local time, give the same fit as the ISO dates
        List<String> lines = Files.readAllLines(cdnow());
        StringBuilder dayFirst = new StringBuilder(lines.get(0)).append('\n');
        int dateColumn = List.of(lines.get(0).split(",")).indexOf("date");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String iso = f[dateColumn];
            f[dateColumn] = iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4) + " 23:30";
            dayFirst.append(String.join(",", f)).append('\n');
        }
        Path file = dir.resolve("dayfirst.csv");
        Files.writeString(file, dayFirst);
        String[] base = {"value", file.toString(), "--columns", "customer=customer,time=date,amount=amount",
            "--calibration-end", "1997-09-30", "--time-format", "dd/MM/yyyy HH:mm"};
        CxTestSupport.Run plain = cx(args());
        CxTestSupport.Run zoned = cx(concat(base, "--zone", "America/New_York"));
        assertEquals(0, zoned.code(), zoned.err());
        assertEquals(plain.out().replace(cdnow().toString(), "FILE"), zoned.out().replace(file.toString(), "FILE"));
        r = cx(base[0], base[1], base[2], base[3], base[4], base[5], "--time-format", "yyyy-MM-dd");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("dayfirst.csv:2:"), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }

    @Test
    void generatedCompanyShowsValueByNpsGroup() {
        Path data = dir.resolve("company");
        new SampleCompany(4000, 800, 2026).write(data, java.util.EnumSet.of(SampleCompany.Table.RESPONSES,
                SampleCompany.Table.TRANSACTIONS), java.util.EnumSet.of(SampleCompany.Format.CSV));
        CxTestSupport.Run r = cx("value", data.resolve("transactions.csv").toString(), "--columns",
                "customer=customer_id,time=purchased_on,amount=amount", "--calibration-end", "2026-09-30",
                "--holdout-end", "2026-12-31", "--survey", data.resolve("responses.csv").toString(), "--by", "nps=nps",
                "--survey-customer", "customer_id", "--format", "json");
        assertEquals(0, r.code(), r.err());
        try {
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertTrue(j.at("/model/converged").asBoolean() && j.at("/spend/converged").asBoolean(), r.out());
            // the generator draws amounts from Gamma-Gamma with p = q = 4: recovered within 3 SEs
            for (String p : List.of("p", "q")) {
                JsonNode e = j.at("/spend/parameters/" + p);
                assertTrue(Math.abs(e.get("estimate").asDouble() - 4) < 3 * e.get("se").asDouble(), p + ": " + e);
            }
            // promoters buy more often and spend more in the generator: their mean CLV is higher
            JsonNode g = j.get("groups");
            assertTrue(find(g, "detractor").at("/clvVsReference/difference").asDouble() < 0, g.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFitWhoseOptimumLiesAtTheEdgeIsReportedNotACrash() {
        // found: cx generate --responses 3000 --seed 11, then cx value --calibration-end 2026-09-30
        // exited 1 with "model parameter r must be finite and > 0: NaN"
        Path data = dir.resolve("company11");
        new SampleCompany(3000, 600, 11).write(data, java.util.EnumSet.of(SampleCompany.Table.TRANSACTIONS),
                java.util.EnumSet.of(SampleCompany.Format.CSV));
        CxTestSupport.Run r = cx("value", data.resolve("transactions.csv").toString(), "--columns",
                "customer=customer_id,time=purchased_on,amount=amount", "--calibration-end", "2026-09-30",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        try {
            JsonNode j = new ObjectMapper().readTree(r.out());
            for (String p : List.of("r", "alpha", "a", "b")) {
                JsonNode e = j.at("/model/parameters/" + p + "/estimate");
                assertTrue(e.isNumber() && e.asDouble() > 0 && Double.isFinite(e.asDouble()), p + ": " + j.get("model"));
            }
            assertTrue(j.at("/model/converged").isBoolean(), j.get("model").toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
