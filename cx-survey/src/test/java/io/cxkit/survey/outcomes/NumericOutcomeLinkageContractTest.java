package io.cxkit.survey.outcomes;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class NumericOutcomeLinkageContractTest extends AccumulatorContractTest<OutcomeLinkage, OutcomeLinkageResult> {
    @Override
    protected OutcomeLinkage create() {
        return OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.DETRACTOR);
    }

    @Override
    protected void accept(OutcomeLinkage acc, SplittableRandom random) {
        acc.accept(OutcomeLinkage.npsGroup(random.nextInt(11)), random.nextDouble(500), 0.5 + random.nextDouble());
    }

    @Override
    protected OutcomeLinkage decode(byte[] bytes) {
        return OutcomeLinkage.decode(bytes);
    }

    @Override
    protected OutcomeLinkage incompatible() {
        return OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.PROMOTER);
    }

    @Override
    protected String goldenName() {
        return "outcome-linkage-numeric";
    }
}
