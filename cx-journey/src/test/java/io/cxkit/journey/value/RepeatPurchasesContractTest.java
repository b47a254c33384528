package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.time.LocalDate;
import java.util.SplittableRandom;

class RepeatPurchasesContractTest extends AccumulatorContractTest<RepeatPurchases, RepeatPurchasesResult> {
    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    private static final long FIRST_DAY = LocalDate.of(1997, 1, 1).toEpochDay();

    @Override
    protected RepeatPurchases create() {
        return RepeatPurchases.of(CALIBRATION_END, HOLDOUT_END);
    }

    @Override
    protected void accept(RepeatPurchases acc, SplittableRandom random) {
        // 40 customers over the calibration and holdout window (and a little after it), some same-day repeats.
        acc.accept("c" + random.nextInt(40), FIRST_DAY + random.nextInt(560), Math.round(random.nextDouble() * 6000) / 100.0);
    }

    @Override
    protected RepeatPurchases decode(byte[] bytes) {
        return RepeatPurchases.decode(bytes);
    }

    @Override
    protected RepeatPurchases incompatible() {
        return RepeatPurchases.of(CALIBRATION_END.plusDays(1), HOLDOUT_END);
    }

    @Override
    protected String goldenName() {
        return "repeat-purchases";
    }

    @Override
    protected void assertPossible(RepeatPurchases acc) {
        RepeatPurchasesResult base = acc.result();
        for (CustomerSummary c : base.customers()) {
            assertTrue(c.x() >= 0 && c.tx() >= 0 && c.tx() <= c.age(), c::toString);
            assertTrue(c.x() == 0 ? Double.isNaN(c.averageRepeatSpend()) : c.averageRepeatSpend() >= 0, c::toString);
        }
        assertTrue(base.transactions() <= base.records(), base::toString);
    }

    /** Same customers with the same x, t_x, T and counts; spends to 1e-9 (same-day amounts add in any order). */
    @Override
    protected void assertSameResult(RepeatPurchasesResult expected, RepeatPurchasesResult actual) {
        assertEquals(expected.toString(), actual.toString());
        assertArrayEquals(expected.repeatsByUnit(), actual.repeatsByUnit());
        assertEquals(expected.customers().size(), actual.customers().size());
        for (int i = 0; i < expected.customers().size(); i++) {
            CustomerSummary e = expected.customers().get(i);
            CustomerSummary a = actual.customers().get(i);
            assertEquals(e.customerId(), a.customerId());
            assertEquals(e.firstPurchase(), a.firstPurchase());
            assertEquals(e.x(), a.x());
            assertEquals(e.tx(), a.tx(), 0);
            assertEquals(e.age(), a.age(), 0);
            assertEquals(e.holdoutTransactions(), a.holdoutTransactions());
            close(e.averageRepeatSpend(), a.averageRepeatSpend());
            close(e.holdoutSpend(), a.holdoutSpend());
        }
    }

    /** Equal to 1e-9 relative, or both NaN (no repeat transactions). */
    private static void close(double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), () -> "expected NaN, was " + actual);
        } else {
            assertEquals(expected, actual, 1e-9 * (1 + Math.abs(expected)));
        }
    }
}
