package io.cxkit.flink;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.survey.NetPromoterScore;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for {@link LiveAccumulator}: the accumulator kind's name, then the length and bytes of the
 * library accumulator's versioned encoding ({@code encode()}), which the library validates when it
 * decodes it. A state that does not decode fails the job with a message saying so, instead of
 * merging garbage. Stateless, so one instance serves every thread; the snapshot has no
 * configuration, since the encoding carries its own version.
 */
public final class LiveAccumulatorSerializer extends TypeSerializer<LiveAccumulator> {
    private static final long serialVersionUID = 1L;
    /** The largest encoding accepted; the survey accumulators encode in well under 1 KiB. */
    static final int MAX_ENCODED_BYTES = 1 << 20;

    /** The serializer (stateless). */
    public LiveAccumulatorSerializer() {
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<LiveAccumulator> duplicate() {
        return this;
    }

    /**
     * A fresh accumulator, as Flink asks for to have an object to reuse: an empty default NPS one
     * ({@link #deserialize(LiveAccumulator, DataInputView)} never reuses it, as the metric and
     * configuration come from the bytes).
     *
     * @return an empty default NPS accumulator
     */
    @Override
    public LiveAccumulator createInstance() {
        return new LiveAccumulator(SurveyAccumulatorKind.NPS, NetPromoterScore.create());
    }

    @Override
    public LiveAccumulator copy(LiveAccumulator from) {
        return from.copy();
    }

    @Override
    public LiveAccumulator copy(LiveAccumulator from, LiveAccumulator reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(LiveAccumulator record, DataOutputView target) throws IOException {
        byte[] bytes = record.accumulator().encode();
        target.writeUTF(record.kind().name());
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public LiveAccumulator deserialize(DataInputView source) throws IOException {
        SurveyAccumulatorKind kind = kind(source.readUTF());
        byte[] bytes = new byte[length(source.readInt())];
        source.readFully(bytes);
        try {
            return new LiveAccumulator(kind, kind.decode(bytes));
        } catch (IllegalArgumentException e) {
            throw new IOException("cx-flink state is not a valid " + kind + " encoding: " + e.getMessage(), e);
        }
    }

    private static SurveyAccumulatorKind kind(String name) throws IOException {
        for (SurveyAccumulatorKind m : SurveyAccumulatorKind.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IOException("cx-flink state names an unknown accumulator: '" + name + "'");
    }

    private static int length(int length) throws IOException {
        if (length <= 0 || length > MAX_ENCODED_BYTES) {
            throw new IOException("cx-flink state: encoded length must be in [1, " + MAX_ENCODED_BYTES
                    + "]: " + length);
        }
        return length;
    }

    @Override
    public LiveAccumulator deserialize(LiveAccumulator reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeUTF(kind(source.readUTF()).name());
        byte[] bytes = new byte[length(source.readInt())];
        source.readFully(bytes);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof LiveAccumulatorSerializer;
    }

    @Override
    public int hashCode() {
        return LiveAccumulatorSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<LiveAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot: no configuration to keep, as the encoding is versioned itself. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LiveAccumulator> {
        /** The snapshot, as Flink instantiates it when restoring. */
        public Snapshot() {
            super(LiveAccumulatorSerializer::new);
        }
    }
}
