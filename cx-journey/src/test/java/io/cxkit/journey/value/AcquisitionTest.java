package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcquisitionTest {
    private static final double MONTH = ValueTerms.DAYS_PER_MONTH / 7;
    private static final BgNbd BG = new BgNbd(0.5, 5, 0.5, 3);
    private static final GammaGamma GG = new GammaGamma(6, 4, 15);
    private static final ValueTerms TERMS = new ValueTerms(12 * MONTH, 0.5, 0.10, 7);

    private static RepeatPurchasesResult base() {
        RepeatPurchases acc = RepeatPurchases.of(LocalDate.parse("2024-03-31"));
        acc.accept("a", LocalDate.parse("2024-01-05"), 10);
        acc.accept("a", LocalDate.parse("2024-02-01"), 20);
        acc.accept("a", LocalDate.parse("2024-03-01"), 30);
        acc.accept("b", LocalDate.parse("2024-01-20"), 15);
        acc.accept("c", LocalDate.parse("2024-02-10"), 5);
        acc.accept("c", LocalDate.parse("2024-03-10"), 50);
        acc.accept("d", LocalDate.parse("2024-02-15"), 25);
        acc.accept("e", LocalDate.parse("2024-03-02"), 25);
        acc.accept("f", LocalDate.parse("2024-01-25"), 40);
        return acc.result();
    }

    private static LifetimeValue value() {
        ModelFit<BgNbd> bg = new ModelFit<>(BG, List.of(new Parameter("r", 0.5, 0.1), new Parameter("alpha", 5, 1),
                new Parameter("a", 0.5, 0.1), new Parameter("b", 3, 1)), -1, 6, 0, true, 0, 1, new double[16]);
        ModelFit<GammaGamma> gg = new ModelFit<>(GG, List.of(new Parameter("p", 6, 1), new Parameter("q", 4, 1),
                new Parameter("gamma", 15, 1)), -1, 2, 4, true, 0, 1, new double[9]);
        return LifetimeValue.of(bg, gg, TERMS, 12 * MONTH);
    }

    private static final Map<String, String> CHANNELS = Map.of("a", "search", "b", "search", "c", "social", "d", "tv",
            "f", "email", "zz", "search");

    private static final List<Acquisition.Spend> SPEND = List.of(
            new Acquisition.Spend("search", YearMonth.of(2024, 1), 300),
            new Acquisition.Spend("search", YearMonth.of(2024, 2), 100),
            new Acquisition.Spend("social", YearMonth.of(2024, 2), 40),
            new Acquisition.Spend("social", YearMonth.of(2024, 2), 10),
            new Acquisition.Spend("email", YearMonth.of(2024, 1), 0));

    /** Independent recomputation of one customer's cumulative discounted margin after each month. */
    private static double[] cumulative(CustomerSummary c) {
        double es = GG.expectedAverageSpend(c.x(), c.averageRepeatSpend());
        double[] out = new double[12];
        double sum = 0;
        for (int k = 1; k <= 12; k++) {
            double inc = BG.expectedTransactions(k * MONTH, c.x(), c.tx(), c.age())
                    - BG.expectedTransactions((k - 1) * MONTH, c.x(), c.tx(), c.age());
            sum += 0.5 * es * inc * Math.pow(1.10, -k / 12.0);
            out[k - 1] = sum;
        }
        return out;
    }

    private static int payback(double cac, CustomerSummary... cs) {
        double[] mean = new double[12];
        for (CustomerSummary c : cs) {
            double[] v = cumulative(c);
            for (int k = 0; k < 12; k++) {
                mean[k] += v[k] / cs.length;
            }
        }
        for (int k = 0; k < 12; k++) {
            if (mean[k] >= cac) {
                return k + 1;
            }
        }
        return -1;
    }

    private static CustomerSummary customer(RepeatPurchasesResult base, String id) {
        return base.customers().stream().filter(c -> c.customerId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void cacPaybackAndRatioHandWorked() {
        RepeatPurchasesResult base = base();
        Acquisition.Result r = Acquisition.of(value(), base, CHANNELS, SPEND);
        // cohorts by channel then month: email 2024-01, search 2024-01, social 2024-02
        assertEquals(3, r.cohorts().size(), r.toString());
        Acquisition.Row email = r.cohorts().get(0);
        Acquisition.Row search = r.cohorts().get(1);
        Acquisition.Row social = r.cohorts().get(2);
        assertEquals("email", email.channel());
        assertEquals(0, email.cac());
        assertTrue(Double.isNaN(email.clvToCac()));
        assertEquals(0, email.paybackMonths());
        // search January: 300 spent, customers a and b acquired -> CAC 150
        assertEquals(YearMonth.of(2024, 1), search.period());
        assertEquals(2, search.customers());
        assertEquals(150, search.cac(), 1e-12);
        CustomerSummary a = customer(base, "a");
        CustomerSummary b = customer(base, "b");
        CustomerSummary c = customer(base, "c");
        double meanClv = (cumulative(a)[11] + cumulative(b)[11]) / 2;
        assertEquals(meanClv, search.meanClv(), 1e-9);
        assertEquals(meanClv / 150, search.clvToCac(), 1e-12);
        assertEquals(payback(150, a, b), search.paybackMonths());
        assertFalse(search.paybackReached(), search.toString());
        // social February: two rows 40 + 10 added, one customer -> CAC 50
        assertEquals(50, social.cac(), 1e-12);
        assertEquals(1, social.customers());
        assertEquals(cumulative(c)[11] / 50, social.clvToCac(), 1e-9);
        int p = payback(50, c);
        assertTrue(p > 1 && p < 12, "the fixture should pay back inside the year: " + p);
        assertEquals(p, social.paybackMonths());
        assertTrue(social.paybackReached());
        // channel rows use only the months with spend and customers
        assertEquals(List.of("email", "search", "social"), r.channels().stream().map(Acquisition.Row::channel).toList());
        assertNull(r.channels().get(1).period());
        assertEquals(150, r.channels().get(1).cac(), 1e-12);
        // what entered no CAC is counted and named
        assertEquals(List.of(new Acquisition.Unmatched("search", YearMonth.of(2024, 2), 100, 0)), r.spendWithoutCustomers());
        assertEquals(100, r.unmatchedSpend(), 1e-12);
        assertEquals(List.of(new Acquisition.Unmatched("tv", YearMonth.of(2024, 2), 0, 1)), r.customersWithoutSpend());
        assertEquals(1, r.unmatchedCustomers());
        assertEquals(1, r.customersWithoutChannel());
        assertEquals(1, r.channelsWithoutCustomer());
        assertEquals(5, r.spendRows());
    }

    @Test
    void cumulativeClvEndsAtTheClv() {
        RepeatPurchasesResult base = base();
        LifetimeValue lv = value();
        List<CustomerValue> values = lv.values(base);
        double[] into = new double[12];
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i).clv(), lv.cumulativeClv(base.customers().get(i), into), 1e-12);
            assertEquals(values.get(i).clv(), into[11], 1e-12);
            for (int k = 1; k < 12; k++) {
                assertTrue(into[k] >= into[k - 1], "cumulative margin never falls");
            }
        }
    }

    @Test
    void badInputIsNamed() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new Acquisition.Spend("tv", YearMonth.of(2024, 1), -5)).getMessage();
        assertEquals("acquisition spend must be finite and >= 0: -5.0 (channel tv, 2024-01)", m);
        m = assertThrows(IllegalArgumentException.class, () -> new Acquisition.Spend(" ", YearMonth.of(2024, 1), 5)).getMessage();
        assertTrue(m.contains("acquisition channel must not be blank"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Acquisition.of(value(), base(), Map.of("a", "radio"),
                SPEND)).getMessage();
        assertTrue(m.startsWith("no channel and month has both acquisition spend and acquired customers: 5 spend rows,"
                + " 1 customers with a channel, 5 without"), m);
        RepeatPurchasesResult noDates = RepeatPurchasesResult.of(List.of(CustomerSummary.of("a", 1, 2, 3, 10.0)));
        m = assertThrows(IllegalArgumentException.class, () -> Acquisition.of(value(), noDates, Map.of("a", "search"),
                SPEND)).getMessage();
        assertTrue(m.contains("customer a has no first-purchase date"), m);
    }
}
