package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The touchpoint catalog: lookups, segments at each level, unknown touchpoints, and bad input. */
class TouchpointCatalogTest {
    private static final Touchpoint CHECKOUT = Touchpoint.of("checkout", "Checkout page", Channel.WEB,
            JourneyStage.PURCHASE, CxArea.SALES);
    private static final Touchpoint HOTLINE = Touchpoint.of("hotline", "Support hotline", Channel.PHONE,
            JourneyStage.SUPPORT, CxArea.SUPPORTING_SYSTEMS);
    private static final TouchpointCatalog CATALOG = TouchpointCatalog.of(List.of(HOTLINE, CHECKOUT));

    @Test
    void segmentsByStageAreaAndChannel() {
        assertEquals("purchase", CATALOG.segment("checkout", TouchpointCatalog.Level.STAGE));
        assertEquals("supporting systems", CATALOG.segment("hotline", TouchpointCatalog.Level.AREA));
        assertEquals("phone", CATALOG.segment("hotline", TouchpointCatalog.Level.CHANNEL));
        assertEquals(TouchpointCatalog.UNKNOWN, CATALOG.segment("kiosk", TouchpointCatalog.Level.AREA));
        assertEquals(Optional.of(CHECKOUT), CATALOG.find("checkout"));
        assertEquals(Optional.empty(), CATALOG.find("Checkout"));
        assertEquals(List.of(CHECKOUT, HOTLINE), CATALOG.touchpoints());
        assertEquals(List.of("kiosk", "null"), CATALOG.unknown(Arrays.asList("kiosk", "checkout", null, "kiosk")));
        assertEquals("TouchpointCatalog[2 touchpoints, 2 stages, 2 areas]", CATALOG.toString());
    }

    @Test
    void aRepeatedIdOrAMissingEntryIsRefused() {
        assertEquals("touchpoint ids must be unique in a catalog: 'checkout' appears twice",
                assertThrows(IllegalArgumentException.class,
                        () -> TouchpointCatalog.of(List.of(CHECKOUT, CHECKOUT))).getMessage());
        assertEquals("touchpoints[1] must not be null", assertThrows(NullPointerException.class,
                () -> TouchpointCatalog.of(Arrays.asList(CHECKOUT, null))).getMessage());
        assertEquals("level must not be null", assertThrows(NullPointerException.class,
                () -> CATALOG.segment("checkout", null)).getMessage());
    }

    @Test
    void areasReadTheirLabelsAndConstantNames() {
        for (CxArea a : CxArea.values()) {
            assertEquals(a, CxArea.parse(a.label()));
            assertEquals(a, CxArea.parse(a.name()));
        }
        assertEquals(CxArea.SUPPORTING_SYSTEMS, CxArea.parse(" Supporting-Systems "));
        assertEquals("CX area must be one of marketing, sales, product, supporting systems, integrations, support,"
                + " policies: 'billing'", assertThrows(IllegalArgumentException.class,
                        () -> CxArea.parse("billing")).getMessage());
    }

    @Test
    void scoresByTouchpointRollUpToScoresByArea() {
        SegmentedAccumulator<Moments, ?> byTouchpoint = SegmentedAccumulator.of(Moments.create());
        SegmentedAccumulator<Moments, ?> byArea = SegmentedAccumulator.of(Moments.create());
        String[][] rows = {{"checkout", "web"}, {"hotline", "phone"}, {"kiosk", "store"}, {"checkout", "phone"}};
        double v = 1;
        for (String[] r : rows) {
            byTouchpoint.segment(byTouchpoint.idOf(SegmentKey.of(r[0], r[1]))).accept(v);
            byArea.segment(byArea.idOf(SegmentKey.of(CATALOG.segment(r[0], TouchpointCatalog.Level.AREA), r[1])))
                    .accept(v);
            v *= 3;
        }
        assertEquals(byArea.result().asMap(),
                byTouchpoint.rollUp(CATALOG.rollUp(0, TouchpointCatalog.Level.AREA)).result().asMap());
        assertEquals(List.of(SegmentKey.of("sales", "web"), SegmentKey.of("supporting systems", "phone"),
                SegmentKey.of("(not in catalog)", "store"), SegmentKey.of("sales", "phone")),
                byTouchpoint.rollUp(CATALOG.rollUp(0, TouchpointCatalog.Level.AREA)).keys());
        assertEquals("segment key (all) has no part 0 to hold a touchpoint id", assertThrows(IllegalArgumentException.class,
                () -> CATALOG.rollUp(0, TouchpointCatalog.Level.STAGE).apply(SegmentKey.overall())).getMessage());
    }
}
