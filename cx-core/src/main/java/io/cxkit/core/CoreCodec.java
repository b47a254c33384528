package io.cxkit.core;

import java.util.Map;
import java.util.function.Function;

/**
 * cx-core's accumulator types for {@link AccumulatorCodec#decodeAny(byte[])}: {@link Moments},
 * {@link QuantileSketch} and {@link SegmentedAccumulator}. Registered as a {@link java.util.ServiceLoader}
 * provider; there is no need to use it directly.
 */
public final class CoreCodec implements AccumulatorCodec {

    /** The provider instance {@link java.util.ServiceLoader} makes. */
    public CoreCodec() {
    }

    @Override
    public Map<String, Function<byte[], Accumulator<?, ?>>> decoders() {
        return Map.of(Moments.TYPE, Moments::decode, QuantileSketch.TYPE, QuantileSketch::decode,
                SegmentedAccumulator.TYPE, SegmentedAccumulator::decode);
    }
}
