package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.Encoding;

/**
 * The part the rating-scale accumulators ({@link CustomerSatisfaction}, {@link CustomerEffort})
 * share: a {@link RatingScale} and its encoding. Sealed: those two are its only members.
 *
 * @param <A> the concrete accumulator
 * @param <R> its result
 */
public abstract sealed class RatingAccumulator<A extends RatingAccumulator<A, R>, R> extends ScoreAccumulator<A, R>
        permits CustomerSatisfaction, CustomerEffort {
    final RatingScale scale;

    RatingAccumulator(RatingScale scale, MissingAnswerPolicy policy) {
        super(Check.notNull(scale, "scale").min(), scale.max(), scale.neutral(), policy);
        this.scale = scale;
    }

    /**
     * The rating scale in use.
     *
     * @return the scale
     */
    public final RatingScale scale() {
        return scale;
    }

    @Override
    final String configuration() {
        return scale + " (neutral " + scale.neutral() + "), missing " + policy;
    }

    @Override
    final Record definition() {
        return scale;
    }

    @Override
    final void writeConfiguration(Encoding.Writer out) {
        out.putInt(scale.min()).putInt(scale.max()).putInt(scale.threshold()).putInt(scale.neutral());
    }

    static RatingScale readScale(Encoding.Reader in) {
        int min = in.getInt();
        int max = in.getInt();
        int threshold = in.getInt();
        int neutral = in.getInt();
        return in.valid("rating scale", () -> new RatingScale(min, max, threshold, neutral));
    }
}
