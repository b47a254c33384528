package io.cxkit.journey.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The summary accumulator's algebra: any split and order combines to the single pass. */
class RepeatPurchasesProperties {
    private static final LocalDate CAL = LocalDate.parse("2025-06-30");
    private static final LocalDate HOLD = LocalDate.parse("2025-12-31");

    private record Row(String customer, long day, double amount) {
    }

    private static List<Row> rows(List<Integer> codes) {
        List<Row> rows = new ArrayList<>();
        for (int c : codes) {
            // customer 0..9, day within 2025 (some after the holdout end), amount in cents
            rows.add(new Row("c" + (c % 10), LocalDate.parse("2025-01-01").toEpochDay() + (c / 10) % 400,
                    (c % 997) / 4.0));
        }
        return rows;
    }

    private static RepeatPurchases fill(List<Row> rows) {
        RepeatPurchases acc = RepeatPurchases.of(CAL, HOLD);
        rows.forEach(r -> acc.accept(r.customer(), r.day(), r.amount()));
        return acc;
    }

    @Property(tries = 200)
    void combineEqualsSinglePass(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 100_000) Integer> codes,
            @ForAll @IntRange(min = 0, max = 60) int cut, @ForAll long seed) {
        List<Row> rows = rows(codes);
        RepeatPurchasesResult single = fill(rows).result();
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        int k = Math.min(cut, shuffled.size());
        RepeatPurchases left = fill(shuffled.subList(0, k));
        RepeatPurchases right = fill(shuffled.subList(k, shuffled.size()));
        assertSame(single, left.copy().combine(right).result());
        assertSame(single, right.combine(left).result());
        assertSame(single, RepeatPurchases.decode(fill(rows).encode()).result());
    }

    private static void assertSame(RepeatPurchasesResult expected, RepeatPurchasesResult actual) {
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.transactions(), actual.transactions());
        assertEquals(expected.sameDayMerged(), actual.sameDayMerged());
        assertEquals(expected.afterWindow(), actual.afterWindow());
        assertEquals(expected.lateCustomers(), actual.lateCustomers());
        assertEquals(expected.customers().size(), actual.customers().size());
        for (int i = 0; i < expected.customers().size(); i++) {
            CustomerSummary e = expected.customers().get(i);
            CustomerSummary a = actual.customers().get(i);
            assertEquals(e.customerId(), a.customerId());
            assertEquals(e.x(), a.x());
            assertEquals(e.tx(), a.tx());
            assertEquals(e.age(), a.age());
            // amounts are quarters, so every sum is exact whatever the order
            assertEquals(e.averageRepeatSpend(), a.averageRepeatSpend());
            assertEquals(e.holdoutTransactions(), a.holdoutTransactions());
            assertEquals(e.holdoutSpend(), a.holdoutSpend());
        }
        assertEquals(java.util.Arrays.toString(expected.repeatsByUnit()), java.util.Arrays.toString(actual.repeatsByUnit()));
    }
}
