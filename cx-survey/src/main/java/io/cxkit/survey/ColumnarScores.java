package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.CompensatedSum;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;

/**
 * Aggregates {@link ResponseColumns} into NPS, CSAT and CES per segment (touchpoint, calendar
 * bucket), the batch path of cxkit.
 *
 * <pre>{@code
 * SegmentedResult<ScoreCardResult> r = ColumnarScores.of(TimeGrain.MONTH, ZoneId.of("Europe/Paris"))
 *         .threads(2)
 *         .aggregate(columns);
 * r.get(SegmentKey.of("web", "2026-01")).nps().estimate();
 * }</pre>
 *
 * <p>How: each thread takes a contiguous range of rows and counts answers in one dense
 * {@code int} array indexed by {@code (touchpoint × bucket) × slot}, where the slots are the points
 * of the three scales plus one "missing" slot each. Weighted columns also sum {@code w} and
 * {@code w²} per slot: plainly within blocks of {@code max(65,536, 8 × slots)} rows, each block's
 * sums then added to Neumaier-compensated totals, so the relative rounding error of a slot's sum is
 * at most about {@code (its rows in one block) × 1.1e-16} (≤ 7e-12 for 65,536 rows; typically the
 * square root of that) instead of a few ulps. The time bucket comes from precomputed bucket boundaries
 * (exact for any zone, DST included). The loop neither allocates nor boxes; answers were checked
 * against their scales when appended. Thread arrays are then summed, and each non-empty segment's
 * tallies are handed to ordinary {@link NetPromoterScore}, {@link CustomerSatisfaction} and
 * {@link CustomerEffort} accumulators, so every statistic is computed by the same code as
 * everywhere else in cxkit. Missing answers follow each prototype's {@link MissingAnswerPolicy}.
 *
 * <p>Memory: the counter array has {@code touchpoints × buckets × (14 + CSAT points + CES points)}
 * ints per thread (four doubles per slot more when weighted), e.g. 50 touchpoints × 24 months on
 * the default scales: 156 KB. Immutable and thread-safe.
 */
public final class ColumnarScores {
    private static final long MAX_SLOTS = 1L << 26;
    private static final int BLOCK_ROWS = 1 << 16;

    private final TimeGrain grain;
    private final ZoneId zone;
    private final int threads;
    private final NetPromoterScore nps;
    private final CustomerSatisfaction csat;
    private final CustomerEffort ces;

    private ColumnarScores(TimeGrain grain, ZoneId zone, int threads, NetPromoterScore nps,
            CustomerSatisfaction csat, CustomerEffort ces) {
        this.grain = grain;
        this.zone = zone;
        this.threads = threads;
        this.nps = nps;
        this.csat = csat;
        this.ces = ces;
    }

    /**
     * Scores per (touchpoint, bucket of {@code grain} in {@code zone}) with default accumulators
     * ({@link NetPromoterScore#create()}, {@link CustomerSatisfaction#create()},
     * {@link CustomerEffort#create()}) on one thread.
     *
     * @param grain the time bucket size, not null
     * @param zone the zone whose calendar decides the bucket, not null
     * @return the configuration
     */
    public static ColumnarScores of(TimeGrain grain, ZoneId zone) {
        return new ColumnarScores(Check.notNull(grain, "grain"), Check.notNull(zone, "zone"), 1,
                NetPromoterScore.create(), CustomerSatisfaction.create(), CustomerEffort.create());
    }

    /**
     * Uses {@code n} threads: rows are split into {@code n} contiguous ranges, the calling thread
     * takes one and {@code n − 1} new threads the others.
     *
     * @param n number of threads, 1 to 256
     * @return a new configuration
     */
    public ColumnarScores threads(int n) {
        return new ColumnarScores(grain, zone, Check.inRange(n, 1, 256, "threads"), nps, csat, ces);
    }

