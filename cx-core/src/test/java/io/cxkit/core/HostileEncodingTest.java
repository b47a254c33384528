package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.CraftedEncodings;
import org.junit.jupiter.api.Test;

/** Issue 11's hostile partial results in cx-core, each reproduced before it was fixed. */
class HostileEncodingTest {

    private static byte[] sketch(long count, long zeros, double min, double max, int first, long... buckets) {
        return Encoding.writer(QuantileSketch.TYPE, 1).putDouble(0.01).putLong(count).putLong(zeros)
                .putDouble(min).putDouble(max).putInt(first).putLongs(buckets).toBytes();
    }

    @Test
    void sketchBucketsFarFromTheRangeAreRejectedBeforeCombineAllocates() {
        // Before: accepted, then combine with a normal sketch allocated ~16 GB (OutOfMemoryError).
        byte[] far = sketch(1, 0, 5, 5, 1_000_000_000, 1);
        CorruptEncodingException e = assertThrows(CorruptEncodingException.class, () -> QuantileSketch.decode(far));
        assertTrue(e.getMessage().contains("buckets 1000000000..1000000000"), e.getMessage());
        byte[] negative = sketch(1, 0, 5, 5, Integer.MIN_VALUE + 1, 1);
        assertThrows(CorruptEncodingException.class, () -> QuantileSketch.decode(negative));
        QuantileSketch ok = QuantileSketch.create();
        ok.accept(5);
        assertEquals(ok.summary(), QuantileSketch.decode(ok.encode()).summary());
    }

    @Test
    void sketchCombineRefusesToOverflow() {
        QuantileSketch one = QuantileSketch.create();
        one.accept(5);
        QuantileSketch big = QuantileSketch.decode(CraftedEncodings.quantileSketch(Long.MAX_VALUE, 5));
        byte[] before = big.encode();
        assertThrows(IncompatibleAccumulatorException.class, () -> big.combine(one));
        assertArrayEquals(before, big.encode());
    }

    @Test
    void momentsWithImpossibleWeightSumsAreRejected() {
        Moments m = Moments.create();
        m.accept(3, 2);
        m.accept(4, 1);
        byte[] good = m.encode();
        assertEquals(m.result(), Moments.decode(good).result());
        // Σw² > (Σw)²: no weights can produce it
        byte[] bad = Encoding.writer("moments", 1).putLong(2).putBoolean(true).putDouble(3).putDouble(10)
                .putDouble(3.3).putDouble(0.6).putDouble(0.5).putDouble(0).toBytes();
        assertTrue(assertThrows(CorruptEncodingException.class, () -> Moments.decode(bad)).getMessage()
                .contains("Σw²=10.0"));
        byte[] nan = Encoding.writer("moments", 1).putLong(2).putBoolean(true).putDouble(Double.NaN).putDouble(1)
                .putDouble(3.3).putDouble(0.6).putDouble(0.5).putDouble(0).toBytes();
        assertThrows(CorruptEncodingException.class, () -> Moments.decode(nan));
        byte[] negativeN = Encoding.writer("moments", 1).putLong(-2).putBoolean(false).putDouble(-2).putDouble(-2)
                .putDouble(0).putDouble(0).putDouble(0).putDouble(0).toBytes();
        assertEquals("encoded 'moments' has a negative count: -2",
                assertThrows(CorruptEncodingException.class, () -> Moments.decode(negativeN)).getMessage());
    }

    @Test
    void weightsOutsideTheDocumentedRangeAreRejected() {
        // Before: 1.3e154 passed "finite and > 0" and w² overflowed (NaN effective n, infinite mean).
        Moments m = Moments.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.accept(1, 1.3e154));
        assertEquals("weight must be in [1e-100, 1e100] (divide all weights by a common factor): 1.3E154",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.accept(1, Double.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> m.accept(1, 1e-162));
        m.accept(1, 1e100);
        m.accept(3, 1e-100);
        m.accept(2, 1e100);
        MeanEstimate r = m.result();
        assertEquals(1.5, r.mean(), 1e-12);
        assertTrue(Double.isFinite(r.standardError()) && Double.isFinite(r.effectiveN()), r::toString);
        assertEquals(2.0, r.effectiveN(), 1e-9);
    }

    @Test
    void segmentedCombineThatWouldOverflowChangesNothing() {
        SegmentedAccumulator<QuantileSketch, QuantileSummary> a = SegmentedAccumulator.of(QuantileSketch.create());
        a.segment(SegmentKey.of("a")).accept(1);
        a.segment(SegmentKey.of("b")).combine(QuantileSketch.decode(CraftedEncodings.quantileSketch(Long.MAX_VALUE, 5)));
        SegmentedAccumulator<QuantileSketch, QuantileSummary> b = SegmentedAccumulator.of(QuantileSketch.create());
        b.segment(SegmentKey.of("a")).accept(2);
        b.segment(SegmentKey.of("b")).accept(5);
        byte[] before = a.encode();
        assertThrows(IncompatibleAccumulatorException.class, () -> a.combine(b));
        assertArrayEquals(before, a.encode());
    }
}
