package io.cxkit.spark;

import io.cxkit.journey.survival.SurvivalAccumulator;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed Spark aggregators behind {@link CxFunctions#kaplanMeier} and {@link CxFunctions#logRank}:
 * the buffer is the library's {@link SurvivalAccumulator} ({@link AccumulatorBuffer}), fed and read
 * by the same rules as the catalog's survival functions ({@link SurvivalOutput}). Time and event
 * arrive as doubles (every int is exact as one; {@link SurvivalOutput#feed} rejects an event that is
 * not 0 or 1).
 *
 * @param <I> the input type
 */
abstract class SurvivalAggregator<I> extends Aggregator<I, AccumulatorBuffer, Row> {
    private static final long serialVersionUID = 1L;

    final String function;

    SurvivalAggregator(String function) {
        this.function = function;
    }

    /** Feeds one input row. */
    abstract void add(SurvivalAccumulator acc, I input);

    @Override
    public AccumulatorBuffer zero() {
        return new AccumulatorBuffer(SurvivalAccumulator.create());
    }

    @Override
    public AccumulatorBuffer reduce(AccumulatorBuffer buffer, I input) {
        add(accumulator(buffer), input);
        return buffer;
    }

    @Override
    public AccumulatorBuffer merge(AccumulatorBuffer b1, AccumulatorBuffer b2) {
        accumulator(b1).combine(accumulator(b2));
        return b1;
    }

    static SurvivalAccumulator accumulator(AccumulatorBuffer buffer) {
        return (SurvivalAccumulator) buffer.accumulator(StateKind.SURVIVAL);
    }

    @Override
    public Encoder<AccumulatorBuffer> bufferEncoder() {
        return Encoders.bean(AccumulatorBuffer.class);
    }

    static double value(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** (time, event): the Kaplan–Meier curve of the rows. */
    static final class KaplanMeier extends SurvivalAggregator<scala.Tuple2<Double, Double>> {
        private static final long serialVersionUID = 1L;
        private final double confidence;

        KaplanMeier(String function, double confidence) {
            super(function);
            this.confidence = confidence;
        }

        @Override
        void add(SurvivalAccumulator acc, scala.Tuple2<Double, Double> row) {
            SurvivalOutput.feed(acc, function, row._1() == null, value(row._1()), row._2() == null, value(row._2()),
                    false, null);
        }

        @Override
        public Row finish(AccumulatorBuffer buffer) {
            return (Row) SurvivalOutput.kaplanMeier(accumulator(buffer), confidence, StructShape.EXTERNAL);
        }

        @Override
        public Encoder<Row> outputEncoder() {
            return Encoders.row(SurvivalOutput.KAPLAN_MEIER);
        }
    }

    /** (time, event, group): the log-rank test between the groups. */
    static final class LogRank extends SurvivalAggregator<scala.Tuple3<Double, Double, String>> {
        private static final long serialVersionUID = 1L;

        LogRank(String function) {
            super(function);
        }

        @Override
        void add(SurvivalAccumulator acc, scala.Tuple3<Double, Double, String> row) {
            SurvivalOutput.feed(acc, function, row._1() == null, value(row._1()), row._2() == null, value(row._2()),
                    true, row._3());
        }

        @Override
        public Row finish(AccumulatorBuffer buffer) {
            return (Row) SurvivalOutput.logRank(accumulator(buffer), StructShape.EXTERNAL);
        }

        @Override
        public Encoder<Row> outputEncoder() {
            return Encoders.row(SurvivalOutput.LOG_RANK);
        }
    }
}