    /**
     * Uses these accumulator configurations (bands, scales, missing-answer policies); their state
     * is ignored.
     *
     * @param npsPrototype NPS configuration, not null
     * @param csatPrototype CSAT configuration, not null
     * @param cesPrototype CES configuration, not null
     * @return a new configuration
     */
    public ColumnarScores accumulators(NetPromoterScore npsPrototype, CustomerSatisfaction csatPrototype,
            CustomerEffort cesPrototype) {
        return new ColumnarScores(grain, zone, threads, Check.notNull(npsPrototype, "npsPrototype").emptyCopy(),
                Check.notNull(csatPrototype, "csatPrototype").emptyCopy(),
                Check.notNull(cesPrototype, "cesPrototype").emptyCopy());
    }

    /**
     * Scores every segment that has at least one response.
     *
     * @param columns the responses, not null
     * @return the scores per segment, keyed by {@code (touchpoint, bucket label)}
     * @throws IllegalArgumentException if the columns' CSAT or CES scale differs from the
     *     accumulators', if a missing answer meets {@link MissingAnswerPolicy#FAIL}, or if the
     *     segment grid would be too large
     */
    public SegmentedResult<ScoreCardResult> aggregate(ResponseColumns columns) {
        Map<SegmentKey, ScoreCardResult> out = new HashMap<>();
        scan(columns, (key, n, s, e) -> {
            NetPromoterScore a = nps.emptyCopy();
            a.absorb(n);
            CustomerSatisfaction b = csat.emptyCopy();
            b.absorb(s);
            CustomerEffort c = ces.emptyCopy();
            c.absorb(e);
            out.put(key, new ScoreCardResult(a.result(), b.result(), c.result()));
        });
        return ScoreCardResult.domains(SegmentedResult.of(out));
    }

    /**
     * Fills per-segment accumulators, for combining with others or encoding.
     *
     * @param columns the responses, not null
     * @return the accumulators per segment
     * @throws IllegalArgumentException as for {@link #aggregate(ResponseColumns)}
     */
    public ScoreSegments accumulate(ResponseColumns columns) {
        ScoreSegments out = new ScoreSegments(SegmentedAccumulator.of(nps), SegmentedAccumulator.of(csat),
                SegmentedAccumulator.of(ces));
        scan(columns, (key, n, s, e) -> {
            out.nps().segment(key).absorb(n);
            out.csat().segment(key).absorb(s);
            out.ces().segment(key).absorb(e);
        });
        return out;
    }

    /** Receives the three tallies (each with a trailing missing slot) of one non-empty segment. */
    private interface CellSink {
        void accept(SegmentKey key, ScoreTally nps, ScoreTally csat, ScoreTally ces);
    }

    private void scan(ResponseColumns columns, CellSink sink) {
        Check.notNull(columns, "columns");
        if (!columns.csatScale.equals(csat.scale()) || !columns.cesScale.equals(ces.scale())) {
            throw new IllegalArgumentException("columns are on CSAT " + columns.csatScale + ", CES "
                    + columns.cesScale + " but the accumulators on CSAT " + csat.scale() + ", CES " + ces.scale());
        }
        if (columns.size == 0) {
            return;
        }
        BucketBoundaries bb = BucketBoundaries.covering(grain, zone, columns.minTime, columns.maxTime);
        Layout lay = new Layout(columns, bb);
        Counts total = count(columns, bb, lay);
        fill(sink, columns, bb, lay, total);
    }

    /**
     * A collector that appends responses into {@link ResponseColumns} and aggregates them with
     * this configuration: the object path on top of the columnar one.
     *
     * @return the collector
     */
    public Collector<ScoredResponse, ResponseColumns.Builder, SegmentedResult<ScoreCardResult>> collector() {
        return Collector.of(() -> ResponseColumns.builder(csat.scale(), ces.scale(), 1024),
                ResponseColumns.Builder::add, ResponseColumns.Builder::appendAll, b -> aggregate(b.build()));
    }

    /** Slot layout of one segment: NPS points + missing, CSAT points + missing, CES points + missing. */
    private static final class Layout {
        final int buckets;
        final int cells;
        final int csatOff;
        final int cesOff;
        final int stride;

