package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** The three forms of the Neumaier sum (object, parallel arrays, interleaved pairs) agree bit for bit. */
class CompensatedSumProperties {

    @Property(tries = 300)
    void everyFormGivesTheSameSum(@ForAll @Size(max = 200) List<@DoubleRange(min = -1e12, max = 1e12) Double> values) {
        CompensatedSum object = new CompensatedSum();
        double[] sums = new double[3];
        double[] compensations = new double[3];
        double[] pairs = new double[6];
        for (double v : values) {
            object.add(v);
            CompensatedSum.add(sums, compensations, 1, v);
            CompensatedSum.addToPair(pairs, 2, v);
        }
        assertEquals(object.value(), sums[1] + compensations[1], 0.0);
        assertEquals(sums[1], pairs[2], 0.0);
        assertEquals(compensations[1], pairs[3], 0.0);
        assertEquals(0.0, pairs[0] + pairs[1] + pairs[4] + pairs[5], 0.0);
    }

    @Property(tries = 50)
    void recoversWhatPlainAdditionLoses(@ForAll @DoubleRange(min = 1, max = 1e6) double small) {
        double[] pairs = new double[2];
        CompensatedSum.addToPair(pairs, 0, 1e17);
        CompensatedSum.addToPair(pairs, 0, small);
        CompensatedSum.addToPair(pairs, 0, -1e17);
        assertEquals(small, pairs[0] + pairs[1], 1e-9 * small);
    }
}
