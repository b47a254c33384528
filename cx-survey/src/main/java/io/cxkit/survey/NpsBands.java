package io.cxkit.survey;

/**
 * How Net Promoter Score answers on the 0–10 "how likely are you to recommend" scale are banded:
 * detractors {@code 0..detractorMax}, passives in between, promoters {@code promoterMin..10}.
 * The standard bands are 0–6 / 7–8 / 9–10 ({@link #standard()}).
 *
 * @param detractorMax the highest detractor score, in [0, 9]
 * @param promoterMin the lowest promoter score, in [detractorMax + 1, 10]
 */
public record NpsBands(int detractorMax, int promoterMin) {

    /** The NPS scale's lowest score. */
    public static final int MIN_SCORE = 0;
    /** The NPS scale's highest score. */
    public static final int MAX_SCORE = 10;

    private static final NpsBands STANDARD = new NpsBands(6, 9);

    /**
     * Validates the bands.
     *
     * @param detractorMax the highest detractor score
     * @param promoterMin the lowest promoter score
     */
    public NpsBands {
        if (detractorMax < 0 || detractorMax > 9) {
            throw new IllegalArgumentException("detractorMax must be in [0, 9]: " + detractorMax);
        }
        if (promoterMin <= detractorMax || promoterMin > 10) {
            throw new IllegalArgumentException("promoterMin must be in [detractorMax + 1 = "
                    + (detractorMax + 1) + ", 10]: " + promoterMin);
        }
    }

    /**
     * The standard bands: detractors 0–6, passives 7–8, promoters 9–10.
     *
     * @return the standard bands
     */
    public static NpsBands standard() {
        return STANDARD;
    }

    /**
     * The per-response coding of a score: +1 promoter, 0 passive, −1 detractor.
     *
     * @param score a score in [0, 10]
     * @return the coding
     * @throws IllegalArgumentException if the score is out of range
     */
    public int code(int score) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("NPS score must be in [0, 10]: " + score);
        }
        return score >= promoterMin ? 1 : score <= detractorMax ? -1 : 0;
    }

    /**
     * The score used for a missing answer under {@link MissingAnswerPolicy#NEUTRAL}: the lowest
     * passive score.
     *
     * @return {@code detractorMax + 1}
     */
    public int neutral() {
        return detractorMax + 1;
    }

    @Override
    public String toString() {
        return "NpsBands[detractors 0-" + detractorMax + ", passives "
                + (promoterMin - detractorMax - 1 == 0 ? "none" : (detractorMax + 1) + "-" + (promoterMin - 1))
                + ", promoters " + promoterMin + "-10]";
    }
}
