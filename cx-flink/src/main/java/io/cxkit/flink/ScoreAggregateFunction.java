package io.cxkit.flink;

import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import io.cxkit.survey.ScoreAccumulator;
import io.cxkit.survey.ScoreRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.DataTypes.Field;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.types.Row;

/**
 * A cxkit survey score as a Flink aggregate function, for the Table API and SQL, batch and
 * streaming (grouped, or windowed with {@code TUMBLE}/{@code HOP}/{@code CUMULATE}/{@code SESSION}).
 * An unweighted function takes one argument, {@code f(answer)}; a weighted one two,
 * {@code f(answer, weight)}. The accumulator is the library's own, kept live in the
 * function's state ({@link LiveAccumulator}) and encoded only when Flink writes the state out.
 *
 * <p>The result is a row of {@code n}, {@code missing}, {@code estimate}, {@code standardError},
 * {@code lower}, {@code upper} (the result's default interval at the function's confidence),
 * {@code effectiveN} (Kish, weighted calls only), then the metric's own fields; the same fields as
 * cx-spark's. A group with no answers gives {@code n = 0} and NaN estimate and bounds.
 *
 * <p>Input: any numeric answer (Flink casts it to {@code DOUBLE}, which is exact for every int), which
 * must be a whole number on the accumulator's scale ({@code 9.7} fails the job with
 * {@code "NPS score must be a whole number: 9.7"}); {@code NULL} is a missing answer and follows the
 * accumulator's missing-answer policy. A weight must be finite and &gt; 0 ({@code NULL} counts as
 * NaN and fails). Errors are the library's {@link IllegalArgumentException}s, in the failed job's
 * cause chain.
 *
 * <p><b>Append-only.</b> There is no {@code retract}: the library's accumulators cannot subtract an
 * answer, so these functions accept insert-only input (Flink's planner rejects them over an updating
 * input, such as the result of another {@code GROUP BY}). {@code merge} is implemented
 * ({@link LiveAggregateFunction}), so two-phase (local/global) aggregation and session windows work.
 */
public abstract class ScoreAggregateFunction extends LiveAggregateFunction {
    private static final long serialVersionUID = 1L;
    /** The interval confidence of the no-argument constructors. */
    static final double DEFAULT_CONFIDENCE = 0.95;

    private final SurveyMetric metric;
    private final boolean weighted;
    private final String configuration;
    private final double confidence;

    ScoreAggregateFunction(SurveyMetric metric, boolean weighted, ScoreAccumulator<?, ?> configuration,
            double confidence) {
        super(metric.kind(), configuration);
        this.metric = metric;
        this.weighted = weighted;
        this.configuration = configuration.emptyCopy().toString();
        this.confidence = Check.confidence(confidence);
    }

    /**
     * Adds one unweighted answer.
     *
     * @param acc the group's state
     * @param answer the answer, a whole number on the scale; {@code null} for a missing answer
     * @throws IllegalArgumentException if the answer is off the scale or not a whole number
     */
    public void accumulate(LiveAccumulator acc, Double answer) {
        ScoreAccumulator<?, ?> a = (ScoreAccumulator<?, ?>) acc.accumulator();
        if (answer == null) {
            a.acceptMissing();
        } else {
            a.acceptNumeric(answer);
        }
    }

    /**
     * Adds one weighted answer.
     *
     * @param acc the group's state
     * @param answer the answer, a whole number on the scale; {@code null} for a missing answer
     * @param weight the answer's weight, finite and &gt; 0
     * @throws IllegalArgumentException if the answer or the weight is invalid
     */
    public void accumulate(LiveAccumulator acc, Double answer, Double weight) {
        double w = weight == null ? Double.NaN : weight;
        ScoreAccumulator<?, ?> a = (ScoreAccumulator<?, ?>) acc.accumulator();
        if (answer == null) {
            a.acceptMissing(w);
        } else {
            a.acceptNumeric(answer, w);
        }
    }

    /**
     * The group's result as a row (see the class description for the fields).
     *
     * @param acc the group's state
     * @return the result row
     */
    @Override
    public Row getValue(LiveAccumulator acc) {
        return Row.of(ScoreRow.values((Estimate) acc.accumulator().result(), confidence, weighted));
    }

    /** The output row type: {@link ScoreRow#fields} as Flink types ({@code effectiveN} only when weighted). */
    DataType rowType() {
        List<Field> f = new ArrayList<>();
        for (ScoreRow.Field field : ScoreRow.fields(metric.kind(), weighted)) {
            f.add(DataTypes.FIELD(field.name(), field.type() == Long.class ? DataTypes.BIGINT().notNull()
                    : DataTypes.DOUBLE().notNull()));
        }
        return DataTypes.ROW(f.toArray(new Field[0])).notNull();
    }

    /**
     * One numeric argument (the answer), or two (answer, weight) when weighted, each cast to
     * {@code DOUBLE}; the accumulator is a {@code RAW} type serialized by
     * {@link LiveAccumulatorSerializer}.
     *
     * @param typeFactory Flink's type factory (unused: the types are fixed)
     * @return the function's type inference
     */
    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(weighted
                        ? InputTypeStrategies.sequence(InputTypeStrategies.explicit(DataTypes.DOUBLE()),
                                InputTypeStrategies.explicit(DataTypes.DOUBLE()))
                        : InputTypeStrategies.sequence(InputTypeStrategies.explicit(DataTypes.DOUBLE())))
                .accumulatorTypeStrategy(TypeStrategies.explicit(accumulatorType()))
                .outputTypeStrategy(TypeStrategies.explicit(rowType()))
                .build();
    }

    /**
     * The metric, the configuration and the confidence, e.g. for logs of the job graph.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + configuration + ", confidence " + confidence + "]";
    }
}
