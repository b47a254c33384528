package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxkit.core.ScaledCounter.Counts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The algebra of {@link SegmentedAccumulator}: combine equals a single pass, in any order. */
class SegmentedAccumulatorPropertiesTest {

    record Observation(SegmentKey key, long value) {
    }

    @Provide
    Arbitrary<List<Observation>> observations() {
        Arbitrary<SegmentKey> keys = Arbitraries.strings().withChars("abc").ofMaxLength(2)
                .list().ofMaxSize(3).map(SegmentKey::new);
        Arbitrary<Long> values = Arbitraries.longs().between(-1_000, 1_000);
        return Combinators.combine(keys, values).as(Observation::new).list().ofMaxSize(60);
    }

    private static SegmentedAccumulator<ScaledCounter, Counts> singlePass(List<Observation> obs) {
        SegmentedAccumulator<ScaledCounter, Counts> acc = SegmentedAccumulator.of(new ScaledCounter(3));
        for (Observation o : obs) {
            acc.segment(o.key()).accept(o.value());
        }
        return acc;
    }

    @Property
    void combiningAnySplitEqualsTheSinglePass(@ForAll("observations") List<Observation> obs,
            @ForAll @IntRange(min = 1, max = 8) int parts, @ForAll long seed) {
        Random random = new Random(seed);
        List<SegmentedAccumulator<ScaledCounter, Counts>> partials = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            partials.add(SegmentedAccumulator.of(new ScaledCounter(3)));
        }
        for (Observation o : obs) { // hot path: encode the key, then index by id
            SegmentedAccumulator<ScaledCounter, Counts> p = partials.get(random.nextInt(parts));
            p.segment(p.idOf(o.key())).accept(o.value());
        }
        Collections.shuffle(partials, random);
        SegmentedAccumulator<ScaledCounter, Counts> merged = partials.get(0);
        for (int i = 1; i < parts; i++) {
            merged.combine(partials.get(i));
        }
        assertEquals(singlePass(obs).result(), merged.result());
    }

    @Property
    void resultIsIndependentOfInputOrder(@ForAll("observations") List<Observation> obs, @ForAll long seed) {
        List<Observation> shuffled = new ArrayList<>(obs);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(singlePass(obs).result(), singlePass(shuffled).result());
    }

    @Property
    void encodingRoundTrips(@ForAll("observations") List<Observation> obs) {
        SegmentedAccumulator<ScaledCounter, Counts> acc = singlePass(obs);
        SegmentedAccumulator<ScaledCounter, Counts> back =
                SegmentedAccumulator.decode(acc.encode(), ScaledCounter::decode);
        assertEquals(acc.keys(), back.keys());
        assertEquals(acc.result(), back.result());
    }
}
