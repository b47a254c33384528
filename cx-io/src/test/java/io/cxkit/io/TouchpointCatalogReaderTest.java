package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.core.Channel;
import io.cxkit.core.CxArea;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.Touchpoint;
import io.cxkit.core.TouchpointCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The touchpoint catalog file: columns by name, stages and areas checked, bad rows failed or counted. */
class TouchpointCatalogReaderTest {
    private static final String GOOD = """
            Area,touchpoint,Channel,stage,name
            sales,checkout,web,purchase,Checkout page
            Supporting-Systems,billing,Web,Retention,
            support,hotline,phone,support,Support hotline
            """;

    private static TouchpointCatalogReader.Catalog read(String csv, ErrorPolicy policy) {
        return TouchpointCatalogReader.builder().errors(policy).build()
                .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "tp.csv", InputFormat.CSV);
    }

    @Test
    void readsEveryColumnByNameWithTheIdAsTheDefaultName() {
        TouchpointCatalogReader.Catalog c = read(GOOD, ErrorPolicy.FAIL);
        assertEquals(List.of(
                Touchpoint.of("billing", "billing", Channel.WEB, JourneyStage.RETENTION, CxArea.SUPPORTING_SYSTEMS),
                Touchpoint.of("checkout", "Checkout page", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES),
                Touchpoint.of("hotline", "Support hotline", Channel.PHONE, JourneyStage.SUPPORT, CxArea.SUPPORT)),
                c.catalog().touchpoints());
        assertEquals(3, c.read().rows());
        assertEquals(3, c.read().accepted());
        assertEquals(0, c.read().rejected().total());
        assertEquals(Map.of("touchpoint", "touchpoint", "channel", "Channel", "stage", "stage", "area", "Area",
                "name", "name"), c.read().columns());
    }

    @Test
    void aCustomStageNeedsItsOrder() {
        TouchpointCatalogReader.Catalog c = read("touchpoint,channel,stage,area,stage_order\n"
                + "renewal-call,phone,renewal,sales,7\nfaq,web,support,support,\n", ErrorPolicy.FAIL);
        assertEquals(JourneyStage.of("renewal", 7), c.catalog().find("renewal-call").orElseThrow().stage());
        assertEquals(JourneyStage.SUPPORT, c.catalog().find("faq").orElseThrow().stage());
    }

    @Test
    void badRowsFailWithTheirPlaceOrAreCountedWhenSkipped() {
        String csv = """
                touchpoint,channel,stage,area
                checkout,web,purchase,sales
                checkout,web,purchase,sales
                kiosk,store,buying,sales
                app,mobile_app,onboarding,billing
                ,web,purchase,sales
                """;
        BadInputException e = assertThrows(BadInputException.class, () -> read(csv, ErrorPolicy.FAIL));
        assertEquals("tp.csv:3:1: column 'touchpoint' value 'checkout': touchpoint 'checkout' is already in the"
                + " catalog (an earlier row)", e.getMessage());
        TouchpointCatalogReader.Catalog c = read(csv, ErrorPolicy.SKIP);
        assertEquals(1, c.catalog().size());
        assertEquals(5, c.read().rows());
        assertEquals(1, c.read().accepted());
        assertEquals(Map.of("repeated touchpoint", 1L, "unknown stage", 1L, "unknown area", 1L, "empty touchpoint", 1L),
                c.read().rejected().counts());
        assertEquals("tp.csv:4:3: column 'stage' value 'buying': stage must be one of awareness, consideration,"
                + " purchase, onboarding, support, retention, advocacy, or give its position in a stage_order column:"
                + " 'buying'", c.read().rejected().examples().get("unknown stage").get(0).toString());
        assertEquals(TouchpointCatalog.UNKNOWN, c.catalog().segment("kiosk", TouchpointCatalog.Level.STAGE));
    }

    @Test
    void aMissingColumnOrAnEmptyFileIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> read("touchpoint,channel,stage\ncheckout,web,purchase\n", ErrorPolicy.FAIL));
        assertEquals(true, e.getMessage().contains("area"), e.getMessage());
        BadInputException empty = assertThrows(BadInputException.class,
                () -> read("touchpoint,channel,stage,area\n", ErrorPolicy.FAIL));
        assertEquals(true, empty.getMessage().endsWith("the file has a header but no data rows"), empty.getMessage());
    }
}
