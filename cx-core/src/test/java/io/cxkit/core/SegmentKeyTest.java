package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentKeyTest {

    @Test
    void keysHavePartsAndLabels() {
        SegmentKey k = SegmentKey.of("web", "2026-01");
        assertEquals(List.of("web", "2026-01"), k.parts());
        assertEquals("2026-01", k.part(1));
        assertEquals(2, k.size());
        assertEquals("web|2026-01", k.label());
        assertEquals("web|2026-01", k.toString());
        assertFalse(k.isOverall());
        assertEquals(k, new SegmentKey(List.of("web", "2026-01")));
        assertEquals(k.hashCode(), new SegmentKey(List.of("web", "2026-01")).hashCode());
        assertSame(SegmentKey.overall(), SegmentKey.of());
        assertEquals(SegmentKey.overall(), new SegmentKey(List.of()));
        assertTrue(SegmentKey.overall().isOverall());
        assertEquals("(all)", SegmentKey.overall().label());
        assertEquals(0, SegmentKey.overall().size());
    }

    @Test
    void partsAreCopied() {
        String[] parts = {"a", "b"};
        SegmentKey k = SegmentKey.of(parts);
        parts[0] = "z";
        assertEquals("a", k.part(0));
        List<String> list = new ArrayList<>(List.of("a"));
        SegmentKey fromList = new SegmentKey(list);
        list.add("b");
        assertEquals(1, fromList.size());
        assertThrows(UnsupportedOperationException.class, () -> k.parts().add("c"));
    }

    @Test
    void keysSortLexicographicallyShorterFirst() {
        List<SegmentKey> keys = new ArrayList<>(List.of(SegmentKey.of("web", "b"), SegmentKey.of("app"),
                SegmentKey.of("web"), SegmentKey.overall(), SegmentKey.of("web", "a"), SegmentKey.of("")));
        Collections.shuffle(keys, new java.util.Random(7));
        Collections.sort(keys);
        assertEquals("[(all), , app, web, web|a, web|b]", keys.toString());
        assertEquals(0, SegmentKey.of("x").compareTo(SegmentKey.of("x")));
    }

    @Test
    void badInputIsRejected() {
        assertEquals("segment key part 1 must not be null", assertThrows(NullPointerException.class,
                () -> SegmentKey.of("web", null)).getMessage());
        assertEquals("segment key part 0 must not be null", assertThrows(NullPointerException.class,
                () -> new SegmentKey(Arrays.asList((String) null))).getMessage());
        assertEquals("segment key parts must not be null", assertThrows(NullPointerException.class,
                () -> SegmentKey.of((String[]) null)).getMessage());
        assertEquals("segment key part index must be in [0, 2): 2 (key web|2026-01)",
                assertThrows(IllegalArgumentException.class, () -> SegmentKey.of("web", "2026-01").part(2))
                        .getMessage());
        assertEquals("segment key part index must be in [0, 0): -1 (key (all))",
                assertThrows(IllegalArgumentException.class, () -> SegmentKey.overall().part(-1))
                        .getMessage());
    }

    @Test
    void dictionaryAssignsDenseIdsInFirstSeenOrder() {
        SegmentDictionary d = new SegmentDictionary();
        assertEquals("SegmentDictionary[0 keys]", d.toString());
        assertEquals(0, d.idOf(SegmentKey.of("web")));
        assertEquals(1, d.idOf(SegmentKey.of("app")));
        assertEquals(0, d.idOf(SegmentKey.of("web")));
        assertEquals(2, d.idOf(SegmentKey.overall()));
        assertEquals(3, d.size());
        assertEquals(1, d.find(SegmentKey.of("app")));
        assertEquals(-1, d.find(SegmentKey.of("email")));
        assertEquals(3, d.size());
        assertEquals(SegmentKey.of("app"), d.keyOf(1));
        assertEquals(List.of(SegmentKey.of("web"), SegmentKey.of("app"), SegmentKey.overall()), d.keys());
        assertEquals("SegmentDictionary[3 keys: web, app, (all)]", d.toString());
        assertEquals("segment id must be in [0, 3): 3", assertThrows(IllegalArgumentException.class,
                () -> d.keyOf(3)).getMessage());
        assertEquals("segment id must be in [0, 3): -1", assertThrows(IllegalArgumentException.class,
                () -> d.keyOf(-1)).getMessage());
        assertEquals("segment id must be in [0, 0): 0 (no segments yet)",
                assertThrows(IllegalArgumentException.class, () -> new SegmentDictionary().keyOf(0))
                        .getMessage());
        assertEquals("segment key must not be null", assertThrows(NullPointerException.class,
                () -> d.idOf(null)).getMessage());
        SegmentDictionary one = new SegmentDictionary();
        one.idOf(SegmentKey.of("x"));
        assertEquals("SegmentDictionary[1 key: x]", one.toString());
    }

    @Test
    void dictionaryToStringShowsAtMostTenKeys() {
        SegmentDictionary d = new SegmentDictionary();
        for (int i = 0; i < 12; i++) {
            d.idOf(SegmentKey.of("k" + i));
        }
        assertEquals("SegmentDictionary[12 keys: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, ... (2 more)]",
                d.toString());
    }
}
