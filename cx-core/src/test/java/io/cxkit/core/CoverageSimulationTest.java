package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.SkewedRating;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded coverage simulation of the 95% intervals in cx-core (DESIGN.md: each interval covers the
 * true value in 93.5–96.5% of repeated samples for the sample sizes it claims to support).
 *
 * <p>Binomial intervals: the coverage of every binomial interval oscillates with {@code n} and
 * {@code p} (Brown, Cai &amp; DasGupta 2001), so at one fixed {@code p} it can sit anywhere in
 * roughly 91–98% even for Wilson. The claim tested is therefore the average coverage over true
 * proportions drawn uniformly from [0.05, 0.95], a fresh {@code p} per replicate. Clopper–Pearson
 * is conservative by construction (96.3–98.3% average here), so only its lower bound is asserted.
 *
 * <p>Each setting has its own seed, printed with the measured coverage and in any failure message.
 */
class CoverageSimulationTest {
    private static final long SEED = 20261123L;
    private static final double LOW = 93.5;
    private static final double HIGH = 96.5;
    private static final double Z = 0.95;

    private static void check(String setting, long seed, int hits, int reps, boolean upperBound) {
        double coverage = 100.0 * hits / reps;
        String line = String.format(Locale.ROOT, "coverage %-58s %6.2f%% (%d reps, seed %d)", setting,
                coverage, reps, seed);
        System.out.println(line);
        assertTrue(coverage >= LOW && (!upperBound || coverage <= HIGH),
                line + " outside [" + LOW + ", " + (upperBound ? HIGH : 100) + "]");
    }

    private static double lognormal(SplittableRandom r, double sigma) {
        return Math.exp(sigma * r.nextGaussian());
    }

    @Test
    void binomialIntervalsCoverOnAverageOverP() {
        ProportionInterval[] methods = {ProportionInterval.WILSON, ProportionInterval.AGRESTI_COULL,
            ProportionInterval.JEFFREYS, ProportionInterval.CLOPPER_PEARSON};
        int reps = 60000;
        for (int n : new int[] {10, 30, 100}) {
            long seed = SEED + n;
            SplittableRandom r = new SplittableRandom(seed);
            int[] hits = new int[methods.length];
            for (int i = 0; i < reps; i++) {
                double p = 0.05 + 0.9 * r.nextDouble();
                int x = 0;
                for (int k = 0; k < n; k++) {
                    x += r.nextDouble() < p ? 1 : 0;
                }
                ProportionEstimate est = ProportionEstimate.of(x, n);
                for (int m = 0; m < methods.length; m++) {
                    hits[m] += est.interval(methods[m], Z).contains(p) ? 1 : 0;
                }
            }
            for (int m = 0; m < methods.length; m++) {
                check(methods[m] + " n=" + n + " p~U(0.05,0.95)", seed, hits[m], reps,
                        methods[m] != ProportionInterval.CLOPPER_PEARSON);
            }
        }
    }

    @Test
    void tIntervalOfDiscreteRatingMeanCovers() {
        int reps = 8000;
        for (int n : new int[] {20, 50}) {
            long seed = SEED + 1000 + n;
            SplittableRandom r = new SplittableRandom(seed);
            int hits = 0;
            for (int i = 0; i < reps; i++) {
                Moments m = Moments.create();
                for (int k = 0; k < n; k++) {
                    m.accept(SkewedRating.draw(r));
                }
                hits += m.result().interval(Z).contains(SkewedRating.MEAN) ? 1 : 0;
            }
            check("t interval, 1-7 rating mean n=" + n, seed, hits, reps, true);
        }
    }

    @Test
    void weightedMeanIntervalCovers() {
        int reps = 4000;
        for (int n : new int[] {100, 300}) {
            long seed = SEED + 2000 + n;
            SplittableRandom r = new SplittableRandom(seed);
            int hits = 0;
            for (int i = 0; i < reps; i++) {
                Moments m = Moments.create();
                for (int k = 0; k < n; k++) {
                    m.accept(SkewedRating.draw(r), lognormal(r, 0.5));
                }
                hits += m.result().interval(Z).contains(SkewedRating.MEAN) ? 1 : 0;
            }
            check("weighted mean (lognormal sd 0.5 weights), rating n=" + n, seed, hits, reps, true);
        }
    }

    @Test
    void weightedProportionWilsonCovers() {
        int reps = 4000;
        for (int n : new int[] {100, 200}) {
            for (double p : new double[] {0.2, 0.5}) {
                long seed = SEED + 3000 + n + Math.round(100 * p);
                SplittableRandom r = new SplittableRandom(seed);
                int hits = 0;
                for (int i = 0; i < reps; i++) {
                    double w1 = 0;
                    double w0 = 0;
                    double q1 = 0;
                    double q0 = 0;
                    for (int k = 0; k < n; k++) {
                        double w = lognormal(r, 0.5);
                        if (r.nextDouble() < p) {
                            w1 += w;
                            q1 += w * w;
                        } else {
                            w0 += w;
                            q0 += w * w;
                        }
                    }
                    hits += ProportionEstimate.ofWeighted(n, w1, w0, q1, q0).interval(Z).contains(p) ? 1 : 0;
                }
                check("weighted proportion Wilson (lognormal sd 0.5) n=" + n + " p=" + p, seed, hits,
                        reps, true);
            }
        }
    }
}
