package io.cxkit.journey;

import java.util.Arrays;

/**
 * The per-event columns of an {@link EventLog} in chunks of {@value #CHUNK} events: time (epoch
 * nanoseconds, 8 bytes), touchpoint id (4), channel id (2) and stage id (2), 16 bytes an event; the
 * outcome id (4), value (8), case id (4) and segment id (4) columns get chunks only once an event
 * has one. Growing
 * adds one chunk per column, so no column is ever copied whole. Absent ids read as
 * {@link EventLog#NONE}, an absent value as NaN.
 */
final class EventColumns {
    static final int SHIFT = 14;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;
    /** Bytes an event takes in the columns that are always present. */
    static final int BASE_BYTES = 8 + 4 + 2 + 2;

    private long[][] time = new long[1][];
    private int[][] touchpoint = new int[1][];
    private short[][] channel = new short[1][];
    private short[][] stage = new short[1][];
    private int[][] outcome; // null until an event has one; chunks null until then too
    private double[][] value;
    private int[][] caseId;
    private int[][] segment;
    private int size;
    private int chunks;

    int size() {
        return size;
    }

    boolean hasOutcomes() {
        return outcome != null;
    }

    boolean hasValues() {
        return value != null;
    }

    boolean hasCases() {
        return caseId != null;
    }

    boolean hasSegments() {
        return segment != null;
    }

    /** Which optional columns exist: 1 outcome, 2 value, 4 case id, 8 segment. */
    int optionalColumns() {
        return (outcome != null ? 1 : 0) | (value != null ? 2 : 0) | (caseId != null ? 4 : 0) | (segment != null ? 8 : 0);
    }

    /** Bytes an event takes in the columns that exist. */
    int bytesPerEvent() {
        return BASE_BYTES + (outcome != null ? 4 : 0) + (value != null ? 8 : 0) + (caseId != null ? 4 : 0)
                + (segment != null ? 4 : 0);
    }

    /**
     * Empties the columns for reuse, keeping every chunk; resetting the optional columns costs
     * the events that were held, not the chunk size.
     */
    void clear() {
        for (int c = 0; c * CHUNK < size; c++) {
            int n = Math.min(CHUNK, size - c * CHUNK);
            if (outcome != null && outcome[c] != null) {
                Arrays.fill(outcome[c], 0, n, EventLog.NONE);
            }
            if (value != null && value[c] != null) {
                Arrays.fill(value[c], 0, n, Double.NaN);
            }
            if (caseId != null && caseId[c] != null) {
                Arrays.fill(caseId[c], 0, n, EventLog.NONE);
            }
            if (segment != null && segment[c] != null) {
                Arrays.fill(segment[c], 0, n, EventLog.NONE);
            }
        }
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
        stage[c][i] = (short) st;
        if (oc != EventLog.NONE) {
            outcome = idChunk(outcome, c);
            outcome[c][i] = oc;
        }
        if (!Double.isNaN(v)) {
            valueChunk(c)[i] = v;
        }
        if (cs != EventLog.NONE) {
            caseId = idChunk(caseId, c);
            caseId[c][i] = cs;
        }
        if (sg != EventLog.NONE) {
            segment = idChunk(segment, c);
            segment[c][i] = sg;
        }
        size++;
    }

    /** Appends event {@code e} of {@code from}. */
    void addFrom(EventColumns from, int e) {
        add(from.timeAt(e), from.touchpointAt(e), from.channelAt(e), from.stageAt(e), from.outcomeAt(e),
                from.valueAt(e), from.caseAt(e), from.segmentAt(e));
    }

    private void addChunk() {
        if (chunks == time.length) {
            int n = time.length * 2;
            time = Arrays.copyOf(time, n);
            touchpoint = Arrays.copyOf(touchpoint, n);
            channel = Arrays.copyOf(channel, n);
            stage = Arrays.copyOf(stage, n);
            if (outcome != null) {
                outcome = Arrays.copyOf(outcome, n);
            }
            if (value != null) {
                value = Arrays.copyOf(value, n);
            }
            if (caseId != null) {
                caseId = Arrays.copyOf(caseId, n);
            }
            if (segment != null) {
                segment = Arrays.copyOf(segment, n);
            }
        }
        int c = chunks;
        if (time[c] == null) {
            time[c] = new long[CHUNK];
            touchpoint[c] = new int[CHUNK];
            channel[c] = new short[CHUNK];
            stage[c] = new short[CHUNK];
        }
        chunks++;
    }

    /** The id column {@code col} (allocated if null) with chunk {@code c} allocated and filled with NONE. */
    private int[][] idChunk(int[][] col, int c) {
        int[][] out = col == null ? new int[time.length][] : col;
        if (out[c] == null) {
            int[] a = new int[CHUNK];
            Arrays.fill(a, EventLog.NONE);
            out[c] = a;
        }
        return out;
    }

    private double[] valueChunk(int c) {
        if (value == null) {
            value = new double[time.length][];
        }
        if (value[c] == null) {
            double[] a = new double[CHUNK];
            Arrays.fill(a, Double.NaN);
            value[c] = a;
        }
        return value[c];
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
        return stage[e >>> SHIFT][e & MASK];
    }

    int outcomeAt(int e) {
        return idAt(outcome, e);
    }

    double valueAt(int e) {
        if (value == null) {
            return Double.NaN;
        }
        double[] c = value[e >>> SHIFT];
        return c == null ? Double.NaN : c[e & MASK];
    }

    int caseAt(int e) {
        return idAt(caseId, e);
    }

    int segmentAt(int e) {
        return idAt(segment, e);
    }

    private static int idAt(int[][] col, int e) {
        if (col == null) {
            return EventLog.NONE;
        }
        int[] c = col[e >>> SHIFT];
        return c == null ? EventLog.NONE : c[e & MASK];
    }

    /**
     * Bytes the column arrays take: {@value #BASE_BYTES} an event slot in every allocated chunk,
     * plus 4, 8, 4 and 4 for each allocated outcome, value, case and segment chunk slot.
     */
    long residentBytes() {
        long b = optionalChunks(time) * (long) CHUNK * BASE_BYTES;
        b += optionalChunks(outcome) * (long) CHUNK * 4;
        b += optionalChunks(value) * (long) CHUNK * 8;
        b += optionalChunks(caseId) * (long) CHUNK * 4;
        b += optionalChunks(segment) * (long) CHUNK * 4;
        return b;
    }

    private static int optionalChunks(Object[] chunksOf) {
        if (chunksOf == null) {
            return 0;
        }
        int n = 0;
        for (Object c : chunksOf) {
            if (c != null) {
                n++;
            }
        }
        return n;
    }
}
