package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Comparison;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.trend.Alert;
import io.cxkit.survey.trend.ScoreTrend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 11: NPS inference at small n (one respondent, every answer in one group). */
class SmallSampleInferenceTest {

    private static NetPromoterScore nps(int... scores) {
        NetPromoterScore a = NetPromoterScore.create();
        for (int s : scores) {
            a.accept(s);
        }
        return a;
    }

    @Test
    void oneRespondentDoesNotGiveAnInfiniteZ() {
        NpsResult one = nps(10).result();
        assertEquals(0, one.standardError(), 0);
        // adjusted-Wald: m = 1, p~P = 1.75/4, p~D = 0.75/4 -> sqrt((0.625 - 0.0625) / 4) = 0.375
        assertEquals(37.5, one.adjustedStandardError(), 1e-12);
        NpsResult other = nps(0, 0, 0).result();
        Comparison c = one.compare(other, 0.95);
        // Before: SE 0 on both sides -> z = Infinity, p = 0. Now each side uses its adjusted-Wald SE.
        assertEquals(200 / Math.hypot(37.5, other.adjustedStandardError()), c.statistic(), 1e-12);
        assertTrue(c.pValue() > 0, c::toString);
        NpsResult mixed = nps(10, 0, 8, 9).result();
        assertEquals(mixed.standardError(), mixed.inferenceStandardError(), 0);
        assertEquals(200, c.difference(), 1e-12);
    }

    @Test
    void adjustedStandardErrorApproachesThePlainOne() {
        NetPromoterScore big = NetPromoterScore.create();
        for (int i = 0; i < 10_000; i++) {
            big.accept(i % 10 < 5 ? 10 : i % 10 < 7 ? 8 : 3);
        }
        NpsResult r = big.result();
        assertEquals(r.standardError(), r.adjustedStandardError(), 0.01 * r.standardError());
    }

    @Test
    void trendDoesNotAlertOnASegmentWithOneResponse() {
        ScoreTrend<NetPromoterScore, NpsResult> trend = ScoreTrend.of("NPS", NpsResult::compare);
        TimeBucket week = TimeGrain.WEEK.bucketOf(LocalDate.of(2026, 3, 2));
        NetPromoterScore many = NetPromoterScore.create();
        for (int i = 0; i < 400; i++) {
            many.accept(i % 2 == 0 ? 9 : 7);
        }
        // Before: the one-response segment (NPS -100, SE 0) was "significantly" below the rest.
        List<Alert> alerts = trend.close(week, Map.of("web", many, "kiosk", nps(0)));
        assertTrue(alerts.isEmpty(), alerts::toString);
        ScoreTrend<NetPromoterScore, NpsResult> lax = ScoreTrend.of("NPS", NpsResult::compare, 0.95, 0.05, 1);
        NetPromoterScore low = NetPromoterScore.create();
        for (int i = 0; i < 40; i++) {
            low.accept(0);
        }
        assertTrue(lax.close(week, Map.of("web", many, "kiosk", low)).stream()
                .anyMatch(a -> a.segment().equals("kiosk")), "a real difference with enough responses still alerts");
    }
}
