package io.cxkit.spark;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.core.Accumulator;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.ScoreAccumulator;
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
    NPS("score") {
        @Override
        void extraFields(List<StructField> fields) {
            fields.add(DataTypes.createStructField("promoters", DataTypes.LongType, false));
            fields.add(DataTypes.createStructField("passives", DataTypes.LongType, false));
            fields.add(DataTypes.createStructField("detractors", DataTypes.LongType, false));
        }

        @Override
        long missing(Estimate result) {
            return ((NpsResult) result).missing();
        }

        @Override
        void extraValues(Estimate result, List<Object> values) {
            NpsResult r = (NpsResult) result;
            values.add(r.promoters());
            values.add(r.passives());
            values.add(r.detractors());
        }
    },
    /** CSAT: estimate is the percent satisfied; extra field: meanRating. */
    CSAT("rating") {
        @Override
        void extraFields(List<StructField> fields) {
            fields.add(DataTypes.createStructField("meanRating", DataTypes.DoubleType, false));
        }

        @Override
        long missing(Estimate result) {
            return ((CsatResult) result).missing();
        }

        @Override
        void extraValues(Estimate result, List<Object> values) {
            values.add(((CsatResult) result).rating().mean());
        }
    },
    /** CES: estimate is the mean answer; extra field: percentAgree. */
    CES("answer") {
        @Override
        void extraFields(List<StructField> fields) {
            fields.add(DataTypes.createStructField("percentAgree", DataTypes.DoubleType, false));
        }

        @Override
        long missing(Estimate result) {
            return ((CesResult) result).missing();
        }

        @Override
        void extraValues(Estimate result, List<Object> values) {
            values.add(((CesResult) result).percentAgree());
        }
    };

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
        return codec().decode(bytes);
    }

    /** How a catalog function's state of this metric is serialized. */
    SurveyAccumulatorKind codec() {
        return SurveyAccumulatorKind.valueOf(name());
    }

    abstract void extraFields(List<StructField> fields);

    abstract long missing(Estimate result);

    abstract void extraValues(Estimate result, List<Object> values);

    /** The output struct: the common fields, effectiveN when weighted, then the metric's own. */
    StructType schema(boolean weighted) {
        List<StructField> f = new ArrayList<>();
        f.add(field("n", DataTypes.LongType));
        f.add(field("missing", DataTypes.LongType));
        f.add(field("estimate", DataTypes.DoubleType));
        f.add(field("standardError", DataTypes.DoubleType));
        f.add(field("lower", DataTypes.DoubleType));
        f.add(field("upper", DataTypes.DoubleType));
        if (weighted) {
            f.add(field("effectiveN", DataTypes.DoubleType));
        }
        extraFields(f);
        return DataTypes.createStructType(f);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, false);
    }

    /** The result as a row of {@link #schema(boolean)}, with the default interval at {@code confidence}. */
    Row row(Estimate r, double confidence, boolean weighted) {
        return RowFactory.create(values(r, confidence, weighted));
    }

    /**
     * The field values of {@link #schema(boolean)} in order (boxed {@code Long} and {@code Double},
     * which both Spark's external {@code Row} and its {@code InternalRow} take as they are).
     */
    Object[] values(Estimate r, double confidence, boolean weighted) {
        Interval ci = r.interval(confidence);
        List<Object> v = new ArrayList<>();
        v.add(r.n());
        v.add(missing(r));
        v.add(r.estimate());
        v.add(r.standardError());
        v.add(ci.lower());
        v.add(ci.upper());
        if (weighted) {
            v.add(r.effectiveN());
        }
        extraValues(r, v);
        return v.toArray();
    }
}
