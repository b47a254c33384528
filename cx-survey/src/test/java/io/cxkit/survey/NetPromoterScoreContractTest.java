package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.SplittableRandom;

class NetPromoterScoreContractTest extends AccumulatorContractTest<NetPromoterScore, NpsResult> {
    @Override
    protected NetPromoterScore create() {
        return NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.NEUTRAL);
    }

    @Override
    protected void accept(NetPromoterScore acc, SplittableRandom random) {
        int k = random.nextInt(13);
        if (k == 11) {
            acc.acceptMissing();
        } else if (k == 12) {
            acc.accept(random.nextInt(11));
        } else {
            acc.accept(k, 0.25 + random.nextDouble(4));
        }
    }

    @Override
    protected NetPromoterScore decode(byte[] bytes) {
        return NetPromoterScore.decode(bytes);
    }

    @Override
    protected NetPromoterScore incompatible() {
        return NetPromoterScore.of(new NpsBands(5, 9), MissingAnswerPolicy.NEUTRAL);
    }

    @Override
    protected String goldenName() {
        return "nps";
    }

    @Override
    protected void assertPossible(NetPromoterScore acc) {
        NpsResult r = acc.result();
        assertEstimate(r, -100, 100);
        assertEquals(r.n(), r.promoters() + r.passives() + r.detractors());
        assertTrue(r.missing() >= 0);
        if (r.n() > 0) {
            assertTrue(r.promoterShare() >= 0 && r.promoterShare() <= 1 && r.detractorShare() >= 0
                    && r.detractorShare() <= 1, r::toString);
        }
    }
}
