package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The aggregation state of a {@link CxCatalog} function: the library's live accumulator, fed row by
 * row inside a task. Spark serializes a state only to move it (partial to final aggregation, spill);
 * then its serialized form is the metric's name and the accumulator's own versioned encoding
 * ({@link Accumulator#encode()}), validated by the library's {@code decode} on the other side, never
 * the accumulator's fields. Not thread-safe, as Spark never shares a state between threads.
 */
final class ScoreState implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The largest encoding a state may carry; the survey accumulators encode in well under 1 KiB. */
    private static final int MAX_ENCODED_BYTES = 1 << 20;

    private final Metric metric;
    private transient Accumulator<?, ?> accumulator;

    ScoreState(Metric metric, Accumulator<?, ?> accumulator) {
        this.metric = metric;
        this.accumulator = accumulator;
    }

    Metric metric() {
        return metric;
    }

    Accumulator<?, ?> accumulator() {
        return accumulator;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] bytes = accumulator.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (metric == null) {
            throw new InvalidObjectException("cx-spark aggregation state names no metric");
        }
        int length = in.readInt();
        if (length <= 0 || length > MAX_ENCODED_BYTES) {
            throw new InvalidObjectException("cx-spark aggregation state: encoded length must be in [1, "
                    + MAX_ENCODED_BYTES + "]: " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new InvalidObjectException("cx-spark aggregation state is truncated: " + bytes.length
                    + " of " + length + " bytes");
        }
        try {
            accumulator = metric.decode(bytes);
        } catch (IllegalArgumentException e) {
            InvalidObjectException invalid = new InvalidObjectException(
                    "cx-spark aggregation state is not a valid " + metric + " encoding: " + e.getMessage());
            invalid.initCause(e);
            throw invalid;
        }
    }

    @Override
    public String toString() {
        return "ScoreState[" + metric + ": " + accumulator + "]";
    }
}
