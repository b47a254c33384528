package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 5: times keep their fraction of a second from the file to the result (funnel
 * windows, transition times, service durations), for ISO fractions and epoch milliseconds.
 */
class SubSecondTimesTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(CxTestSupport.Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void aFunnelWindowComparesFractionsOfASecond() throws IOException {
        // a: A at .900 and C at 02.999 is 2.099 s apart, outside a 2 s window (read as whole seconds it
        // was 10:00:00 to 10:00:02 and "converted"); b: exactly 2 s apart, inside (the window's end counts).
        Path f = file("e.csv", "customer_id,timestamp,touchpoint,channel\n"
                + "a,2026-03-02T10:00:00.900Z,A,web\n"
                + "a,2026-03-02T10:00:02.999Z,C,web\n"
                + "b,2026-03-02T11:00:00.250Z,A,web\n"
                + "b,2026-03-02T11:00:02.250Z,C,web\n");
        JsonNode j = json(cx("funnel", f.toString(), "--steps", "A,C", "--within", "2s", "--format", "json"));
        JsonNode o = j.get("overall");
        assertEquals(2, o.get("entered").asLong());
        assertEquals(1, o.get("completed").asLong());
        assertEquals(2.0, o.get("timeToConvertSeconds").get("max").asDouble(), 0);
    }

    @Test
    void epochMillisecondGapsKeepTheirFraction() throws IOException {
        // 1772445600000 ms = 2026-03-02T10:00:00Z; the next event 60.5 s later
        Path f = file("ms.csv", "customer_id,timestamp,touchpoint,channel\n"
                + "a,1772445600000,A,web\n"
                + "a,1772445660500,B,web\n");
        JsonNode j = json(cx("paths", f.toString(), "--format", "json"));
        JsonNode ab = null;
        for (JsonNode t : j.get("transitions")) {
            if (t.get("from").asText().equals("A") && t.get("to").asText().equals("B")) {
                ab = t;
            }
        }
        assertEquals(60.5, ab.get("timeSeconds").get("max").asDouble(), 0);
        assertEquals(60.5, ab.get("timeSeconds").get("min").asDouble(), 0);
    }

    @Test
    void serviceDurationsKeepTheirFraction() throws IOException {
        Path f = file("t.csv", "ticket_id,customer_id,timestamp,event_type,author\n"
                + "t1,a,2026-03-02T09:00:00.750Z,created,customer\n"
                + "t1,a,2026-03-02T09:01:31Z,agent_reply,agent\n"
                + "t1,a,1772442121125,solved,agent\n");
        JsonNode o = json(cx("service", f.toString(), "--format", "json")).get("overall");
        assertEquals(90.25, o.get("firstResponseSeconds").get("min").asDouble(), 0);
        // solved at 2026-03-02T09:02:01.125Z: 120.375 s after creation
        assertEquals(120.375, o.get("resolutionSeconds").get("max").asDouble(), 0);
    }

    @Test
    void attributionOrdersEventsWithinASecondByTheirFraction() throws IOException {
        // In the same second, search (.100) comes before ad (.900) although the file lists ad first.
        Path f = file("a.csv", "customer_id,timestamp,touchpoint,converted\n"
                + "a,2026-03-02T10:00:00.900Z,ad,0\n"
                + "a,2026-03-02T10:00:00.100Z,search,0\n"
                + "a,2026-03-02T10:05:00Z,checkout,1\n");
        JsonNode j = json(cx("attribution", f.toString(), "--model", "first", "--format", "json"));
        double search = -1;
        for (JsonNode c : j.get("credits")) {
            if (c.get("touchpoint").asText().equals("search")) {
                search = c.get("conversions").asDouble();
            }
        }
        assertEquals(1.0, search, 1e-12, j.toString());
    }
}
