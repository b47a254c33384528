package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentationTest {

    private static final Instant T = Instant.parse("2026-03-31T23:30:00Z");

    @Test
    void keysFromAttributesAndPeriod() {
        Segmentation s = Segmentation.of("touchpoint", "channel").period(TimeGrain.MONTH, ZoneId.of("Europe/Berlin"));
        // 23:30 UTC on 31 March is already April in Berlin.
        assertEquals(SegmentKey.of("checkout", "web", "2026-04"),
                s.keyOf(Map.of("touchpoint", "checkout", "channel", "web", "other", "x"), T, "row 1"));
        assertEquals(List.of("touchpoint", "channel", "period"), s.partNames());
        assertEquals("Segmentation[touchpoint, channel, month in Europe/Berlin]", s.toString());
        Segmentation utc = Segmentation.of().period(TimeGrain.QUARTER, ZoneId.of("UTC"));
        assertEquals(SegmentKey.of("2026-Q1"), utc.keyOf(Map.of(), T, "row 1"));
        assertEquals("Segmentation[quarter in UTC]", utc.toString());
    }

    @Test
    void none() {
        Segmentation n = Segmentation.create();
        assertTrue(n.isNone());
        assertEquals(SegmentKey.overall(), n.keyOf(Map.of(), null, "x"));
        assertEquals("Segmentation[overall]", n.toString());
        assertEquals(List.of(), n.partNames());
    }

    @Test
    void badInput() {
        Segmentation s = Segmentation.of("touchpoint").period(TimeGrain.DAY, ZoneId.of("UTC"));
        assertEquals("respondent r3 has no value for segment attribute 'touchpoint'",
                assertThrows(IllegalArgumentException.class, () -> s.keyOf(Map.of(), T, "respondent r3")).getMessage());
        assertEquals("row 9 has no time, needed to segment by day", assertThrows(IllegalArgumentException.class,
                () -> s.keyOf(Map.of("touchpoint", "a"), null, "row 9")).getMessage());
        assertEquals("segment attribute name must not be blank: ' '",
                assertThrows(IllegalArgumentException.class, () -> Segmentation.of(" ")).getMessage());
        assertEquals("segment attribute named twice: 'a'",
                assertThrows(IllegalArgumentException.class, () -> Segmentation.of("a", "a")).getMessage());
    }
}
