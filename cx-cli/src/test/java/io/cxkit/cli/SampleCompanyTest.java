package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCompanyTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesAndExactCounts() throws IOException {
        SampleCompany c = new SampleCompany(1234, 100, 5);
        SampleCompany.Summary s1 = c.write(dir.resolve("a"), SampleCompany.allTables(),
                EnumSet.allOf(SampleCompany.Format.class));
        SampleCompany.Summary s2 = c.write(dir.resolve("b"), SampleCompany.allTables(),
                EnumSet.allOf(SampleCompany.Format.class));
        assertEquals(s1, s2);
        assertEquals(1234, s1.responses());
        assertEquals(100, s1.customers());
        for (String f : List.of("responses.csv", "interactions.csv", "tickets.csv", "customers.csv",
                "responses.ndjson", "interactions.ndjson", "tickets.ndjson", "customers.ndjson")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b")
                    .resolve(f)), f);
        }
        assertEquals(1235, Files.readAllLines(dir.resolve("a/responses.csv")).size());
        assertEquals(s1.interactions(), Files.readAllLines(dir.resolve("a/interactions.ndjson")).size());
        assertEquals(s1.tickets() + 1, Files.readAllLines(dir.resolve("a/tickets.csv")).size());
        assertEquals("interaction_id,customer_id,timestamp,stage,touchpoint,channel,duration_s,outcome,value",
                Files.readAllLines(dir.resolve("a/interactions.csv")).get(0));
        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("a/tickets.ndjson")).get(0));
        assertTrue(first.get("resolution_hours").isNumber());
        assertTrue(first.get("opened_at").asText().endsWith("Z"));
    }

    @Test
    void interactionsReadBackThroughJourneyEventReader() {
        SampleCompany.Summary s = new SampleCompany(2000, 200, 9).write(dir, SampleCompany.allTables(),
                EnumSet.allOf(SampleCompany.Format.class));
        for (String f : List.of("interactions.csv", "interactions.ndjson")) {
            long[] phone = {0};
            io.cxkit.io.ReadSummary r = io.cxkit.io.JourneyEventReader.builder().attributes("stage")
                    .build().read(dir.resolve(f), i -> phone[0] += i.channel().equals(io.cxkit.core.Channel.PHONE) ? 1 : 0);
            assertEquals(s.interactions(), r.accepted(), f);
            assertEquals(0, r.rejected().total());
            assertTrue(phone[0] > 0);
        }
    }

    @Test
    void generateCommand() {
        CxTestSupport.Run r = cx("generate", "--responses", "500", "--customers", "50", "--seed", "3", "--out",
                dir.toString(), "--tables", "responses,customers", "--format", "ndjson");
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote 500 responses, 0 interactions, 0 tickets, 50 customers to " + dir, r.out().strip());
        assertTrue(Files.exists(dir.resolve("responses.ndjson")));
        assertTrue(!Files.exists(dir.resolve("interactions.ndjson")));
    }

    @Test
    void validatesSizes() {
        assertThrows(IllegalArgumentException.class, () -> new SampleCompany(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SampleCompany(10, 11, 1));
    }
}
