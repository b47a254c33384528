package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.MultipleTesting;
import io.cxkit.survey.outcomes.OutcomeKind;
import io.cxkit.survey.outcomes.OutcomeLinkage;
import io.cxkit.survey.outcomes.OutcomeLinkageResult;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the analysis layer: outcome linkage combines to the single pass; Benjamini–Hochberg
 * adjusted p-values are bounded and order-preserving. (Key drivers: {@code drivers.KeyDriverProperties}.)
 */
class AnalysisProperties {

    @Property(tries = 200)
    void outcomeLinkageCombineEqualsSinglePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100) int split) {
        SplittableRandom random = new SplittableRandom(seed);
        OutcomeLinkage single = OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.DETRACTOR);
        OutcomeLinkage a = single.emptyCopy();
        OutcomeLinkage b = single.emptyCopy();
        for (int i = 0; i < 100; i++) {
            String g = OutcomeLinkage.npsGroup(random.nextInt(11));
            double v = Math.exp(random.nextGaussian());
            single.accept(g, v);
            (i < split ? a : b).accept(g, v);
        }
        OutcomeLinkageResult s = single.result();
        OutcomeLinkageResult c = a.combine(b).result();
        assertEquals(s.groups().size(), c.groups().size());
        for (int i = 0; i < s.contrasts().size(); i++) {
            assertEquals(s.contrasts().get(i).ratio(), c.contrasts().get(i).ratio(), 1e-12);
            assertEquals(s.contrasts().get(i).ratioInterval().lower(), c.contrasts().get(i).ratioInterval().lower(),
                    1e-9);
        }
    }

    @Property(tries = 300)
    void benjaminiHochbergIsBoundedAndMonotone(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1) Double> ps) {
        double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
        double[] adj = MultipleTesting.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(adj[i] >= p[i] - 1e-15 && adj[i] <= 1, "adjusted must be in [p, 1]");
            for (int j = 0; j < p.length; j++) {
                if (p[i] <= p[j]) {
                    assertTrue(adj[i] <= adj[j] + 1e-15, "adjustment must preserve the order");
                }
            }
        }
    }
}
