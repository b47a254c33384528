package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The accumulator algebra: order invariance, combine = single pass, bounds, encoding round trips. */
class ScoreAlgebraProperties {

    /** An answer: score (or -1 for missing) and weight (or 0 for unweighted). */
    record Answer(int score, double weight) {
    }

    @Provide
    Arbitrary<List<Answer>> unweighted() {
        return Arbitraries.integers().between(-1, 10).map(s -> new Answer(s, 0)).list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<Answer>> weighted() {
        Arbitrary<Integer> s = Arbitraries.integers().between(-1, 10);
        Arbitrary<Double> w = Arbitraries.doubles().between(0.01, 50);
        return Combinators.combine(s, w).as(Answer::new).list().ofMaxSize(300);
    }

    private static <A extends ScoreAccumulator<A, ?>> A feed(A acc, List<Answer> answers) {
        for (Answer a : answers) {
            int score = Math.min(a.score(), acc.max);
            if (a.score() < 0) {
                if (a.weight() > 0) {
                    acc.acceptMissing(a.weight());
                } else {
                    acc.acceptMissing();
                }
            } else if (a.weight() > 0) {
                acc.accept(Math.max(score, acc.min), a.weight());
            } else {
                acc.accept(Math.max(score, acc.min));
            }
        }
        return acc;
    }

    private static <A extends ScoreAccumulator<A, ?>> A splitAndCombine(A prototype, List<Answer> answers,
            int parts, long seed) {
        Random rnd = new Random(seed);
        List<A> accs = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            accs.add(prototype.emptyCopy());
        }
        for (Answer a : answers) {
            feed(accs.get(rnd.nextInt(parts)), List.of(a));
        }
        // Combine in a random tree shape to exercise associativity.
        while (accs.size() > 1) {
            A x = accs.remove(rnd.nextInt(accs.size()));
            A y = accs.remove(rnd.nextInt(accs.size()));
            accs.add(rnd.nextBoolean() ? x.combine(y) : y.combine(x));
        }
        return accs.get(0);
    }

    @Property
    void unweightedCombineEqualsSinglePassExactly(@ForAll("unweighted") List<Answer> answers,
            @ForAll @IntRange(min = 1, max = 7) int parts, @ForAll long seed) {
        NetPromoterScore nps = NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.NEUTRAL);
        assertEquals(feed(nps.emptyCopy(), answers).result(), splitAndCombine(nps, answers, parts, seed).result());
        CustomerSatisfaction csat = CustomerSatisfaction.of(RatingScale.csat5(), MissingAnswerPolicy.EXCLUDE);
        assertEquals(feed(csat.emptyCopy(), answers).result(), splitAndCombine(csat, answers, parts, seed).result());
    }

    @Property
    void weightedCombineEqualsSinglePass(@ForAll("weighted") List<Answer> answers,
            @ForAll @IntRange(min = 1, max = 7) int parts, @ForAll long seed) {
        NetPromoterScore nps = NetPromoterScore.create();
        NpsResult single = feed(nps.emptyCopy(), answers).result();
        NpsResult merged = splitAndCombine(nps, answers, parts, seed).result();
        assertEquals(single.n(), merged.n());
        assertEquals(single.missing(), merged.missing());
        assertEquals(single.promoters(), merged.promoters());
        assertEquals(single.detractors(), merged.detractors());
        assertClose(single.estimate(), merged.estimate());
        assertClose(single.standardError(), merged.standardError());
        assertClose(single.effectiveN(), merged.effectiveN());
        CustomerEffort ces = CustomerEffort.create();
        CesResult a = feed(ces.emptyCopy(), answers).result();
        CesResult b = splitAndCombine(ces, answers, parts, seed).result();
        assertEquals(a.n(), b.n());
        assertClose(a.estimate(), b.estimate());
        assertClose(a.standardError(), b.standardError());
        assertClose(a.percentAgree(), b.percentAgree());
    }

    @Property
    void resultIsIndependentOfOrder(@ForAll("weighted") List<Answer> answers, @ForAll long seed) {
        List<Answer> shuffled = new ArrayList<>(answers);
        Collections.shuffle(shuffled, new Random(seed));
        NpsResult a = feed(NetPromoterScore.create(), answers).result();
        NpsResult b = feed(NetPromoterScore.create(), shuffled).result();
        assertEquals(a.n(), b.n());
        assertClose(a.estimate(), b.estimate());
        assertClose(a.standardError(), b.standardError());
        CsatResult c = feed(CustomerSatisfaction.create(), answers).result();
        CsatResult d = feed(CustomerSatisfaction.create(), shuffled).result();
        assertClose(c.estimate(), d.estimate());
        assertClose(c.rating().standardError(), d.rating().standardError());
    }

    @Property
    void npsIsBoundedAndIntervalsContainTheEstimate(@ForAll("weighted") @Size(min = 1) List<Answer> answers) {
        NpsResult r = feed(NetPromoterScore.create(), answers).result();
        if (r.n() == 0) {
            return;
        }
        assertTrue(r.estimate() >= -100 && r.estimate() <= 100, r::toString);
        for (NpsInterval m : NpsInterval.values()) {
            var ci = r.interval(m, 0.95);
            if (Double.isNaN(ci.lower())) {
                // Only a single weighted answer has no linearization standard error.
                assertTrue(r.n() == 1 && r.weighted(), r::toString);
                continue;
            }
            assertTrue(ci.lower() >= -100 && ci.upper() <= 100, ci::toString);
        }
        var wald = r.interval(NpsInterval.WALD, 0.95);
        if (r.n() > 1 || !r.weighted()) {
            assertTrue(wald.lower() <= r.estimate() + 1e-9 && r.estimate() <= wald.upper() + 1e-9, wald::toString);
        }
        CsatResult c = feed(CustomerSatisfaction.create(), answers).result();
        assertTrue(c.estimate() >= 0 && c.estimate() <= 100);
        assertTrue(c.interval().lower() >= 0 && c.interval().upper() <= 100);
    }

    @Property
    void encodingRoundTrips(@ForAll("weighted") List<Answer> answers, @ForAll boolean weightedData) {
        List<Answer> input = weightedData ? answers
                : answers.stream().map(a -> new Answer(a.score(), 0)).toList();
        NetPromoterScore nps = feed(NetPromoterScore.create(), input);
        assertEquals(nps.result(), NetPromoterScore.decode(nps.encode()).result());
        CustomerSatisfaction csat = feed(CustomerSatisfaction.of(RatingScale.csat10(), MissingAnswerPolicy.NEUTRAL), input);
        assertEquals(csat.result(), CustomerSatisfaction.decode(csat.encode()).result());
        CustomerEffort ces = feed(CustomerEffort.create(), input);
        assertEquals(ces.result(), CustomerEffort.decode(ces.encode()).result());
        // A decoded accumulator keeps accumulating like the original.
        NetPromoterScore again = NetPromoterScore.decode(nps.encode());
        again.accept(10);
        nps.accept(10);
        assertEquals(nps.result(), again.result());
    }

    private static void assertClose(double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), () -> "expected NaN, got " + actual);
            return;
        }
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }
}
