package io.cxkit.survey.outcomes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class OutcomeLinkageContractTest extends AccumulatorContractTest<OutcomeLinkage, OutcomeLinkageResult> {
    @Override
    protected OutcomeLinkage create() {
        return OutcomeLinkage.of(OutcomeKind.BINARY, "renewed", OutcomeLinkage.DETRACTOR);
    }

    @Override
    protected void accept(OutcomeLinkage acc, SplittableRandom random) {
        acc.accept(OutcomeLinkage.npsGroup(random.nextInt(11)), random.nextInt(3) > 0);
    }

    @Override
    protected OutcomeLinkage decode(byte[] bytes) {
        return OutcomeLinkage.decode(bytes);
    }

    @Override
    protected OutcomeLinkage incompatible() {
        return OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.DETRACTOR);
    }

    @Override
    protected String goldenName() {
        return "outcome-linkage-binary";
    }

    @Override
    protected void assertPossible(OutcomeLinkage acc) {
        acc.result().groups().forEach(g -> assertTrue(g.estimate().n() > 0, g::toString));
    }
}
