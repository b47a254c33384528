package io.cxkit.survey;

import io.cxkit.core.Encoding;

/**
 * Accumulates Customer Effort Score answers ("The company made it easy for me to handle my issue",
 * 1 = strongly disagree … 7 = strongly agree by default) into the mean effort score with a t
 * interval and the percent who agree ({@link CesResult}).
 *
 * <pre>{@code
 * CustomerEffort ces = CustomerEffort.create();   // 1-7, agree = 5-7
 * ces.accept(6);
 * ces.accept(2);
 * ces.result();   // CES mean 4.00 (95% CI ...), 50.0% agree ...
 * }</pre>
 *
 * <p>Not thread-safe: one accumulator per thread, then {@link #combine}.
 */
public final class CustomerEffort extends RatingAccumulator<CustomerEffort, CesResult> {
    private static final String TYPE = "ces";

    private CustomerEffort(RatingScale scale, MissingAnswerPolicy policy) {
        super(scale, policy);
    }

    /**
     * An accumulator on the 1–7 scale (agree = 5–7) that excludes missing answers.
     *
     * @return a new accumulator
     */
    public static CustomerEffort create() {
        return new CustomerEffort(RatingScale.ces7(), MissingAnswerPolicy.EXCLUDE);
    }

    /**
     * An accumulator on the given scale and missing-answer policy.
     *
     * @param scale the rating scale, e.g. {@link RatingScale#ces5()}
     * @param policy what to do with missing answers
     * @return a new accumulator
     */
    public static CustomerEffort of(RatingScale scale, MissingAnswerPolicy policy) {
        return new CustomerEffort(scale, policy);
    }

    @Override
    String what() {
        return "CES rating";
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
     * @throws IllegalArgumentException if the bytes are not a valid CES encoding
     */
    public static CustomerEffort decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        RatingScale s = readScale(in);
        MissingAnswerPolicy policy = readPolicy(in, TYPE);
        return readTally(in, in.valid("configuration", () -> new CustomerEffort(s, policy)));
    }

    @Override
    public CesResult result() {
        return new CesResult(tally.mean(), tally.topShare(scale.threshold() - scale.min()),
                tally.missing, scale);
    }

    @Override
    public CustomerEffort emptyCopy() {
        return new CustomerEffort(scale, policy);
    }

}
