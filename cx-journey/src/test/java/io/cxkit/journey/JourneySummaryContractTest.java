package io.cxkit.journey;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class JourneySummaryContractTest extends AccumulatorContractTest<JourneySummary, JourneySummaryResult> {
    @Override
    protected JourneySummary create() {
        return JourneySummary.create();
    }

    @Override
    protected void accept(JourneySummary acc, SplittableRandom random) {
        acc.accept(JourneyFixtures.journey(random));
    }

    @Override
    protected JourneySummary decode(byte[] bytes) {
        return JourneySummary.decode(bytes);
    }


    @Override
    protected String goldenName() {
        return "journey-summary";
    }
}
