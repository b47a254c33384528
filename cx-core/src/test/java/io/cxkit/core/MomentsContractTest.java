package io.cxkit.core;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class MomentsContractTest extends AccumulatorContractTest<Moments, MeanEstimate> {
    @Override
    protected Moments create() {
        return Moments.create();
    }

    @Override
    protected void accept(Moments acc, SplittableRandom random) {
        acc.accept(random.nextInt(1, 8), 0.25 + random.nextDouble(3));
    }

    @Override
    protected Moments decode(byte[] bytes) {
        return Moments.decode(bytes);
    }

    @Override
    protected String goldenName() {
        return "moments";
    }

    @Override
    protected void assertPossible(Moments acc) {
        assertEstimate(acc.result(), -Double.MAX_VALUE, Double.MAX_VALUE);
    }
}
