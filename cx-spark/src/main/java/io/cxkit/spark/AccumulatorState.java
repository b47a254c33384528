package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The aggregation state of a {@link CxCatalog} function: the library's live accumulator (a score,
 * the key-driver co-moments or the survival counts), fed row by row inside a task. Spark serializes a state only to move it
 * (partial to final aggregation, spill); then its serialized form is the accumulator's kind and its
 * own versioned encoding
 * ({@link Accumulator#encode()}), validated by the library's {@code decode} on the other side, never
 * the accumulator's fields. Not thread-safe, as Spark never shares a state between threads.
 */
final class AccumulatorState implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The largest encoding a state may carry (a key-driver state with 30 drivers is about 8 KiB). */
    private static final int MAX_ENCODED_BYTES = 1 << 20;

    private final StateKind codec;
    private transient Accumulator<?, ?> accumulator;

    AccumulatorState(StateKind codec, Accumulator<?, ?> accumulator) {
        this.codec = codec;
        this.accumulator = accumulator;
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
        if (codec == null) {
            throw new InvalidObjectException("cx-spark aggregation state names no accumulator");
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
            accumulator = codec.decode(bytes);
        } catch (IllegalArgumentException e) {
            InvalidObjectException invalid = new InvalidObjectException(
                    "cx-spark aggregation state is not a valid " + codec + " encoding: " + e.getMessage());
            invalid.initCause(e);
            throw invalid;
        }
    }

    @Override
    public String toString() {
        return "AccumulatorState[" + codec + ": " + accumulator + "]";
    }
}
