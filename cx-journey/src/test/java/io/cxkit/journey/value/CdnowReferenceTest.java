package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW sample against the published estimates (Fader, Hardie &amp; Lee 2005) and against the
 * independent scipy implementation in {@code reference/value/reference.py}.
 */
class CdnowReferenceTest {
    private static RepeatPurchasesResult base;
    private static ModelFit<BgNbd> bg;
    private static ModelFit<ParetoNbd> pn;
    private static ModelFit<GammaGamma> gg;
    private static Map<String, String[]> reference;

    @BeforeAll
    static void fit() {
        base = Cdnow.base();
        bg = BgNbd.fit(base);
        pn = ParetoNbd.fit(base);
        gg = GammaGamma.fit(base);
        reference = new HashMap<>();
        for (String[] row : Cdnow.csv("cdnow_customers.csv")) {
            reference.put(row[0], row);
        }
    }

    @Test
    void summaryFollowsThePublishedConventions() {
        assertEquals(2357, base.customers().size());
        assertEquals(6919, base.records());
        assertEquals(2457, base.repeatTransactions());
        assertEquals(1882, base.holdoutTransactions());
        assertEquals(0, base.afterWindow());
        assertEquals(0, base.lateCustomers());
        CustomerSummary first = base.customers().stream().filter(c -> c.customerId().equals("1")).findFirst().orElseThrow();
        assertEquals(38.86, first.age(), 0.005, "T for a customer who started on 1997-01-01");
        for (CustomerSummary c : base.customers()) {
            String[] r = reference.get(c.customerId());
            assertEquals(Integer.parseInt(r[1].replace(".0", "")), c.x(), c.customerId());
            assertEquals(Double.parseDouble(r[2]), c.tx(), 1e-12, c.customerId());
            assertEquals(Double.parseDouble(r[3]), c.age(), 1e-12, c.customerId());
            if (c.x() > 0) {
                assertEquals(Double.parseDouble(r[4]), c.averageRepeatSpend(), 1e-9, c.customerId());
            }
            assertEquals(Double.parseDouble(r[5]), c.holdoutTransactions(), 0, c.customerId());
        }
    }

    @Test
    void bgNbdGivesThePublishedEstimates() {
        BgNbd m = bg.model();
        assertEquals(0.243, m.r(), 0.0005);
        assertEquals(4.414, m.alpha(), 0.0005);
        assertEquals(0.793, m.a(), 0.0005);
        assertEquals(2.426, m.b(), 0.0005);
        assertEquals(-9582.4, bg.logLikelihood(), 0.05);
        assertTrue(bg.converged(), bg::toString);
        assertEquals(2357, bg.customers());
        for (String p : m.parameterNames()) {
            assertEquals(Cdnow.fitted("bgnbd", p), bg.parameter(p).estimate(), 1e-4 * Cdnow.fitted("bgnbd", p), p);
        }
        assertEquals(Cdnow.fitted("bgnbd", "loglik"), bg.logLikelihood(), 1e-6);
    }

    @Test
    void paretoNbdGivesThePublishedEstimates() {
        ParetoNbd m = pn.model();
        assertEquals(0.553, m.r(), 0.0005);
        assertEquals(10.58, m.alpha(), 0.005);
        assertEquals(0.606, m.s(), 0.0005);
        assertEquals(11.67, m.beta(), 0.005);
        assertEquals(-9595.0, pn.logLikelihood(), 0.05);
        assertTrue(pn.converged(), pn::toString);
        for (String p : m.parameterNames()) {
            assertEquals(Cdnow.fitted("pareto-nbd", p), pn.parameter(p).estimate(), 1e-3 * Cdnow.fitted("pareto-nbd", p), p);
        }
        assertEquals(Cdnow.fitted("pareto-nbd", "loglik"), pn.logLikelihood(), 1e-5);
    }

