package io.cxkit.journey.funnel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.core.QuantileSketch;
import org.junit.jupiter.api.Test;

/** Issue 11's hostile funnel partial result (moved here from HostileEncodingTest with the funnel package). */
class FunnelHostileEncodingTest {

    private static String message(Runnable r) {
        return assertThrows(CorruptEncodingException.class, r::run).getMessage();
    }

    @Test
    void funnelReachedAboveJourneysIsRejected() {
        Funnel f = Funnel.builder().steps("a", "b").build();
        byte[] empty = QuantileSketch.create().encode();
        // Before: decoded, then result() threw later. 5 reach step 1 of 3 journeys.
        byte[] bad = Encoding.writer(FunnelAccumulator.TYPE, 1).putString(f.signature()).putLong(3)
                .putLongs(new long[] {5, 0}).putBytes(empty).putBytes(empty).putBytes(empty).putBytes(empty).toBytes();
        assertTrue(message(() -> FunnelAccumulator.decode(bad, f)).contains("step 1 reached by 5, more than the 3"));
        byte[] increasing = Encoding.writer(FunnelAccumulator.TYPE, 1).putString(f.signature()).putLong(3)
                .putLongs(new long[] {1, 2}).putBytes(empty).putBytes(empty).putBytes(empty).putBytes(empty).toBytes();
        assertTrue(message(() -> FunnelAccumulator.decode(increasing, f)).contains("never increase"));
    }
}
