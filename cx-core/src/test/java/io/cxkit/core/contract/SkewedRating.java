package io.cxkit.core.contract;

import java.util.SplittableRandom;

/**
 * The one left-skewed 1–7 rating (CES-like) that the coverage simulations of cx-core and cx-survey
 * draw from: P(1..7) = 0.05, 0.05, 0.10, 0.15, 0.25, 0.25, 0.15, so the mean is {@value #MEAN} and
 * P(5–7) = {@value #TOP_THREE}.
 */
public final class SkewedRating {
    /** The probabilities of the answers 1 to 7. */
    private static final double[] P = {0.05, 0.05, 0.10, 0.15, 0.25, 0.25, 0.15};
    /** The true mean rating. */
    public static final double MEAN = 4.85;
    /** The true share of answers 5 to 7 ("agree" on a 1–7 CES scale). */
    public static final double TOP_THREE = 0.65;

    private SkewedRating() {
    }

    /**
     * Draws one rating by inversion of the cumulative distribution.
     *
     * @param r the seeded random source
     * @return a rating in 1..7
     */
    public static int draw(SplittableRandom r) {
        double u = r.nextDouble();
        for (int k = 0; k < P.length - 1; k++) {
            u -= P[k];
            if (u < 0) {
                return k + 1;
            }
        }
        return P.length;
    }
}
