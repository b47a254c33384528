package io.cxkit.survey;

/**
 * What a score accumulator does with a respondent who did not answer the question.
 *
 * <p>Whatever the policy, the result reports how many answers were missing
 * ({@code missing()}), so nothing is dropped silently.
 */
public enum MissingAnswerPolicy {
    /** Leave the response out of the score (the default); it is counted as missing. */
    EXCLUDE,
    /**
     * Count the response at the scale's neutral point (NPS: a passive; CSAT/CES: the scale's
     * {@link RatingScale#neutral()}); it is counted as missing and included in {@code n}.
     */
    NEUTRAL,
    /** Reject the response with an {@link IllegalArgumentException}. */
    FAIL
}
