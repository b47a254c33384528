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
 * {@code cx paths --touchpoints CATALOG [--level stage|area|channel]}: each event's touchpoint is
 * mapped to its catalog level before the path is formed, repeats of a stage collapse to the natural
 * stage path, anchors are stages, and touchpoints outside the catalog are named.
 */
class PathsCatalogCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // buy is not in the catalog
    private static final String CATALOG = "touchpoint,channel,stage,area\n"
            + "home,web,awareness,marketing\n"
            + "cart,web,purchase,sales\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void pathsOverStagesCollapseToTheNaturalStagePath() throws IOException {
        Path events = file("events.csv", JourneyCommandsTest.EVENTS);
        Path catalog = file("tp.csv", CATALOG);
        CxTestSupport.Run whole = cx("paths", events.toString(), "--format", "json");
        CxTestSupport.Run r = cx("paths", events.toString(), "--touchpoints", catalog.toString(), "--collapse-repeats",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = JSON.readTree(r.out());
        JsonNode plain = JSON.readTree(whole.out());
        assertEquals(plain.get("journeysTotal"), j.get("journeysTotal"));
        assertEquals("stage", j.get("touchpointCatalog").get("level").asText());
        assertEquals("[\"buy\"]", j.get("touchpointCatalog").get("notInCatalog").toString());
        for (JsonNode p : j.get("top")) {
            for (int i = 1; i < p.get("path").size(); i++) {
                assertTrue(!p.get("path").get(i).equals(p.get("path").get(i - 1)), "repeats collapsed: " + p);
            }
            for (JsonNode s : p.get("path")) {
                assertTrue(java.util.Set.of("awareness", "purchase", "(not in catalog)").contains(s.asText()), p.toString());
            }
        }
        for (JsonNode t : j.get("transitions")) {
            assertTrue(!t.get("from").asText().equals("home") && !t.get("to").asText().equals("cart"), t.toString());
        }
        CxTestSupport.Run table = cx("paths", events.toString(), "--touchpoints", catalog.toString(), "--level", "area",
                "--to", "sales", "--depth", "1");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("Paths: to sales (1 before), touchpoints as their area in " + catalog),
                table.out());
        assertTrue(table.out().contains("marketing > sales"), table.out());
        assertEquals("cx: 1 touchpoint is not in " + catalog + " (their events count as (not in catalog)): buy",
                table.err().strip());
    }

    @Test
    void badLevelsAndAnchorsAreRefused() throws IOException {
        Path events = file("events.csv", JourneyCommandsTest.EVENTS);
        Path catalog = file("tp.csv", CATALOG);
        CxTestSupport.Run noCatalog = cx("paths", events.toString(), "--level", "stage");
        assertEquals(Cx.USAGE, noCatalog.code());
        assertTrue(noCatalog.err().contains("--level needs --touchpoints"), noCatalog.err());
        CxTestSupport.Run badLevel = cx("paths", events.toString(), "--touchpoints", catalog.toString(), "--level",
                "team");
        assertEquals(Cx.USAGE, badLevel.code());
        assertTrue(badLevel.err().contains("--touchpoints needs --level stage, area or channel: 'team'"),
                badLevel.err());
        CxTestSupport.Run anchor = cx("paths", events.toString(), "--touchpoints", catalog.toString(), "--to", "cart");
        assertEquals(1, anchor.code(), anchor.err());
        assertTrue(anchor.err().contains("unknown stage 'cart': it never occurs in " + events + " through " + catalog
                + "; stages are [(not in catalog), awareness, purchase]"), anchor.err());
    }
}
