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

    /** Events a bucket of {@link #sort} aims at: its columns (22 bytes an event) fit in L2. */
    static final int BUCKET_EVENTS = 1 << 15;
    /** Most buckets of {@link #sort}, so that its scatter writes to few enough streams. */
    private static final int MAX_BUCKETS = 512;
    /** Bytes an event takes while sorting: {@link Sorted}'s columns and the ranks in bucket order. */
    static final int SORT_BYTES = 8 + 4 + 2 + 4 + 4;

    /**
     * The buffer's events sorted by (customer rank, time, input order): the always-present columns
     * in that order, each event's position in the buffer (to read its optional fields), and per
     * rank the first position of the customer's events.
     */
    static final class Sorted {
        final long[] time;
        final int[] touchpoint;
        final short[] channel;
        final int[] source;
        /** By rank, length customers + 1: the customer of rank r has events [start[r], start[r + 1]). */
        final int[] start;

        Sorted(int n, int customers) {
            time = new long[n];
            touchpoint = new int[n];
            channel = new short[n];
            source = new int[n];
            start = new int[customers + 1];
        }
    }

    /**
     * Sorts the buffer by (customer rank, time, input order) without a random access per event
     * into the buffer: one pass scatters every event into the bucket of its rank's high bits
     * (at most {@value #MAX_BUCKETS} buckets of about {@value #BUCKET_EVENTS} events, written as
     * sequential streams), then each bucket, small enough for the L2 cache, is sorted on its own:
     * a counting sort by rank (stable, so input order stays within a customer), then a stable merge
     * sort on time within each customer, applied to the bucket's columns. The customer column is
     * overwritten with the ranks: the buffer is to be cleared or dropped afterwards.
     */
    Sorted sort(int[] rank) {
        int n = cols.size();
        int customers = rank.length;
        Sorted out = new Sorted(n, customers);
        int buckets = Integer.highestOneBit(Math.max(1, Math.min(MAX_BUCKETS, n / BUCKET_EVENTS)));
        int shift = 0;
        while ((customers - 1L) >>> shift >= buckets) {
            shift++;
        }
        int[] fill = new int[(Math.max(0, customers - 1) >>> shift) + 2];
        for (int c = 0, i = 0; i < n; c++) { // the customer column becomes the rank column
            int[] chunk = customer[c];
            for (int k = 0, m = Math.min(EventColumns.CHUNK, n - i); k < m; k++, i++) {
                int r = rank[chunk[k]];
                chunk[k] = r;
                fill[(r >>> shift) + 1]++;
            }
        }
        int nb = fill.length - 1;
        for (int b = 0; b < nb; b++) {
            fill[b + 1] += fill[b];
        }
        int[] bucketStart = Arrays.copyOf(fill, nb + 1);
        int[] bucketRank = new int[n]; // each event's rank, in scatter order
        for (int i = 0; i < n; i++) {
            int r = customerAt(i);
            int pos = fill[r >>> shift]++;
            bucketRank[pos] = r;
            out.time[pos] = cols.timeAt(i);
            out.touchpoint[pos] = cols.touchpointAt(i);
            out.channel[pos] = (short) cols.channelAt(i);
            out.source[pos] = i;
        }
        int maxBucket = 0;
        for (int b = 0; b < nb; b++) {
            maxBucket = Math.max(maxBucket, bucketStart[b + 1] - bucketStart[b]);
        }
        int width = 1 << shift;
        int[] count = new int[width + 1];
        int[] perm = new int[maxBucket];
        int[] scratch = new int[maxBucket];
        long[] timeCopy = new long[maxBucket];
        int[] intCopy = new int[maxBucket];
        short[] shortCopy = new short[maxBucket];
        for (int b = 0; b < nb; b++) {
            int lo = bucketStart[b];
            int hi = bucketStart[b + 1];
            int rankBase = b << shift;
            int ranksHere = Math.min(width, customers - rankBase);
            Arrays.fill(count, 0, ranksHere + 1, 0);
            for (int j = lo; j < hi; j++) {
                count[bucketRank[j] - rankBase + 1]++;
            }
            for (int k = 0; k < ranksHere; k++) {
                count[k + 1] += count[k];
                out.start[rankBase + k + 1] = lo + count[k + 1];
            }
            out.start[rankBase] = lo + count[0];
            for (int j = lo; j < hi; j++) {
                perm[count[bucketRank[j] - rankBase]++] = j - lo; // stable: input order within a customer
            }
            long[] t = out.time;
            for (int k = 0; k < ranksHere; k++) {
                int from = out.start[rankBase + k] - lo;
                int to = out.start[rankBase + k + 1] - lo;
                IntSorts.stableSort(perm, from, to, scratch, (x, y) -> Long.compare(t[lo + x], t[lo + y]));
            }
            int m = hi - lo;
            System.arraycopy(out.time, lo, timeCopy, 0, m);
            for (int k = 0; k < m; k++) {
                out.time[lo + k] = timeCopy[perm[k]];
            }
            permute(out.touchpoint, lo, m, perm, intCopy);
            permute(out.source, lo, m, perm, intCopy);
            System.arraycopy(out.channel, lo, shortCopy, 0, m);
            for (int k = 0; k < m; k++) {
                out.channel[lo + k] = shortCopy[perm[k]];
            }
        }
        return out;
    }

    /** Reorders {@code a[lo, lo + m)} so that position k holds what was at {@code lo + perm[k]}. */
    private static void permute(int[] a, int lo, int m, int[] perm, int[] copy) {
        System.arraycopy(a, lo, copy, 0, m);
        for (int k = 0; k < m; k++) {
            a[lo + k] = copy[perm[k]];
        }
    }

    private int customerAt(int i) {
        return customer[i >>> EventColumns.SHIFT][i & EventColumns.MASK];
    }
}
