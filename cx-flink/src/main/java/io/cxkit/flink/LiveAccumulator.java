package io.cxkit.flink;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.core.Accumulator;

/**
 * The accumulator of a cx-flink aggregate function: the library's own accumulator (a score or the
 * key-driver co-moments), kept live in the
 * function's state and fed row by row. Flink encodes it only when it must write the state out
 * (checkpoints and savepoints, a state backend that stores bytes, network exchanges between the
 * two phases of a batch aggregation) — then through {@link LiveAccumulatorSerializer}, as the
 * accumulator's own versioned encoding. Not for use outside the cx-flink functions.
 */
public final class LiveAccumulator {
    private final SurveyAccumulatorKind kind;
    private final Accumulator<?, ?> accumulator;

    LiveAccumulator(SurveyAccumulatorKind kind, Accumulator<?, ?> accumulator) {
        this.kind = kind;
        this.accumulator = accumulator;
    }

    SurveyAccumulatorKind kind() {
        return kind;
    }

    Accumulator<?, ?> accumulator() {
        return accumulator;
    }

    /** Merges another state of the same kind and configuration into this one (the library checks). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void combine(LiveAccumulator other) {
        if (other.kind != kind) {
            throw new IllegalArgumentException("cannot combine a " + other.kind + " state into a "
                    + kind + " state");
        }
        ((Accumulator) accumulator).combine(other.accumulator);
    }

    /** An independent copy, through the encoding (the library's accumulators have no other copy). */
    LiveAccumulator copy() {
        return new LiveAccumulator(kind, kind.decode(accumulator.encode()));
    }

    /**
     * The kind and the library accumulator's own description.
     *
     * @return e.g. {@code "NPS: NetPromoterScore[...]"}
     */
    @Override
    public String toString() {
        return kind + ": " + accumulator;
    }
}
