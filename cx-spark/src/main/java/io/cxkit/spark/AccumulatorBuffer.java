package io.cxkit.spark;

import io.cxkit.core.Accumulator;

/**
 * Spark's view of a cxkit aggregation buffer: one binary property holding the accumulator's own
 * versioned encoding ({@link Accumulator#encode()}). Spark needs a bean to build a buffer encoder;
 * this class is that bean, so that the library's accumulators stay free of Spark-specific shapes.
 *
 * <p>Inside a task the accumulator is kept live and fed row by row; it is encoded only when Spark
 * serializes the buffer (shuffle, spill), and decoded lazily on the other side. Not for use outside
 * the cx-spark aggregate functions; not thread-safe.
 */
public final class AccumulatorBuffer {
    private Accumulator<?, ?> accumulator;
    private byte[] encoded;

    /** An empty buffer, as Spark's bean encoder creates it before {@link #setEncoded(byte[])}. */
    public AccumulatorBuffer() {
    }

    AccumulatorBuffer(Accumulator<?, ?> accumulator) {
        this.accumulator = accumulator;
    }

    /**
     * The accumulator's binary encoding.
     *
     * @return {@code accumulator.encode()}, or the bytes last set if the accumulator was not
     *     decoded since
     */
    public byte[] getEncoded() {
        return accumulator != null ? accumulator.encode() : encoded;
    }

    /**
     * Replaces the state with an encoded accumulator; it is decoded on first use.
     *
     * @param encoded the bytes written by an accumulator's {@code encode()}
     */
    public void setEncoded(byte[] encoded) {
        this.encoded = encoded;
        this.accumulator = null;
    }

    /** The live accumulator, decoding the stored bytes as a {@code kind} on first use. */
    Accumulator<?, ?> accumulator(StateKind kind) {
        if (accumulator == null) {
            if (encoded == null) {
                throw new IllegalStateException("accumulator buffer holds no encoded accumulator");
            }
            accumulator = kind.decode(encoded);
            encoded = null;
        }
        return accumulator;
    }
}
