package io.cxkit.journey.service;

import io.cxkit.core.contract.AccumulatorContractTest;
import io.cxkit.journey.JourneyFixtures;
import java.util.SplittableRandom;

class ServiceMetricsAccumulatorContractTest extends AccumulatorContractTest<ServiceMetricsAccumulator, ServiceMetricsResult> {
    private static final ServiceMetrics METRICS = ServiceMetrics.builder()
            .firstResponseTarget(java.time.Duration.ofHours(1)).resolutionTarget(java.time.Duration.ofHours(8)).build();

    @Override
    protected ServiceMetricsAccumulator create() {
        return METRICS.accumulator();
    }

    @Override
    protected void accept(ServiceMetricsAccumulator acc, SplittableRandom random) {
        acc.accept(JourneyFixtures.ticket(random));
    }

    @Override
    protected ServiceMetricsAccumulator decode(byte[] bytes) {
        return ServiceMetricsAccumulator.decode(bytes);
    }

    @Override
    protected ServiceMetricsAccumulator incompatible() {
        return ServiceMetrics.builder().firstResponseTarget(java.time.Duration.ofMinutes(5)).build().accumulator();
    }

    @Override
    protected String goldenName() {
        return "service-metrics";
    }
}
