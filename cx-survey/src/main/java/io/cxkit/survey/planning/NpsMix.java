package io.cxkit.survey.planning;

/**
 * A planning assumption for the Net Promoter Score: expected shares of promoters and detractors,
 * used by {@link SampleSize}.
 *
 * @param promoterShare expected share of promoters, in [0, 1]
 * @param detractorShare expected share of detractors, in [0, 1 − promoterShare]
 */
public record NpsMix(double promoterShare, double detractorShare) {

    /**
     * Validates the shares.
     *
     * @param promoterShare promoter share
     * @param detractorShare detractor share
     */
    public NpsMix {
        if (!(promoterShare >= 0 && promoterShare <= 1)) {
            throw new IllegalArgumentException("promoterShare must be in [0, 1]: " + promoterShare);
        }
        if (!(detractorShare >= 0 && detractorShare <= 1 - promoterShare + 1e-12)) {
            throw new IllegalArgumentException("detractorShare must be in [0, 1 - promoterShare = "
                    + (1 - promoterShare) + "]: " + detractorShare);
        }
    }

    /**
     * The mix with the largest variance (half promoters, half detractors), for planning without a
     * prior estimate.
     *
     * @return {@code NpsMix(0.5, 0.5)}
     */
    public static NpsMix worstCase() {
        return new NpsMix(0.5, 0.5);
    }

    /**
     * The expected NPS in points.
     *
     * @return {@code 100·(p_P − p_D)}
     */
    public double nps() {
        return 100 * (promoterShare - detractorShare);
    }

    /**
     * The variance of one response's coding (+1/0/−1).
     *
     * @return {@code (p_P + p_D) − (p_P − p_D)²}
     */
    public double variance() {
        double d = promoterShare - detractorShare;
        return promoterShare + detractorShare - d * d;
    }
}
