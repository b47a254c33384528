package io.cxkit.flink;

import io.cxkit.core.Accumulator;
import io.cxkit.survey.ScoreAccumulator;

/**
 * The accumulator of a cx-flink aggregate function: the library's own accumulator, kept live in the
 * function's state and fed row by row. Flink encodes it only when it must write the state out
 * (checkpoints and savepoints, a state backend that stores bytes, network exchanges between the
 * two phases of a batch aggregation) — then through {@link LiveAccumulatorSerializer}, as the
 * accumulator's own versioned encoding. Not for use outside the cx-flink functions.
 */
public final class LiveAccumulator {
    private final SurveyMetric metric;
    private final ScoreAccumulator<?, ?> accumulator;

    LiveAccumulator(SurveyMetric metric, ScoreAccumulator<?, ?> accumulator) {
        this.metric = metric;
        this.accumulator = accumulator;
    }

    SurveyMetric metric() {
        return metric;
    }

    ScoreAccumulator<?, ?> accumulator() {
        return accumulator;
    }

    /** Merges another state of the same metric and configuration into this one (the library checks). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void combine(LiveAccumulator other) {
        if (other.metric != metric) {
            throw new IllegalArgumentException("cannot combine a " + other.metric + " state into a "
                    + metric + " state");
        }
        ((Accumulator) accumulator).combine(other.accumulator);
    }

    /** An independent copy, through the encoding (the library's accumulators have no other copy). */
    LiveAccumulator copy() {
        return new LiveAccumulator(metric, metric.decode(accumulator.encode()));
    }

    /**
     * The metric and the library accumulator's own description.
     *
     * @return e.g. {@code "NPS: NetPromoterScore[...]"}
     */
    @Override
    public String toString() {
        return metric + ": " + accumulator;
    }
}
