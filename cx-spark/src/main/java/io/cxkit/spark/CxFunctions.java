package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.NetPromoterScore;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * cxkit's NPS, CSAT and CES, and Kaplan–Meier survival and the log-rank test, as Spark SQL aggregate
 * functions. Each is a typed
 * {@link org.apache.spark.sql.expressions.Aggregator} whose buffer is the library's own accumulator
 * ({@link NetPromoterScore}, {@link CustomerSatisfaction}, {@link CustomerEffort}), moved between
 * executors in its versioned binary encoding, so Spark computes exactly what the local API computes.
 *
 * <pre>{@code
 * CxFunctions.register(spark);
 * spark.sql("SELECT touchpoint, cx_nps(score) AS nps FROM responses GROUP BY touchpoint");
 * responses.groupBy("touchpoint").agg(CxFunctions.nps(col("score")).as("nps"));
 * }</pre>
 *
 * <p>Every function returns a struct with {@code n}, {@code missing}, {@code estimate},
 * {@code standardError}, {@code lower} and {@code upper} (the result's default interval:
 * adjusted Wald for NPS, Wilson for CSAT, t for CES; 95% unless a confidence is given), plus
 * {@code effectiveN} (Kish) for the weighted variants, then the metric's own fields: NPS
 * {@code promoters, passives, detractors}; CSAT {@code meanRating}; CES {@code percentAgree}.
 * Units are the library's: NPS points, CSAT percent satisfied, CES mean answer.
 *
 * <p>Input: the answer may be any numeric column (or one Spark casts to a number); it must hold a
 * whole number — {@code 9.0} is the answer 9, {@code 9.7} fails the query
 * ({@code "NPS score must be a whole number: 9.7"}), as does NaN. A {@code null} answer is a missing
 * answer and follows the accumulator's {@link io.cxkit.survey.MissingAnswerPolicy} (default
 * EXCLUDE: counted in {@code missing}, left out of {@code n}). An answer off the scale, or a weight
 * that is {@code null}, NaN, infinite or &lt;= 0, fails the query with the library's
 * {@link IllegalArgumentException} (e.g. {@code "NPS score must be in [0, 10]: 11"}) as the cause. A group with no answers gives
 * {@code n = 0} and NaN estimate, standard error and bounds.
 */
public final class CxFunctions {

    /** SQL name of the unweighted NPS function. */
    public static final String NPS = "cx_nps";
    /** SQL name of the weighted NPS function, {@code cx_nps_weighted(score, weight)}. */
    public static final String NPS_WEIGHTED = "cx_nps_weighted";
    /** SQL name of the unweighted CSAT function. */
    public static final String CSAT = "cx_csat";
    /** SQL name of the weighted CSAT function, {@code cx_csat_weighted(rating, weight)}. */
    public static final String CSAT_WEIGHTED = "cx_csat_weighted";
    /** SQL name of the unweighted CES function. */
    public static final String CES = "cx_ces";
    /** SQL name of the weighted CES function, {@code cx_ces_weighted(answer, weight)}. */
    public static final String CES_WEIGHTED = "cx_ces_weighted";

    /** SQL name of the Kaplan–Meier function, {@code cx_kaplan_meier(time, event)}. */
    public static final String KAPLAN_MEIER = "cx_kaplan_meier";
    /** SQL name of the log-rank function, {@code cx_log_rank(time, event, group)}. */
    public static final String LOG_RANK = "cx_log_rank";

    private static final double DEFAULT_CONFIDENCE = 0.95;

    private CxFunctions() {
    }

    /**
     * Registers the eight functions ({@value #NPS}, {@value #NPS_WEIGHTED}, {@value #CSAT},
     * {@value #CSAT_WEIGHTED}, {@value #CES}, {@value #CES_WEIGHTED}, {@value #KAPLAN_MEIER},
     * {@value #LOG_RANK}) with default configurations (standard NPS bands, CSAT 1–5 top-2 box, CES
     * 1–7, missing answers excluded) and 95% intervals. Registered in SQL, the survival functions take
     * a numeric event (0 or 1); Spark does not cast a boolean to a number implicitly, so pass
     * {@code CAST(flag AS INT)} there, or use {@link #kaplanMeier(Column, Column)}, which takes both.
     *
     * @param spark the session to register them in
     */
    public static void register(SparkSession spark) {
        Check.notNull(spark, "spark");
        spark.udf().register(NPS, nps(NetPromoterScore.create(), DEFAULT_CONFIDENCE));
        spark.udf().register(NPS_WEIGHTED, npsWeighted(NetPromoterScore.create(), DEFAULT_CONFIDENCE));
        spark.udf().register(CSAT, csat(CustomerSatisfaction.create(), DEFAULT_CONFIDENCE));
        spark.udf().register(CSAT_WEIGHTED,
                csatWeighted(CustomerSatisfaction.create(), DEFAULT_CONFIDENCE));
        spark.udf().register(CES, ces(CustomerEffort.create(), DEFAULT_CONFIDENCE));
        spark.udf().register(CES_WEIGHTED, cesWeighted(CustomerEffort.create(), DEFAULT_CONFIDENCE));
        spark.udf().register(KAPLAN_MEIER, kaplanMeier(DEFAULT_CONFIDENCE));
        spark.udf().register(LOG_RANK, logRank());
    }

