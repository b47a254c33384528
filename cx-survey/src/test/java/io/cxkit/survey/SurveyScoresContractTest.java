package io.cxkit.survey;

import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.core.contract.AccumulatorContractTest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

class SurveyScoresContractTest extends AccumulatorContractTest<SurveyScores, SurveyScoresResult> {
    private static final String[] TOUCHPOINTS = {"checkout", "support", "onboarding"};

    @Override
    protected SurveyScores create() {
        return SurveyScores.of(ScoreCard.create(),
                Segmentation.of("touchpoint").period(TimeGrain.MONTH, ZoneId.of("Europe/Berlin")));
    }

    @Override
    protected void accept(SurveyScores acc, SplittableRandom random) {
        acc.accept(ScoreCardContractTest.response(random)
                .withAttribute("touchpoint", TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)]));
    }

    @Override
    protected SurveyScores decode(byte[] bytes) {
        return SurveyScores.decode(bytes);
    }

    @Override
    protected SurveyScores incompatible() {
        return SurveyScores.of(ScoreCard.create(), Segmentation.of("channel"));
    }

    @Override
    protected String goldenName() {
        return "survey-scores";
    }

    @Override
    protected int observations() {
        return 120;
    }

    @Override
    protected void assertPossible(SurveyScores acc) {
        SurveyScoresResult r = acc.result();
        ScoreCardContractTest.assertPossible(r.overall());
        r.segments().asMap().values().forEach(ScoreCardContractTest::assertPossible);
    }

    static Instant someTime(SplittableRandom random) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(90 * 86400));
    }
}
