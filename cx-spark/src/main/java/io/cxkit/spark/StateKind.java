package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.survey.SurveyAccumulatorKind;
import java.util.function.Function;

/**
 * The library accumulators a cx-spark aggregation state can hold, each with the library's own
 * {@code decode(byte[])}, which validates the bytes. A state names its kind when Spark serializes
 * it ({@link AccumulatorState}, {@link AccumulatorBuffer}), so the other side decodes it with the
 * right type and says which one when the bytes are damaged.
 */
enum StateKind {
    /** {@link io.cxkit.survey.NetPromoterScore}. */
    NPS(SurveyAccumulatorKind.NPS::decode),
    /** {@link io.cxkit.survey.CustomerSatisfaction}. */
    CSAT(SurveyAccumulatorKind.CSAT::decode),
    /** {@link io.cxkit.survey.CustomerEffort}. */
    CES(SurveyAccumulatorKind.CES::decode),
    /** The key-driver co-moments, {@link io.cxkit.survey.drivers.KeyDrivers}. */
    KEY_DRIVERS(SurveyAccumulatorKind.KEY_DRIVERS::decode),
    /** Kaplan–Meier and log-rank counts, {@link SurvivalAccumulator}. */
    SURVIVAL(SurvivalAccumulator::decode);

    private final Function<byte[], Accumulator<?, ?>> decoder;

    StateKind(Function<byte[], Accumulator<?, ?>> decoder) {
        this.decoder = decoder;
    }

    /** Decodes an accumulator of this kind; the library rejects malformed bytes. */
    Accumulator<?, ?> decode(byte[] bytes) {
        return decoder.apply(bytes);
    }
}
