package io.cxkit.survey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.AccumulatorCodec;
import io.cxkit.survey.drivers.KeyDrivers;
import io.cxkit.survey.outcomes.OutcomeLinkage;
import java.util.Map;
import java.util.function.Function;

/**
 * cx-survey's accumulator types for {@link AccumulatorCodec#decodeAny(byte[])}, so that for
 * example a {@link io.cxkit.core.SegmentedAccumulator} of score cards decodes from its bytes alone.
 * Registered as a {@link java.util.ServiceLoader} provider; there is no need to use it directly.
 */
public final class SurveyCodec implements AccumulatorCodec {

    /** The provider instance {@link java.util.ServiceLoader} makes. */
    public SurveyCodec() {
    }

    @Override
    public Map<String, Function<byte[], Accumulator<?, ?>>> decoders() {
        return Map.of("nps", NetPromoterScore::decode, "csat", CustomerSatisfaction::decode,
                "ces", CustomerEffort::decode, "scorecard", ScoreCard::decode,
                "survey-scores", SurveyScores::decode, "key-drivers", KeyDrivers::decode,
                "outcome-linkage", OutcomeLinkage::decode);
    }
}
