package io.cxkit.survey;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class CustomerEffortContractTest extends AccumulatorContractTest<CustomerEffort, CesResult> {
    @Override
    protected CustomerEffort create() {
        return CustomerEffort.create();
    }

    @Override
    protected void accept(CustomerEffort acc, SplittableRandom random) {
        acc.accept(1 + random.nextInt(7), 0.5 + random.nextDouble(2));
    }

    @Override
    protected CustomerEffort decode(byte[] bytes) {
        return CustomerEffort.decode(bytes);
    }

    @Override
    protected CustomerEffort incompatible() {
        return CustomerEffort.of(RatingScale.ces5(), MissingAnswerPolicy.EXCLUDE);
    }

    @Override
    protected String goldenName() {
        return "ces";
    }

    @Override
    protected void assertPossible(CustomerEffort acc) {
        CesResult r = acc.result();
        assertEstimate(r, r.scale().min(), r.scale().max());
        assertEstimate(r.agree(), 0, 1);
    }
}
