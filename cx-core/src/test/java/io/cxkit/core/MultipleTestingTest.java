package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benjamini–Hochberg against R's {@code p.adjust(p, method = "BH")} (script
 * {@code reference/multiple_testing.R}, fixture {@code bh_reference.csv}; relative tolerance 1e-12).
 */
class MultipleTestingTest {

    @Test
    void matchesRPAdjustBH() {
        Map<String, List<ReferenceTables.Row>> cases = new LinkedHashMap<>();
        for (ReferenceTables.Row r : ReferenceTables.load("bh_reference.csv")) {
            cases.computeIfAbsent(r.s("case"), k -> new ArrayList<>()).add(r);
        }
        assertEquals(5, cases.size());
        int checks = 0;
        for (Map.Entry<String, List<ReferenceTables.Row>> e : cases.entrySet()) {
            List<ReferenceTables.Row> rows = e.getValue();
            double[] p = new double[rows.size()];
            for (ReferenceTables.Row r : rows) {
                p[Integer.parseInt(r.s("index"))] = r.d("p");
            }
            double[] adj = MultipleTesting.benjaminiHochberg(p);
            for (ReferenceTables.Row r : rows) {
                double expected = r.d("adjusted");
                double actual = adj[Integer.parseInt(r.s("index"))];
                if (Double.isNaN(expected)) {
                    assertTrue(Double.isNaN(actual), e.getKey());
                } else {
                    assertEquals(expected, actual, 1e-12 * Math.max(expected, 1e-6), e.getKey());
                }
                checks++;
            }
        }
        assertEquals(44, checks);
    }

    @Test
    void edgeCases() {
        assertArrayEquals(new double[0], MultipleTesting.benjaminiHochberg(new double[0]));
        double[] p = {0.5, 0.01};
        double[] adj = MultipleTesting.benjaminiHochberg(p);
        assertArrayEquals(new double[] {0.5, 0.02}, adj, 1e-15);
        assertArrayEquals(new double[] {0.5, 0.01}, p, 0);
        assertEquals("p-value must be in [0, 1]: 1.5", assertThrows(IllegalArgumentException.class,
                () -> MultipleTesting.benjaminiHochberg(new double[] {1.5})).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MultipleTesting.benjaminiHochberg(new double[] {-0.1}));
    }
}
