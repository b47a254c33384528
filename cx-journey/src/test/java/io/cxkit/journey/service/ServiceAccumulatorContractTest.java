package io.cxkit.journey.service;

import io.cxkit.core.contract.AccumulatorContractTest;
import io.cxkit.journey.JourneyFixtures;
import java.util.SplittableRandom;

class ServiceAccumulatorContractTest extends AccumulatorContractTest<ServiceAccumulator, ServiceResult> {
    private static final ServiceMetrics METRICS = ServiceMetrics.builder()
            .firstResponseTarget(java.time.Duration.ofHours(1)).resolutionTarget(java.time.Duration.ofHours(8)).build();

    @Override
    protected ServiceAccumulator create() {
        return METRICS.accumulator();
    }

    @Override
    protected void accept(ServiceAccumulator acc, SplittableRandom random) {
        acc.accept(JourneyFixtures.ticket(random));
    }

    @Override
    protected ServiceAccumulator decode(byte[] bytes) {
        return ServiceAccumulator.decode(bytes);
    }

    @Override
    protected ServiceAccumulator incompatible() {
        return ServiceMetrics.builder().firstResponseTarget(java.time.Duration.ofMinutes(5)).build().accumulator();
    }

    @Override
    protected String goldenName() {
        return "service-metrics";
    }
}