    /**
     * Unweighted NPS of a 0–10 answer column, standard bands, 95% interval.
     *
     * @param score the answer column
     * @return the aggregate column (a struct, see the class description)
     */
    public static Column nps(Column score) {
        return nps(NetPromoterScore.create(), DEFAULT_CONFIDENCE).apply(score);
    }

    /**
     * Weighted NPS of a 0–10 answer column, standard bands, 95% interval.
     *
     * @param score the answer column
     * @param weight the weight column, finite and &gt; 0
     * @return the aggregate column (a struct with {@code effectiveN})
     */
    public static Column npsWeighted(Column score, Column weight) {
        return npsWeighted(NetPromoterScore.create(), DEFAULT_CONFIDENCE).apply(score, weight);
    }

    /**
     * Unweighted CSAT of a rating column on the 1–5 scale (satisfied = 4–5), 95% Wilson interval.
     *
     * @param rating the rating column
     * @return the aggregate column
     */
    public static Column csat(Column rating) {
        return csat(CustomerSatisfaction.create(), DEFAULT_CONFIDENCE).apply(rating);
    }

    /**
     * Weighted CSAT of a rating column on the 1–5 scale, 95% Wilson interval.
     *
     * @param rating the rating column
     * @param weight the weight column, finite and &gt; 0
     * @return the aggregate column (with {@code effectiveN})
     */
    public static Column csatWeighted(Column rating, Column weight) {
        return csatWeighted(CustomerSatisfaction.create(), DEFAULT_CONFIDENCE).apply(rating, weight);
    }

    /**
     * Unweighted CES of an answer column on the 1–7 scale, 95% t interval for the mean.
     *
     * @param answer the answer column
     * @return the aggregate column
     */
    public static Column ces(Column answer) {
        return ces(CustomerEffort.create(), DEFAULT_CONFIDENCE).apply(answer);
    }

    /**
     * Weighted CES of an answer column on the 1–7 scale, 95% t interval for the mean.
     *
     * @param answer the answer column
     * @param weight the weight column, finite and &gt; 0
     * @return the aggregate column (with {@code effectiveN})
     */
    public static Column cesWeighted(Column answer, Column weight) {
        return cesWeighted(CustomerEffort.create(), DEFAULT_CONFIDENCE).apply(answer, weight);
    }

    /**
     * An unweighted NPS function with the given configuration (bands, missing-answer policy) and
     * interval confidence; apply it to a column or register it under a SQL name. Only the
     * configuration of {@code configuration} is used, not any answers it holds.
     *
     * @param configuration an accumulator whose configuration to use, e.g.
     *     {@code NetPromoterScore.of(bands, MissingAnswerPolicy.NEUTRAL)}
     * @param confidence the interval's confidence level in (0, 1)
     * @return the function, taking one answer column
     */
    public static UserDefinedFunction nps(NetPromoterScore configuration, double confidence) {
        return unweighted(Metric.NPS, configuration, confidence);
    }

    /**
     * A weighted NPS function with the given configuration and interval confidence.
     *
     * @param configuration an accumulator whose configuration to use
     * @param confidence the interval's confidence level in (0, 1)
     * @return the function, taking an answer column and a weight column
     */
    public static UserDefinedFunction npsWeighted(NetPromoterScore configuration, double confidence) {
        return weighted(Metric.NPS, configuration, confidence);
    }

    /**
     * An unweighted CSAT function with the given configuration (scale, missing-answer policy) and
     * interval confidence.
     *
     * @param configuration an accumulator whose configuration to use, e.g.
     *     {@code CustomerSatisfaction.of(RatingScale.csat7(), MissingAnswerPolicy.EXCLUDE)}
     * @param confidence the interval's confidence level in (0, 1)
     * @return the function, taking one rating column
     */
    public static UserDefinedFunction csat(CustomerSatisfaction configuration, double confidence) {
        return unweighted(Metric.CSAT, configuration, confidence);
    }

