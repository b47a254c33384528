package io.cxkit.survey.trend;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.MultipleTesting;
import io.cxkit.core.TimeBucket;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.ScoreComparer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Any score over time, per segment, with alerts. Feed each period as it closes, with one accumulator
 * per segment; {@link #close} returns the alerts for that period.
 *
 * <pre>{@code
 * ScoreTrend<NetPromoterScore, NpsResult> trend = ScoreTrend.of("NPS", NpsResult::compare);
 * List<Alert> alerts = trend.close(TimeGrain.WEEK.bucketOf(day), Map.of("web", webNps, "app", appNps));
 * trend.series("web");     // per-week NPS with intervals and week-over-week changes
 * trend.series(ScoreTrend.ALL);
 * }</pre>
 *
 * <p>For each closed period and each segment with data it runs:
 * <ol>
 *   <li>period over period: this period vs the segment's previous period (the comparer, e.g. the NPS
 *       signed-difference z test, two-proportion z for CSAT, Welch for CES means);
 *   <li>segment vs rest: the segment vs all other segments of the period combined (the rest is
 *       built with {@code copy()}/{@code combine}, so it is exactly the accumulator of the other
 *       segments' responses; needs at least two segments).
 * </ol>
 * The p-values of all these tests in the period are adjusted together by Benjamini–Hochberg
 * ({@link MultipleTesting#benjaminiHochberg}); a test whose adjusted p-value is below the false
 * discovery rate becomes an {@link Alert}. Tests a comparer refuses for lack of data
 * ({@link IllegalArgumentException}) are skipped and do not count. Independently, once a segment has
 * at least {@value #BASELINE_PERIODS} earlier periods, an estimate outside 3-sigma control limits
 * of those earlier periods ({@link ControlLimits}, generic form) raises a control-limit alert.
 * The overall score (all segments combined) is tracked as segment {@link #ALL} with
 * period-over-period and control-limit checks.
 *
 * <p><b>Small samples.</b> A test runs only when both results it compares have at least the
 * trend's minimum n ({@value #DEFAULT_MINIMUM_N} by default, the same threshold the reports use to
 * mark low-n cells), and a control-limit alert needs that many responses in the period: a segment
 * with one response never raises an alert, whatever its score. Results below the minimum are still
 * recorded in the series. For NPS, {@link NpsResult#compare} falls back to the adjusted-Wald
 * standard error where the plain one is 0, so it stays positive at small n.
 *
 * <p>Memory: one result per segment and period, or per segment and the last
 * {@link #withHistoryLimit(int) history limit} periods (a live service closing a period every week
 * should set one). Accumulators passed to {@code close} are not modified or retained. Not
 * thread-safe.
 *
 * @param <A> the accumulator type
 * @param <R> the result type
 */
public final class ScoreTrend<A extends Accumulator<A, R>, R extends Estimate> {
    /** The segment name under which the overall (all segments combined) series is kept. */
    public static final String ALL = "ALL";
    /** Earlier periods a segment needs before control-limit alerts are raised. */
    public static final int BASELINE_PERIODS = 4;
    /** The default minimum n of each result a test or control-limit alert uses. */
    public static final int DEFAULT_MINIMUM_N = 30;

    private final String metric;
    private final ScoreComparer<R> comparer;
    private final double confidence;
    private final double falseDiscoveryRate;
    private final long minimumN;
    private final int historyLimit;
    private final Map<String, List<TrendPoint<R>>> series = new TreeMap<>();
    private TimeBucket last;

    private ScoreTrend(String metric, ScoreComparer<R> comparer, double confidence, double fdr, long minimumN,
            int historyLimit) {
        Check.notNull(metric, "metric");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank: '" + metric + "'");
        }
        this.metric = metric;
        this.comparer = Check.notNull(comparer, "comparer");
        this.confidence = Check.confidence(confidence);
        if (!(fdr > 0 && fdr < 1)) {
            throw new IllegalArgumentException("false discovery rate must be in (0, 1): " + fdr);
        }
        this.falseDiscoveryRate = fdr;
        if (minimumN < 1) {
            throw new IllegalArgumentException("minimum n must be >= 1: " + minimumN);
        }
        this.minimumN = minimumN;
        this.historyLimit = historyLimit;
    }

    /**
     * A trend with 95% intervals and a false discovery rate of 5%.
     *
     * @param <A> the accumulator type
     * @param <R> the result type
     * @param metric the metric's name used in alerts, e.g. {@code "NPS"}
     * @param comparer how two results are compared, e.g. {@code NpsResult::compare}
     * @return a new trend
     */
    public static <A extends Accumulator<A, R>, R extends Estimate> ScoreTrend<A, R> of(String metric,
            ScoreComparer<R> comparer) {
        return new ScoreTrend<>(metric, comparer, 0.95, 0.05, DEFAULT_MINIMUM_N, Integer.MAX_VALUE);
    }

    /**
     * A trend with the given confidence level and false discovery rate.
     *
     * @param <A> the accumulator type
     * @param <R> the result type
     * @param metric the metric's name used in alerts
     * @param comparer how two results are compared
     * @param confidence the confidence level of intervals, in (0, 1)
     * @param falseDiscoveryRate the Benjamini–Hochberg level q in (0, 1) below which an adjusted
     *     p-value raises an alert
     * @return a new trend
     */
    public static <A extends Accumulator<A, R>, R extends Estimate> ScoreTrend<A, R> of(String metric,
            ScoreComparer<R> comparer, double confidence, double falseDiscoveryRate) {
        return new ScoreTrend<>(metric, comparer, confidence, falseDiscoveryRate, DEFAULT_MINIMUM_N,
                Integer.MAX_VALUE);
    }

    /**
     * A trend with the given confidence level, false discovery rate and minimum n.
     * @param <A> the accumulator type
     * @param <R> the result type
     * @param metric the metric's name used in alerts
     * @param comparer how two results are compared
     * @param confidence the confidence level of intervals, in (0, 1)
     * @param falseDiscoveryRate the Benjamini–Hochberg level q in (0, 1)
     * @param minimumN the n each compared result (and a period raising a control-limit alert) needs,
     *     &gt;= 1
     * @return a new trend
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static <A extends Accumulator<A, R>, R extends Estimate> ScoreTrend<A, R> of(String metric,
            ScoreComparer<R> comparer, double confidence, double falseDiscoveryRate, long minimumN) {
        return new ScoreTrend<>(metric, comparer, confidence, falseDiscoveryRate, minimumN, Integer.MAX_VALUE);
    }

    /**
     * Returns a new, empty trend with this one's settings that keeps only the last {@code periods}
     * points of each series; older points are dropped, so control limits are computed from at
     * most {@code periods} earlier periods. Use at least {@value #BASELINE_PERIODS} for
     * control-limit alerts to fire.
     *
     * @param periods the points kept per series, &ge; 1
     * @return a new trend
     * @throws IllegalArgumentException if {@code periods < 1}
     */
    public ScoreTrend<A, R> withHistoryLimit(int periods) {
        if (periods < 1) {
            throw new IllegalArgumentException("history limit must be >= 1 period: " + periods);
        }
        return new ScoreTrend<>(metric, comparer, confidence, falseDiscoveryRate, minimumN, periods);
    }

    private record Test(String segment, Alert.Kind kind, Comparison comparison, String reason) {
    }

    /**
     * Closes a period: records each segment's result (and the overall one) and returns the alerts.
     *
     * @param period the period, later than every period closed before
     * @param segments one accumulator per segment (segments may come and go between periods); the
     *     name {@value #ALL} is reserved
     * @return the alerts for this period, significant tests first in order of adjusted p-value, then
     *     control-limit alerts; empty if nothing moved
     * @throws IllegalArgumentException if the period is not after the last one, or is of another grain,
     *     or a segment is named {@value #ALL}
     */
    public List<Alert> close(TimeBucket period, Map<String, A> segments) {
        Check.notNull(period, "period");
        Check.notNull(segments, "segments");
        if (last != null && (period.grain() != last.grain() || period.compareTo(last) <= 0)) {
            throw new IllegalArgumentException("periods must be closed in order and of one grain: "
                    + period.label() + " after " + last.label());
        }
        if (segments.containsKey(ALL)) {
            throw new IllegalArgumentException("segment name '" + ALL + "' is reserved for the overall series");
        }
        Map<String, A> ordered = new TreeMap<>(segments);
        A total = null;
        for (A a : ordered.values()) {
            Check.notNull(a, "segment accumulator");
            total = total == null ? a.copy() : total.combine(a);
        }
        List<Test> tests = new ArrayList<>();
        List<Alert> control = new ArrayList<>();
        Map<String, A> withAll = new LinkedHashMap<>(ordered);
        if (total != null) {
            withAll.put(ALL, total);
        }
        for (Map.Entry<String, A> e : withAll.entrySet()) {
            String name = e.getKey();
            R r = e.getValue().result();
            if (r.n() == 0) {
                continue;
            }
            List<TrendPoint<R>> history = series.computeIfAbsent(name, k -> new ArrayList<>());
            Comparison change = null;
            if (!history.isEmpty()) {
                TrendPoint<R> prev = history.get(history.size() - 1);
                change = tryCompare(r, prev.result());
                if (change != null) {
                    tests.add(new Test(name, Alert.Kind.PERIOD_OVER_PERIOD, change,
                            "vs " + prev.period().label()));
                }
            }
            Alert c = controlAlert(name, period, r, history);
            if (c != null) {
                control.add(c);
            }
            history.add(new TrendPoint<>(period, r, r.interval(confidence), Optional.ofNullable(change)));
            if (history.size() > historyLimit) {
                history.remove(0);
            }
        }
        if (ordered.size() >= 2) {
            for (Map.Entry<String, A> e : ordered.entrySet()) {
                A rest = null;
                for (Map.Entry<String, A> o : ordered.entrySet()) {
                    if (!o.getKey().equals(e.getKey())) {
                        rest = rest == null ? o.getValue().copy() : rest.combine(o.getValue());
                    }
                }
                R seg = e.getValue().result();
                R other = rest.result();
                if (seg.n() > 0 && other.n() > 0) {
                    Comparison cmp = tryCompare(seg, other);
                    if (cmp != null) {
                        tests.add(new Test(e.getKey(), Alert.Kind.SEGMENT_VS_REST, cmp, "vs all other segments"));
                    }
                }
            }
        }
        last = period;
        return alerts(period, tests, control);
    }

    private Comparison tryCompare(R a, R b) {
        if (a.n() < minimumN || b.n() < minimumN) {
            return null;
        }
        try {
            return comparer.compare(a, b, confidence);
        } catch (IllegalArgumentException tooLittleData) {
            return null;
        }
    }

    private List<Alert> alerts(TimeBucket period, List<Test> tests, List<Alert> control) {
        double[] p = new double[tests.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = tests.get(i).comparison().pValue();
        }
        double[] adj = MultipleTesting.benjaminiHochberg(p);
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (adj[i] < falseDiscoveryRate) {
                Test t = tests.get(i);
                Comparison c = t.comparison();
                out.add(new Alert(t.segment(), period, metric, t.kind(), c.difference(), c.interval(),
                        c.pValue(), adj[i], c.difference() >= 0 ? Alert.Direction.UP : Alert.Direction.DOWN,
                        t.reason() + " (" + c.method() + "; Benjamini-Hochberg over " + p.length
                                + " tests, FDR " + falseDiscoveryRate + ")"));
            }
        }
        out.sort((a, b) -> Double.compare(a.adjustedP(), b.adjustedP()));
        out.addAll(control);
        return out;
    }

    private Alert controlAlert(String segment, TimeBucket period, R r, List<TrendPoint<R>> history) {
        if (history.size() < BASELINE_PERIODS || r.n() < minimumN) {
            return null;
        }
        double sumN = 0;
        double sumNe = 0;
        double sumVar = 0;
        for (TrendPoint<R> h : history) {
            R e = h.result();
            double se = e.standardError();
            if (!(se >= 0) || Double.isNaN(e.estimate())) {
                return null;
            }
            double n = e.n();
            sumN += n;
            sumNe += n * e.estimate();
            sumVar += n * n * se * se;
        }
        double centre = sumNe / sumN;
        double sigma = Math.sqrt(sumVar / sumN);
        double h = 3 * sigma / Math.sqrt(r.n());
        ControlLimits lim = new ControlLimits(r.estimate(), r.n(), centre, centre - h, centre + h);
        if (!lim.outside()) {
            return null;
        }
        double change = r.estimate() - centre;
        return new Alert(segment, period, metric, Alert.Kind.CONTROL_LIMIT, change,
                new Interval(-h, h, 0.9973, "3-sigma control limits"), Double.NaN, Double.NaN,
                change >= 0 ? Alert.Direction.UP : Alert.Direction.DOWN,
                String.format(java.util.Locale.ROOT, "outside 3-sigma limits %.4g..%.4g of the previous %d periods",
                        lim.lower(), lim.upper(), history.size()));
    }

    /**
     * The series of a segment (or {@link #ALL}), in period order.
     *
     * @param segment the segment's name
     * @return an unmodifiable list; empty if the segment was never seen with data
     */
    public List<TrendPoint<R>> series(String segment) {
        return Collections.unmodifiableList(series.getOrDefault(segment, List.of()));
    }

    /**
     * The names of every segment seen with data, {@link #ALL} included, sorted.
     *
     * @return the names
     */
    public List<String> segments() {
        return List.copyOf(series.keySet());
    }

    /**
     * The last period closed.
     *
     * @return the period, or empty before the first {@link #close}
     */
    public Optional<TimeBucket> lastPeriod() {
        return Optional.ofNullable(last);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ScoreTrend[" + metric + ", " + series.size() + " series"
                + (last == null ? "" : ", last " + last.label()) + "]");
        List<TrendPoint<R>> all = series.get(ALL);
        if (all != null) {
            for (TrendPoint<R> p : all) {
                sb.append("\n  ").append(p.period().label()).append(": ").append(p.result());
            }
        }
        return sb.toString();
    }
}
