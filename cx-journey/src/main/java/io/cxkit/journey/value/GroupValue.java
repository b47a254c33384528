package io.cxkit.journey.value;

import io.cxkit.core.Comparison;
import io.cxkit.core.MeanEstimate;
import java.util.Locale;

/**
 * The value of one group of customers (an NPS group, a CSAT band, a segment): means of CLV,
 * P(alive) and expected transactions with t intervals over the group's customers, the total CLV,
 * and Welch comparisons with the reference group.
 *
 * @param group the group label
 * @param customers customers in the group
 * @param clv mean CLV
 * @param probabilityAlive mean P(alive)
 * @param expectedTransactions mean expected transactions
 * @param totalClv summed CLV
 * @param clvVsReference Welch t comparison of mean CLV, this group minus the reference; {@code null}
 *     for the reference group itself and when either group has fewer than 2 customers
 *     (or both have no spread)
 * @param aliveVsReference the same for P(alive); {@code null} for the reference group
 * @param transactionsVsReference the same for expected transactions; {@code null} for the reference
 */
public record GroupValue(String group, long customers, MeanEstimate clv, MeanEstimate probabilityAlive,
        MeanEstimate expectedTransactions, double totalClv, Comparison clvVsReference, Comparison aliveVsReference,
        Comparison transactionsVsReference) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GroupValue[%s: %d customers, mean CLV %.2f (SE %.2f), P(alive) %.3f,"
                + " E[Y] %.3f, total CLV %.2f%s]", group, customers, clv.mean(), clv.standardError(),
                probabilityAlive.mean(), expectedTransactions.mean(), totalClv,
                clvVsReference == null ? "" : String.format(Locale.ROOT, ", CLV diff %.2f (p %.3g)",
                        clvVsReference.difference(), clvVsReference.pValue()));
    }
}
