package io.cxkit.journey;

import io.cxkit.core.NameDictionary;
import java.util.Arrays;

/**
 * The events an {@link EventLog.Builder} holds before it sorts them: the {@link EventColumns} and,
 * beside them, each event's customer id (4 bytes an event, chunked as the columns are). Sorts them
 * by (customer name, time, input order): customers by a counting sort over their ranks in name
 * order (the names ranked by {@link NameDictionary#sort}, a radix sort), each customer's events by
 * a stable merge sort on time.
 */
final class EventBuffer {
    private final NameDictionary customers;
    private final EventColumns cols = new EventColumns();
    private int[][] customer = new int[1][];
    private int[] sortedIds = new int[0]; // customer ids in name order, as of the last ranks()

    EventBuffer(NameDictionary customers) {
        this.customers = customers;
    }

    int size() {
        return cols.size();
    }

    EventColumns columns() {
        return cols;
    }

    int optionalColumns() {
        return cols.optionalColumns();
    }

    /** Appends one event of the customer with dictionary id {@code customerId}; the other fields as {@link EventColumns#add}. */
    void add(int customerId, long t, int tp, int ch, int st, int oc, double v, int cs, int sg) {
        int i = cols.size();
        if ((i & EventColumns.MASK) == 0) {
            int c = i >>> EventColumns.SHIFT;
            if (c == customer.length) {
                customer = Arrays.copyOf(customer, c * 2);
            }
            if (customer[c] == null) {
                customer[c] = new int[EventColumns.CHUNK];
            }
        }
        customer[i >>> EventColumns.SHIFT][i & EventColumns.MASK] = customerId;
        cols.add(t, tp, ch, st, oc, v, cs, sg);
    }

    /** Empties the buffer, keeping its chunks for the next events. */
    void clear() {
        cols.clear();
    }

    /** The customer ids in name order, as of the last {@link #ranks()}. */
    int[] customerOrder() {
        return sortedIds;
    }

    /**
     * The customers' ranks in name order, by dictionary id; the customers added since the last call
     * are sorted and merged into the order kept from then.
     */
    int[] ranks() {
        int n = customers.size();
        int old = sortedIds.length;
        if (old < n) {
            int[] fresh = new int[n - old];
            for (int i = 0; i < fresh.length; i++) {
                fresh[i] = old + i;
            }
            customers.sort(fresh, 0, fresh.length);
            int[] merged = new int[n];
            int i = 0;
            int j = 0;
            for (int k = 0; k < n; k++) {
                merged[k] = j == fresh.length || (i < old && customers.compare(sortedIds[i], fresh[j]) < 0)
                        ? sortedIds[i++] : fresh[j++];
            }
            sortedIds = merged;
        }
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[sortedIds[r]] = r;
        }
        return rank;
    }

    /**
     * Sorts the buffer by (customer rank, time, input order): fills {@code start} (by rank, length
     * customers + 1) with each customer's first position and returns the permutation.
     */
    int[] sort(int[] rank, int[] start) {
        int n = cols.size();
        for (int i = 0; i < n; i++) {
            start[rank[customerAt(i)] + 1]++;
        }
        for (int r = 0; r + 1 < start.length; r++) {
            start[r + 1] += start[r];
        }
        int[] perm = new int[n];
        int[] fill = Arrays.copyOf(start, start.length - 1);
        for (int i = 0; i < n; i++) {
            perm[fill[rank[customerAt(i)]]++] = i; // stable: input order within a customer
        }
        int[] scratch = new int[16];
        for (int r = 0; r + 1 < start.length; r++) {
            int from = start[r];
            int to = start[r + 1];
            if (to - from > scratch.length) {
                scratch = new int[Math.max(to - from, scratch.length * 2)];
            }
            IntSorts.stableSort(perm, from, to, scratch, (x, y) -> Long.compare(cols.timeAt(x), cols.timeAt(y)));
        }
        return perm;
    }

    private int customerAt(int i) {
        return customer[i >>> EventColumns.SHIFT][i & EventColumns.MASK];
    }
}
