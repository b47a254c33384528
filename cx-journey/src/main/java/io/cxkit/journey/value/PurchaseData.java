package io.cxkit.journey.value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' (x, t_x, T) collapsed to the distinct triples with their counts, dense arrays for the
 * likelihood loops (customers who started on the same day with the same history share one row).
 */
final class PurchaseData {
    final int[] x;
    final double[] tx;
    final double[] age;
    final double[] count;
    final long customers;

    private PurchaseData(int[] x, double[] tx, double[] age, double[] count, long customers) {
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.count = count;
        this.customers = customers;
    }

    static PurchaseData of(List<CustomerSummary> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit: the customer base is empty"
                    + " (no first purchase on or before the calibration end)");
        }
        Map<List<Object>, Integer> index = new HashMap<>();
        int[] x = new int[customers.size()];
        double[] tx = new double[customers.size()];
        double[] age = new double[customers.size()];
        double[] count = new double[customers.size()];
        int n = 0;
        long repeats = 0;
        for (CustomerSummary c : customers) {
            repeats += c.x();
            Integer i = index.putIfAbsent(List.of(c.x(), c.tx(), c.age()), n);
            if (i == null) {
                x[n] = c.x();
                tx[n] = c.tx();
                age[n] = c.age();
                count[n] = 1;
                n++;
            } else {
                count[i]++;
            }
        }
        if (repeats == 0) {
            throw new IllegalArgumentException("no repeat transactions among the " + customers.size()
                    + " customers: a repeat-purchase model cannot be fitted (is the calibration end too early?)");
        }
        return new PurchaseData(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(tx, n),
                java.util.Arrays.copyOf(age, n), java.util.Arrays.copyOf(count, n), customers.size());
    }
}
