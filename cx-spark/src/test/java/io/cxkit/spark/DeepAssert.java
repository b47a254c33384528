package io.cxkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two library results component by component, through records, lists, maps and optionals:
 * doubles to 1e-12 relative (NaN equals NaN), everything else (counts, names, enums) exactly. So a
 * Spark result is checked against the local library's in every field, without a hand-written list
 * of fields that could miss one.
 */
final class DeepAssert {
    private DeepAssert() {
    }

    static void assertClose(Object expected, Object actual, String path) {
        if (expected instanceof Double e && actual instanceof Double a) {
            if (e.isNaN()) {
                assertTrue(a.isNaN(), path + ": expected NaN, was " + a);
            } else if (e.isInfinite()) {
                assertEquals(e, a, path);
            } else {
                assertEquals(e, a, 1e-12 * Math.max(1, Math.abs(e)), path);
            }
        } else if (expected instanceof double[] e && actual instanceof double[] a) {
            assertEquals(e.length, a.length, path + " length");
            for (int i = 0; i < e.length; i++) {
                assertClose(e[i], a[i], path + "[" + i + "]");
            }
        } else if (expected != null && expected.getClass().isRecord()) {
            assertEquals(expected.getClass(), actual == null ? null : actual.getClass(), path);
            for (RecordComponent c : expected.getClass().getRecordComponents()) {
                try {
                    assertClose(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual), path + "." + c.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(path + "." + c.getName(), e);
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            assertEquals(e.size(), a.size(), path + " size");
            for (int i = 0; i < e.size(); i++) {
                assertClose(e.get(i), a.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            assertEquals(e.keySet(), a.keySet(), path + " keys");
            Iterator<? extends Map.Entry<?, ?>> it = e.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> entry = it.next();
                assertClose(entry.getValue(), a.get(entry.getKey()), path + "[" + entry.getKey() + "]");
            }
        } else if (expected instanceof Optional<?> e && actual instanceof Optional<?> a) {
            assertEquals(e.isPresent(), a.isPresent(), path + " present");
            if (e.isPresent()) {
                assertClose(e.get(), a.get(), path + ".get");
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
