package io.cxkit.journey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.AccumulatorCodec;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TransitionGraph;
import io.cxkit.journey.retention.RetentionAccumulator;
import io.cxkit.journey.service.ServiceMetricsAccumulator;
import io.cxkit.journey.service.TicketRecordAccumulator;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.value.RepeatPurchases;
import java.util.Map;
import java.util.function.Function;

/**
 * cx-journey's accumulator types for {@link AccumulatorCodec#decodeAny(byte[])}, so that for
 * example a {@link io.cxkit.core.SegmentedAccumulator} of funnels (a funnel broken down by channel)
 * decodes from its bytes alone. Registered as a {@link java.util.ServiceLoader} provider; there is
 * no need to use it directly. A funnel with a predicate step has no encoding of its step and is
 * decoded with {@link FunnelAccumulator#decode(byte[], io.cxkit.journey.funnel.Funnel)} instead.
 */
public final class JourneyCodec implements AccumulatorCodec {

    /** The provider instance {@link java.util.ServiceLoader} makes. */
    public JourneyCodec() {
    }

    @Override
    public Map<String, Function<byte[], Accumulator<?, ?>>> decoders() {
        return Map.of(AttributionAccumulator.TYPE, AttributionAccumulator::decode,
                FunnelAccumulator.TYPE, FunnelAccumulator::decode,
                JourneySummary.TYPE, JourneySummary::decode,
                PathVariants.TYPE, PathVariants::decode,
                TransitionGraph.TYPE, TransitionGraph::decode,
                RetentionAccumulator.TYPE, RetentionAccumulator::decode,
                ServiceMetricsAccumulator.TYPE, ServiceMetricsAccumulator::decode,
                TicketRecordAccumulator.TYPE, TicketRecordAccumulator::decode,
                SurvivalAccumulator.TYPE, SurvivalAccumulator::decode,
                RepeatPurchases.TYPE, RepeatPurchases::decode);
    }
}
