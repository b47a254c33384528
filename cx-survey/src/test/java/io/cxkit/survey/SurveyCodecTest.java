package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Accumulator;
import io.cxkit.core.AccumulatorCodec;
import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.core.Moments;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.Segmentation;
import io.cxkit.survey.drivers.KeyDrivers;
import io.cxkit.survey.outcomes.OutcomeKind;
import io.cxkit.survey.outcomes.OutcomeLinkage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every survey type decodes from its bytes alone, also as the segments of a segmented accumulator. */
class SurveyCodecTest {

    @Test
    void everyTypeIsRegisteredUnderTheNameItWrites() {
        List<Accumulator<?, ?>> all = List.of(NetPromoterScore.create(), CustomerSatisfaction.create(),
                CustomerEffort.create(), ScoreCard.create(), SurveyScores.of(ScoreCard.create(), Segmentation.of("tp")),
                KeyDrivers.of("overall", List.of("ease", "speed")),
                OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.DETRACTOR));
        assertEquals(all.size(), new SurveyCodec().decoders().size());
        for (Accumulator<?, ?> a : all) {
            byte[] bytes = a.encode();
            assertTrue(new SurveyCodec().decoders().containsKey(Encoding.typeOf(bytes)), Encoding.typeOf(bytes));
            Accumulator<?, ?> back = AccumulatorCodec.decodeAny(bytes);
            assertEquals(a.getClass(), back.getClass());
            assertEquals(a.result().toString(), back.result().toString());
        }
    }

    @Test
    void aSegmentedAccumulatorDecodesFromItsBytesAlone() {
        SegmentedAccumulator<NetPromoterScore, NpsResult> byChannel = SegmentedAccumulator.of(NetPromoterScore.create());
        byChannel.segment(byChannel.idOf(SegmentKey.of("web"))).accept(10);
        byChannel.segment(byChannel.idOf(SegmentKey.of("app"))).accept(3);
        SegmentedAccumulator<?, ?> back = SegmentedAccumulator.decode(byChannel.encode());
        assertEquals(byChannel.result(), back.result());
        assertEquals(byChannel.toString(), back.toString());
        assertEquals(byChannel.result(), SegmentedAccumulator.decode(byChannel.encode(), NetPromoterScore::decode).result());
    }

    @Test
    void aSegmentOfAnotherTypeOrAnUnknownTypeIsCorrupt() {
        byte[] mixed = Encoding.writer(SegmentedAccumulator.TYPE, 1).putBytes(NetPromoterScore.create().encode())
                .putInt(1).putInt(1).putString("web").putBytes(CustomerEffort.create().encode()).toBytes();
        CorruptEncodingException e = assertThrows(CorruptEncodingException.class, () -> SegmentedAccumulator.decode(mixed));
        assertTrue(e.getMessage().contains("has segment web of type CustomerEffort under a prototype of type"
                + " NetPromoterScore"), e.getMessage());
        byte[] unknown = Encoding.writer("no-such-type", 1).toBytes();
        e = assertThrows(CorruptEncodingException.class, () -> AccumulatorCodec.decodeAny(unknown));
        assertTrue(e.getMessage().startsWith("no decoder on the class path for accumulator type 'no-such-type' (known: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("moments") && e.getMessage().contains("nps"), e.getMessage());
        assertEquals(Moments.create().result().toString(), AccumulatorCodec.decodeAny(Moments.create().encode())
                .result().toString());
    }
}
