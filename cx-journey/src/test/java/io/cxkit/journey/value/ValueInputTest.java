package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Interval;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails with messages that name what, where and why; hand-worked value cases. */
class ValueInputTest {
    private static final LocalDate CAL = LocalDate.parse("2025-03-31");

    private static String fails(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void negativeAmountsAreRejected() {
        RepeatPurchases acc = RepeatPurchases.of(CAL);
        String m = fails(() -> acc.accept("c1", LocalDate.parse("2025-01-02"), -5));
        assertTrue(m.contains("amount must be finite and >= 0: -5.0") && m.contains("c1") && m.contains("2025-01-02"), m);
        assertTrue(fails(() -> acc.accept("c1", LocalDate.parse("2025-01-02"), Double.NaN)).contains("NaN"));
        assertTrue(fails(() -> acc.accept(" ", LocalDate.parse("2025-01-02"), 1)).contains("customerId"));
        assertTrue(fails(() -> acc.accept("c1", null, 1)).contains("day must not be missing"));
        assertEquals(0, acc.records());
    }

    @Test
    void aRepeatBeforeTheFirstPurchaseOrAfterTheEndIsRejected() {
        String m = fails(() -> CustomerSummary.of("c9", 2, 40, 30));
        assertTrue(m.contains("t_x must be in [0, T = 30.0]") && m.contains("40.0") && m.contains("c9"), m);
        assertTrue(fails(() -> CustomerSummary.of("c9", 2, -1, 30)).contains("t_x"));
        assertTrue(fails(() -> CustomerSummary.of("c9", 0, 3, 30)).contains("t_x must be 0 when x = 0"));
        assertTrue(fails(() -> new BgNbd(1, 1, 1, 1).probabilityAlive(1, 5, 4)).contains("0 <= t_x <= T"));
        assertTrue(fails(() -> new BgNbd(1, 1, 1, 1).expectedTransactions(-1, 1, 2, 4)).contains("horizon t"));
        assertTrue(fails(() -> new BgNbd(0, 1, 1, 1)).contains("parameter r must be finite and > 0: 0.0"));
    }

    @Test
    void aCalibrationEndBeforeAllDataLeavesNothingToFitAndSaysSo() {
        RepeatPurchases acc = RepeatPurchases.of(LocalDate.parse("2024-12-31"));
        acc.accept("c1", LocalDate.parse("2025-01-05"), 10);
        acc.accept("c1", LocalDate.parse("2025-02-05"), 10);
        RepeatPurchasesResult base = acc.result();
        assertEquals(0, base.customers().size());
        assertEquals(1, base.lateCustomers());
        assertEquals(2, base.afterWindow());
        String m = fails(() -> BgNbd.fit(base));
        assertTrue(m.contains("no customers to fit") && m.contains("calibration end"), m);
        assertTrue(fails(() -> RepeatPurchases.of(CAL, CAL)).contains("holdoutEnd must be after calibrationEnd"));
        assertTrue(fails(() -> RepeatPurchases.of(CAL, null, 0)).contains("daysPerUnit"));
    }

    @Test
    void noRepeatsCannotBeFitted() {
        String m = fails(() -> BgNbd.fit(List.of(CustomerSummary.of("a", 0, 0, 10), CustomerSummary.of("b", 0, 0, 12))));
        assertTrue(m.contains("no repeat transactions among the 2 customers"), m);
        m = fails(() -> GammaGamma.fit(List.of(CustomerSummary.of("a", 2, 3, 10, 0.0))));
        assertTrue(m.contains("no customer with a repeat transaction and a positive average repeat spend"), m);
    }

    @Test
    void aCustomerWithNoTransactionsIsCountedNotValued() {
        CustomerValue a = new CustomerValue("a", 1, 2, 10, 0.9, 1.5, 20, 30, 0);
        CustomerValue b = new CustomerValue("b", 0, 0, 10, 1.0, 0.5, 15, 7.5, 0);
        CustomerValue c = new CustomerValue("c", 3, 9, 10, 0.8, 2.5, 25, 60, 0);
        CustomerValue d = new CustomerValue("d", 0, 0, 10, 1.0, 0.5, 15, 2.5, 0);
        ValueByGroup.Result r = ValueByGroup.of("NPS group", List.of(a, b, c, d), Map.of("a", "promoter", "c", "promoter",
                "b", "detractor", "d", "detractor", "ghost", "detractor"), "promoter", 0.95);
        assertEquals(1, r.labelsWithoutValue(), "'ghost' answered the survey but never bought");
        assertEquals(0, r.unlabelled());
        GroupValue det = r.groups().get(0);
        assertEquals("detractor", det.group());
        assertEquals(10, det.totalClv(), 1e-12);
        GroupValue pro = r.groups().get(1);
        assertEquals(45, pro.clv().mean(), 1e-12);
        assertEquals(null, pro.clvVsReference());
        assertEquals(5 - 45, det.clvVsReference().difference(), 1e-12);
        assertEquals("Welch t", det.clvVsReference().method().substring(0, 7));
        ValueByGroup.ValueAtRisk risk = ValueByGroup.ofGroup(r, "detractor");
        assertEquals(10 / 100.0, risk.shareOfTotal(), 1e-12);
        ValueByGroup.ValueAtRisk low = ValueByGroup.belowAlive(List.of(a, b, c, d), 0.85);
        assertEquals(1, low.customers());
        assertEquals(60, low.clv(), 1e-12);
        String m = fails(() -> ValueByGroup.of("NPS group", List.of(a), Map.of("zz", "promoter"), "promoter", 0.95));
        assertTrue(m.contains("no valued customer has a NPS group") && m.contains("do the customer ids match"), m);
        m = fails(() -> ValueByGroup.of("NPS group", List.of(a), Map.of("a", "passive"), "promoter", 0.95));
        assertTrue(m.contains("reference NPS group 'promoter' has no valued customer"), m);
    }

    @Test
    void clvIsDiscountedExpectedMarginHandWorked() {
        CustomerSummary c = CustomerSummary.of("a", 4, 30, 38, 25.0);
        RepeatPurchasesResult base = RepeatPurchasesResult.of(List.of(c, CustomerSummary.of("b", 1, 5, 38, 10.0)));
        ModelFit<BgNbd> bg = BgNbd.fit(base);
        ModelFit<GammaGamma> gg = GammaGamma.fit(base);
        // one month ahead, no discounting: CLV = margin * E[spend] * E[Y(month)]
        double month = ValueTerms.DAYS_PER_MONTH / 7;
        LifetimeValue lv = LifetimeValue.of(bg, gg, new ValueTerms(month, 0.3, 0, 7), 39);
        CustomerValue v = lv.values(base).get(0);
        assertEquals(0.3 * gg.model().expectedAverageSpend(4, 25) * bg.model().expectedTransactions(month, 4, 30, 38),
                v.clv(), 1e-9);
        // two months at 10% a year: each month's increment discounted at its end
        LifetimeValue lv2 = LifetimeValue.of(bg, gg, new ValueTerms(2 * month, 1, 0.10, 7), 39);
        double e1 = bg.model().expectedTransactions(month, 4, 30, 38);
        double e2 = bg.model().expectedTransactions(2 * month, 4, 30, 38);
        double expected = gg.model().expectedAverageSpend(4, 25)
                * (e1 * Math.pow(1.1, -1.0 / 12) + (e2 - e1) * Math.pow(1.1, -2.0 / 12));
        assertEquals(expected, lv2.values(base).get(0).clv(), 1e-9);
        assertTrue(fails(() -> new ValueTerms(52, 0, 0.1, 7)).contains("margin must be in (0, 1]: 0.0"));
    }

    @Test
    void totalClvIntervalContainsTheTotal() {
        RepeatPurchasesResult base = Cdnow.base();
        LifetimeValue lv = LifetimeValue.of(BgNbd.fit(base), GammaGamma.fit(base), ValueTerms.create(), 39);
        double total = lv.values(base).stream().mapToDouble(CustomerValue::clv).sum();
        Interval i = lv.totalInterval(base, 0.95);
        assertTrue(i.contains(total) && i.width() > 0 && i.width() < total, i + " vs " + total);
        assertTrue(i.method().startsWith("Krinsky-Robb"), i.method());
    }

    @Test
    void decodeValidatesWhatItReads() {
        RepeatPurchases acc = RepeatPurchases.of(CAL);
        acc.accept("c1", LocalDate.parse("2025-01-02"), 5);
        byte[] bytes = acc.encode();
        assertEquals(1, RepeatPurchases.decode(bytes).records());
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(IllegalArgumentException.class, () -> RepeatPurchases.decode(truncated));
        // flip the amount's sign bit (the last 8 bytes are the amount 5.0)
        byte[] negative = bytes.clone();
        negative[negative.length - 8] |= (byte) 0x80;
        assertTrue(fails(() -> RepeatPurchases.decode(negative)).contains("amount must be finite and >= 0: -5.0"));
        assertTrue(fails(() -> RepeatPurchases.of(LocalDate.parse("2025-01-01")).combine(acc)).contains("different windows"));
    }
}
