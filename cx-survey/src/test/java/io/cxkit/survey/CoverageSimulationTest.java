package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.SkewedRating;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded coverage simulation of the 95% survey intervals (DESIGN.md: 93.5–96.5% for the sample
 * sizes each method claims). Answers go through the real accumulators ({@code accept(score)} /
 * {@code accept(score, weight)}).
 *
 * <p>NPS mixes (promoter, detractor shares): balanced-positive (0.5, 0.2), even (0.3, 0.3) and
 * skewed (0.7, 0.05); scores are drawn uniformly within each band (0–6, 7–8, 9–10). Adjusted Wald
 * is asserted from n = 30 and Wald from n = 100, as {@link NpsInterval} claims; Wald at n = 30 and
 * 50 is measured and printed but not asserted (it under-covers there, as documented).
 *
 * <p>Each setting has its own seed, printed with the coverage and in any failure message.
 */
class CoverageSimulationTest {
    private static final long SEED = 424242L;
    private static final double LOW = 93.5;
    private static final double HIGH = 96.5;
    private static final double Z = 0.95;
    private static final double[][] MIXES = {{0.5, 0.2}, {0.3, 0.3}, {0.7, 0.05}};

    private static double check(String setting, long seed, int hits, int reps, boolean assertIt) {
        double coverage = 100.0 * hits / reps;
        String line = String.format(Locale.ROOT, "coverage %-56s %6.2f%% (%d reps, seed %d)%s", setting,
                coverage, reps, seed, assertIt ? "" : " [measured only]");
        System.out.println(line);
        if (assertIt) {
            assertTrue(coverage >= LOW && coverage <= HIGH, line + " outside [" + LOW + ", " + HIGH + "]");
        }
        return coverage;
    }

    private static int npsScore(SplittableRandom r, double promoters, double detractors) {
        double u = r.nextDouble();
        if (u < promoters) {
            return 9 + r.nextInt(2);
        }
        if (u < promoters + detractors) {
            return r.nextInt(7);
        }
        return 7 + r.nextInt(2);
    }

    @Test
    void npsWaldAndAdjustedWaldCover() {
        int reps = 10000;
        for (int mix = 0; mix < MIXES.length; mix++) {
            double pp = MIXES[mix][0];
            double pd = MIXES[mix][1];
            double truth = 100 * (pp - pd);
            for (int n : new int[] {30, 50, 100, 200}) {
                long seed = SEED + 100L * mix + n;
                SplittableRandom r = new SplittableRandom(seed);
                int wald = 0;
                int adjusted = 0;
                for (int i = 0; i < reps; i++) {
                    NetPromoterScore nps = NetPromoterScore.create();
                    for (int k = 0; k < n; k++) {
                        nps.accept(npsScore(r, pp, pd));
                    }
                    NpsResult res = nps.result();
                    wald += res.interval(NpsInterval.WALD, Z).contains(truth) ? 1 : 0;
                    adjusted += res.interval(NpsInterval.ADJUSTED_WALD, Z).contains(truth) ? 1 : 0;
                }
                String m = String.format(Locale.ROOT, "(P %.2f, D %.2f) n=%d", pp, pd, n);
                check("NPS adjusted Wald " + m, seed, adjusted, reps, n >= 30);
                check("NPS Wald " + m, seed, wald, reps, n >= 100);
            }
        }
    }

    @Test
    void weightedNpsAdjustedWaldCovers() {
        int reps = 4000;
        int n = 200;
        for (int mix = 0; mix < MIXES.length; mix++) {
            double pp = MIXES[mix][0];
            double pd = MIXES[mix][1];
            long seed = SEED + 5000 + mix;
            SplittableRandom r = new SplittableRandom(seed);
            int wald = 0;
            int adjusted = 0;
            for (int i = 0; i < reps; i++) {
                NetPromoterScore nps = NetPromoterScore.create();
                for (int k = 0; k < n; k++) {
                    nps.accept(npsScore(r, pp, pd), Math.exp(0.5 * r.nextGaussian()));
                }
                NpsResult res = nps.result();
                wald += res.interval(NpsInterval.WALD, Z).contains(100 * (pp - pd)) ? 1 : 0;
                adjusted += res.interval(NpsInterval.ADJUSTED_WALD, Z).contains(100 * (pp - pd)) ? 1 : 0;
            }
            String m = String.format(Locale.ROOT, "(P %.2f, D %.2f) n=%d", pp, pd, n);
            check("weighted NPS adjusted Wald (lognormal sd 0.5) " + m, seed, adjusted, reps, true);
            check("weighted NPS Wald (lognormal sd 0.5) " + m, seed, wald, reps, true);
        }
    }

    @Test
    void cesMeanAndWeightedAgreeCover() {
        int reps = 4000;
        for (int n : new int[] {30, 100}) {
            long seed = SEED + 7000 + n;
            SplittableRandom r = new SplittableRandom(seed);
            int mean = 0;
            int weightedMean = 0;
            int weightedAgree = 0;
            for (int i = 0; i < reps; i++) {
                CustomerEffort plain = CustomerEffort.create();
                CustomerEffort weighted = CustomerEffort.create();
                for (int k = 0; k < n; k++) {
                    plain.accept(SkewedRating.draw(r));
                    weighted.accept(SkewedRating.draw(r), Math.exp(0.5 * r.nextGaussian()));
                }
                CesResult p = plain.result();
                CesResult w = weighted.result();
                mean += p.interval(Z).contains(SkewedRating.MEAN) ? 1 : 0;
                weightedMean += w.interval(Z).contains(SkewedRating.MEAN) ? 1 : 0;
                weightedAgree += w.agree().interval(Z).contains(SkewedRating.TOP_THREE) ? 1 : 0;
            }
            check("CES mean t interval n=" + n, seed, mean, reps, true);
            check("CES weighted mean (lognormal sd 0.5) n=" + n, seed, weightedMean, reps, n >= 100);
            check("CES weighted % agree Wilson (lognormal sd 0.5) n=" + n, seed, weightedAgree, reps,
                    n >= 100);
        }
    }
}
