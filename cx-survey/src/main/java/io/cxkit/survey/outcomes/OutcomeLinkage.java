package io.cxkit.survey.outcomes;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Distributions;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.Interval;
import io.cxkit.core.MeanEstimate;
import io.cxkit.core.Moments;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TwoSampleTest;
import io.cxkit.survey.NpsBands;
import io.cxkit.survey.RatingScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Links experience to outcomes: a per-customer outcome, numeric (spend, orders) or binary
 * (retained, renewed), accumulated per experience group (NPS promoter / passive / detractor, or
 * CSAT/CES bands) and compared with a reference group ({@link OutcomeLinkageResult}).
 *
 * <pre>{@code
 * OutcomeLinkage spend = OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.DETRACTOR);
 * spend.accept(OutcomeLinkage.npsGroup(score), amount);      // once per customer
 * spend.result();   // promoter vs detractor: ratio 2.14× (95% CI 1.66..2.75, ...), difference ...
 * }</pre>
 *
 * <p>Per group: numeric outcomes use {@link Moments} (mean, t interval; weighted allowed), binary
 * outcomes exact counts (rate, Wilson interval; unweighted). Contrasts with the reference group:
 * means by Welch's t test ({@link TwoSampleTest#welch}) and the ratio of means with a delta-method
 * interval on the log ratio; rates by the pooled two-proportion z test with Newcombe's interval
 * ({@link TwoSampleTest#twoProportions}) and the risk ratio with Katz's log interval (see
 * {@link OutcomeContrast}). Groups are independent samples; intervals are not adjusted for
 * multiplicity. Not thread-safe: one accumulator per thread, then {@link #combine}.
 */
public final class OutcomeLinkage implements Accumulator<OutcomeLinkage, OutcomeLinkageResult> {
    /** NPS group label for scores at or above the promoter band. */
    public static final String PROMOTER = "promoter";
    /** NPS group label for scores between the bands. */
    public static final String PASSIVE = "passive";
    /** NPS group label for scores at or below the detractor band. */
    public static final String DETRACTOR = "detractor";
    /** Rating band label for answers at or above the scale's threshold. */
    public static final String HIGH = "high";
    /** Rating band label for answers from the scale's neutral point up to below the threshold. */
    public static final String NEUTRAL = "neutral";
    /** Rating band label for answers below the scale's neutral point. */
    public static final String LOW = "low";
    private static final String TYPE = "outcome-linkage";

    private final String outcome;
    private final String reference;
    private final boolean binary;
    private final TreeMap<String, Moments> means = new TreeMap<>();
    private final TreeMap<String, long[]> rates = new TreeMap<>();

    private OutcomeLinkage(String outcome, String reference, boolean binary) {
        this.outcome = Check.notBlank(Check.notNull(outcome, "outcome"), "outcome");
        this.reference = Check.notBlank(Check.notNull(reference, "reference"), "reference group");
        this.binary = binary;
    }

    /**
     * A linkage for one outcome.
     *
     * @param kind {@link OutcomeKind#NUMERIC} (means per group) or {@link OutcomeKind#BINARY}
     *     (rates per group)
     * @param outcome the outcome's name, e.g. {@code "spend"} or {@code "retained"}
     * @param referenceGroup the group every other group is compared with, e.g. {@link #DETRACTOR}
     * @return a new, empty accumulator
     */
    public static OutcomeLinkage of(OutcomeKind kind, String outcome, String referenceGroup) {
        return new OutcomeLinkage(outcome, referenceGroup, Check.notNull(kind, "kind") == OutcomeKind.BINARY);
    }

    /**
     * The NPS group of a 0–10 answer under the standard bands.
     *
     * @param score the answer in [0, 10]
     * @return {@link #PROMOTER}, {@link #PASSIVE} or {@link #DETRACTOR}
     * @throws IllegalArgumentException if the score is out of range
     */
    public static String npsGroup(int score) {
        return npsGroup(score, NpsBands.standard());
    }

    /**
     * The NPS group of a 0–10 answer under the given bands.
     *
     * @param score the answer in [0, 10]
     * @param bands the bands
     * @return {@link #PROMOTER}, {@link #PASSIVE} or {@link #DETRACTOR}
     * @throws IllegalArgumentException if the score is out of range
     */
    public static String npsGroup(int score, NpsBands bands) {
        int code = Check.notNull(bands, "bands").code(score);
        return code > 0 ? PROMOTER : code < 0 ? DETRACTOR : PASSIVE;
    }

    /**
     * The band of a CSAT/CES answer: {@link #HIGH} at or above the scale's threshold, {@link #LOW}
     * below its neutral point, {@link #NEUTRAL} in between.
     *
     * @param answer the answer on the scale
     * @param scale the rating scale
     * @return the band label
     * @throws IllegalArgumentException if the answer is off the scale
     */
    public static String ratingBand(int answer, RatingScale scale) {
        Check.notNull(scale, "scale");
        if (!scale.contains(answer)) {
            throw new IllegalArgumentException("rating must be in [" + scale.min() + ", " + scale.max()
                    + "]: " + answer);
        }
        return answer >= scale.threshold() ? HIGH : answer < scale.neutral() ? LOW : NEUTRAL;
    }

    /**
     * Observes one customer's numeric outcome.
     *
     * @param group the customer's experience group
     * @param value the outcome, finite
     * @throws IllegalStateException if this linkage is binary
     * @throws IllegalArgumentException if the value is not finite or the group blank
     */
    public void accept(String group, double value) {
        numericGroup(group).accept(value);
    }

    /**
     * Observes one customer's weighted numeric outcome.
     *
     * @param group the customer's experience group
     * @param value the outcome, finite
     * @param weight the weight, finite and &gt; 0
     * @throws IllegalStateException if this linkage is binary
     * @throws IllegalArgumentException if the value or weight is invalid or the group blank
     */
    public void accept(String group, double value, double weight) {
        Check.weight(weight);
        numericGroup(group).accept(value, weight);
    }

    /**
     * Observes one customer's binary outcome.
     *
     * @param group the customer's experience group
     * @param success whether the outcome happened (retained, renewed)
     * @throws IllegalStateException if this linkage is numeric
     */
    public void accept(String group, boolean success) {
        if (!binary) {
            throw new IllegalStateException("'" + outcome + "' is a numeric outcome; use accept(group, double)");
        }
        long[] c = rates.computeIfAbsent(Check.notBlank(group, "group"), g -> new long[2]);
        c[0]++;
        if (success) {
            c[1]++;
        }
    }

    private Moments numericGroup(String group) {
        if (binary) {
            throw new IllegalStateException("'" + outcome + "' is a binary outcome; use accept(group, boolean)");
        }
        return means.computeIfAbsent(Check.notBlank(group, "group"), g -> Moments.create());
    }

    @Override
    public OutcomeLinkage combine(OutcomeLinkage other) {
        Check.notNull(other, "other");
        if (binary != other.binary || !outcome.equals(other.outcome) || !reference.equals(other.reference)) {
            throw new IncompatibleAccumulatorException("cannot combine outcome linkages with different "
                    + "configurations: " + describe() + " vs " + other.describe());
        }
        // Check every count (and every group's moments) before changing anything.
        other.means.forEach((g, m) -> {
            Moments mine = means.get(g);
            if (mine != null) {
                mine.copy().combine(m);
            }
        });
        other.rates.forEach((g, c) -> {
            long[] mine = rates.get(g);
            if (mine != null) {
                ExactCounts.checkAddAll(mine, c, "outcome count of group " + g);
            }
        });
        other.means.forEach((g, m) -> means.computeIfAbsent(g, k -> Moments.create()).combine(m));
        other.rates.forEach((g, c) -> {
            long[] mine = rates.computeIfAbsent(g, k -> new long[2]);
            mine[0] += c[0];
            mine[1] += c[1];
        });
        return this;
    }

    private String describe() {
        return (binary ? "binary " : "numeric ") + outcome + " vs reference " + reference;
    }

    /**
     * The result with 95% intervals.
     *
     * @return the result
     */
    @Override
    public OutcomeLinkageResult result() {
        return result(0.95);
    }

    /**
     * The result at the given confidence level.
     *
     * @param confidence the confidence level in (0, 1)
     * @return the per-group outcomes and contrasts with the reference group
     */
    public OutcomeLinkageResult result(double confidence) {
        Check.confidence(confidence);
        List<GroupOutcome> groups = new ArrayList<>();
        List<OutcomeContrast> contrasts = new ArrayList<>();
        double z = Distributions.zCritical(confidence);
        if (binary) {
            Map<String, ProportionEstimate> est = new TreeMap<>();
            rates.forEach((g, c) -> est.put(g, ProportionEstimate.of(c[1], c[0])));
            est.forEach((g, e) -> groups.add(new GroupOutcome(g, e, e.interval(confidence))));
            ProportionEstimate ref = est.get(reference);
            if (ref != null) {
                est.forEach((g, e) -> {
                    if (!g.equals(reference)) {
                        contrasts.add(rateContrast(g, e, ref, confidence, z));
                    }
                });
            }
        } else {
            Map<String, MeanEstimate> est = new TreeMap<>();
            means.forEach((g, m) -> est.put(g, m.result()));
            est.forEach((g, e) -> groups.add(new GroupOutcome(g, e, e.interval(confidence))));
            MeanEstimate ref = est.get(reference);
            if (ref != null && ref.n() >= 2) {
                est.forEach((g, e) -> {
                    // Welch's test needs n >= 2 per group and a positive standard error in one of them
                    // (found by the hostile-decode fuzz: two constant groups made result() throw)
                    if (!g.equals(reference) && e.n() >= 2
                            && (e.standardError() > 0 || ref.standardError() > 0)) {
                        contrasts.add(meanContrast(g, e, ref, confidence, z));
                    }
                });
            }
        }
        return new OutcomeLinkageResult(outcome, binary, reference, groups, contrasts, confidence);
    }

    private OutcomeContrast meanContrast(String g, MeanEstimate a, MeanEstimate b, double confidence,
            double z) {
        Comparison diff = TwoSampleTest.welch(a, b, confidence);
        String method = "delta method, log ratio";
        if (!(a.mean() > 0 && b.mean() > 0)) {
            return new OutcomeContrast(g, reference, diff, Double.NaN, Interval.empty(confidence, method));
        }
        double ratio = a.mean() / b.mean();
        double se = Math.sqrt(sq(a.standardError() / a.mean()) + sq(b.standardError() / b.mean()));
        return new OutcomeContrast(g, reference, diff, ratio,
                new Interval(ratio * Math.exp(-z * se), ratio * Math.exp(z * se), confidence, method));
    }

    private OutcomeContrast rateContrast(String g, ProportionEstimate a, ProportionEstimate b,
            double confidence, double z) {
        Comparison diff = TwoSampleTest.twoProportions(a, b, confidence);
        String method = "Katz log risk ratio";
        double xa = a.successes();
        double xb = b.successes();
        if (xa == 0 || xb == 0) {
            double ratio = xb == 0 ? Double.NaN : a.estimate() / b.estimate();
            return new OutcomeContrast(g, reference, diff, ratio, Interval.empty(confidence, method));
        }
        double ratio = a.estimate() / b.estimate();
        double se = Math.sqrt(1 / xa - 1.0 / a.n() + 1 / xb - 1.0 / b.n());
        return new OutcomeContrast(g, reference, diff, ratio,
                new Interval(ratio * Math.exp(-z * se), ratio * Math.exp(z * se), confidence, method));
    }

    private static double sq(double x) {
        return x * x;
    }

    @Override
    public OutcomeLinkage emptyCopy() {
        return new OutcomeLinkage(outcome, reference, binary);
    }

    @Override
    public OutcomeLinkage copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer out = Encoding.writer(TYPE, 1).putBoolean(binary).putString(outcome)
                .putString(reference);
        if (binary) {
            out.putInt(rates.size());
            rates.forEach((g, c) -> out.putString(g).putLong(c[0]).putLong(c[1]));
        } else {
            out.putInt(means.size());
            means.forEach((g, m) -> out.putString(g).putBytes(m.encode()));
        }
        return out.toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the decoded accumulator
     * @throws IllegalArgumentException if the bytes are not a valid outcome-linkage encoding
     */
    public static OutcomeLinkage decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        boolean binary = in.getBoolean();
        String outcome = in.getString();
        String reference = in.getString();
        OutcomeLinkage l = in.valid("configuration", () -> new OutcomeLinkage(outcome, reference, binary));
        int groups = in.getSize("group count", 4);
        for (int i = 0; i < groups; i++) {
            String g = in.getString();
            if (g.isBlank() || l.rates.containsKey(g) || l.means.containsKey(g)) {
                throw in.corrupt("has a blank or repeated group name: '" + g + "'");
            }
            if (binary) {
                long n = in.getCount("group size");
                long x = in.getCount("success count");
                if (x > n || n == 0) {
                    throw in.corrupt("has impossible counts for '" + g + "': n=" + n + ", successes=" + x);
                }
                l.rates.put(g, new long[] {n, x});
            } else {
                Moments m = Moments.decode(in.getBytes());
                if (m.n() == 0) {
                    throw in.corrupt("has an empty group '" + g + "'");
                }
                l.means.put(g, m);
            }
        }
        in.end();
        return l;
    }

    @Override
    public String toString() {
        return "OutcomeLinkage[" + describe() + ", groups=" + (binary ? rates.keySet() : means.keySet()) + "]";
    }
}
