package io.cxkit.survey;

import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar buckets of one grain in one zone that cover an interval of epoch milliseconds,
 * with a constant-time lookup from an instant to its bucket index.
 *
 * <p>Bucket {@code i} covers {@code [starts[i], starts[i+1])}; each start is the first instant of
 * the bucket's first day in the zone ({@code LocalDate.atStartOfDay(zone)}), so DST changes and
 * zone offset changes are exact. Lookup: the interval is cut into cells of 2<sup>26</sup> ms
 * (about 18.6 hours, shorter than any day); a table gives the bucket of each cell's first instant,
 * and at most a bucket boundary or two lie inside a cell, so the lookup is a shift, a table read
 * and usually one comparison. (cx-io's survey reader keeps its own day table on purpose: it
 * streams rows and cannot know the span up front, which this lookup needs.)
 */
final class BucketBoundaries {
    static final int SHIFT = 26;
    static final int MAX_CELLS = 1 << 24;

    final List<TimeBucket> buckets;
    final long[] starts;
    final int[] grid;
    final long base;
    final long max;

    private BucketBoundaries(List<TimeBucket> buckets, long[] starts, int[] grid, long base, long max) {
        this.buckets = buckets;
        this.starts = starts;
        this.grid = grid;
        this.base = base;
        this.max = max;
    }

    /** The buckets covering {@code [minMillis, maxMillis]}; requires {@code minMillis <= maxMillis}. */
    static BucketBoundaries covering(TimeGrain grain, ZoneId zone, long minMillis, long maxMillis) {
        long cells = ((maxMillis - minMillis) >>> SHIFT) + 1;
        if (maxMillis < minMillis || cells > MAX_CELLS) {
            throw new IllegalArgumentException("response times must span at most " + MAX_CELLS
                    + " cells of 2^" + SHIFT + " ms (about 38,000 years): " + Instant.ofEpochMilli(minMillis)
                    + " .. " + Instant.ofEpochMilli(maxMillis));
        }
        List<TimeBucket> buckets = new ArrayList<>();
        List<Long> startList = new ArrayList<>();
        TimeBucket b = grain.bucketOf(Instant.ofEpochMilli(minMillis), zone);
        long start = b.start().atStartOfDay(zone).toInstant().toEpochMilli();
        while (start <= maxMillis) {
            buckets.add(b);
            startList.add(start);
            b = b.next();
            start = b.start().atStartOfDay(zone).toInstant().toEpochMilli();
        }
        long[] starts = new long[buckets.size() + 1];
        for (int i = 0; i < buckets.size(); i++) {
            starts[i] = startList.get(i);
        }
        starts[buckets.size()] = start;
        int[] grid = new int[(int) cells];
        int g = 0;
        for (int c = 0; c < grid.length; c++) {
            long t = minMillis + ((long) c << SHIFT);
            while (t >= starts[g + 1]) {
                g++;
            }
            grid[c] = g;
        }
        return new BucketBoundaries(List.copyOf(buckets), starts, grid, minMillis, maxMillis);
    }

    int size() {
        return buckets.size();
    }

    /** The index of the bucket containing {@code millis}, which must lie in the covered interval. */
    int indexOf(long millis) {
        int g = grid[(int) ((millis - base) >>> SHIFT)];
        while (millis >= starts[g + 1]) {
            g++;
        }
        return g;
    }
}
