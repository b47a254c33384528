package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class CustomerSatisfactionContractTest extends AccumulatorContractTest<CustomerSatisfaction, CsatResult> {
    @Override
    protected CustomerSatisfaction create() {
        return CustomerSatisfaction.create();
    }

    @Override
    protected void accept(CustomerSatisfaction acc, SplittableRandom random) {
        int k = random.nextInt(7);
        if (k == 0) {
            acc.acceptMissing();
        } else if (k == 6) {
            acc.accept(1 + random.nextInt(5));
        } else {
            acc.accept(k, 0.5 + random.nextDouble(2));
        }
    }

    @Override
    protected CustomerSatisfaction decode(byte[] bytes) {
        return CustomerSatisfaction.decode(bytes);
    }

    @Override
    protected CustomerSatisfaction incompatible() {
        return CustomerSatisfaction.of(RatingScale.csat7(), MissingAnswerPolicy.EXCLUDE);
    }

    @Override
    protected String goldenName() {
        return "csat";
    }

    @Override
    protected void assertPossible(CustomerSatisfaction acc) {
        CsatResult r = acc.result();
        assertEstimate(r, 0, 100);
        assertEstimate(r.rating(), r.scale().min(), r.scale().max());
        assertTrue(r.missing() >= 0);
    }
}
