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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx report FILE --touchpoints CATALOG --by stage|area|channel}: the responses' touchpoint
 * column rolled up through the catalog, the touchpoints outside it named on stderr and in the JSON,
 * the column named in the input summary, and a file without a touchpoint column refused in CLI words.
 */
class ReportCatalogCommandTest {
    /** The sample company's touchpoints but support_phone, which is left out on purpose. */
    static final String SAMPLE_CATALOG = "touchpoint,channel,stage,area,name\n"
            + "social_ad,social,awareness,marketing,Social ad\n"
            + "product_page,web,consideration,product,Product page\n"
            + "checkout_web,web,purchase,sales,Web checkout\n"
            + "checkout_app,mobile_app,purchase,sales,App checkout\n"
            + "onboarding_app,mobile_app,onboarding,product,\n"
            + "onboarding_email,email,onboarding,product,\n"
            + "support_chat,chat,support,support,\n"
            + "support_email,email,support,support,\n"
            + "renewal,web,retention,supporting systems,\n"
            + "referral,web,advocacy,marketing,\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path responses;
    static Path catalog;

    @BeforeAll
    static void generate() throws IOException {
        new SampleCompany(3_000, 600, 11).write(dir, Set.of(SampleCompany.Table.RESPONSES),
                Set.of(SampleCompany.Format.CSV));
        responses = dir.resolve("responses.csv");
        catalog = Files.writeString(dir.resolve("touchpoints.csv"), SAMPLE_CATALOG, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String... args) throws IOException {
        CxTestSupport.Run r = cx(args);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "JSON says the unknown touchpoints itself");
        return JSON.readTree(r.out());
    }

    /** Per segment value of part {@code i}: the NPS answers. */
    private static Map<String, Long> npsN(JsonNode report, String part) {
        Map<String, Long> n = new HashMap<>();
        for (JsonNode s : report.get("segments")) {
            n.merge(s.get("key").get(part).asText(), s.get("nps").get("n").asLong(), Long::sum);
        }
        return n;
    }

    @Test
    void scoresByAreaAreTheTouchpointsOfEachAreaTogether() throws IOException {
        JsonNode byArea = json("report", responses.toString(), "--touchpoints", catalog.toString(), "--by", "area",
                "--format", "json");
        JsonNode byTouchpoint = json("report", responses.toString(), "--by", "touchpoint", "--format", "json");
        Map<String, Long> touchpoints = npsN(byTouchpoint, "touchpoint");
        Map<String, Long> areas = npsN(byArea, "area");
        assertEquals(touchpoints.get("checkout_web") + touchpoints.get("checkout_app"), areas.get("sales"));
        assertEquals(touchpoints.get("support_chat") + touchpoints.get("support_email"), areas.get("support"));
        assertEquals(touchpoints.get("support_phone"), areas.get("(not in catalog)"));
        assertEquals(byTouchpoint.get("overall"), byArea.get("overall"));
        JsonNode c = byArea.get("touchpointCatalog");
        assertEquals(catalog.toString(), c.get("file").asText());
        assertEquals(10, c.get("touchpoints").asInt());
        assertEquals("touchpoint", c.get("column").asText());
        assertEquals("area", c.get("level").asText());
        assertEquals("[\"support_phone\"]", c.get("notInCatalog").toString());
        assertEquals("touchpoint", byArea.get("input").get("columns").get("touchpoint").asText());
        assertEquals("[\"area\"]", byArea.get("segmentation").get("by").toString());
    }

    @Test
    void moreColumnsAfterTheLevelAndTheWeightsKeepWorking() throws IOException {
        Path weighted = Files.writeString(dir.resolve("w.csv"), "tp,region,nps,w\n"
                + "checkout_web,north,10,1\ncheckout_app,north,0,3\nsupport_chat,south,9,2\nkiosk,south,5,1\n",
                StandardCharsets.UTF_8);
        JsonNode j = json("report", weighted.toString(), "--touchpoints", catalog.toString(), "--touchpoint", "tp",
                "--by", "stage,region", "--weight", "w", "--format", "json");
        assertEquals("[\"stage\",\"region\"]", j.get("segmentation").get("by").toString());
        JsonNode purchase = j.get("segments").get(1);
        assertEquals("purchase", purchase.get("key").get("stage").asText());
        assertEquals("north", purchase.get("key").get("region").asText());
        // promoter weight 1, detractor weight 3: NPS = (1 - 3) / 4 = -50 points
        assertEquals(-50.0, purchase.get("nps").get("estimate").asDouble(), 1e-9);
        assertTrue(purchase.get("nps").get("weighted").asBoolean(), purchase.toString());
        assertEquals("w", j.get("input").get("weight").asText());
        assertEquals("(not in catalog)", j.get("segments").get(0).get("key").get("stage").asText());
    }

    @Test
    void theTableSaysTheColumnAndStderrTheTouchpointsOutsideTheCatalog() {
        CxTestSupport.Run r = cx("report", responses.toString(), "--touchpoints", catalog.toString(), "--by", "stage");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("touchpoint: column 'touchpoint' rolled up by stage through " + catalog
                + " (10 touchpoints); not in the catalog, under (not in catalog): support_phone"), r.out());
        assertTrue(r.out().contains("purchase"), r.out());
        assertEquals("cx: 1 touchpoint is not in " + catalog + " (responses there are under (not in catalog)):"
                + " support_phone", r.err().strip());
        CxTestSupport.Run html = cx("report", responses.toString(), "--touchpoints", catalog.toString(), "--by", "area",
                "--format", "html");
        assertEquals(0, html.code(), html.err());
        assertTrue(html.out().contains("Segments by area: the touchpoint column &#39;touchpoint&#39; rolled up through")
                || html.out().contains("Segments by area: the touchpoint column 'touchpoint' rolled up through"),
                html.out().substring(0, Math.min(3000, html.out().length())));
        assertTrue(html.out().contains("supporting systems"), "a segment of the area level is drawn");
    }

    @Test
    void aFileWithoutATouchpointColumnAndBadOptionsAreRefusedInCliWords() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "nps,region\n9,north\n", StandardCharsets.UTF_8);
        CxTestSupport.Run r = cx("report", plain.toString(), "--touchpoints", catalog.toString(), "--by", "area");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("cx: " + plain + ":1: no touchpoint column to roll up through " + catalog
                + ": expected a column named touchpoint, touchpoint_id or touchpoint_name (or name it with"
                + " --touchpoint COL); columns are: nps, region", r.err().strip());
        CxTestSupport.Run named = cx("report", plain.toString(), "--touchpoints", catalog.toString(), "--by", "area",
                "--touchpoint", "where");
        assertEquals(1, named.code(), named.err());
        assertTrue(named.err().contains("required column 'where' (touchpoint, to roll up through " + catalog
                + ") is not in the header"), named.err());
        CxTestSupport.Run noLevel = cx("report", responses.toString(), "--touchpoints", catalog.toString(), "--by",
                "region");
        assertEquals(Cx.USAGE, noLevel.code());
        assertTrue(noLevel.err().contains("--touchpoints needs --by stage, area or channel: 'region'"), noLevel.err());
        CxTestSupport.Run noCatalog = cx("report", responses.toString(), "--touchpoint", "touchpoint");
        assertEquals(Cx.USAGE, noCatalog.code());
        assertTrue(noCatalog.err().contains("--touchpoint names the touchpoint column of --touchpoints"),
                noCatalog.err());
    }
}
