package io.cxkit.survey;

import io.cxkit.core.Encoding;

/**
 * Accumulates customer-satisfaction ratings into CSAT: the percent satisfied (answers at or above
 * the scale's threshold — top-2 box on the default 1–5 scale) with proportion intervals, and the
 * mean rating with a t interval ({@link CsatResult}).
 *
 * <pre>{@code
 * CustomerSatisfaction csat = CustomerSatisfaction.create();   // 1-5, satisfied = 4-5
 * csat.accept(5);
 * csat.accept(3, 1.4);                                        // weighted answer
 * csat.result();   // CSAT 41.7% satisfied (95% CI ...), mean rating ...
 * }</pre>
 *
 * <p>Not thread-safe: one accumulator per thread, then {@link #combine}.
 */
public final class CustomerSatisfaction extends RatingAccumulator<CustomerSatisfaction, CsatResult> {
    private static final String TYPE = "csat";

    private CustomerSatisfaction(RatingScale scale, MissingAnswerPolicy policy) {
        super(scale, policy);
    }

    /**
     * An accumulator on the 1–5 scale (satisfied = 4–5) that excludes missing answers.
     *
     * @return a new accumulator
     */
    public static CustomerSatisfaction create() {
        return new CustomerSatisfaction(RatingScale.csat5(), MissingAnswerPolicy.EXCLUDE);
    }

    /**
     * An accumulator on the given scale and missing-answer policy.
     *
     * @param scale the rating scale (see {@link RatingScale} presets)
     * @param policy what to do with missing answers
     * @return a new accumulator
     */
    public static CustomerSatisfaction of(RatingScale scale, MissingAnswerPolicy policy) {
        return new CustomerSatisfaction(scale, policy);
    }

    @Override
    String what() {
        return "CSAT rating";
    }

    @Override
    String type() {
        return TYPE;
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the decoded accumulator
     * @throws IllegalArgumentException if the bytes are not a valid CSAT encoding
     */
    public static CustomerSatisfaction decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        RatingScale s = readScale(in);
        MissingAnswerPolicy policy = readPolicy(in, TYPE);
        return readTally(in, in.valid("configuration", () -> new CustomerSatisfaction(s, policy)));
    }

    @Override
    public CsatResult result() {
        return new CsatResult(tally.topShare(scale.threshold() - scale.min()), tally.mean(),
                tally.missing, scale);
    }

    @Override
    public CustomerSatisfaction emptyCopy() {
        return new CustomerSatisfaction(scale, policy);
    }

}
