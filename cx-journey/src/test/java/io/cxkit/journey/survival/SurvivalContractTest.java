package io.cxkit.journey.survival;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class SurvivalContractTest extends AccumulatorContractTest<SurvivalAccumulator, SurvivalResult> {
    @Override
    protected SurvivalAccumulator create() {
        return SurvivalAccumulator.create();
    }

    @Override
    protected void accept(SurvivalAccumulator acc, SplittableRandom random) {
        acc.accept(random.nextInt(3) == 0 ? random.nextInt(20) : random.nextDouble(50), random.nextBoolean(), "g" + random.nextInt(3));
    }

    @Override
    protected SurvivalAccumulator decode(byte[] bytes) {
        return SurvivalAccumulator.decode(bytes);
    }


    @Override
    protected String goldenName() {
        return "survival";
    }
}
