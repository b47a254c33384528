package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.core.Interval;
import io.cxkit.core.Moments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engines' row of a score result: fields and values in one order, numbers straight from the result. */
class ScoreRowTest {

    @Test
    void npsRowHoldsTheCountsAfterTheCommonFields() {
        NetPromoterScore nps = NetPromoterScore.create();
        for (int s : new int[] {10, 9, 8, 6, 10, 3}) {
            nps.accept(s, 1.5);
        }
        nps.acceptMissing(1.0);
        NpsResult r = nps.result();
        Interval ci = r.interval(0.9);
        assertArrayEquals(new Object[] {6L, 1L, r.estimate(), r.standardError(), ci.lower(), ci.upper(),
            r.effectiveN(), 3L, 1L, 2L}, ScoreRow.values(r, 0.9, true));
        assertEquals(List.of("n", "missing", "estimate", "standardError", "lower", "upper", "effectiveN", "promoters",
                "passives", "detractors"), ScoreRow.fields(SurveyAccumulatorKind.NPS, true).stream()
                .map(ScoreRow.Field::name).toList());
        assertEquals(Long.class, ScoreRow.fields(SurveyAccumulatorKind.NPS, false).get(6).type());
    }

    @Test
    void ratingRowsEndWithTheirOwnField() {
        CustomerSatisfaction csat = CustomerSatisfaction.create();
        csat.accept(5);
        csat.accept(2);
        CsatResult c = csat.result();
        Object[] v = ScoreRow.values(c, 0.95, false);
        assertEquals(7, v.length);
        assertEquals(c.rating().mean(), v[6]);
        assertEquals("meanRating", ScoreRow.fields(SurveyAccumulatorKind.CSAT, false).get(6).name());
        CustomerEffort ces = CustomerEffort.create();
        ces.accept(6);
        CesResult e = ces.result();
        assertEquals(e.percentAgree(), ScoreRow.values(e, 0.95, false)[6]);
        assertEquals(List.of("percentAgree"), ScoreRow.fields(SurveyAccumulatorKind.CES, false).subList(6, 7).stream()
                .map(ScoreRow.Field::name).toList());
    }

    @Test
    void otherKindsAndResultsAreRefusedByName() {
        assertEquals("a score row is for NPS, CSAT or CES: KEY_DRIVERS", assertThrows(IllegalArgumentException.class,
                () -> ScoreRow.fields(SurveyAccumulatorKind.KEY_DRIVERS, false)).getMessage());
        assertEquals("a score row is for an NPS, CSAT or CES result: io.cxkit.core.MeanEstimate",
                assertThrows(IllegalArgumentException.class,
                        () -> ScoreRow.values(Moments.create().result(), 0.95, false)).getMessage());
    }
}
