package io.cxkit.journey;

import java.util.Arrays;

/**
 * The per-event columns of an {@link EventLog} in chunks of {@value #CHUNK} events: time (epoch
 * nanoseconds, 8 bytes) and touchpoint id (4) and channel id (2), 14 bytes an event, always; the
 * stage id, outcome id, value, case id and segment id are {@link SparseColumn}s: nothing while no
 * event has one, then per chunk the offsets that have one beside their values, dense (2, 4, 8, 4
 * and 4 bytes a slot) once that is cheaper. Growing adds one chunk per column, so no column is ever
 * copied whole. Absent ids read as {@link EventLog#NONE}, an absent value as NaN.
 */
final class EventColumns {
    static final int SHIFT = 14;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;
    /** Bytes an event takes in the columns that are always present. */
    static final int BASE_BYTES = 8 + 4 + 2;

    private long[][] time = new long[1][];
    private int[][] touchpoint = new int[1][];
    private short[][] channel = new short[1][];
    private final SparseColumn.Shorts stage = new SparseColumn.Shorts();
    private final SparseColumn.Ints outcome = new SparseColumn.Ints();
    private final SparseColumn.Doubles value = new SparseColumn.Doubles();
    private final SparseColumn.Ints caseId = new SparseColumn.Ints();
    private final SparseColumn.Ints segment = new SparseColumn.Ints();
    private int size;
    private int chunks;

    int size() {
        return size;
    }

    boolean hasStages() {
        return stage.present();
    }

    boolean hasOutcomes() {
        return outcome.present();
    }

    boolean hasValues() {
        return value.present();
    }

    boolean hasCases() {
        return caseId.present();
    }

    boolean hasSegments() {
        return segment.present();
    }

    /** Which optional columns hold a value: 1 outcome, 2 value, 4 case id, 8 segment, 16 stage. */
    int optionalColumns() {
        return (hasOutcomes() ? 1 : 0) | (hasValues() ? 2 : 0) | (hasCases() ? 4 : 0) | (hasSegments() ? 8 : 0)
                | (hasStages() ? 16 : 0);
    }

    /** Bytes an event takes at most in the columns that hold a value (the optional ones counted dense). */
    int bytesPerEvent() {
        return BASE_BYTES + (hasStages() ? 2 : 0) + (hasOutcomes() ? 4 : 0) + (hasValues() ? 8 : 0)
                + (hasCases() ? 4 : 0) + (hasSegments() ? 4 : 0);
    }

    /**
     * Empties the columns for reuse, keeping every chunk; resetting the optional columns costs
     * the events that were held in dense chunks, not the chunk size.
     */
    void clear() {
        stage.clear(size);
        outcome.clear(size);
        value.clear(size);
        caseId.clear(size);
        segment.clear(size);
        size = 0;
        chunks = 0;
    }

    /** Appends one event; absent ids are {@link EventLog#NONE}, an absent value NaN. */
    void add(long t, int tp, int ch, int st, int oc, double v, int cs, int sg) {
        int c = size >>> SHIFT;
        int i = size & MASK;
        if (c == chunks) {
            addChunk();
        }
        time[c][i] = t;
        touchpoint[c][i] = tp;
        channel[c][i] = (short) ch;
        if (st != EventLog.NONE) {
            stage.set(c, i, st);
        }
        if (oc != EventLog.NONE) {
            outcome.set(c, i, oc);
        }
        if (!Double.isNaN(v)) {
            value.set(c, i, v);
        }
        if (cs != EventLog.NONE) {
            caseId.set(c, i, cs);
        }
        if (sg != EventLog.NONE) {
            segment.set(c, i, sg);
        }
        size++;
    }

    /** Appends event {@code e} of {@code from}. */
    void addFrom(EventColumns from, int e) {
        add(from.timeAt(e), from.touchpointAt(e), from.channelAt(e), from.stageAt(e), from.outcomeAt(e),
                from.valueAt(e), from.caseAt(e), from.segmentAt(e));
    }

    /**
     * One bit per event of {@code e} in [0, size()): set when the event has a value in some optional
     * column. A copy in another order ({@link #addFrom(EventBuffer.Sorted, int, EventColumns, long[])}) reads the
     * optional columns, a binary search per column in a sparse chunk, only where a bit is set.
     */
    long[] withOptional() {
        long[] bits = new long[(size >>> 6) + 1];
        stage.mark(bits, size);
        outcome.mark(bits, size);
        value.mark(bits, size);
        caseId.mark(bits, size);
        segment.mark(bits, size);
        return bits;
    }

    /** Whether event {@code e} has a bit in {@link #withOptional()}'s {@code bits}. */
    static boolean marked(long[] bits, int e) {
        return (bits[e >>> 6] & (1L << e)) != 0;
    }

    /**
     * Appends event {@code k} of {@code sorted}; its optional fields are read from {@code from} (at
     * the event's source position) only when {@code optional} marks it.
     */
    void addFrom(EventBuffer.Sorted sorted, int k, EventColumns from, long[] optional) {
        int e = sorted.source[k];
        if (marked(optional, e)) {
            add(sorted.time[k], sorted.touchpoint[k], sorted.channel[k], from.stageAt(e), from.outcomeAt(e),
                    from.valueAt(e), from.caseAt(e), from.segmentAt(e));
        } else {
            add(sorted.time[k], sorted.touchpoint[k], sorted.channel[k], EventLog.NONE, EventLog.NONE, Double.NaN,
                    EventLog.NONE, EventLog.NONE);
        }
    }

    private void addChunk() {
        if (chunks == time.length) {
            int n = time.length * 2;
            time = Arrays.copyOf(time, n);
            touchpoint = Arrays.copyOf(touchpoint, n);
            channel = Arrays.copyOf(channel, n);
        }
        int c = chunks;
        if (time[c] == null) {
            time[c] = new long[CHUNK];
            touchpoint[c] = new int[CHUNK];
            channel[c] = new short[CHUNK];
        }
        chunks++;
    }

    long timeAt(int e) {
        return time[e >>> SHIFT][e & MASK];
    }

    int touchpointAt(int e) {
        return touchpoint[e >>> SHIFT][e & MASK];
    }

    int channelAt(int e) {
        return channel[e >>> SHIFT][e & MASK];
    }

    int stageAt(int e) {
        return stage.get(e >>> SHIFT, e & MASK);
    }

    int outcomeAt(int e) {
        return outcome.get(e >>> SHIFT, e & MASK);
    }

    double valueAt(int e) {
        return value.get(e >>> SHIFT, e & MASK);
    }

    int caseAt(int e) {
        return caseId.get(e >>> SHIFT, e & MASK);
    }

    int segmentAt(int e) {
        return segment.get(e >>> SHIFT, e & MASK);
    }

    /**
     * Bytes the column arrays take: {@value #BASE_BYTES} an event slot in every allocated chunk,
     * plus what the optional columns' sparse and dense chunks take ({@link SparseColumn#residentBytes()}).
     */
    long residentBytes() {
        long b = allocatedChunks(time) * (long) CHUNK * BASE_BYTES;
        return b + stage.residentBytes() + outcome.residentBytes() + value.residentBytes() + caseId.residentBytes()
                + segment.residentBytes();
    }

    private static int allocatedChunks(Object[] chunksOf) {
        int n = 0;
        for (Object c : chunksOf) {
            if (c != null) {
                n++;
            }
        }
        return n;
    }
}