    @Test
    void gammaGammaGivesThePublishedEstimates() {
        GammaGamma m = gg.model();
        assertEquals(6.25, m.p(), 0.005);
        assertEquals(3.74, m.q(), 0.005);
        assertEquals(15.44, m.gamma(), 0.005);
        assertEquals(946, gg.customers());
        assertEquals(2357 - 946, gg.excluded());
        assertTrue(gg.converged(), gg::toString);
        for (String p : List.of("p", "q", "gamma")) {
            assertEquals(Cdnow.fitted("gamma-gamma", p), gg.parameter(p).estimate(), 1e-4 * Cdnow.fitted("gamma-gamma", p), p);
        }
        assertEquals(Cdnow.fitted("gamma-gamma", "loglik"), gg.logLikelihood(), 1e-6);
    }

    @Test
    void perCustomerPredictionsMatchScipyAtScipysParameters() {
        BgNbd b = new BgNbd(Cdnow.fitted("bgnbd", "r"), Cdnow.fitted("bgnbd", "alpha"), Cdnow.fitted("bgnbd", "a"),
                Cdnow.fitted("bgnbd", "b"));
        ParetoNbd p = new ParetoNbd(Cdnow.fitted("pareto-nbd", "r"), Cdnow.fitted("pareto-nbd", "alpha"),
                Cdnow.fitted("pareto-nbd", "s"), Cdnow.fitted("pareto-nbd", "beta"));
        GammaGamma g = new GammaGamma(Cdnow.fitted("gamma-gamma", "p"), Cdnow.fitted("gamma-gamma", "q"),
                Cdnow.fitted("gamma-gamma", "gamma"));
        for (CustomerSummary c : base.customers()) {
            String[] r = reference.get(c.customerId());
            String id = c.customerId();
            assertEquals(Double.parseDouble(r[6]), b.logLikelihood(c.x(), c.tx(), c.age()), 1e-9, id);
            assertEquals(Double.parseDouble(r[7]), b.probabilityAlive(c.x(), c.tx(), c.age()), 1e-10, id);
            assertEquals(Double.parseDouble(r[8]), b.expectedTransactions(39, c.x(), c.tx(), c.age()), 1e-9, id);
            assertEquals(Double.parseDouble(r[9]), p.logLikelihood(c.x(), c.tx(), c.age()), 1e-9, id);
            assertEquals(Double.parseDouble(r[10]), p.probabilityAlive(c.x(), c.tx(), c.age()), 1e-9, id);
            assertEquals(Double.parseDouble(r[11]), p.expectedTransactions(39, c.x(), c.tx(), c.age()), 1e-9, id);
            assertEquals(Double.parseDouble(r[12]), g.expectedAverageSpend(c.x(), c.averageRepeatSpend()), 1e-9, id);
        }
        assertEquals(Cdnow.fitted("bgnbd", "population_E[X(39)]"), b.populationExpected(39), 1e-12);
        assertEquals(Cdnow.fitted("bgnbd", "population_E[X(78)]"), b.populationExpected(78), 1e-12);
    }

    @Test
    void holdoutComparisonMatchesTheReferenceAndThePaper() {
        HoldoutComparison h = HoldoutComparison.of(bg.model(), base);
        assertEquals(39.0, h.holdoutLength(), 1e-12);
        assertEquals(1882, h.actualHoldout());
        // Fader, Hardie & Lee (2005) report 1,882 actual against about 1,653 predicted holdout repeats
        assertEquals(1653.4, h.expectedHoldout(), 0.5);
        List<String[]> tracking = Cdnow.csv("cdnow_tracking.csv");
        assertEquals(78, h.tracking().size());
        for (int k = 0; k < 78; k++) {
            assertEquals(Double.parseDouble(tracking.get(k)[1]), h.tracking().get(k).expected(), 2e-3, "week " + (k + 1));
        }
        assertEquals(2457, h.tracking().get(38).actual(), "repeats through week 39 are the calibration repeats");
        assertEquals(2457 + 1882, h.tracking().get(77).actual());
        List<String[]> freq = Cdnow.csv("cdnow_by_frequency.csv");
        assertEquals(8, h.byFrequency().size());
        for (int k = 0; k < 8; k++) {
            HoldoutComparison.FrequencyRow row = h.byFrequency().get(k);
            assertEquals(Long.parseLong(freq.get(k)[1]), row.customers());
            assertEquals(Double.parseDouble(freq.get(k)[2]), row.actualMean(), 1e-12);
            assertEquals(Double.parseDouble(freq.get(k)[3]), row.expectedMean(), 2e-4);
        }
    }
}
