package io.cxkit.journey.paths;

import io.cxkit.core.contract.AccumulatorContractTest;
import io.cxkit.journey.JourneyFixtures;
import java.util.SplittableRandom;

class TransitionGraphContractTest extends AccumulatorContractTest<TransitionGraph, TransitionGraphResult> {
    @Override
    protected TransitionGraph create() {
        return TransitionGraph.create();
    }

    @Override
    protected void accept(TransitionGraph acc, SplittableRandom random) {
        acc.accept(JourneyFixtures.journey(random));
    }

    @Override
    protected TransitionGraph decode(byte[] bytes) {
        return TransitionGraph.decode(bytes);
    }


    @Override
    protected String goldenName() {
        return "transition-graph";
    }
}
