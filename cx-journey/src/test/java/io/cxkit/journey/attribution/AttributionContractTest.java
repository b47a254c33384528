package io.cxkit.journey.attribution;

import io.cxkit.core.contract.AccumulatorContractTest;
import io.cxkit.journey.JourneyFixtures;
import java.util.SplittableRandom;

class AttributionContractTest extends AccumulatorContractTest<AttributionAccumulator, AttributionResult> {
    @Override
    protected AttributionAccumulator create() {
        return AttributionAccumulator.create();
    }

    @Override
    protected void accept(AttributionAccumulator acc, SplittableRandom random) {
        acc.accept(JourneyFixtures.attribution(random));
    }

    @Override
    protected AttributionAccumulator decode(byte[] bytes) {
        return AttributionAccumulator.decode(bytes);
    }

    @Override
    protected AttributionAccumulator incompatible() {
        return AttributionAccumulator.of(2, java.time.Duration.ofDays(7));
    }

    @Override
    protected String goldenName() {
        return "attribution";
    }
}
