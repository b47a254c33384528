package io.cxkit.survey.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.MeanEstimate;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.ReferenceTables;
import io.cxkit.survey.NpsBands;
import io.cxkit.survey.RatingScale;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outcome linkage against R ({@code reference/outcomes.R}: {@code t.test}, {@code prop.test},
 * delta-method and Katz closed forms; relative tolerance 1e-9) and statsmodels'
 * {@code Table2x2.riskratio_confint} ({@code outcomes_rr.py}, 1e-9).
 */
class OutcomeLinkageTest {

    private static OutcomeLinkage[] feed(List<ReferenceTables.Row> rows, int parts) {
        OutcomeLinkage[] spend = new OutcomeLinkage[parts];
        OutcomeLinkage[] retained = new OutcomeLinkage[parts];
        for (int k = 0; k < parts; k++) {
            spend[k] = OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.DETRACTOR);
            retained[k] = OutcomeLinkage.of(OutcomeKind.BINARY, "retained", OutcomeLinkage.DETRACTOR);
        }
        int i = 0;
        for (ReferenceTables.Row r : rows) {
            String g = OutcomeLinkage.npsGroup(r.i("nps"));
            spend[i % parts].accept(g, r.d("spend"));
            retained[i % parts].accept(g, r.i("retained") == 1);
            i++;
        }
        for (int k = 1; k < parts; k++) {
            spend[0].combine(spend[k]);
            retained[0].combine(retained[k]);
        }
        return new OutcomeLinkage[] {spend[0], retained[0]};
    }

    @Test
    void matchesRAndStatsmodels() {
        List<ReferenceTables.Row> data = ReferenceTables.load("outcomes.csv");
        assertEquals(400, data.size());
        OutcomeLinkage[] l = feed(data, 1);
        OutcomeLinkageResult spend = l[0].result();
        OutcomeLinkageResult retained = l[1].result();
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : ReferenceTables.load("outcomes_reference.csv")) {
            String g = r.s("group");
            String key = r.s("key");
            double v = r.d("value");
            MeanEstimate m = (MeanEstimate) spend.group(g).estimate();
            ProportionEstimate p = (ProportionEstimate) retained.group(g).estimate();
            double actual = switch (key) {
                case "mean" -> m.mean();
                case "meanSE" -> m.standardError();
                case "meanLower" -> spend.group(g).interval().lower();
                case "meanUpper" -> spend.group(g).interval().upper();
                case "rate" -> p.estimate();
                case "n" -> p.n();
                case "retained" -> p.successes();
                case "meanDiff" -> spend.contrast(g).difference().difference();
                case "meanDiffP" -> spend.contrast(g).difference().pValue();
                case "meanDiffLower" -> spend.contrast(g).difference().interval().lower();
                case "meanDiffUpper" -> spend.contrast(g).difference().interval().upper();
                case "meanRatio" -> spend.contrast(g).ratio();
                case "meanRatioLower" -> spend.contrast(g).ratioInterval().lower();
                case "meanRatioUpper" -> spend.contrast(g).ratioInterval().upper();
                case "rateDiff" -> retained.contrast(g).difference().difference();
                case "rateDiffP" -> retained.contrast(g).difference().pValue();
                case "rateRatio" -> retained.contrast(g).ratio();
                case "rateRatioLower" -> retained.contrast(g).ratioInterval().lower();
                case "rateRatioUpper" -> retained.contrast(g).ratioInterval().upper();
                default -> throw new IllegalArgumentException(key);
            };
            t.close(g + " " + key, v, actual, 1e-9);
        }
        for (ReferenceTables.Row r : ReferenceTables.load("outcomes_rr_statsmodels.csv")) {
            OutcomeContrast c = retained.contrast(r.s("group"));
            double actual = switch (r.s("key")) {
                case "rateRatio" -> c.ratio();
                case "rateRatioLower" -> c.ratioInterval().lower();
                default -> c.ratioInterval().upper();
            };
            t.close("statsmodels " + r.s("group") + " " + r.s("key"), r.d("value"), actual, 1e-9);
        }
        assertEquals(21 + 2 * 12 + 6, t.checks());
        t.assertNoFailures();
        String s = spend.toString();
        assertTrue(s.startsWith("Mean spend by group (reference detractor)"), s);
        assertTrue(s.contains("promoter vs detractor: ratio 2.14× (95% CI 1.66..2.75, delta method, log ratio)"), s);
        assertTrue(retained.toString().contains("Katz log risk ratio"), retained.toString());
    }

    @Test
    void combineEqualsSinglePassAndEncodeRoundTrips() {
        List<ReferenceTables.Row> data = ReferenceTables.load("outcomes.csv");
        OutcomeLinkage[] one = feed(data, 1);
        OutcomeLinkage[] three = feed(data, 3);
        for (int k = 0; k < 2; k++) {
            OutcomeLinkageResult a = one[k].result(0.9);
            OutcomeLinkageResult b = three[k].result(0.9);
            assertEquals(a.groups().size(), b.groups().size());
            for (int c = 0; c < a.contrasts().size(); c++) {
                assertEquals(a.contrasts().get(c).ratio(), b.contrasts().get(c).ratio(), 1e-12);
                assertEquals(a.contrasts().get(c).difference().pValue(),
                        b.contrasts().get(c).difference().pValue(), 1e-10);
            }
            OutcomeLinkage back = OutcomeLinkage.decode(one[k].encode());
            assertEquals(one[k].toString(), back.toString());
            assertEquals(one[k].result().toString(), back.result().toString());
            assertEquals(one[k].result().toString(), one[k].copy().result().toString());
        }
    }

    @Test
    void groupsAndEdgeCases() {
        assertEquals("promoter", OutcomeLinkage.npsGroup(9));
        assertEquals("passive", OutcomeLinkage.npsGroup(7));
        assertEquals("detractor", OutcomeLinkage.npsGroup(6));
        assertEquals("passive", OutcomeLinkage.npsGroup(6, new NpsBands(5, 9)));
        assertEquals("high", OutcomeLinkage.ratingBand(4, RatingScale.csat5()));
        assertEquals("neutral", OutcomeLinkage.ratingBand(3, RatingScale.csat5()));
        assertEquals("low", OutcomeLinkage.ratingBand(2, RatingScale.csat5()));
        assertThrows(IllegalArgumentException.class, () -> OutcomeLinkage.ratingBand(6, RatingScale.csat5()));
        assertThrows(IllegalArgumentException.class, () -> OutcomeLinkage.npsGroup(11));

        OutcomeLinkage spend = OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", "low");
        assertThrows(IllegalStateException.class, () -> spend.accept("low", true));
        assertThrows(IllegalArgumentException.class, () -> spend.accept(" ", 1.0));
        assertThrows(IllegalArgumentException.class, () -> spend.accept("low", 1.0, -1));
        spend.accept("high", 10, 2);
        spend.accept("high", 12, 1);
        // No reference data yet: groups but no contrasts.
        assertEquals(0, spend.result().contrasts().size());
        spend.accept("low", -5);
        spend.accept("low", 3);
        OutcomeContrast c = spend.result().contrast("high");
        assertTrue(Double.isNaN(c.ratio()), "ratio undefined for a non-positive reference mean");
        assertTrue(Double.isNaN(c.ratioInterval().lower()));
        assertThrows(IllegalArgumentException.class, () -> spend.result().contrast("low"));
        assertThrows(IllegalArgumentException.class, () -> spend.result().group("none"));

        OutcomeLinkage renewed = OutcomeLinkage.of(OutcomeKind.BINARY, "renewed", "low");
        assertThrows(IllegalStateException.class, () -> renewed.accept("low", 1.0));
        renewed.accept("low", false);
        renewed.accept("low", false);
        renewed.accept("high", true);
        OutcomeContrast r = renewed.result().contrast("high");
        assertTrue(Double.isNaN(r.ratio()));
        renewed.accept("low", true);
        renewed.accept("mid", false);
        OutcomeLinkageResult rr = renewed.result();
        assertEquals(3.0, rr.contrast("high").ratio(), 1e-12);
        assertTrue(Double.isNaN(rr.contrast("high").ratioInterval().lower()) == false);
        assertEquals(0.0, rr.contrast("mid").ratio(), 0);
        assertTrue(Double.isNaN(rr.contrast("mid").ratioInterval().lower()));
        assertThrows(IllegalArgumentException.class, () -> renewed.combine(spend));
        assertThrows(IllegalArgumentException.class,
                () -> renewed.combine(OutcomeLinkage.of(OutcomeKind.BINARY, "renewed", "high")));
        assertThrows(IllegalArgumentException.class, () -> OutcomeLinkage.of(OutcomeKind.NUMERIC, "", "x"));
        assertEquals("OutcomeLinkage[binary renewed vs reference low, groups=[high, low, mid]]",
                renewed.toString());
        assertEquals(renewed.result().toString(), OutcomeLinkage.decode(renewed.encode()).result().toString());
    }
}
