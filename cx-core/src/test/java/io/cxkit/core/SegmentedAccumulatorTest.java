package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.ScaledCounter.Counts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentedAccumulatorTest {

    private static final SegmentKey WEB = SegmentKey.of("web");
    private static final SegmentKey APP = SegmentKey.of("app");

    private static SegmentedAccumulator<ScaledCounter, Counts> create(int scale) {
        return SegmentedAccumulator.of(new ScaledCounter(scale));
    }

    private static String message(Class<? extends Throwable> type,
            org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void segmentsAreCreatedOnDemandFromThePrototype() {
        ScaledCounter prototype = new ScaledCounter(10).accept(99); // prototype state is ignored
        SegmentedAccumulator<ScaledCounter, Counts> acc = SegmentedAccumulator.of(prototype);
        assertEquals(0, acc.size());
        assertTrue(acc.result().isEmpty());
        acc.segment(WEB).accept(1).accept(2);
        int app = acc.idOf(APP);
        acc.segment(app).accept(5);
        assertEquals(1, app);
        assertEquals(0, acc.idOf(WEB));
        assertEquals(2, acc.size());
        assertEquals(List.of(WEB, APP), acc.keys());
        assertEquals(APP, acc.keyOf(1));
        assertSame(acc.segment(WEB), acc.segment(0));
        SegmentedResult<Counts> r = acc.result();
        assertEquals(List.of(APP, WEB), r.keys());
        assertEquals(new Counts(2, 30), r.get(WEB));
        assertEquals(new Counts(1, 50), r.get(APP));
        assertEquals(Optional.empty(), r.find(SegmentKey.of("email")));
        assertEquals(Optional.of(new Counts(1, 50)), r.find(APP));
        assertEquals(2, r.size());
        assertEquals(Map.of(WEB, new Counts(2, 30), APP, new Counts(1, 50)), r.asMap());
        assertEquals(new Counts(1, 990), prototype.result());
        assertEquals("SegmentedAccumulator[2 segments of ScaledCounter: web, app]", acc.toString());
        assertEquals("SegmentedAccumulator[0 segments of ScaledCounter]", acc.emptyCopy().toString());
        String nl = System.lineSeparator();
        assertEquals("SegmentedResult (2 segments)" + nl + "  app: Counts[n=1, sum=50]" + nl
                + "  web: Counts[n=2, sum=30]", r.toString());
        assertNotSame(acc, acc.copy());
        assertEquals(r, acc.copy().result());
    }

    @Test
    void unknownIdsAndKeysAreReportedClearly() {
        SegmentedAccumulator<ScaledCounter, Counts> acc = create(1);
        assertEquals("segment id must be in [0, 0): 0 (no segments yet)",
                message(IllegalArgumentException.class, () -> acc.segment(0)));
        acc.idOf(WEB);
        assertEquals("segment id must be in [0, 1): 7", message(IllegalArgumentException.class,
                () -> acc.segment(7)));
        assertEquals("segment id must be in [0, 1): -1", message(IllegalArgumentException.class,
                () -> acc.keyOf(-1)));
        for (int i = 0; i < 7; i++) {
            acc.idOf(SegmentKey.of("k" + i));
        }
        assertEquals("no segment email among 8 segments: k0, k1, k2, k3, k4, ... (3 more)",
                message(IllegalArgumentException.class, () -> acc.result().get(SegmentKey.of("email"))));
        assertEquals("no segment email among 0 segments", message(IllegalArgumentException.class,
                () -> create(1).result().get(SegmentKey.of("email"))));
        assertEquals("segment key must not be null", message(NullPointerException.class,
                () -> acc.segment((SegmentKey) null)));
        assertEquals("prototype must not be null", message(NullPointerException.class,
                () -> SegmentedAccumulator.of((ScaledCounter) null)));
    }

    @Test
    void combineRemapsIdsThroughThisDictionary() {
        SegmentedAccumulator<ScaledCounter, Counts> a = create(2);
        a.segment(WEB).accept(1);
        SegmentedAccumulator<ScaledCounter, Counts> b = create(2);
        b.segment(APP).accept(3);
        b.segment(WEB).accept(4);
        assertSame(a, a.combine(b));
        assertEquals(List.of(WEB, APP), a.keys());
        assertEquals(new Counts(2, 10), a.result().get(WEB));
        assertEquals(new Counts(1, 6), a.result().get(APP));
        assertEquals(new Counts(1, 8), b.result().get(WEB)); // other unchanged
        a.combine(a);
        assertEquals(new Counts(4, 20), a.result().get(WEB));
        SegmentedAccumulator<ScaledCounter, Counts> copy = a.copy();
        copy.segment(WEB).accept(100);
        assertEquals(new Counts(4, 20), a.result().get(WEB));
        assertEquals(a.result().asMap().keySet(), copy.result().asMap().keySet());
    }

    @Test
    void incompatibleCombineFailsBeforeChangingAnything() {
        SegmentedAccumulator<ScaledCounter, Counts> a = create(1);
        a.segment(WEB).accept(1);
        SegmentedAccumulator<ScaledCounter, Counts> b = create(2);
        b.segment(APP).accept(1);
        b.segment(WEB).accept(1);
        assertEquals("cannot combine segmented accumulators: incompatible segments: "
                + "cannot combine counters with different scales: 1 and 2",
                message(IllegalArgumentException.class, () -> a.combine(b)));
        assertEquals(List.of(WEB), a.keys());
        assertEquals(new Counts(1, 1), a.result().get(WEB));
        // An incompatible, empty accumulator is rejected too: the check is on configuration.
        assertThrows(IllegalArgumentException.class, () -> a.combine(create(3)));
        assertEquals("other must not be null", message(NullPointerException.class, () -> a.combine(null)));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void combineRejectsADifferentAccumulatorClass() {
        SegmentedAccumulator a = create(1);
        SegmentedAccumulator<SegmentedAccumulator<ScaledCounter, Counts>, SegmentedResult<Counts>> nested =
                SegmentedAccumulator.of(create(1));
        assertEquals("cannot combine segmented accumulators of ScaledCounter and SegmentedAccumulator",
                message(IllegalArgumentException.class, () -> a.combine(nested)));
    }

    @Test
    void encodingRoundTrips() {
        SegmentedAccumulator<ScaledCounter, Counts> acc = create(3);
        acc.segment(SegmentKey.of("web", "2026-01")).accept(2);
        acc.segment(SegmentKey.overall()).accept(1).accept(1);
        acc.segment(SegmentKey.of("", "ü")).accept(7);
        SegmentedAccumulator<ScaledCounter, Counts> back =
                SegmentedAccumulator.decode(acc.encode(), ScaledCounter::decode);
        assertEquals(acc.keys(), back.keys());
        assertEquals(acc.result(), back.result());
        assertEquals(acc.result().hashCode(), back.result().hashCode());
        assertTrue(Arrays.equals(acc.encode(), back.encode()));
        SegmentedAccumulator<ScaledCounter, Counts> empty =
                SegmentedAccumulator.decode(create(5).encode(), ScaledCounter::decode);
        assertEquals(0, empty.size());
        // The decoded prototype keeps its configuration.
        assertThrows(IllegalArgumentException.class, () -> empty.combine(create(3)));
        empty.combine(SegmentedAccumulator.decode(create(5).encode(), ScaledCounter::decode));
    }

    @Test
    void everyTruncationIsRejected() {
        SegmentedAccumulator<ScaledCounter, Counts> acc = create(3);
        acc.segment(SegmentKey.of("web", "2026-01")).accept(2);
        byte[] bytes = acc.encode();
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(IllegalArgumentException.class,
                    () -> SegmentedAccumulator.decode(cut, ScaledCounter::decode), "length " + len);
        }
        assertEquals("encoded 'segmented' is truncated at byte 0 of 3", message(IllegalArgumentException.class,
                () -> SegmentedAccumulator.decode(new byte[3], ScaledCounter::decode)));
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 2);
        assertEquals("encoded 'segmented' has 2 unexpected trailing bytes", message(IllegalArgumentException.class,
                () -> SegmentedAccumulator.decode(trailing, ScaledCounter::decode)));
    }

    @Test
    void corruptedEncodingsAreRejected() {
        assertEquals("encoded accumulator is a 'test-scaled-counter', expected a 'segmented'",
                message(IllegalArgumentException.class, () -> SegmentedAccumulator.decode(
                        new ScaledCounter(1).encode(), ScaledCounter::decode)));
        byte[] prototype = new ScaledCounter(1).encode();
        byte[] negativeCount = Encoding.writer("segmented", 1).putBytes(prototype).putInt(-1).toBytes();
        assertEquals("encoded 'segmented' has a negative segment count: -1", message(IllegalArgumentException.class,
                () -> SegmentedAccumulator.decode(negativeCount, ScaledCounter::decode)));
        byte[] negativeParts = Encoding.writer("segmented", 1).putBytes(prototype).putInt(1).putInt(-2)
                .toBytes();
        assertEquals("encoded 'segmented' has a negative number of key parts of segment 0: -2",
                message(IllegalArgumentException.class,
                        () -> SegmentedAccumulator.decode(negativeParts, ScaledCounter::decode)));
        byte[] duplicate = Encoding.writer("segmented", 1).putBytes(prototype).putInt(2)
                .putInt(1).putString("web").putBytes(prototype)
                .putInt(1).putString("web").putBytes(prototype).toBytes();
        assertEquals("encoded 'segmented' has duplicate segment key web", message(IllegalArgumentException.class,
                () -> SegmentedAccumulator.decode(duplicate, ScaledCounter::decode)));
        byte[] mixed = Encoding.writer("segmented", 1).putBytes(prototype).putInt(1)
                .putInt(1).putString("web").putBytes(new ScaledCounter(2).encode()).toBytes();
        assertEquals("encoded 'segmented' segment web is incompatible with its prototype: "
                + "cannot combine counters with different scales: 1 and 2",
                message(IllegalArgumentException.class, () -> SegmentedAccumulator.decode(mixed, ScaledCounter::decode)));
        byte[] newer = Encoding.writer("segmented", 2).toBytes();
        assertEquals("encoded 'segmented' has payload version 2, newer than the newest this library reads (1)",
                message(IllegalArgumentException.class, () -> SegmentedAccumulator.decode(newer, ScaledCounter::decode)));
        byte[] badMagic = new ScaledCounter(1).encode();
        badMagic[0] = 'X';
        assertEquals("not a cxkit encoding: expected magic 0x43584143, found 0x58584143",
                message(IllegalArgumentException.class, () -> SegmentedAccumulator.decode(badMagic, ScaledCounter::decode)));
        assertEquals("decoder must not be null", message(NullPointerException.class,
                () -> SegmentedAccumulator.decode(prototype, null)));
    }

    @Test
    void segmentedResultsCompareByContent() {
        SegmentedResult<Counts> r = SegmentedResult.of(Map.of(WEB, new Counts(1, 1)));
        assertEquals(r, SegmentedResult.of(Map.of(WEB, new Counts(1, 1))));
        assertNotEquals(r, SegmentedResult.of(Map.of(APP, new Counts(1, 1))));
        assertNotEquals(r, (Object) "web");
        assertEquals("SegmentedResult (1 segment)" + System.lineSeparator() + "  web: Counts[n=1, sum=1]",
                r.toString());
        assertThrows(UnsupportedOperationException.class, () -> r.asMap().clear());
        assertEquals("results must not be null", message(NullPointerException.class,
                () -> SegmentedResult.of(null)));
        java.util.HashMap<SegmentKey, Counts> withNull = new java.util.HashMap<>();
        withNull.put(WEB, null);
        assertEquals("result for segment web must not be null", message(NullPointerException.class,
                () -> SegmentedResult.of(withNull)));
    }
}
