package io.cxkit.journey.paths;

import io.cxkit.core.contract.AccumulatorContractTest;
import io.cxkit.journey.JourneyFixtures;
import java.util.SplittableRandom;

class PathVariantsContractTest extends AccumulatorContractTest<PathVariants, PathVariantsResult> {
    @Override
    protected PathVariants create() {
        return PathVariants.ofLeadingTo("checkout", 2);
    }

    @Override
    protected void accept(PathVariants acc, SplittableRandom random) {
        acc.accept(JourneyFixtures.journey(random));
    }

    @Override
    protected PathVariants decode(byte[] bytes) {
        return PathVariants.decode(bytes);
    }

    @Override
    protected PathVariants incompatible() {
        return PathVariants.create();
    }

    @Override
    protected String goldenName() {
        return "path-variants";
    }
}
