package io.cxkit.journey.funnel;

import io.cxkit.core.Encoding;
import io.cxkit.core.contract.AccumulatorContractTest;
import io.cxkit.journey.JourneyFixtures;
import java.util.SplittableRandom;

class FunnelContractTest extends AccumulatorContractTest<FunnelAccumulator, FunnelResult> {
    private static final Funnel FUNNEL = Funnel.builder().steps("home", "product", "checkout").build();

    @Override
    protected FunnelAccumulator create() {
        return FUNNEL.accumulator();
    }

    @Override
    protected void accept(FunnelAccumulator acc, SplittableRandom random) {
        acc.accept(JourneyFixtures.journey(random));
    }

    @Override
    protected FunnelAccumulator decode(byte[] bytes) {
        // cxkit 0.1's encodings (the golden file) carry only a signature of the definition
        return Encoding.reader(bytes, FunnelAccumulator.TYPE, 2).payloadVersion() == 1
                ? FunnelAccumulator.decode(bytes, FUNNEL) : FunnelAccumulator.decode(bytes);
    }

    @Override
    protected FunnelAccumulator incompatible() {
        return Funnel.builder().steps("home", "cart").build().accumulator();
    }

    @Override
    protected String goldenName() {
        return "funnel";
    }
}
