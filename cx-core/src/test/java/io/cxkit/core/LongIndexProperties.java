package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link LongIndex} gives the indexes a {@link HashMap} numbering keys in order of first sight gives. */
class LongIndexProperties {

    @Property(tries = 200)
    void numbersKeysInOrderOfFirstSight(@ForAll List<@net.jqwik.api.constraints.LongRange(min = -40, max = 40) Long> small,
            @ForAll List<Long> any) {
        LongIndex ix = new LongIndex();
        Map<Long, Integer> expected = new HashMap<>();
        for (List<Long> keys : List.of(small, any)) {
            for (long k : keys) {
                int want = expected.computeIfAbsent(k, x -> expected.size());
                assertEquals(want, ix.indexOf(k));
                assertEquals(want, ix.find(k));
                assertEquals(k, ix.key(want));
            }
        }
        assertEquals(expected.size(), ix.size());
        assertEquals(-1, expected.containsKey(Long.MIN_VALUE) ? -1 : ix.find(Long.MIN_VALUE));
    }

    @Test
    void unknownIndexIsRefusedWithTheRange() {
        LongIndex ix = new LongIndex();
        ix.indexOf(3);
        assertEquals("key index must be in [0, 1): 1",
                assertThrows(IndexOutOfBoundsException.class, () -> ix.key(1)).getMessage());
        assertEquals("LongIndex[1 keys]", ix.toString());
    }
}
