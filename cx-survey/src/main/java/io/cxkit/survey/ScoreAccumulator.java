package io.cxkit.survey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.InvalidInputException;

/**
 * What the survey score accumulators — {@link NetPromoterScore}, {@link CustomerSatisfaction} and
 * {@link CustomerEffort} — share, so that code can feed any of them through one type: answers on a
 * discrete scale ({@link #accept(int)}, {@link #accept(int, double)}), missing answers under a
 * {@link MissingAnswerPolicy} ({@link #acceptMissing()}), and a {@code combine} that checks that
 * scales and policies agree before touching anything. The hierarchy is sealed: the three
 * accumulators are its only members.
 *
 * @param <A> the concrete accumulator
 * @param <R> its result
 */
public abstract sealed class ScoreAccumulator<A extends ScoreAccumulator<A, R>, R> implements Accumulator<A, R>
        permits NetPromoterScore, RatingAccumulator {
    final ScoreTally tally;
    final MissingAnswerPolicy policy;
    final int min;
    final int max;
    final int neutral;
    /** This accumulator as its own type: the hierarchy is sealed and every member is {@code A}. */
    private final A self;

    @SuppressWarnings("unchecked")
    ScoreAccumulator(int min, int max, int neutral, MissingAnswerPolicy policy) {
        this.self = (A) this;
        this.min = min;
        this.max = max;
        this.neutral = neutral;
        this.policy = Check.notNull(policy, "missing-answer policy");
        this.tally = new ScoreTally(min, max - min + 1);
    }

    /** The metric's short name used in messages, e.g. "NPS score". */
    abstract String what();

    /** The encoding type name. */
    abstract String type();

    /** Describes the configuration, used to explain an incompatible combine. */
    abstract String configuration();

    /** The scale's definition (bands or rating scale), a record compared by {@code combine}. */
    abstract Record definition();

    /** Writes the configuration part of the encoding. */
    abstract void writeConfiguration(Encoding.Writer out);

    /**
     * Observes one answer with weight 1.
     *
     * @param score the answer, on the scale
     * @throws InvalidInputException if the answer is off the scale (the message names
     *     the scale and the value)
     */
    public final void accept(int score) {
        tally.add(index(score));
    }

    /**
     * Observes one weighted answer.
     *
     * @param score the answer, on the scale
     * @param weight the response's weight, finite and &gt; 0
     * @throws IllegalArgumentException if the answer is off the scale or the weight is NaN,
     *     infinite, zero or negative
     */
    public final void accept(int score, double weight) {
        int i = index(score);
        tally.add(i, ScoreTally.weight(weight));
    }

    /**
     * Observes one answer handed over as a {@code double}, as SQL engines deliver any numeric
     * column: it must be a whole number (so {@code 9.0} is the answer 9, while {@code 9.7}, NaN or
     * an infinity is rejected instead of being cast to a valid answer) and then on the scale.
     *
     * @param answer the answer
     * @throws InvalidInputException if the answer is not a whole number ({@code "NPS score must be a
     *     whole number: 9.7"}) or off the scale
     */
    public final void acceptNumeric(double answer) {
        accept(whole(answer));
    }

    /**
     * Observes one weighted answer handed over as a {@code double}; see {@link #acceptNumeric(double)}.
     *
     * @param answer the answer, a whole number on the scale
     * @param weight the response's weight, finite and &gt; 0
     * @throws InvalidInputException if the answer is not a whole number or off the scale, or the
     *     weight is invalid
     */
    public final void acceptNumeric(double answer, double weight) {
        accept(whole(answer), weight);
    }

    private int whole(double answer) {
        if (answer != Math.rint(answer) || Double.isInfinite(answer)) {
            throw new InvalidInputException(what() + " must be a whole number: " + plain(answer));
        }
        if (answer < Integer.MIN_VALUE || answer > Integer.MAX_VALUE) {
            throw new InvalidInputException(what() + " must be in the int range: " + plain(answer));
        }
        return (int) answer;
    }

    /** {@code 1.0E10} as {@code 10000000000}, so a message shows the value as the user wrote it. */
    private static String plain(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(Double.toString(v)).toPlainString() : Double.toString(v);
    }

    /**
     * Observes a response without an answer to this question, applying the missing-answer policy.
     *
     * @throws IllegalArgumentException under {@link MissingAnswerPolicy#FAIL}
     */
    public final void acceptMissing() {
        if (handleMissing()) {
            tally.add(neutral - min);
        }
    }

    /**
     * Observes a weighted response without an answer, applying the missing-answer policy.
     *
     * @param weight the response's weight, finite and &gt; 0
     * @throws IllegalArgumentException under {@link MissingAnswerPolicy#FAIL}, or for a bad weight
     */
    public final void acceptMissing(double weight) {
        ScoreTally.weight(weight);
        if (handleMissing()) {
            tally.add(neutral - min, weight);
        }
    }

    /** Throws what {@link #accept(int)} or {@link #acceptMissing()} would, without counting. */
    final void check(Integer score) {
        if (score == null) {
            if (policy == MissingAnswerPolicy.FAIL) {
                throw missingUnderFail();
            }
        } else {
            index(score);
        }
    }

    private boolean handleMissing() {
        if (policy == MissingAnswerPolicy.FAIL) {
            throw missingUnderFail();
        }
        tally.missing++;
        return policy == MissingAnswerPolicy.NEUTRAL;
    }

    /**
     * Bulk path for {@link ColumnarScores}: adds a tally counted elsewhere over this scale plus one
     * extra last point that holds the missing answers. Missing answers follow the policy exactly as
     * {@link #acceptMissing()} would (FAIL throws with the same message, before anything changes);
     * the tally is then merged with {@link ScoreTally#combine}, so results come from the same code.
     */
    final void absorb(ScoreTally withMissing) {
        int k = tally.points();
        long m = withMissing.counts[k];
        if (m > 0 && policy == MissingAnswerPolicy.FAIL) {
            throw missingUnderFail();
        }
        ScoreTally part = new ScoreTally(min, k);
        System.arraycopy(withMissing.counts, 0, part.counts, 0, k);
        part.missing = m;
        if (withMissing.weighted) {
            part.weighted = true;
            part.sumW = java.util.Arrays.copyOf(withMissing.sumW, k);
            part.compW = java.util.Arrays.copyOf(withMissing.compW, k);
            part.sumW2 = java.util.Arrays.copyOf(withMissing.sumW2, k);
            part.compW2 = java.util.Arrays.copyOf(withMissing.compW2, k);
        }
        if (m > 0 && policy == MissingAnswerPolicy.NEUTRAL) {
            int n = neutral - min;
            part.counts[n] += m;
            if (part.weighted) {
                io.cxkit.core.CompensatedSum.add(part.sumW, part.compW, n, withMissing.sumW[k]);
                io.cxkit.core.CompensatedSum.add(part.sumW, part.compW, n, withMissing.compW[k]);
                io.cxkit.core.CompensatedSum.add(part.sumW2, part.compW2, n, withMissing.sumW2[k]);
                io.cxkit.core.CompensatedSum.add(part.sumW2, part.compW2, n, withMissing.compW2[k]);
            }
        }
        tally.combine(part);
    }

    /** The one message for a missing answer under {@link MissingAnswerPolicy#FAIL}. */
    private InvalidInputException missingUnderFail() {
        return new InvalidInputException(what() + " is missing and the missing-answer policy is FAIL");
    }

    private int index(int score) {
        if (score < min || score > max) {
            throw new InvalidInputException(
                    what() + " must be in [" + min + ", " + max + "]: " + score);
        }
        return score - min;
    }

    /**
     * Number of answers counted so far (including missing ones counted as neutral).
     *
     * @return the count
     */
    public final long n() {
        return tally.n();
    }

    /**
     * Number of missing answers seen so far, whatever the policy did with them.
     *
     * @return the count
     */
    public final long missing() {
        return tally.missing;
    }

    /**
     * The policy for missing answers.
     *
     * @return the policy
     */
    public final MissingAnswerPolicy missingAnswerPolicy() {
        return policy;
    }

    @Override
    public final A combine(A other) {
        Check.notNull(other, "other");
        // compares the records, so a snapshot's combine builds no strings unless it fails
        if (policy != other.policy || !definition().equals(other.definition())) {
            throw new IncompatibleAccumulatorException("cannot combine " + type() + " accumulators with "
                    + "different configurations: " + configuration() + " vs " + other.configuration());
        }
        tally.checkCombine(other.tally);
        tally.combine(other.tally);
        return self;
    }

    @Override
    public final A copy() {
        return emptyCopy().combine(self);
    }

    @Override
    public final byte[] encode() {
        Encoding.Writer out = Encoding.writer(type(), 1);
        writeConfiguration(out);
        out.putString(policy.name());
        tally.write(out);
        return out.toBytes();
    }

    /** Reads the missing-answer policy written after the configuration. */
    static MissingAnswerPolicy readPolicy(Encoding.Reader in, String type) {
        return in.getEnum(MissingAnswerPolicy.class, "missing-answer policy");
    }

    /** Reads the tally that ends the encoding into a freshly configured {@code target}. */
    static <T extends ScoreAccumulator<T, ?>> T readTally(Encoding.Reader in, T target) {
        ScoreTally t = ScoreTally.read(in, target.min, target.max - target.min + 1, target.type());
        in.end();
        if (target.policy == MissingAnswerPolicy.FAIL && t.missing > 0) {
            throw in.corrupt("has " + t.missing + " missing answers under the FAIL policy");
        }
        if (target.policy == MissingAnswerPolicy.NEUTRAL && t.missing > t.counts[target.neutral - target.min]) {
            throw in.corrupt("has " + t.missing + " missing answers counted as neutral but only "
                    + t.counts[target.neutral - target.min] + " neutral answers");
        }
        t.copyInto(target.tally);
        return target;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + result() + "]";
    }
}
