package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.SegmentKey;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SurveyScoresTest {

    private static final Segmentation BY_TOUCHPOINT_MONTH =
            Segmentation.of("touchpoint").period(TimeGrain.MONTH, ZoneId.of("UTC"));

    static List<SurveyResponse> responses(int n, long seed) {
        Random rnd = new Random(seed);
        String[] tps = {"checkout", "support", "onboarding"};
        List<SurveyResponse> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SurveyResponse r = SurveyResponse.of("r" + i,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(rnd.nextInt(90 * 86400)))
                    .withAttribute("touchpoint", tps[rnd.nextInt(tps.length)]);
            if (rnd.nextInt(10) > 0) {
                r = r.withAnswer("nps", rnd.nextInt(11));
            }
            if (rnd.nextInt(10) > 1) {
                r = r.withAnswer("csat", 1 + rnd.nextInt(5));
            }
            if (rnd.nextBoolean()) {
                r = r.withAnswer("ces", 1 + rnd.nextInt(7));
            }
            if (rnd.nextInt(4) == 0) {
                r = r.withWeight(0.2 + 3 * rnd.nextDouble());
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void segmentsMatchDirectAccumulation() {
        List<SurveyResponse> rs = responses(500, 1);
        SurveyScores scores = SurveyScores.of(ScoreCard.create(), BY_TOUCHPOINT_MONTH);
        rs.forEach(scores::accept);
        SurveyScoresResult report = scores.result();
        assertEquals(9, report.segments().size());
        NetPromoterScore direct = NetPromoterScore.create();
        long csatMissing = 0;
        for (SurveyResponse r : rs) {
            boolean inSegment = r.attributes().get("touchpoint").equals("support")
                    && r.time().orElseThrow().toString().startsWith("2026-02");
            if (!inSegment) {
                continue;
            }
            Integer a = r.answers().get("nps");
            if (a == null) {
                direct.acceptMissing();
            } else if (r.weight().isPresent()) {
                direct.accept(a, r.weight().getAsDouble());
            } else {
                direct.accept(a);
            }
            csatMissing += r.answers().containsKey("csat") ? 0 : 1;
        }
        ScoreCardResult feb = report.segments().get(SegmentKey.of("support", "2026-02"));
        // a segment is a domain of the whole sample (issue 10 item 8): the direct accumulator's
        // result as a domain of all the NPS answers
        assertEquals(direct.result().inDomainOf(report.overall().nps().n()), feb.nps());
        assertEquals(csatMissing, feb.csat().missing());
        long total = report.segments().asMap().values().stream().mapToLong(c -> c.nps().n()).sum();
        assertEquals(report.overall().nps().n(), total);
        assertEquals(rs.size(), report.overall().nps().n() + report.overall().nps().missing());
        assertTrue(report.toString().contains("support|2026-02: NPS "), report::toString);
    }

    @Property(tries = 50)
    void combineEqualsSinglePass(@ForAll @IntRange(min = 1, max = 5) int parts, @ForAll long seed) {
        List<SurveyResponse> rs = responses(120, seed);
        SurveyScores single = SurveyScores.of(ScoreCard.create(), BY_TOUCHPOINT_MONTH);
        rs.forEach(single::accept);
        List<SurveyScores> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            split.add(single.emptyCopy());
        }
        Random rnd = new Random(seed);
        rs.forEach(r -> split.get(rnd.nextInt(parts)).accept(r));
        SurveyScores merged = split.get(0);
        for (int i = 1; i < parts; i++) {
            merged.combine(split.get(i));
        }
        SurveyScoresResult a = single.result();
        SurveyScoresResult b = merged.result();
        assertEquals(a.segments().keys(), b.segments().keys());
        for (SegmentKey k : a.segments().keys()) {
            NpsResult x = a.segments().get(k).nps();
            NpsResult y = b.segments().get(k).nps();
            assertEquals(x.n(), y.n());
            assertEquals(x.promoters(), y.promoters());
            assertEquals(x.estimate(), y.estimate(), 1e-9);
            assertEquals(x.standardError(), y.standardError(), 1e-9);
            assertEquals(a.segments().get(k).ces().estimate(), b.segments().get(k).ces().estimate(), 1e-9);
        }
        SurveyScores decoded = SurveyScores.decode(merged.encode());
        assertEquals(b, decoded.result());
    }

    @Test
    void badResponsesLeaveNothingBehind() {
        SurveyScores scores = SurveyScores.of(ScoreCard.create(), BY_TOUCHPOINT_MONTH);
        SurveyResponse bad = SurveyResponse.of("r4", Instant.parse("2026-01-05T00:00:00Z"))
                .withAttribute("touchpoint", "checkout").withAnswer("nps", 9).withAnswer("csat", 6);
        assertEquals("respondent r4: CSAT rating must be in [1, 5]: 6",
                assertThrows(IllegalArgumentException.class, () -> scores.accept(bad)).getMessage());
        SurveyResponse noTouchpoint = SurveyResponse.of("r5", Instant.parse("2026-01-05T00:00:00Z"))
                .withAnswer("nps", 9);
        assertEquals("respondent r5 has no value for segment attribute 'touchpoint'",
                assertThrows(IllegalArgumentException.class, () -> scores.accept(noTouchpoint)).getMessage());
        SurveyScoresResult r = scores.result();
        assertEquals(0, r.overall().nps().n());
        assertEquals(0, r.segments().size());
        assertEquals("weight of respondent r6 must be finite and > 0: NaN", assertThrows(IllegalArgumentException.class,
                () -> SurveyResponse.of("r6", null).withWeight(Double.NaN)).getMessage());
        assertEquals("respondent id must not be blank: ''",
                assertThrows(IllegalArgumentException.class, () -> SurveyResponse.of("", null)).getMessage());
    }

    @Test
    void unconfiguredScoresStayEmptyAndConfigurationsMustAgree() {
        ScoreCard strict = ScoreCard.of(SurveyQuestions.of("recommend", null, null), NetPromoterScore.create(),
                CustomerSatisfaction.create(), CustomerEffort.create());
        assertThrows(io.cxkit.core.InvalidInputException.class, () -> strict.accept(
                SurveyResponse.of("a", null).withAnswer("recommend", 10).withAnswer("csat", 2)));
        ScoreCard npsOnly = strict.allowingAnswers("csat");
        npsOnly.accept(SurveyResponse.of("a", null).withAnswer("recommend", 10).withAnswer("csat", 2));
        ScoreCardResult r = npsOnly.result();
        assertEquals(1, r.nps().n());
        assertEquals(0, r.csat().n());
        assertEquals(0, r.csat().missing());
        assertEquals(r, ScoreCard.decode(npsOnly.encode()).result());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> npsOnly.combine(ScoreCard.create()));
        assertTrue(e.getMessage().startsWith("cannot combine score cards with different questions"), e.getMessage());
        SurveyScores a = SurveyScores.of(ScoreCard.create(), Segmentation.of("channel"));
        SurveyScores b = SurveyScores.of(ScoreCard.create(), Segmentation.create());
        assertEquals("cannot combine survey scores with different segmentations: Segmentation[channel] vs "
                + "Segmentation[overall]", assertThrows(IllegalArgumentException.class, () -> a.combine(b)).getMessage());
        SurveyScores overallOnly = SurveyScores.of(ScoreCard.create(), Segmentation.create());
        overallOnly.accept(SurveyResponse.of("x", null).withAnswer("nps", 3));
        assertEquals(1, overallOnly.result().overall().nps().detractors());
        assertEquals(0, overallOnly.result().segments().size());
    }
}
