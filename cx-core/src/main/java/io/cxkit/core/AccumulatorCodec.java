package io.cxkit.core;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Which static {@code decode(byte[])} reads an encoding, by the type name in its header: the
 * table through which an accumulator whose configuration holds other accumulators
 * ({@link SegmentedAccumulator#decode(byte[])}) decodes them from the bytes alone.
 *
 * <p>Each module lists its types in one implementation, registered as a
 * {@link ServiceLoader} provider in {@code META-INF/services/io.cxkit.core.AccumulatorCodec}, so
 * that a module on the class path is found without being named: cx-core's own types
 * ({@link CoreCodec}), cx-survey's and cx-journey's. A type name claimed by two providers is an error when the
 * table is first used.
 */
public interface AccumulatorCodec {

    /**
     * The types this provider decodes: type name as written by {@code encode()} to the static
     * {@code decode(byte[])} of the type.
     *
     * @return type name to decoder; not null
     */
    Map<String, Function<byte[], Accumulator<?, ?>>> decoders();

    /**
     * Decodes any accumulator whose type a provider on the class path knows.
     *
     * @param bytes an encoding written by some accumulator's {@code encode()}, not null
     * @return the decoded accumulator, validated by its type's {@code decode}
     * @throws CorruptEncodingException if the header is not a cxkit header, no provider knows its
     *     type (the message lists the known ones), or the type's {@code decode} rejects the bytes
     */
    static Accumulator<?, ?> decodeAny(byte[] bytes) {
        String type = Encoding.typeOf(bytes);
        Function<byte[], Accumulator<?, ?>> decoder = Codecs.DECODERS.get(type);
        if (decoder == null) {
            throw new CorruptEncodingException("no decoder on the class path for accumulator type '" + type
                    + "' (known: " + String.join(", ", Codecs.DECODERS.keySet()) + ")");
        }
        return decoder.apply(bytes);
    }
}
