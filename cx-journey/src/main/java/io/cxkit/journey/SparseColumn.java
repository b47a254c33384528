package io.cxkit.journey;

import java.util.Arrays;

/**
 * An optional per-event column of an {@link EventColumns}, chunk by chunk either absent (nothing
 * allocated), sparse (a sorted {@code char[]} of the offsets in the chunk that have a value beside
 * a dense array of those values, looked up by binary search) or dense (one slot an event of the
 * chunk). A chunk starts sparse and turns dense once its sparse arrays would take more bytes than
 * the dense array. Events are appended in offset order, so a sparse chunk only ever appends.
 * The chunk bookkeeping is shared here; {@link Ints}, {@link Shorts} and {@link Doubles} repeat the
 * value-array handling once per primitive type on purpose, so reads on the journey-cutting path never box.
 */
abstract class SparseColumn {
    /** {@link #find} answer: chunk is dense, read the dense slot. */
    static final int IN_DENSE = -2;
    /** {@link #find} answer: the event has no value. */
    static final int ABSENT = -1;
    private static final int DENSE = -1;
    private static final int FIRST = 16;

    /** Bytes a dense slot takes. */
    private final int width;
    /** Most sparse entries a chunk holds before dense is as cheap: offset (2) plus value a pair. */
    private final int sparseMax;
    private char[][] offsets = new char[0][];
    private int[] count = new int[0];
    private boolean any;

    SparseColumn(int width) {
        this.width = width;
        this.sparseMax = EventColumns.CHUNK * width / (2 + width);
    }

    /** Whether any event has a value. */
    final boolean present() {
        return any;
    }

    /**
     * The sparse index to write the value of offset {@code i} of chunk {@code c} at, or
     * {@link #IN_DENSE} when the chunk is (now) dense and the dense slot {@code i} is to be written.
     */
    final int slot(int c, int i) {
        any = true;
        if (c >= count.length) {
            int n = Math.max(c + 1, count.length * 2);
            offsets = Arrays.copyOf(offsets, n);
            count = Arrays.copyOf(count, n);
            growChunks(n);
        }
        int k = count[c];
        if (k == DENSE) {
            return IN_DENSE;
        }
        char[] o = offsets[c];
        if (o == null || k == o.length) {
            if (k == sparseMax) {
                densify(c, o, k);
                offsets[c] = null;
                count[c] = DENSE;
                return IN_DENSE;
            }
            int n = o == null ? Math.min(FIRST, sparseMax) : Math.min(sparseMax, o.length * 2);
            o = o == null ? new char[n] : Arrays.copyOf(o, n);
            offsets[c] = o;
            growSparse(c, n);
        }
        o[k] = (char) i;
        count[c] = k + 1;
        return k;
    }

    /** Where the value of offset {@code i} of chunk {@code c} is: a sparse index, {@link #IN_DENSE} or {@link #ABSENT}. */
    final int find(int c, int i) {
        if (c >= count.length) {
            return ABSENT;
        }
        int k = count[c];
        if (k == DENSE) {
            return IN_DENSE;
        }
        if (k == 0) {
            return ABSENT;
        }
        int r = Arrays.binarySearch(offsets[c], 0, k, (char) i);
        return r >= 0 ? r : ABSENT;
    }

    /**
     * Sets bit {@code e} of {@code bits} for every event {@code e < size} that has a value: one pass over
     * the chunks' offsets (sparse) or slots (dense), so a caller that visits the events in another
     * order reads the values of only the events that have one.
     */
    final void mark(long[] bits, int size) {
        for (int c = 0; c < count.length && c << EventColumns.SHIFT < size; c++) {
            int k = count[c];
            int base = c << EventColumns.SHIFT;
            if (k == DENSE) {
                for (int i = 0, n = Math.min(EventColumns.CHUNK, size - base); i < n; i++) {
                    if (denseHas(c, i)) {
                        bits[(base + i) >>> 6] |= 1L << (base + i);
                    }
                }
            } else {
                char[] o = offsets[c];
                for (int j = 0; j < k; j++) {
                    int e = base + o[j];
                    bits[e >>> 6] |= 1L << e;
                }
            }
        }
    }

    /** Whether slot {@code i} of dense chunk {@code c} holds a value. */
    abstract boolean denseHas(int c, int i);

    /** Empties the column for reuse over the first {@code size} events, keeping what is allocated. */
    final void clear(int size) {
        any = false;
        for (int c = 0; c < count.length; c++) {
            if (count[c] == DENSE) {
                int n = Math.max(0, Math.min(EventColumns.CHUNK, size - c * EventColumns.CHUNK));
                clearDense(c, n);
            } else {
                count[c] = 0;
            }
        }
    }

    /** Bytes the column's arrays take: dense chunks {@code width} a slot, sparse ones their arrays' capacity. */
    final long residentBytes() {
        long b = 4L * count.length;
        for (int c = 0; c < count.length; c++) {
            if (count[c] == DENSE) {
                b += (long) EventColumns.CHUNK * width;
            } else if (offsets[c] != null) {
                b += (2L + width) * offsets[c].length;
            }
        }
        return b;
    }

