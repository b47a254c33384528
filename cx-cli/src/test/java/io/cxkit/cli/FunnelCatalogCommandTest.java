package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx funnel --touchpoints FILE --by stage|area|channel}: journeys segmented by the catalog
 * entry of their first touchpoint, touchpoints outside the catalog named, bad options refused.
 */
class FunnelCatalogCommandTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    // home is marketing/awareness, cart sales/purchase; buy is not in the catalog.
    private static final String CATALOG = "touchpoint,channel,stage,area\n"
            + "home,web,awareness,marketing\n"
            + "cart,web,purchase,sales\n";

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void journeysAreSegmentedByTheStageOfTheirFirstTouchpoint() throws IOException {
        Path events = file("events.csv", JourneyCommandsTest.EVENTS);
        Path catalog = file("tp.csv", CATALOG);
        CxTestSupport.Run r = cx("funnel", events.toString(), "--steps", "home,cart,buy", "--within", "1d",
                "--touchpoints", catalog.toString(), "--by", "stage", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        // a, b and c enter at home (awareness), d at cart (purchase); within a day only a buys.
        JsonNode awareness = j.get("segments").get(0);
        assertEquals("awareness", awareness.get("key").get("stage").asText());
        assertEquals(3, awareness.get("result").get("journeys").asLong());
        assertEquals(1, awareness.get("result").get("completed").asLong());
        JsonNode purchase = j.get("segments").get(1);
        assertEquals("purchase", purchase.get("key").get("stage").asText());
        assertEquals(1, purchase.get("result").get("journeys").asLong());
        assertEquals(0, purchase.get("result").get("steps").get(0).get("entered").asLong());
        assertEquals(2, j.get("touchpointCatalog").get("touchpoints").asInt());
        assertEquals("buy", j.get("touchpointCatalog").get("notInCatalog").get(0).asText());
        CxTestSupport.Run table = cx("funnel", events.toString(), "--steps", "home,cart", "--touchpoints",
                catalog.toString(), "--by", "area");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("area=marketing"), table.out());
        assertTrue(table.out().contains("area=sales"), table.out());
        assertEquals("cx: 1 touchpoint is not in " + catalog + " (journeys entering there are under (not in catalog)):"
                + " buy", table.err().strip());
    }

    @Test
    void theCatalogNeedsALevelAndAGoodFile() throws IOException {
        Path events = file("events.csv", JourneyCommandsTest.EVENTS);
        Path catalog = file("tp.csv", CATALOG);
        CxTestSupport.Run noLevel = cx("funnel", events.toString(), "--steps", "home,cart", "--touchpoints",
                catalog.toString(), "--by", "segment");
        assertEquals(2, noLevel.code());
        assertTrue(noLevel.err().contains("--touchpoints needs --by stage, area or channel: 'segment'"), noLevel.err());
        Path bad = file("bad.csv", "touchpoint,channel,stage,area\nhome,web,awareness,billing\n");
        CxTestSupport.Run badFile = cx("funnel", events.toString(), "--steps", "home,cart", "--touchpoints",
                bad.toString(), "--by", "area");
        assertTrue(badFile.code() != 0, badFile.err());
        assertTrue(badFile.err().contains(bad + ":2:4") && badFile.err().contains("CX area must be one of"),
                badFile.err());
    }
}
