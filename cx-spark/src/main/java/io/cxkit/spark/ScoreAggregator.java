package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * A typed Spark aggregator whose buffer is a cxkit accumulator ({@link AccumulatorBuffer}) and whose
 * output is the accumulator's result as a struct ({@link Metric#schema(boolean)}).
 *
 * <p>The accumulator's configuration travels to executors as its own encoding (an empty template),
 * since accumulators are not {@code Serializable}.
 *
 * @param <I> the input type
 */
abstract class ScoreAggregator<I> extends Aggregator<I, AccumulatorBuffer, Row> {
    private static final long serialVersionUID = 1L;

    final Metric metric;
    private final byte[] template;
    private final double confidence;
    private final boolean weighted;

    ScoreAggregator(Metric metric, Accumulator<?, ?> configuration, double confidence, boolean weighted) {
        this.metric = metric;
        this.template = Check.notNull(configuration, "configuration").emptyCopy().encode();
        this.confidence = Check.confidence(confidence);
        this.weighted = weighted;
    }

    /** Feeds one input row to the live accumulator. */
    abstract void add(Accumulator<?, ?> accumulator, I input);

    @Override
    public AccumulatorBuffer zero() {
        return new AccumulatorBuffer(metric.decode(template));
    }

    @Override
    public AccumulatorBuffer reduce(AccumulatorBuffer buffer, I input) {
        add(buffer.accumulator(metric.state()), input);
        return buffer;
    }

    @Override
    public AccumulatorBuffer merge(AccumulatorBuffer b1, AccumulatorBuffer b2) {
        metric.combine(b1.accumulator(metric.state()), b2.accumulator(metric.state()));
        return b1;
    }

    @Override
    public Row finish(AccumulatorBuffer buffer) {
        Estimate result = (Estimate) buffer.accumulator(metric.state()).result();
        return metric.row(result, confidence, weighted);
    }

    @Override
    public Encoder<AccumulatorBuffer> bufferEncoder() {
        return Encoders.bean(AccumulatorBuffer.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(metric.schema(weighted));
    }

    /*
     * Answers come in as double, not int: Spark implicitly casts a function's arguments to the
     * input encoder's type, and a cast to int would turn 9.7 into 9 (and, without ANSI mode, a
     * bigint 4294967305 into 9) silently. Every int is exact as a double; ScoreAccumulator.acceptNumeric rejects the rest.
     */

    /** One answer per row: {@code null} is a missing answer. */
    static final class Unweighted extends ScoreAggregator<Double> {
        private static final long serialVersionUID = 1L;

        Unweighted(Metric metric, Accumulator<?, ?> configuration, double confidence) {
            super(metric, configuration, confidence, false);
        }

        @Override
        void add(Accumulator<?, ?> accumulator, Double answer) {
            metric.feed(accumulator, answer == null, answer == null ? Double.NaN : answer);
        }
    }

    /**
     * (answer, weight) per row: a {@code null} answer is a missing answer; a {@code null} weight is
     * passed on as NaN, which the library rejects like any other non-positive weight.
     */
    static final class Weighted extends ScoreAggregator<scala.Tuple2<Double, Double>> {
        private static final long serialVersionUID = 1L;

        Weighted(Metric metric, Accumulator<?, ?> configuration, double confidence) {
            super(metric, configuration, confidence, true);
        }

        @Override
        void add(Accumulator<?, ?> accumulator, scala.Tuple2<Double, Double> row) {
            Double w = row._2();
            double weight = w == null ? Double.NaN : w;
            Double answer = row._1();
            metric.feed(accumulator, answer == null, answer == null ? Double.NaN : answer, weight);
        }
    }
}
