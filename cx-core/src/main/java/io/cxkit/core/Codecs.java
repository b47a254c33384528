package io.cxkit.core;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/** The merged table of every {@link AccumulatorCodec} on the class path, built once. */
final class Codecs {
    static final Map<String, Function<byte[], Accumulator<?, ?>>> DECODERS = load();

    private Codecs() {
    }

    private static Map<String, Function<byte[], Accumulator<?, ?>>> load() {
        Map<String, Function<byte[], Accumulator<?, ?>>> all = new TreeMap<>();
        Map<String, String> owner = new TreeMap<>();
        for (AccumulatorCodec codec : ServiceLoader.load(AccumulatorCodec.class, Codecs.class.getClassLoader())) {
            String name = codec.getClass().getName();
            codec.decoders().forEach((type, decoder) -> {
                String before = owner.putIfAbsent(type, name);
                if (before != null && !before.equals(name)) {
                    throw new IllegalStateException("accumulator type '" + type + "' is claimed by both "
                            + before + " and " + name);
                }
                all.put(type, decoder);
            });
        }
        return Collections.unmodifiableMap(all);
    }
}
