package io.cxkit.survey;

import static io.cxkit.core.contract.AccumulatorContractTest.assertEstimate;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class ScoreCardContractTest extends AccumulatorContractTest<ScoreCard, ScoreCardResult> {
    @Override
    protected ScoreCard create() {
        return ScoreCard.create();
    }

    static SurveyResponse response(SplittableRandom random) {
        SurveyResponse r = SurveyResponse.of("r" + random.nextInt(1_000_000), SurveyScoresContractTest.someTime(random));
        if (random.nextInt(10) > 0) {
            r = r.withAnswer("nps", random.nextInt(11));
        }
        if (random.nextInt(10) > 1) {
            r = r.withAnswer("csat", 1 + random.nextInt(5));
        }
        if (random.nextBoolean()) {
            r = r.withAnswer("ces", 1 + random.nextInt(7));
        }
        if (random.nextInt(3) == 0) {
            r = r.withWeight(0.2 + random.nextDouble(3));
        }
        return r;
    }

    @Override
    protected void accept(ScoreCard acc, SplittableRandom random) {
        acc.accept(response(random));
    }

    @Override
    protected ScoreCard decode(byte[] bytes) {
        return ScoreCard.decode(bytes);
    }

    @Override
    protected ScoreCard incompatible() {
        return ScoreCard.of(SurveyQuestions.of("ltr", "csat", null), NetPromoterScore.create(),
                CustomerSatisfaction.create(), CustomerEffort.create());
    }

    @Override
    protected String goldenName() {
        return "score-card";
    }

    @Override
    protected void assertPossible(ScoreCard acc) {
        assertPossible(acc.result());
    }

    static void assertPossible(ScoreCardResult r) {
        assertEstimate(r.nps(), -100, 100);
        assertEstimate(r.csat(), 0, 100);
        assertEstimate(r.ces(), r.ces().scale().min(), r.ces().scale().max());
    }
}
