package io.cxkit.journey;

import java.util.function.IntBinaryOperator;

/** Stable sorts of {@code int} arrays (ids, positions) by a comparator, without boxing. */
final class IntSorts {
    private static final int INSERTION = 24;

    private IntSorts() {
    }

    /**
     * Sorts {@code a[from, to)} by {@code cmp}, keeping equal elements in their order (merge sort).
     *
     * @param scratch at least {@code to - from} long
     */
    static void stableSort(int[] a, int from, int to, int[] scratch, IntBinaryOperator cmp) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        if (n <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int p = a[i];
                int j = i - 1;
                while (j >= from && cmp.applyAsInt(a[j], p) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = p;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        stableSort(a, from, mid, scratch, cmp);
        stableSort(a, mid, to, scratch, cmp);
        if (cmp.applyAsInt(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        int left = mid - from;
        System.arraycopy(a, from, scratch, 0, left);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < left && j < to) {
            a[k++] = cmp.applyAsInt(a[j], scratch[i]) < 0 ? a[j++] : scratch[i++];
        }
        while (i < left) {
            a[k++] = scratch[i++];
        }
    }
}
