package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cx value --acquisition} on the CDNOW sample with hand-made channels and spend. */
class ValueAcquisitionTest {
    @TempDir
    Path dir;
    Path channels;
    Path spend;
    /** Customers per channel and first-purchase month, counted here from the raw file. */
    final Map<String, Integer> acquired = new HashMap<>();

    private static String channelOf(int id) {
        return id > 2000 ? null : id % 2 == 0 ? "search" : "social";
    }

    @BeforeEach
    void files() throws IOException {
        Map<String, String> first = new HashMap<>();
        for (String line : Files.readAllLines(ValueCommandTest.cdnow()).subList(1, Files.readAllLines(ValueCommandTest.cdnow()).size())) {
            String[] f = line.split(",");
            first.merge(f[0], f[1], (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        StringBuilder c = new StringBuilder("customer,channel\n");
        first.forEach((id, date) -> {
            String ch = channelOf(Integer.parseInt(id));
            if (ch != null) {
                c.append(id).append(',').append(ch).append('\n');
                acquired.merge(ch + " " + date.substring(0, 7), 1, Integer::sum);
            }
        });
        c.append("99999,search\n");
        channels = dir.resolve("channels.csv");
        Files.writeString(channels, c);
        spend = dir.resolve("spend.csv");
        Files.writeString(spend, "channel,period,spend\nsearch,1997-01,20000\nsearch,1997-02-01,9000\nsearch,1997-03,4000\n"
                + "social,1997-01,15000\nsocial,1997-03,3000\ntv,1997-02,5000\n");
    }

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("value", ValueCommandTest.cdnow().toString(), "--columns",
                "customer=customer,time=date,amount=amount", "--calibration-end", "1997-09-30", "--acquisition",
                spend.toString(), "--channels", channels.toString()));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void jsonGainsTheAcquisitionTables() throws IOException {
        CxTestSupport.Run r = cx(args("--format", "json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("cxkit/value/v1", j.get("schema").asText());
        JsonNode acq = j.get("acquisition");
        JsonNode cohorts = acq.get("cohorts");
        assertEquals(5, cohorts.size(), cohorts.toString());
        JsonNode s1 = cohorts.get(0);
        assertEquals("search", s1.get("channel").asText());
        assertEquals("1997-01", s1.get("cohort").asText());
        int n = acquired.get("search 1997-01");
        assertEquals(n, s1.get("customers").asInt());
        assertEquals(20000.0 / n, s1.get("cac").asDouble(), 1e-9);
        assertEquals(s1.get("meanClv").asDouble() / s1.get("cac").asDouble(), s1.get("clvToCac").asDouble(), 1e-12);
        // search over its three months
        JsonNode search = acq.get("channels").get(0);
        int all = acquired.get("search 1997-01") + acquired.get("search 1997-02") + acquired.get("search 1997-03");
        assertEquals(33000.0 / all, search.get("cac").asDouble(), 1e-9);
        // tv spent in a month without customers; social acquired in February without spend
        assertEquals("tv", acq.at("/spendWithoutCustomers/0/channel").asText());
        assertEquals(5000, acq.get("unmatchedSpend").asDouble(), 1e-9);
        assertEquals("social", acq.at("/customersWithoutSpend/0/channel").asText());
        assertEquals("1997-02", acq.at("/customersWithoutSpend/0/period").asText());
        assertEquals((int) acquired.get("social 1997-02"), acq.get("unmatchedCustomers").asInt());
        assertEquals(357, acq.get("customersWithoutChannel").asInt());
        assertEquals(1, acq.get("channelRowsWithoutCustomer").asInt());
        assertEquals(6, acq.at("/input/accepted").asInt());
        // CAC above the whole CLV is reported as not paying back, never as a number
        assertTrue(acq.get("channels").toString().contains("\"paybackMonths\":null")
                || acq.get("cohorts").toString().contains("\"paybackMonths\":null"), acq.toString());
    }

    @Test
    void tableShowsCacPaybackAndWhatWasLeftOut() {
        CxTestSupport.Run r = cx(args());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("Acquisition (spend " + spend + ": 6 rows; channels from " + channels + ", column 'channel': 2001"
                + " customers"), out);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "  %-14s %-8s %12.2f %9d %10.2f", "search", "1997-01",
                20000.0, acquired.get("search 1997-01"), 20000.0 / acquired.get("search 1997-01"))), out);
        assertTrue(out.contains("5000.00 spend in 1 channel-months without an acquired customer (tv 1997-02)"), out);
        assertTrue(out.contains("357 valued customers without a channel"), out);
    }

    @Test
    void skippedRowsOfBothFilesAreReported() throws IOException {
        Files.writeString(channels, Files.readString(channels) + ",search\n");
        Files.writeString(spend, Files.readString(spend) + "search,1997-04,-1\n");
        CxTestSupport.Run r = cx(args("--on-error", "skip"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  acquisition file: ") && r.out().contains("  channel file: "), r.out());
    }

    @Test
    void badInputIsNamedInTheCliWords() throws IOException {
        Files.writeString(spend, "channel,period,spend\nsearch,1997-01,-10\n");
        CxTestSupport.Run r = cx(args());
        assertEquals(true, r.code() != 0);
        assertTrue(r.err().contains("acquisition spend must be finite and >= 0: -10"), r.err());
        Files.writeString(spend, "channel,period,spend\nsearch,January,10\n");
        r = cx(args());
        assertTrue(r.code() != 0 && r.err().contains("acquisition period must be a month YYYY-MM"), r.err());
        Files.writeString(spend, "channel,period,spend\nradio,1997-01,10\n");
        r = cx(args());
        assertTrue(r.code() != 0 && r.err().contains("no channel and month has both acquisition spend and acquired"
                + " customers"), r.err());
        r = cx("value", ValueCommandTest.cdnow().toString(), "--columns", "customer=customer,time=date,amount=amount",
                "--calibration-end", "1997-09-30", "--acquisition", spend.toString());
        assertTrue(r.code() != 0 && r.err().contains("--acquisition needs --channels FILE"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }
}
