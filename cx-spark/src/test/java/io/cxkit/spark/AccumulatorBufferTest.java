package io.cxkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.survey.NetPromoterScore;
import org.junit.jupiter.api.Test;

/** The buffer bean carries exactly the library's encoding, without Spark. */
class AccumulatorBufferTest {

    @Test
    void carriesTheLibrarysEncodingBothWays() {
        NetPromoterScore nps = NetPromoterScore.create();
        nps.accept(10);
        nps.accept(3, 2.5);
        AccumulatorBuffer live = new AccumulatorBuffer(nps);
        assertArrayEquals(nps.encode(), live.getEncoded());

        AccumulatorBuffer shipped = new AccumulatorBuffer();
        shipped.setEncoded(live.getEncoded());
        assertArrayEquals(nps.encode(), shipped.getEncoded());
        NetPromoterScore back = (NetPromoterScore) shipped.accumulator(StateKind.NPS);
        assertEquals(nps.result(), back.result());
        back.accept(9);
        assertArrayEquals(back.encode(), shipped.getEncoded());
    }

    @Test
    void rejectsAnotherMetricsEncodingAndAnEmptyBuffer() {
        AccumulatorBuffer b = new AccumulatorBuffer();
        assertThrows(IllegalStateException.class, () -> b.accumulator(StateKind.CES));
        b.setEncoded(NetPromoterScore.create().encode());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.accumulator(StateKind.CES));
        assertEquals("encoded accumulator is a 'nps', expected a 'ces'", e.getMessage());
    }
}
