package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.survey.drivers.KeyDrivers;
import io.cxkit.survey.outcomes.OutcomeKind;
import io.cxkit.survey.outcomes.OutcomeLinkage;
import io.cxkit.survey.outcomes.OutcomeLinkageResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11's hostile partial results in cx-survey, each reproduced as a regression test. */
class HostileEncodingTest {

    private static String message(Runnable r) {
        return assertThrows(CorruptEncodingException.class, r::run).getMessage();
    }

    /** An NPS encoding with the given counts per point and, if sums are given, weight sums. */
    private static byte[] nps(long[] counts, long missing, double[] sumW, double[] sumW2) {
        Encoding.Writer w = Encoding.writer("nps", 1).putInt(6).putInt(9).putString("EXCLUDE").putInt(0)
                .putLongs(counts).putLong(missing).putBoolean(sumW != null);
        if (sumW != null) {
            w.putDoubles(sumW).putDoubles(new double[11]).putDoubles(sumW2).putDoubles(new double[11]);
        }
        return w.toBytes();
    }

    @Test
    void npsWithImpossibleWeightSumsOrCountsIsRejected() {
        long[] counts = new long[11];
        counts[10] = 2;
        counts[0] = 1;
        double[] sw = new double[11];
        double[] sw2 = new double[11];
        sw[10] = 2;
        sw2[10] = 2;
        sw[0] = -0.1; // before: NPS 110.5 with 105% promoters
        sw2[0] = 0.01;
        assertTrue(message(() -> NetPromoterScore.decode(nps(counts, 0, sw, sw2))).contains("scale point 0"));
        sw[0] = Double.NaN;
        assertTrue(message(() -> NetPromoterScore.decode(nps(counts, 0, sw, sw2))).contains("non-finite"));
        assertEquals("encoded 'nps' has a negative missing count: -3",
                message(() -> NetPromoterScore.decode(nps(counts, -3, null, null))));
        counts[5] = -1;
        assertTrue(message(() -> NetPromoterScore.decode(nps(counts, 0, null, null))).contains("negative count"));
        sw[0] = 1;
        sw2[0] = 1;
        counts[5] = 0;
        assertEquals(NetPromoterScore.decode(nps(counts, 0, sw, sw2)).result().estimate(), 100.0 / 3, 1e-9);
    }

    @Test
    void keyDriversWithANonPsdMatrixIsRejected() {
        // Before: decoded, and result() reported R² = 1996.
        double[] co = {10, 9, 9, 9, 10, -9, 9, -9, 10};
        byte[] bad = Encoding.writer("key-drivers", 1).putString("y").putInt(2).putString("a").putString("b")
                .putLong(50).putLong(0).putBoolean(false).putDouble(50).putDoubles(new double[] {1, 2, 3})
                .putDoubles(co).toBytes();
        assertTrue(message(() -> KeyDrivers.decode(bad)).contains("not positive semi-definite"));
        double[] asymmetric = {10, 1, 0, 2, 10, 0, 0, 0, 10};
        byte[] bad2 = Encoding.writer("key-drivers", 1).putString("y").putInt(2).putString("a").putString("b")
                .putLong(50).putLong(0).putBoolean(false).putDouble(50).putDoubles(new double[] {1, 2, 3})
                .putDoubles(asymmetric).toBytes();
        assertTrue(message(() -> KeyDrivers.decode(bad2)).contains("not symmetric"));
    }

    @Test
    void surveyScoresWhoseSegmentsDoNotAddUpAreRejected() {
        SurveyScores s = SurveyScores.of(ScoreCard.create(), io.cxkit.core.Segmentation.of("tp"));
        s.accept(SurveyResponse.of("r1", null).withAttribute("tp", "web").withAnswer("nps", 9));
        byte[] ok = s.encode();
        SurveyScores.decode(ok);
        SurveyScores other = SurveyScores.of(ScoreCard.create(), io.cxkit.core.Segmentation.of("tp"));
        other.accept(SurveyResponse.of("r1", null).withAttribute("tp", "web").withAnswer("nps", 9));
        other.accept(SurveyResponse.of("r2", null).withAttribute("tp", "app").withAnswer("nps", 3));
        // splice: overall of 's' (1 answer) with the segments of 'other' (2 answers)
        Encoding.Reader a = Encoding.reader(ok, "survey-scores", 1);
        Encoding.Reader b = Encoding.reader(other.encode(), "survey-scores", 1);
        Encoding.Writer w = Encoding.writer("survey-scores", 1).putInt(a.getInt()).putString(a.getString())
                .putString(a.getString()).putString(a.getString());
        b.getInt();
        b.getString();
        b.getString();
        b.getString();
        b.getBytes();
        byte[] spliced = w.putBytes(a.getBytes()).putBytes(b.getBytes()).toBytes();
        assertTrue(message(() -> SurveyScores.decode(spliced)).contains("do not add up"));
    }

    @Test
    void constantGroupsDoNotBreakOutcomeLinkage() {
        // Found by the fuzz: two groups with no variance made result() throw from Welch's test.
        OutcomeLinkage l = OutcomeLinkage.of(OutcomeKind.NUMERIC, "spend", OutcomeLinkage.DETRACTOR);
        for (int i = 0; i < 3; i++) {
            l.accept(OutcomeLinkage.DETRACTOR, 5);
            l.accept(OutcomeLinkage.PROMOTER, 5);
        }
        OutcomeLinkageResult r = l.result();
        assertEquals(2, r.groups().size());
        assertEquals(List.of(), r.contrasts());
    }
}
