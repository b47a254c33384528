package io.cxkit.survey;

/**
 * An ordinal rating scale {@code min..max} with a threshold: answers {@code >= threshold} count as
 * "satisfied" (CSAT top-box) or "agree" (CES % agree). Higher is better on every cxkit rating
 * scale (for CES: "The company made it easy for me to handle my issue", 1 = strongly disagree).
 *
 * <p>Presets: CSAT on 1–5 with top-2 box ({@link #csat5()}), 1–3 top box, 1–7 and 1–10 top-2 box;
 * CES on 1–7 ({@link #ces7()}, agree = 5–7) or 1–5 (agree = 4–5).
 *
 * @param min the lowest answer
 * @param max the highest answer, {@code > min}, at most {@code min + 100}
 * @param threshold the lowest answer that counts as satisfied/agree, in [min, max]
 * @param neutral the answer used for a missing one under {@link MissingAnswerPolicy#NEUTRAL}, in
 *     [min, max]
 */
public record RatingScale(int min, int max, int threshold, int neutral) {

    /**
     * Validates the scale.
     *
     * @param min the lowest answer
     * @param max the highest answer
     * @param threshold the satisfied/agree threshold
     * @param neutral the neutral answer
     */
    public RatingScale {
        if (max <= min || (long) max - min > 100) {
            throw new IllegalArgumentException(
                    "rating scale max must be in (min, min + 100]: min=" + min + ", max=" + max);
        }
        if (threshold < min || threshold > max) {
            throw new IllegalArgumentException(
                    "threshold must be in [" + min + ", " + max + "]: " + threshold);
        }
        if (neutral < min || neutral > max) {
            throw new IllegalArgumentException(
                    "neutral must be in [" + min + ", " + max + "]: " + neutral);
        }
    }

    /**
     * A scale with the neutral point at the midpoint (rounded down for an even number of points).
     *
     * @param min the lowest answer
     * @param max the highest answer
     * @param threshold the lowest answer that counts as satisfied/agree
     * @return the scale
     */
    public static RatingScale of(int min, int max, int threshold) {
        return new RatingScale(min, max, threshold, Math.floorDiv(min + max, 2));
    }

    /**
     * CSAT 1–5, satisfied = 4–5 (top-2 box); the default CSAT scale.
     *
     * @return the scale
     */
    public static RatingScale csat5() {
        return of(1, 5, 4);
    }

    /**
     * CSAT 1–3, satisfied = 3 (top box).
     *
     * @return the scale
     */
    public static RatingScale csat3() {
        return of(1, 3, 3);
    }

    /**
     * CSAT 1–7, satisfied = 6–7 (top-2 box).
     *
     * @return the scale
     */
    public static RatingScale csat7() {
        return of(1, 7, 6);
    }

    /**
     * CSAT 1–10, satisfied = 9–10 (top-2 box).
     *
     * @return the scale
     */
    public static RatingScale csat10() {
        return of(1, 10, 9);
    }

    /**
     * CES 1–7, agree = 5–7 (somewhat agree or stronger); the default CES scale.
     *
     * @return the scale
     */
    public static RatingScale ces7() {
        return of(1, 7, 5);
    }

    /**
     * CES 1–5, agree = 4–5.
     *
     * @return the scale
     */
    public static RatingScale ces5() {
        return of(1, 5, 4);
    }

    /**
     * Number of points on the scale.
     *
     * @return {@code max − min + 1}
     */
    public int points() {
        return max - min + 1;
    }

    /**
     * Whether an answer is on the scale.
     *
     * @param answer the answer
     * @return true if in [min, max]
     */
    public boolean contains(int answer) {
        return answer >= min && answer <= max;
    }

    @Override
    public String toString() {
        return "RatingScale[" + min + "-" + max + ", top box >= " + threshold + "]";
    }
}
