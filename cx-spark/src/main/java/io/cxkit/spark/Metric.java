package io.cxkit.spark;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.core.Accumulator;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import java.math.BigDecimal;
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
 * accumulator, and how its result becomes a row of the output struct. Every number comes from the
 * library; this class only routes calls (the accumulators share no public supertype with
 * {@code accept}, so each metric casts to its own class).
 */
enum Metric {
    /** Net Promoter Score; extra fields: promoters, passives, detractors. */
    NPS("NPS score", "score") {
        @Override
        void accept(Accumulator<?, ?> a, int score) {
            ((NetPromoterScore) a).accept(score);
        }

        @Override
        void accept(Accumulator<?, ?> a, int score, double weight) {
            ((NetPromoterScore) a).accept(score, weight);
        }

        @Override
        void acceptMissing(Accumulator<?, ?> a) {
            ((NetPromoterScore) a).acceptMissing();
        }

        @Override
        void acceptMissing(Accumulator<?, ?> a, double weight) {
            ((NetPromoterScore) a).acceptMissing(weight);
        }

        @Override
        void combine(Accumulator<?, ?> into, Accumulator<?, ?> other) {
            ((NetPromoterScore) into).combine((NetPromoterScore) other);
        }

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
    CSAT("CSAT rating", "rating") {
        @Override
        void accept(Accumulator<?, ?> a, int score) {
            ((CustomerSatisfaction) a).accept(score);
        }

        @Override
        void accept(Accumulator<?, ?> a, int score, double weight) {
            ((CustomerSatisfaction) a).accept(score, weight);
        }

        @Override
        void acceptMissing(Accumulator<?, ?> a) {
            ((CustomerSatisfaction) a).acceptMissing();
        }

        @Override
        void acceptMissing(Accumulator<?, ?> a, double weight) {
            ((CustomerSatisfaction) a).acceptMissing(weight);
        }

        @Override
        void combine(Accumulator<?, ?> into, Accumulator<?, ?> other) {
            ((CustomerSatisfaction) into).combine((CustomerSatisfaction) other);
        }

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
    CES("CES rating", "answer") {
        @Override
        void accept(Accumulator<?, ?> a, int score) {
            ((CustomerEffort) a).accept(score);
        }

        @Override
        void accept(Accumulator<?, ?> a, int score, double weight) {
            ((CustomerEffort) a).accept(score, weight);
        }

        @Override
        void acceptMissing(Accumulator<?, ?> a) {
            ((CustomerEffort) a).acceptMissing();
        }

        @Override
        void acceptMissing(Accumulator<?, ?> a, double weight) {
            ((CustomerEffort) a).acceptMissing(weight);
        }

        @Override
        void combine(Accumulator<?, ?> into, Accumulator<?, ?> other) {
            ((CustomerEffort) into).combine((CustomerEffort) other);
        }

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

    /** How messages name one answer, as the library's accumulators do. */
    final String what;
    /** How SQL signatures name the answer argument. */
    final String argument;

    Metric(String what, String argument) {
        this.what = what;
        this.argument = argument;
    }

    /**
     * Converts an answer as Spark delivers it (any numeric or numeric-string column, implicitly cast
     * to double, which is exact for every int) to the int the library checks against the scale.
     * Spark would otherwise cast 9.7 to 9, or a wrapped bigint to a valid answer, without a word.
     *
     * @throws IllegalArgumentException if the answer is not a whole number in the int range
     */
    int score(double answer) {
        if (answer != Math.rint(answer) || Double.isInfinite(answer)) {
            throw new IllegalArgumentException(what + " must be a whole number: " + plain(answer));
        }
        if (answer < Integer.MIN_VALUE || answer > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be in the int range: " + plain(answer));
        }
        return (int) answer;
    }

    /**
     * Feeds one unweighted answer: a missing one follows the accumulator's missing-answer policy, a
     * present one must be a whole number on the scale.
     */
    void feed(Accumulator<?, ?> a, boolean missing, double answer) {
        if (missing) {
            acceptMissing(a);
        } else {
            accept(a, score(answer));
        }
    }

    /** Feeds one weighted answer; the library rejects a weight that is NaN, infinite or &lt;= 0. */
    void feed(Accumulator<?, ?> a, boolean missing, double answer, double weight) {
        if (missing) {
            acceptMissing(a, weight);
        } else {
            accept(a, score(answer), weight);
        }
    }

    private static String plain(double v) {
        return Double.isFinite(v) ? new BigDecimal(Double.toString(v)).toPlainString() : Double.toString(v);
    }

    /** Decodes an accumulator of this metric (the library validates the bytes). */
    Accumulator<?, ?> decode(byte[] bytes) {
        return codec().decode(bytes);
    }

    /** How a catalog function's state of this metric is serialized. */
    SurveyAccumulatorKind codec() {
        return SurveyAccumulatorKind.valueOf(name());
    }

    abstract void accept(Accumulator<?, ?> a, int score);

    abstract void accept(Accumulator<?, ?> a, int score, double weight);

    abstract void acceptMissing(Accumulator<?, ?> a);

    abstract void acceptMissing(Accumulator<?, ?> a, double weight);

    abstract void combine(Accumulator<?, ?> into, Accumulator<?, ?> other);

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
