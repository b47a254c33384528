package io.cxkit.flink;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

/**
 * What every cx-flink aggregate function shares: its state is a library accumulator
 * ({@link LiveAccumulator}) made from the configuration it was built with, states merge with the
 * library's {@code combine}, and the state's SQL type is {@code RAW}, serialized by
 * {@link LiveAccumulatorSerializer}. Append-only: the library's accumulators cannot subtract, so
 * there is no {@code retract}.
 */
public abstract class LiveAggregateFunction extends AggregateFunction<Row, LiveAccumulator> {
    private static final long serialVersionUID = 1L;

    private final SurveyAccumulatorKind kind;
    private final byte[] template;

    LiveAggregateFunction(SurveyAccumulatorKind kind, Accumulator<?, ?> configuration) {
        this.kind = kind;
        this.template = Check.notNull(configuration, "configuration").emptyCopy().encode();
    }

    /**
     * A new, empty accumulator of the function's configuration.
     *
     * @return the state for one group
     */
    @Override
    public LiveAccumulator createAccumulator() {
        return new LiveAccumulator(kind, kind.decode(template));
    }

    /**
     * Merges other states of the same function into {@code acc} (two-phase aggregation, session
     * windows).
     *
     * @param acc the state to merge into
     * @param others the states to merge
     */
    public void merge(LiveAccumulator acc, Iterable<LiveAccumulator> others) {
        for (LiveAccumulator other : others) {
            acc.combine(other);
        }
    }

    /** The state's SQL type. */
    static DataType accumulatorType() {
        return DataTypes.RAW(LiveAccumulator.class, new LiveAccumulatorSerializer());
    }
}
