package io.cxkit.spark;

import io.cxkit.core.Interval;
import io.cxkit.core.InvalidInputException;
import io.cxkit.journey.survival.LogRankGroup;
import io.cxkit.journey.survival.LogRankTest;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.journey.survival.SurvivalResult;
import io.cxkit.journey.survival.SurvivalStatus;
import io.cxkit.journey.survival.SurvivalStep;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The survival functions' shared rules, for the catalog ({@link SurvivalFunction}) and the
 * DataFrame API ({@link SurvivalAggregator}): how one row feeds the library's
 * {@link SurvivalAccumulator}, and how its result becomes the output struct. Every number is the
 * library's; this class only checks the arguments Spark hands over and copies fields.
 */
final class SurvivalOutput {
    /** One Kaplan–Meier step, as {@link SurvivalStep} with the pointwise log interval. */
    static final StructType STEP = new StructType()
            .add("time", DataTypes.DoubleType, false)
            .add("atRisk", DataTypes.LongType, false)
            .add("events", DataTypes.LongType, false)
            .add("censored", DataTypes.LongType, false)
            .add("survival", DataTypes.DoubleType, false)
            .add("stdErr", DataTypes.DoubleType, false)
            .add("lower", DataTypes.DoubleType, false)
            .add("upper", DataTypes.DoubleType, false);
    /** The Kaplan–Meier result of a group of rows. */
    static final StructType KAPLAN_MEIER = new StructType()
            .add("n", DataTypes.LongType, false)
            .add("events", DataTypes.LongType, false)
            .add("censored", DataTypes.LongType, false)
            .add("median", DataTypes.DoubleType, false)
            .add("medianLower", DataTypes.DoubleType, false)
            .add("medianUpper", DataTypes.DoubleType, false)
            .add("steps", DataTypes.createArrayType(STEP, false), false);
    /** One group's row of the log-rank test, as {@link LogRankGroup}. */
    static final StructType LOG_RANK_GROUP = new StructType()
            .add("group", DataTypes.StringType, false)
            .add("n", DataTypes.LongType, false)
            .add("observed", DataTypes.LongType, false)
            .add("expected", DataTypes.DoubleType, false);
    /** The log-rank test across the groups of a group of rows. */
    static final StructType LOG_RANK = new StructType()
            .add("n", DataTypes.LongType, false)
            .add("events", DataTypes.LongType, false)
            .add("chiSquare", DataTypes.DoubleType, false)
            .add("df", DataTypes.IntegerType, false)
            .add("pValue", DataTypes.DoubleType, false)
            .add("groups", DataTypes.createArrayType(LOG_RANK_GROUP, false), false);

    private SurvivalOutput() {
    }

    /**
     * Feeds one row. {@code group} is null for Kaplan–Meier, which pools its rows.
     *
     * @param function the function's name as the user called it, for messages
     * @throws InvalidInputException for a null time, event or group (a missing field of a row), or an
     *     event that is not 0 or 1
     * @throws IllegalArgumentException for a time the library rejects (negative, NaN, infinite)
     */
    static void feed(SurvivalAccumulator acc, String function, boolean timeNull, double time,
            boolean eventNull, double event, boolean grouped, String group) {
        if (timeNull) {
            throw new InvalidInputException(function + ": the time argument must not be null"
                    + " (leave such rows out with a WHERE clause)");
        }
        if (eventNull) {
            throw new InvalidInputException(function + ": the event argument must not be null"
                    + " (true or 1 = event, false or 0 = censored)");
        }
        if (grouped && group == null) {
            throw new InvalidInputException(function + ": the group argument must not be null");
        }
        if (event != Math.rint(event) || Math.abs(event) > Integer.MAX_VALUE) {
            throw new InvalidInputException("status must be 0 (censored) or 1 (event): " + event);
        }
        acc.acceptStatus(time, (int) event, SurvivalStatus.ZERO_ONE, grouped ? group : SurvivalAccumulator.ALL);
    }

    /** The Kaplan–Meier struct ({@link #KAPLAN_MEIER}) of the pooled curve, intervals at {@code confidence}. */
    static Object kaplanMeier(SurvivalAccumulator acc, double confidence, StructShape shape) {
        SurvivalCurve curve = acc.result().overall();
        MedianSurvival median = curve.median(SurvivalConfType.LOG, confidence);
        List<SurvivalStep> steps = curve.steps();
        Object[] rows = new Object[steps.size()];
        for (int i = 0; i < rows.length; i++) {
            SurvivalStep s = steps.get(i);
            Interval ci = s.interval(SurvivalConfType.LOG, confidence);
            rows[i] = shape.struct(s.time(), s.atRisk(), s.events(), s.censored(), s.survival(), s.stdErr(),
                    ci.lower(), ci.upper());
        }
        return shape.struct(curve.n(), curve.events(), curve.n() - curve.events(), median.time(),
                median.interval().lower(), median.interval().upper(), shape.array(rows));
    }

    /** The log-rank struct ({@link #LOG_RANK}) across the groups fed. */
    static Object logRank(SurvivalAccumulator acc, StructShape shape) {
        SurvivalResult r = acc.result();
        if (r.n() == 0) {
            return shape.struct(0L, 0L, Double.NaN, 0, Double.NaN, shape.array(new Object[0]));
        }
        LogRankTest test = r.logRank();
        List<LogRankGroup> groups = test.groups();
        Object[] rows = new Object[groups.size()];
        for (int i = 0; i < rows.length; i++) {
            LogRankGroup g = groups.get(i);
            rows[i] = shape.struct(shape.string(g.group()), g.n(), g.observed(), g.expected());
        }
        return shape.struct(r.n(), r.overall().events(), test.chiSquare(), test.df(), test.pValue(),
                shape.array(rows));
    }
}
