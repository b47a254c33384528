package io.cxkit.core;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class SegmentedAccumulatorContractTest
        extends AccumulatorContractTest<SegmentedAccumulator<QuantileSketch, QuantileSummary>,
                SegmentedResult<QuantileSummary>> {
    @Override
    protected SegmentedAccumulator<QuantileSketch, QuantileSummary> create() {
        return SegmentedAccumulator.of(QuantileSketch.create());
    }

    @Override
    protected void accept(SegmentedAccumulator<QuantileSketch, QuantileSummary> acc, SplittableRandom random) {
        acc.segment(SegmentKey.of("s" + random.nextInt(4))).accept(random.nextDouble(100));
    }

    @Override
    protected SegmentedAccumulator<QuantileSketch, QuantileSummary> decode(byte[] bytes) {
        return SegmentedAccumulator.decode(bytes, QuantileSketch::decode);
    }

    @Override
    protected SegmentedAccumulator<QuantileSketch, QuantileSummary> incompatible() {
        return SegmentedAccumulator.of(QuantileSketch.of(0.05));
    }

    @Override
    protected String goldenName() {
        return "segmented-quantile-sketch";
    }
}
