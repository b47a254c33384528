package io.cxkit.journey.retention;

import io.cxkit.core.contract.AccumulatorContractTest;
import io.cxkit.journey.Events;
import java.util.SplittableRandom;

class RetentionContractTest extends AccumulatorContractTest<RetentionAccumulator, RetentionResult> {
    @Override
    protected RetentionAccumulator create() {
        return RetentionAccumulator.of(io.cxkit.core.TimeGrain.WEEK, java.time.ZoneId.of("Europe/Berlin"));
    }

    @Override
    protected void accept(RetentionAccumulator acc, SplittableRandom random) {
        acc.accept("c" + random.nextInt(40), Events.T0.plusSeconds(random.nextInt(86400 * 90)));
    }

    @Override
    protected RetentionAccumulator decode(byte[] bytes) {
        return RetentionAccumulator.decode(bytes);
    }

    @Override
    protected RetentionAccumulator incompatible() {
        return RetentionAccumulator.of(io.cxkit.core.TimeGrain.MONTH, java.time.ZoneId.of("UTC"));
    }

    @Override
    protected String goldenName() {
        return "retention";
    }
}
