package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** cx-core's types decode from their bytes alone, through the codec table, also as segments. */
class CoreCodecTest {

    @Test
    void coreTypesDecodeByTheirTypeName() {
        Moments m = Moments.create();
        m.accept(3.0);
        m.accept(5.0, 2.0);
        QuantileSketch q = QuantileSketch.create();
        q.accept(12.5);
        assertEquals("moments", Encoding.typeOf(m.encode()));
        assertEquals(m.result(), AccumulatorCodec.decodeAny(m.encode()).result());
        assertEquals(q.result().toString(), AccumulatorCodec.decodeAny(q.encode()).result().toString());
        assertEquals(3, new CoreCodec().decoders().size());
    }

    @Test
    void aSegmentedAccumulatorOfMomentsDecodesWithoutBeingToldItsType() {
        SegmentedAccumulator<Moments, MeanEstimate> acc = SegmentedAccumulator.of(Moments.create());
        acc.segment(acc.idOf(SegmentKey.of("web"))).accept(4.0);
        acc.segment(acc.idOf(SegmentKey.of("app"))).accept(2.0);
        SegmentedAccumulator<?, ?> back = SegmentedAccumulator.decode(acc.encode());
        assertEquals(acc.result(), back.result());
        assertEquals(acc.result(), AccumulatorCodec.decodeAny(acc.encode()).result());
    }

    @Test
    void aHeaderThatIsNotCxkitsIsCorrupt() {
        CorruptEncodingException e = assertThrows(CorruptEncodingException.class,
                () -> Encoding.typeOf(new byte[] {1, 2, 3, 4, 0, 1}));
        assertTrue(e.getMessage().startsWith("not a cxkit encoding"), e.getMessage());
        assertThrows(NullPointerException.class, () -> AccumulatorCodec.decodeAny(null));
    }
}
