package io.cxkit.spark;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.core.Accumulator;
import io.cxkit.core.Estimate;
import io.cxkit.survey.ScoreAccumulator;
import io.cxkit.survey.ScoreRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The three survey metrics as Spark sees them: how to decode, feed and combine each library
 * accumulator (through their common {@link ScoreAccumulator}), and how its result becomes a row of
 * the output struct. Every number comes from the library; this class only routes calls.
 */
enum Metric {
    /** Net Promoter Score; extra fields: promoters, passives, detractors. */
    NPS("score"),
    /** CSAT: estimate is the percent satisfied; extra field: meanRating. */
    CSAT("rating"),
    /** CES: estimate is the mean answer; extra field: percentAgree. */
    CES("answer");

    /** How SQL signatures name the answer argument. */
    final String argument;

    Metric(String argument) {
        this.argument = argument;
    }

    /**
     * Feeds one unweighted answer as Spark delivers it (any numeric or numeric-string column,
     * implicitly cast to double, which is exact for every int): a missing one follows the
     * accumulator's missing-answer policy, a present one must be a whole number on the scale
     * ({@link ScoreAccumulator#acceptNumeric(double)}), so 9.7 or a wrapped bigint is an error
     * rather than a valid answer.
     */
    void feed(Accumulator<?, ?> a, boolean missing, double answer) {
        ScoreAccumulator<?, ?> s = (ScoreAccumulator<?, ?>) a;
        if (missing) {
            s.acceptMissing();
        } else {
            s.acceptNumeric(answer);
        }
    }

    /** Feeds one weighted answer; the library rejects a weight that is NaN, infinite or &lt;= 0. */
    void feed(Accumulator<?, ?> a, boolean missing, double answer, double weight) {
        ScoreAccumulator<?, ?> s = (ScoreAccumulator<?, ?>) a;
        if (missing) {
            s.acceptMissing(weight);
        } else {
            s.acceptNumeric(answer, weight);
        }
    }

    /** Merges {@code other} into {@code into}; both are this metric's accumulator (decoded by it). */
    void combine(Accumulator<?, ?> into, Accumulator<?, ?> other) {
        merge(into, other);
    }

    @SuppressWarnings("unchecked")
    private static <A extends Accumulator<A, ?>> void merge(Accumulator<?, ?> into, Accumulator<?, ?> other) {
        if (into.getClass() != other.getClass()) {
            throw new IllegalArgumentException("cannot combine a " + into.getClass().getSimpleName()
                    + " with a " + other.getClass().getSimpleName());
        }
        ((A) into).combine((A) other);
    }

    /** Decodes an accumulator of this metric (the library validates the bytes). */
    Accumulator<?, ?> decode(byte[] bytes) {
        return state().decode(bytes);
    }

    /** The state kind of this metric's accumulator. */
    StateKind state() {
        return StateKind.valueOf(name());
    }

    /** The library's kind of this metric's accumulator, which names its result fields. */
    SurveyAccumulatorKind codec() {
        return SurveyAccumulatorKind.valueOf(name());
    }

    /** The output struct: {@link ScoreRow#fields} as Spark types. */
    StructType schema(boolean weighted) {
        List<StructField> f = new ArrayList<>();
        for (ScoreRow.Field field : ScoreRow.fields(codec(), weighted)) {
            DataType type = field.type() == Long.class ? DataTypes.LongType : DataTypes.DoubleType;
            f.add(DataTypes.createStructField(field.name(), type, false));
        }
        return DataTypes.createStructType(f);
    }

    /** The result as a row of {@link #schema(boolean)}, with the default interval at {@code confidence}. */
    Row row(Estimate r, double confidence, boolean weighted) {
        return RowFactory.create(values(r, confidence, weighted));
    }

    /** The field values of {@link #schema(boolean)} in order ({@link ScoreRow#values}). */
    Object[] values(Estimate r, double confidence, boolean weighted) {
        return ScoreRow.values(r, confidence, weighted);
    }
}
