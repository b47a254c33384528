package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import io.cxkit.core.ProportionInterval;
import org.junit.jupiter.api.Test;

class RatingScoresTest {

    @Test
    void csatTopTwoBoxAndMean() {
        CustomerSatisfaction csat = CustomerSatisfaction.create();
        for (int r : new int[] {5, 4, 3, 2, 5, 1, 4, 4}) {
            csat.accept(r);
        }
        CsatResult r = csat.result();
        assertEquals(8, r.n());
        assertEquals(62.5, r.estimate(), 1e-12);
        assertEquals(100 * Math.sqrt(0.625 * 0.375 / 8), r.standardError(), 1e-12);
        assertEquals(28.0 / 8, r.rating().mean(), 1e-12);
        Interval wilson = r.interval();
        Interval expected = ProportionInterval.WILSON.compute(5, 8, 0.95);
        assertEquals(100 * expected.lower(), wilson.lower(), 1e-12);
        assertEquals(100 * expected.upper(), wilson.upper(), 1e-12);
        assertEquals("Clopper-Pearson", r.interval(ProportionInterval.CLOPPER_PEARSON, 0.9).method());
    }

    @Test
    void otherCsatScales() {
        CustomerSatisfaction three = CustomerSatisfaction.of(RatingScale.csat3(), MissingAnswerPolicy.EXCLUDE);
        three.accept(3);
        three.accept(2);
        assertEquals(50, three.result().estimate(), 0);
        CustomerSatisfaction ten = CustomerSatisfaction.of(RatingScale.csat10(), MissingAnswerPolicy.EXCLUDE);
        ten.accept(9);
        ten.accept(8);
        ten.accept(10);
        ten.accept(1);
        assertEquals(50, ten.result().estimate(), 0);
        CustomerSatisfaction seven = CustomerSatisfaction.of(RatingScale.csat7(), MissingAnswerPolicy.EXCLUDE);
        seven.accept(6);
        assertEquals(100, seven.result().estimate(), 0);
        assertEquals("CSAT rating must be in [1, 7]: 8",
                assertThrows(IllegalArgumentException.class, () -> seven.accept(8)).getMessage());
    }

    @Test
    void cesMeanAndAgree() {
        CustomerEffort ces = CustomerEffort.create();
        for (int r : new int[] {7, 6, 5, 2, 1, 4}) {
            ces.accept(r);
        }
        CesResult r = ces.result();
        assertEquals(25.0 / 6, r.estimate(), 1e-12);
        assertEquals(50, r.percentAgree(), 1e-12);
        double sd = Math.sqrt(new org.apache.commons.math3.stat.descriptive.moment.Variance()
                .evaluate(new double[] {7, 6, 5, 2, 1, 4}));
        assertEquals(sd, r.mean().standardDeviation(), 1e-12);
        assertEquals(sd / Math.sqrt(6), r.standardError(), 1e-12);
        assertEquals("t", r.interval().method());
        CustomerEffort five = CustomerEffort.of(RatingScale.ces5(), MissingAnswerPolicy.NEUTRAL);
        five.acceptMissing();
        assertEquals(3, five.result().estimate(), 0);
        assertEquals(1, five.result().missing());
        assertEquals("CES rating must be in [1, 5]: 0",
                assertThrows(IllegalArgumentException.class, () -> five.accept(0)).getMessage());
    }

    @Test
    void comparisons() {
        CustomerSatisfaction a = CustomerSatisfaction.create();
        CustomerSatisfaction b = CustomerSatisfaction.create();
        CustomerEffort ea = CustomerEffort.create();
        CustomerEffort eb = CustomerEffort.create();
        for (int i = 0; i < 60; i++) {
            a.accept(i % 3 == 0 ? 2 : 5);
            b.accept(i % 2 == 0 ? 2 : 4);
            ea.accept(1 + i % 7);
            eb.accept(1 + (i * 3) % 5);
        }
        Comparison c = a.result().compare(b.result(), 0.95);
        assertEquals(100 * (40.0 / 60 - 0.5), c.difference(), 1e-9);
        assertTrue(c.interval().lower() < c.difference() && c.difference() < c.interval().upper());
        Comparison m = a.result().compareMeans(b.result(), 0.95);
        assertEquals(a.result().rating().mean() - b.result().rating().mean(), m.difference(), 1e-12);
        Comparison e = ea.result().compare(eb.result(), 0.95);
        assertEquals("Welch t", e.method());
        Comparison agree = ea.result().compareAgree(eb.result(), 0.95);
        assertEquals(ea.result().percentAgree() - eb.result().percentAgree(), agree.difference(), 1e-9);
    }

    @Test
    void emptyAndSingleAnswer() {
        CsatResult empty = CustomerSatisfaction.create().result();
        assertEquals(0, empty.n());
        assertTrue(Double.isNaN(empty.estimate()));
        assertTrue(Double.isNaN(empty.interval().upper()));
        assertEquals("CSAT[n=0, empty]", empty.toString());
        CesResult none = CustomerEffort.create().result();
        assertTrue(Double.isNaN(none.estimate()));
        assertEquals("CES[n=0, empty]", none.toString());
        CustomerEffort one = CustomerEffort.create();
        one.accept(4);
        assertEquals(4, one.result().estimate(), 0);
        assertTrue(Double.isNaN(one.result().standardError()));
        assertTrue(Double.isNaN(one.result().interval().lower()));
    }

    @Test
    void scaleValidation() {
        assertEquals("rating scale max must be in (min, min + 100]: min=5, max=5",
                assertThrows(IllegalArgumentException.class, () -> RatingScale.of(5, 5, 5)).getMessage());
        assertEquals("threshold must be in [1, 5]: 6",
                assertThrows(IllegalArgumentException.class, () -> RatingScale.of(1, 5, 6)).getMessage());
        assertEquals(4, RatingScale.of(1, 7, 5).neutral());
        assertEquals(5, RatingScale.csat10().neutral());
        assertEquals(7, RatingScale.ces7().points());
    }

    @Test
    void encodingRoundTrip() {
        CustomerSatisfaction csat = CustomerSatisfaction.of(RatingScale.csat7(), MissingAnswerPolicy.NEUTRAL);
        csat.accept(7, 0.5);
        csat.accept(3);
        csat.acceptMissing();
        assertEquals(csat.result(), CustomerSatisfaction.decode(csat.encode()).result());
        CustomerEffort ces = CustomerEffort.create();
        ces.accept(6);
        assertEquals(ces.result(), CustomerEffort.decode(ces.encode()).result());
        assertEquals("cannot combine csat accumulators with different configurations: "
                + "RatingScale[1-7, top box >= 6] (neutral 4), missing NEUTRAL vs "
                + "RatingScale[1-5, top box >= 4] (neutral 3), missing EXCLUDE",
                assertThrows(IllegalArgumentException.class,
                        () -> csat.combine(CustomerSatisfaction.create())).getMessage());
    }

    @Test
    void readableToString() {
        CustomerSatisfaction csat = CustomerSatisfaction.create();
        csat.accept(5, 2);
        csat.accept(2, 1);
        String s = csat.result().toString();
        assertTrue(s.startsWith("CSAT 66.7% satisfied (95% CI "), s);
        assertTrue(s.contains("(effective n 1.8)"), s);
        CustomerEffort ces = CustomerEffort.create();
        ces.accept(5);
        ces.accept(6);
        assertTrue(ces.result().toString().startsWith("CES mean 5.50 on 1-7"), ces.result().toString());
    }
}