        Layout(ResponseColumns c, BucketBoundaries bb) {
            buckets = bb.size();
            csatOff = 12;
            cesOff = csatOff + c.csatScale.points() + 1;
            stride = cesOff + c.cesScale.points() + 1;
            long cellCount = (long) c.touchpoints.size() * buckets;
            if (cellCount * stride > MAX_SLOTS) {
                throw new IllegalArgumentException("too many segments for the dense grid: "
                        + c.touchpoints.size() + " touchpoints x " + buckets + " buckets x " + stride
                        + " slots exceeds " + MAX_SLOTS + "; use a coarser time grain");
            }
            cells = (int) cellCount;
        }
    }

    /** One thread's counters. */
    private static final class Counts {
        final int[] counts;
        final double[] sums;

        Counts(Layout lay, boolean weighted) {
            counts = new int[lay.cells * lay.stride];
            sums = weighted ? new double[lay.cells * lay.stride * 4] : null;
        }

        void add(Counts o) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += o.counts[i];
            }
            if (sums != null) {
                for (int i = 0; i < sums.length; i += 2) {
                    CompensatedSum.addToPair(sums, i, o.sums[i]);
                    CompensatedSum.addToPair(sums, i, o.sums[i + 1]);
                }
            }
        }
    }

    private Counts count(ResponseColumns c, BucketBoundaries bb, Layout lay) {
        int n = c.size;
        int t = Math.min(threads, Math.max(1, n / 4096));
        Counts[] parts = new Counts[t];
        Thread[] workers = new Thread[t];
        RuntimeException[] failures = new RuntimeException[t];
        for (int k = 1; k < t; k++) {
            int part = k;
            workers[k] = new Thread(() -> {
                try {
                    parts[part] = countRange(c, bb, lay, range(n, t, part), range(n, t, part + 1));
                } catch (RuntimeException e) {
                    failures[part] = e;
                }
            }, "cxkit-columnar-" + k);
            workers[k].start();
        }
        parts[0] = countRange(c, bb, lay, 0, range(n, t, 1));
        for (int k = 1; k < t; k++) {
            try {
                workers[k].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while aggregating", e);
            }
            if (failures[k] != null) {
                throw failures[k];
            }
            parts[0].add(parts[k]);
        }
        return parts[0];
    }

    private static int range(int n, int t, int k) {
        return (int) ((long) n * k / t);
    }

    private static Counts countRange(ResponseColumns c, BucketBoundaries bb, Layout lay, int from, int to) {
        Counts out = new Counts(lay, c.weight != null);
        if (c.weight == null) {
            countUnweighted(c, bb, lay, from, to, out.counts);
        } else {
            countWeighted(c, bb, lay, from, to, out.counts, out.sums);
        }
        return out;
    }

    // countUnweighted and countWeighted are two copies of one loop on purpose: a weight branch per
    // row would slow the unweighted hot path, which counts ints only.
    private static void countUnweighted(ResponseColumns c, BucketBoundaries bb, Layout lay, int from, int to,
            int[] counts) {
        final int[] tp = c.touchpoint;
        final long[] time = c.time;
        final byte[] npsCol = c.nps;
        final byte[] csatCol = c.csat;
        final byte[] cesCol = c.ces;
        final int[] grid = bb.grid;
        final long[] starts = bb.starts;
        final long base = bb.base;
        final int nb = lay.buckets;
        final int stride = lay.stride;
        final int csatOff = lay.csatOff;
        final int cesOff = lay.cesOff;
        for (int i = from; i < to; i++) {
            long ms = time[i];
            int g = grid[(int) ((ms - base) >>> BucketBoundaries.SHIFT)];
            while (ms >= starts[g + 1]) {
                g++;
            }
            int s = (tp[i] * nb + g) * stride;
            counts[s + npsCol[i]]++;
            counts[s + csatOff + csatCol[i]]++;
            counts[s + cesOff + cesCol[i]]++;
        }
    }

    private static void countWeighted(ResponseColumns c, BucketBoundaries bb, Layout lay, int from, int to,
            int[] counts, double[] sums) {
        final int[] tp = c.touchpoint;
        final long[] time = c.time;
        final byte[] npsCol = c.nps;
        final byte[] csatCol = c.csat;
        final byte[] cesCol = c.ces;
        final double[] weight = c.weight;
        final int[] grid = bb.grid;
        final long[] starts = bb.starts;
        final long base = bb.base;
        final int nb = lay.buckets;
        final int stride = lay.stride;
        final int csatOff = lay.csatOff;
        final int cesOff = lay.cesOff;
        final int slots = lay.cells * stride;
        // Plain sums of w and w^2 per slot within a block, folded into the compensated sums after
        // each block; a block is long enough that folding costs well under one step per row.
        final double[] block = new double[slots * 2];
        final int blockRows = (int) Math.min(Integer.MAX_VALUE, Math.max(BLOCK_ROWS, 8L * slots));
        for (int start = from; start < to; start += blockRows) {
            int end = (int) Math.min(to, (long) start + blockRows);
            for (int i = start; i < end; i++) {
                long ms = time[i];
                int g = grid[(int) ((ms - base) >>> BucketBoundaries.SHIFT)];
                while (ms >= starts[g + 1]) {
                    g++;
                }
                int s = (tp[i] * nb + g) * stride;
                double w = weight[i];
                double w2 = w * w;
                int a = s + npsCol[i];
                int b = s + csatOff + csatCol[i];
                int d = s + cesOff + cesCol[i];
                counts[a]++;
                counts[b]++;
                counts[d]++;
                block[a << 1] += w;
                block[(a << 1) + 1] += w2;
                block[b << 1] += w;
                block[(b << 1) + 1] += w2;
                block[d << 1] += w;
                block[(d << 1) + 1] += w2;
            }
            for (int k = 0; k < slots; k++) {
                double bw = block[k << 1];
                if (bw != 0) {
                    CompensatedSum.addToPair(sums, k << 2, bw);
                    CompensatedSum.addToPair(sums, (k << 2) + 2, block[(k << 1) + 1]);
                    block[k << 1] = 0;
                    block[(k << 1) + 1] = 0;
                }
            }
        }
    }

    private static void fill(CellSink sink, ResponseColumns c, BucketBoundaries bb, Layout lay, Counts total) {
        int ntp = c.touchpoints.size();
        int npsPoints = 11;
        int csatPoints = c.csatScale.points();
        int cesPoints = c.cesScale.points();
        List<String> labels = new ArrayList<>(bb.size());
        for (TimeBucket b : bb.buckets) {
            labels.add(b.label());
        }
        for (int tp = 0; tp < ntp; tp++) {
            String name = c.touchpoints.name(tp);
            for (int g = 0; g < lay.buckets; g++) {
                int s = (tp * lay.buckets + g) * lay.stride;
                long rows = 0;
                for (int k = 0; k <= npsPoints; k++) {
                    rows += total.counts[s + k];
                }
                if (rows == 0) {
                    continue;
                }
                SegmentKey key = SegmentKey.of(name, labels.get(g));
                sink.accept(key, tally(total, s, 0, NpsBands.MIN_SCORE, npsPoints),
                        tally(total, s, lay.csatOff, c.csatScale.min(), csatPoints),
                        tally(total, s, lay.cesOff, c.cesScale.min(), cesPoints));
            }
        }
    }

    /** The tally of one metric in one segment: points, then the missing slot last. */
    private static ScoreTally tally(Counts total, int s, int off, int min, int points) {
        ScoreTally t = new ScoreTally(min, points + 1);
        for (int k = 0; k <= points; k++) {
            t.counts[k] = total.counts[s + off + k];
        }
        if (total.sums != null) {
            t.weighted = true;
            t.sumW = new double[points + 1];
            t.compW = new double[points + 1];
            t.sumW2 = new double[points + 1];
            t.compW2 = new double[points + 1];
            for (int k = 0; k <= points; k++) {
                int j = (s + off + k) << 2;
                t.sumW[k] = total.sums[j];
                t.compW[k] = total.sums[j + 1];
                t.sumW2[k] = total.sums[j + 2];
                t.compW2[k] = total.sums[j + 3];
            }
        }
        return t;
    }

    /**
     * Returns e.g. {@code ColumnarScores[MONTH in UTC, 2 threads]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "ColumnarScores[" + grain + " in " + zone + ", " + threads + (threads == 1 ? " thread" : " threads")
                + ", " + nps.configuration() + "; " + csat.configuration() + "; " + ces.configuration() + "]";
    }
}
