package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class QuantileSketchContractTest extends AccumulatorContractTest<QuantileSketch, QuantileSummary> {
    @Override
    protected QuantileSketch create() {
        return QuantileSketch.create();
    }

    @Override
    protected void accept(QuantileSketch acc, SplittableRandom random) {
        acc.accept(random.nextInt(10) == 0 ? 0 : Math.exp(random.nextDouble(-3, 12)));
    }

    @Override
    protected QuantileSketch decode(byte[] bytes) {
        return QuantileSketch.decode(bytes);
    }

    @Override
    protected QuantileSketch incompatible() {
        return QuantileSketch.of(0.02);
    }

    @Override
    protected String goldenName() {
        return "quantile-sketch";
    }

    @Override
    protected void assertPossible(QuantileSketch acc) {
        QuantileSummary s = acc.summary();
        if (s.n() > 0) {
            assertTrue(s.min() <= s.median() && s.median() <= s.max(), () -> "quantiles out of order: " + s);
            assertTrue(acc.bucketCapacity() < 5_000_000, () -> "sketch allocated " + acc.bucketCapacity());
        }
    }
}
