package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Accumulator;
import io.cxkit.core.AccumulatorCodec;
import io.cxkit.core.Encoding;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.TimeGrain;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TransitionGraph;
import io.cxkit.journey.retention.RetentionAccumulator;
import io.cxkit.journey.service.FirstContactRule;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.value.RepeatPurchases;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every journey accumulator type decodes from its bytes alone, also as the segments of a segmented one. */
class JourneyCodecTest {

    @Test
    void everyTypeIsRegisteredUnderTheNameItWrites() {
        List<Accumulator<?, ?>> all = List.of(AttributionAccumulator.of(2, Duration.ofDays(3)),
                Funnel.builder().steps("home", "cart").build().accumulator(), JourneySummary.create(),
                PathVariants.ofLeadingTo("checkout", 2), TransitionGraph.create(),
                RetentionAccumulator.of(TimeGrain.WEEK, ZoneId.of("Europe/Berlin")),
                ServiceMetrics.builder().firstResponseTarget(Duration.ofMinutes(5)).build().accumulator(),
                ServiceMetrics.builder().build().recordAccumulator(FirstContactRule.ONE_CONTACT),
                SurvivalAccumulator.create(), RepeatPurchases.of(LocalDate.of(2026, 6, 30)));
        assertEquals(all.size(), new JourneyCodec().decoders().size());
        for (Accumulator<?, ?> a : all) {
            byte[] bytes = a.encode();
            assertTrue(new JourneyCodec().decoders().containsKey(Encoding.typeOf(bytes)), Encoding.typeOf(bytes));
            Accumulator<?, ?> back = AccumulatorCodec.decodeAny(bytes);
            assertEquals(a.getClass(), back.getClass());
            assertEquals(a.result().toString(), back.result().toString());
        }
    }

    @Test
    void aFunnelBrokenDownBySegmentDecodesFromItsBytesAlone() {
        Funnel funnel = Funnel.builder().steps("home", "cart").build();
        SegmentedAccumulator<FunnelAccumulator, ?> byChannel = SegmentedAccumulator.of(funnel.accumulator());
        List<CustomerJourney> journeys = JourneyBuilder.create().build(RandomLogs.events(7, 400));
        for (CustomerJourney j : journeys) {
            byChannel.segment(byChannel.idOf(SegmentKey.of(j.events().get(0).channel().name()))).accept(j);
        }
        SegmentedAccumulator<?, ?> back = SegmentedAccumulator.decode(byChannel.encode());
        assertEquals(byChannel.result(), back.result());
        assertTrue(byChannel.result().size() > 1, byChannel.result().toString());
    }
}