    /** Grows the per-chunk value arrays to {@code n} chunks. */
    abstract void growChunks(int n);

    /** Grows the sparse values of chunk {@code c} to capacity {@code n}. */
    abstract void growSparse(int c, int n);

    /** Makes chunk {@code c} dense: absent slots, then the {@code k} sparse values at {@code offs}; drops the sparse values. */
    abstract void densify(int c, char[] offs, int k);

    /** Resets the first {@code n} slots of dense chunk {@code c} to absent. */
    abstract void clearDense(int c, int n);

    /** An id column ({@link EventLog#NONE} when absent), 4 bytes a dense slot. */
    static final class Ints extends SparseColumn {
        private int[][] dense = new int[0][];
        private int[][] sparse = new int[0][];

        Ints() {
            super(4);
        }

        void set(int c, int i, int v) {
            int k = slot(c, i);
            if (k == IN_DENSE) {
                dense[c][i] = v;
            } else {
                sparse[c][k] = v;
            }
        }

        int get(int c, int i) {
            int k = find(c, i);
            return k == IN_DENSE ? dense[c][i] : k == ABSENT ? EventLog.NONE : sparse[c][k];
        }

        @Override
        void growChunks(int n) {
            dense = Arrays.copyOf(dense, n);
            sparse = Arrays.copyOf(sparse, n);
        }

        @Override
        void growSparse(int c, int n) {
            sparse[c] = sparse[c] == null ? new int[n] : Arrays.copyOf(sparse[c], n);
        }

        @Override
        void densify(int c, char[] offs, int k) {
            int[] d = new int[EventColumns.CHUNK];
            Arrays.fill(d, EventLog.NONE);
            for (int j = 0; j < k; j++) {
                d[offs[j]] = sparse[c][j];
            }
            dense[c] = d;
            sparse[c] = null;
        }

        @Override
        void clearDense(int c, int n) {
            Arrays.fill(dense[c], 0, n, EventLog.NONE);
        }

        @Override
        boolean denseHas(int c, int i) {
            return dense[c][i] != EventLog.NONE;
        }
    }

    /** A small id column (stage; {@link EventLog#NONE} when absent), 2 bytes a dense slot. */
    static final class Shorts extends SparseColumn {
        private short[][] dense = new short[0][];
        private short[][] sparse = new short[0][];

        Shorts() {
            super(2);
        }

        void set(int c, int i, int v) {
            int k = slot(c, i);
            if (k == IN_DENSE) {
                dense[c][i] = (short) v;
            } else {
                sparse[c][k] = (short) v;
            }
        }

        int get(int c, int i) {
            int k = find(c, i);
            return k == IN_DENSE ? dense[c][i] : k == ABSENT ? EventLog.NONE : sparse[c][k];
        }

        @Override
        void growChunks(int n) {
            dense = Arrays.copyOf(dense, n);
            sparse = Arrays.copyOf(sparse, n);
        }

        @Override
        void growSparse(int c, int n) {
            sparse[c] = sparse[c] == null ? new short[n] : Arrays.copyOf(sparse[c], n);
        }

        @Override
        void densify(int c, char[] offs, int k) {
            short[] d = new short[EventColumns.CHUNK];
            Arrays.fill(d, (short) EventLog.NONE);
            for (int j = 0; j < k; j++) {
                d[offs[j]] = sparse[c][j];
            }
            dense[c] = d;
            sparse[c] = null;
        }

        @Override
        void clearDense(int c, int n) {
            Arrays.fill(dense[c], 0, n, (short) EventLog.NONE);
        }

        @Override
        boolean denseHas(int c, int i) {
            return dense[c][i] != EventLog.NONE;
        }
    }

    /** The value column (NaN when absent), 8 bytes a dense slot. */
    static final class Doubles extends SparseColumn {
        private double[][] dense = new double[0][];
        private double[][] sparse = new double[0][];

        Doubles() {
            super(8);
        }

        void set(int c, int i, double v) {
            int k = slot(c, i);
            if (k == IN_DENSE) {
                dense[c][i] = v;
            } else {
                sparse[c][k] = v;
            }
        }

        double get(int c, int i) {
            int k = find(c, i);
            return k == IN_DENSE ? dense[c][i] : k == ABSENT ? Double.NaN : sparse[c][k];
        }

        @Override
        void growChunks(int n) {
            dense = Arrays.copyOf(dense, n);
            sparse = Arrays.copyOf(sparse, n);
        }

        @Override
        void growSparse(int c, int n) {
            sparse[c] = sparse[c] == null ? new double[n] : Arrays.copyOf(sparse[c], n);
        }

        @Override
        void densify(int c, char[] offs, int k) {
            double[] d = new double[EventColumns.CHUNK];
            Arrays.fill(d, Double.NaN);
            for (int j = 0; j < k; j++) {
                d[offs[j]] = sparse[c][j];
            }
            dense[c] = d;
            sparse[c] = null;
        }

        @Override
        void clearDense(int c, int n) {
            Arrays.fill(dense[c], 0, n, Double.NaN);
        }

        @Override
        boolean denseHas(int c, int i) {
            return !Double.isNaN(dense[c][i]);
        }
    }
}
