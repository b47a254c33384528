package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The optional columns read back what was added whether a chunk is sparse or dense, and a log with
 * few optional fields stays within 24 bytes an event.
 */
class EventColumnsSparseProperties {

    /** Fills a chunk and a half at {@code fill}, so chunks stay sparse, turn dense or mix, and reads everything back. */
    @Property(tries = 40)
    void sparseAndDenseChunksReadLikePlainArrays(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1) double fill,
            @ForAll @IntRange(min = 0, max = EventColumns.CHUNK * 3 / 2) int n) {
        EventColumns cols = new EventColumns();
        for (int round = 0; round < 2; round++) { // the second round reuses the cleared chunks
            Random r = new Random(seed + round);
            long[] t = new long[n];
            int[][] ids = new int[5][n];
            double[] v = new double[n];
            for (int e = 0; e < n; e++) {
                t[e] = r.nextLong();
                ids[0][e] = r.nextInt(1000);
                ids[1][e] = r.nextDouble() < fill ? r.nextInt(Short.MAX_VALUE) : EventLog.NONE;
                ids[2][e] = r.nextDouble() < fill ? r.nextInt() & Integer.MAX_VALUE : EventLog.NONE;
                ids[3][e] = r.nextDouble() < fill ? r.nextInt(50) : EventLog.NONE;
                ids[4][e] = r.nextDouble() < fill ? r.nextInt(50) : EventLog.NONE;
                v[e] = r.nextDouble() < fill ? r.nextGaussian() : Double.NaN;
                cols.add(t[e], ids[0][e], e % 8, ids[1][e], ids[2][e], v[e], ids[3][e], ids[4][e]);
            }
            assertEquals(n, cols.size());
            for (int e = 0; e < n; e++) {
                String at = "event " + e + " fill " + fill + " seed " + seed + " round " + round;
                assertEquals(t[e], cols.timeAt(e), at);
                assertEquals(ids[0][e], cols.touchpointAt(e), at);
                assertEquals(e % 8, cols.channelAt(e), at);
                assertEquals(ids[1][e], cols.stageAt(e), at);
                assertEquals(ids[2][e], cols.outcomeAt(e), at);
                assertEquals(Double.doubleToLongBits(v[e]), Double.doubleToLongBits(cols.valueAt(e)), at);
                assertEquals(ids[3][e], cols.caseAt(e), at);
                assertEquals(ids[4][e], cols.segmentAt(e), at);
            }
            long optional = cols.residentBytes() - (long) EventColumns.BASE_BYTES * EventColumns.CHUNK
                    * ((n + EventColumns.CHUNK - 1) / EventColumns.CHUNK);
            // never more than dense columns for every slot (2+4+8+4+4 bytes) plus the per-chunk bookkeeping
            assertTrue(optional <= 22L * EventColumns.CHUNK * ((n + EventColumns.CHUNK - 1) / EventColumns.CHUNK) + 5 * 64,
                    "optional bytes " + optional);
            cols.clear();
            assertEquals(0, cols.size());
            assertEquals(0, cols.optionalColumns());
        }
    }

    @Test
    void aChunkTurnsDenseWhenDenseIsCheaperAndEmptyColumnsTakeNothing() {
        EventColumns cols = new EventColumns();
        for (int e = 0; e < EventColumns.CHUNK; e++) {
            cols.add(e, 1, 0, EventLog.NONE, EventLog.NONE, e % 16 == 0 ? e : Double.NaN, EventLog.NONE, EventLog.NONE);
        }
        assertFalse(cols.hasStages());
        assertFalse(cols.hasOutcomes());
        long base = (long) EventColumns.BASE_BYTES * EventColumns.CHUNK;
        // 1,024 values, the other columns untouched: a sparse chunk of 1,024 (2-byte offset + 8-byte value) pairs, not 8 bytes a slot
        assertEquals(base + 10 * 1024 + 4, cols.residentBytes()); // plus the one touched column's 4-byte chunk count
        EventColumns full = new EventColumns();
        for (int e = 0; e < EventColumns.CHUNK; e++) {
            full.add(e, 1, 0, 3, 7, e, EventLog.NONE, EventLog.NONE);
        }
        assertEquals(base + (2 + 4 + 8) * (long) EventColumns.CHUNK + 3 * 4, full.residentBytes());
        assertEquals(3, full.stageAt(EventColumns.CHUNK - 1));
        assertEquals(EventColumns.CHUNK - 1.0, full.valueAt(EventColumns.CHUNK - 1));
    }

    @Test
    void aLogWithSixPercentPurchasesTakesAtMost24BytesAnEvent() {
        // 200,000 events of 20,000 customers, 50 touchpoints, 8 channels, no stage; 6% carry a purchase with a value
        Channel[] channels = {Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL, Channel.PHONE, Channel.CHAT,
            Channel.STORE, Channel.SOCIAL, Channel.SMS};
        Random r = new Random(24);
        EventLog.Builder b = EventLog.builder();
        int purchases = 0;
        for (int i = 0; i < 200_000; i++) {
            boolean purchase = r.nextDouble() < 0.06;
            purchases += purchase ? 1 : 0;
            b.add("c" + r.nextInt(20_000), 1_700_000_000_000_000_000L + r.nextInt(1 << 30) * 1000L,
                    "tp" + r.nextInt(50), channels[r.nextInt(8)], null,
                    purchase ? "purchase" : null, purchase ? 10 + r.nextInt(500) : Double.NaN, null);
        }
        EventLog log = b.build();
        assertFalse(log.spilled());
        assertTrue(purchases > 11_000 && purchases < 13_000, "purchases " + purchases);
        double perEvent = (double) log.residentBytes() / log.size();
        System.out.println("EventLog residentBytes an event, 200k events / 20k customers / 6% purchases: " + perEvent);
        assertTrue(perEvent <= 24, "bytes an event: " + perEvent);
        assertTrue(perEvent >= EventColumns.BASE_BYTES, "bytes an event: " + perEvent);
    }
}