    /**
     * A weighted CSAT function with the given configuration and interval confidence.
     *
     * @param configuration an accumulator whose configuration to use
     * @param confidence the interval's confidence level in (0, 1)
     * @return the function, taking a rating column and a weight column
     */
    public static UserDefinedFunction csatWeighted(CustomerSatisfaction configuration,
            double confidence) {
        return weighted(Metric.CSAT, configuration, confidence);
    }

    /**
     * An unweighted CES function with the given configuration (scale, missing-answer policy) and
     * interval confidence.
     *
     * @param configuration an accumulator whose configuration to use, e.g.
     *     {@code CustomerEffort.of(RatingScale.ces5(), MissingAnswerPolicy.EXCLUDE)}
     * @param confidence the interval's confidence level in (0, 1)
     * @return the function, taking one answer column
     */
    public static UserDefinedFunction ces(CustomerEffort configuration, double confidence) {
        return unweighted(Metric.CES, configuration, confidence);
    }

    /**
     * A weighted CES function with the given configuration and interval confidence.
     *
     * @param configuration an accumulator whose configuration to use
     * @param confidence the interval's confidence level in (0, 1)
     * @return the function, taking an answer column and a weight column
     */
    public static UserDefinedFunction cesWeighted(CustomerEffort configuration, double confidence) {
        return weighted(Metric.CES, configuration, confidence);
    }

    /**
     * The Kaplan–Meier curve of a group of rows ({@link io.cxkit.journey.survival.SurvivalAccumulator}),
     * with the median survival time and 95% log intervals (R's {@code survfit} defaults). The result is
     * {@code struct<n, events, censored, median, medianLower, medianUpper, steps: array<struct<time,
     * atRisk, events, censored, survival, stdErr, lower, upper>>>}: one step per distinct time, as a row
     * of R's {@code summary(fit, censored = TRUE)}; the median and its bounds are NaN where not reached
     * (R's NA). A group with no rows has {@code n = 0}, NaN median and no steps.
     *
     * @param time the follow-up time, numeric, finite and &gt;= 0, in the data's unit
     * @param event whether the event (churn) happened at {@code time}: a boolean, or a number 1 (event)
     *     or 0 (censored); cast to a double here, so {@code 0.5} or {@code 2} fails the query with
     *     {@code "status must be 0 (censored) or 1 (event): 2"}
     * @return the aggregate column
     */
    public static Column kaplanMeier(Column time, Column event) {
        return kaplanMeier(DEFAULT_CONFIDENCE).apply(time, event.cast(DataTypes.DoubleType));
    }

    /**
     * A Kaplan–Meier function with intervals (pointwise and for the median) at {@code confidence};
     * apply it to (time, event) columns or register it under a SQL name.
     *
     * @param confidence the intervals' confidence level in (0, 1)
     * @return the function, taking a time and an event column (numeric; 1 = event, 0 = censored)
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     */
    public static UserDefinedFunction kaplanMeier(double confidence) {
        return functions.udaf(new SurvivalAggregator.KaplanMeier(KAPLAN_MEIER, Check.confidence(confidence)),
                Encoders.tuple(Encoders.DOUBLE(), Encoders.DOUBLE()));
    }

    /**
     * The log-rank test (R's {@code survdiff}) that the survival curves of the values of
     * {@code group} are equal, within a group of rows. The result is {@code struct<n, events,
     * chiSquare, df, pValue, groups: array<struct<group, n, observed, expected>>>}, groups sorted by
     * label; chi-square and p are NaN and {@code df = 0} with fewer than two groups that expect events.
     *
     * @param time the follow-up time, numeric, finite and &gt;= 0
     * @param event a boolean, or a number 1 (event) or 0 (censored)
     * @param group the group label, a string, not null
     * @return the aggregate column
     */
    public static Column logRank(Column time, Column event, Column group) {
        return logRank().apply(time, event.cast(DataTypes.DoubleType), group);
    }

    /**
     * The log-rank function, to apply to (time, event, group) columns or register under a SQL name.
     *
     * @return the function
     */
    public static UserDefinedFunction logRank() {
        return functions.udaf(new SurvivalAggregator.LogRank(LOG_RANK),
                Encoders.tuple(Encoders.DOUBLE(), Encoders.DOUBLE(), Encoders.STRING()));
    }

    private static UserDefinedFunction unweighted(Metric metric, Accumulator<?, ?> configuration,
            double confidence) {
        return functions.udaf(new ScoreAggregator.Unweighted(metric, configuration, confidence),
                Encoders.DOUBLE());
    }

    private static UserDefinedFunction weighted(Metric metric, Accumulator<?, ?> configuration,
            double confidence) {
        return functions.udaf(new ScoreAggregator.Weighted(metric, configuration, confidence),
                Encoders.tuple(Encoders.DOUBLE(), Encoders.DOUBLE()));
    }
}
