package io.cxkit.survey.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.InvalidInputException;
import io.cxkit.core.RollingWindow;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyQuestions;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link RollingSurveyScores}: kept weeks equal direct scores, trends fed as weeks close. */
class RollingSurveyScoresTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final List<String> TOUCHPOINTS = List.of("app", "checkout", "web");

    /** Eight weeks of responses in time order; checkout's NPS collapses in week 6. */
    private static List<SurveyResponse> responses(long seed) {
        Random rnd = new Random(seed);
        List<SurveyResponse> out = new ArrayList<>();
        for (int week = 0; week < 8; week++) {
            for (int i = 0; i < 300; i++) {
                String tp = TOUCHPOINTS.get(rnd.nextInt(3));
                Instant t = MONDAY.plus(Duration.ofDays(7L * week)).plusSeconds((long) i * 2000);
                int nps = tp.equals("checkout") && week == 6 ? rnd.nextInt(5) : 5 + rnd.nextInt(6);
                SurveyResponse r = SurveyResponse.of("r" + week + "-" + i, t).withAttribute("touchpoint", tp)
                        .withAttribute("plan", rnd.nextBoolean() ? "free" : "pro")
                        .withAnswer(SurveyQuestions.NPS, nps);
                if (rnd.nextInt(4) > 0) {
                    r = r.withAnswer(SurveyQuestions.CSAT, 1 + rnd.nextInt(5));
                }
                out.add(r.withAnswer(SurveyQuestions.CES, 1 + rnd.nextInt(7)));
            }
        }
        return out;
    }

    private static RollingSurveyScores live() {
        return RollingSurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint", "plan"),
                RollingWindow.of(4, TimeGrain.WEEK, UTC));
    }

    @Test
    void keptWeeksAndRollUpsEqualScoresFedDirectly() {
        List<SurveyResponse> all = responses(17);
        RollingSurveyScores live = live();
        for (SurveyResponse r : all) {
            assertTrue(live.accept(r));
        }
        List<TimeBucket> kept = live.window().periods();
        assertEquals(4, kept.size());
        assertEquals("2026-W17", kept.get(3).label());
        Set<String> keptLabels = kept.stream().map(TimeBucket::label).collect(Collectors.toSet());
        SurveyScores direct = SurveyScores.of(ScoreCard.create(), live.snapshotSegmentation());
        SurveyScores byTouchpoint = SurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"));
        SurveyScores byPlanAndWeek = SurveyScores.of(ScoreCard.create(),
                Segmentation.of("plan").period(TimeGrain.WEEK, UTC));
        for (SurveyResponse r : all) {
            if (keptLabels.contains(TimeGrain.WEEK.bucketOf(r.time().orElseThrow(), UTC).label())) {
                direct.accept(r);
                byTouchpoint.accept(r);
                byPlanAndWeek.accept(r);
            }
        }
        assertEquals(direct.result(), live.report());
        assertEquals(byTouchpoint.result().segments(), live.rollUp("touchpoint"));
        assertEquals(byPlanAndWeek.result().segments(), live.rollUp("plan", "period"));
        assertEquals(direct.result().overall(), live.rollUp().get(SegmentKey.overall()));
        assertEquals(0, live.lateResponses());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> live.rollUp("channel"));
        assertEquals("roll-up part 'channel' is not a key part; known parts: touchpoint, plan, period", e.getMessage());
    }

    @Test
    void trendsAreFedAsWeeksCloseSoAlertsFireAsDataArrives() {
        List<SurveyResponse> all = responses(5);
        RollingSurveyScores live = RollingSurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"),
                RollingWindow.of(4, TimeGrain.WEEK, UTC));
        TimeBucket week6 = TimeGrain.WEEK.bucketOf(MONDAY.plus(Duration.ofDays(42)), UTC);
        List<Alert> beforeClose = new ArrayList<>();
        List<Alert> afterClose = new ArrayList<>();
        for (SurveyResponse r : all) {
            live.accept(r);
            boolean week6Closed = live.window().isClosed(week6);
            (week6Closed ? afterClose : beforeClose).addAll(live.pollAlerts());
        }
        assertTrue(beforeClose.stream().noneMatch(a -> a.period().equals(week6)));
        List<Alert> checkoutDown = afterClose.stream().filter(a -> a.period().equals(week6)
                && a.segment().equals("checkout") && a.metric().equals("NPS")
                && a.kind() == Alert.Kind.PERIOD_OVER_PERIOD).toList();
        assertEquals(1, checkoutDown.size(), afterClose.toString());
        assertEquals(Alert.Direction.DOWN, checkoutDown.get(0).direction());
        // The last week closes from the clock, without further data.
        TimeBucket week7 = week6.next();
        assertFalse(live.window().isClosed(week7));
        live.advanceTo(MONDAY.plus(Duration.ofDays(56)));
        assertTrue(live.window().isClosed(week7));
        List<TrendPoint<NpsResult>> checkout = live.npsTrend().series("checkout");
        assertEquals(Math.max(4, ScoreTrend.BASELINE_PERIODS), checkout.size(), "history bounded");
        assertEquals(week7, checkout.get(checkout.size() - 1).period());
        assertEquals(live.npsTrend().lastPeriod(), live.csatTrend().lastPeriod());
        assertEquals(live.npsTrend().lastPeriod(), live.cesTrend().lastPeriod());
    }

    @Test
    void absorbingSnapshotsEqualsAcceptingAndLateDataIsCounted() {
        List<SurveyResponse> all = responses(9);
        RollingSurveyScores accepted = live();
        RollingSurveyScores absorbed = live();
        SurveyScores batch = SurveyScores.of(ScoreCard.create(), absorbed.snapshotSegmentation());
        for (int i = 0; i < all.size(); i++) {
            accepted.accept(all.get(i));
            batch.accept(all.get(i));
            if (i % 500 == 499 || i == all.size() - 1) {
                assertEquals(0, absorbed.absorb(batch));
                absorbed.advanceTo(all.get(i).time().orElseThrow());
                batch = SurveyScores.of(ScoreCard.create(), absorbed.snapshotSegmentation());
            }
        }
        assertEquals(accepted.report(), absorbed.report());
        SurveyResponse late = SurveyResponse.of("late", MONDAY).withAttribute("touchpoint", "web")
                .withAttribute("plan", "pro").withAnswer("nps", 10);
        assertFalse(accepted.accept(late));
        assertEquals(1, accepted.lateResponses());
        SurveyScores old = SurveyScores.of(ScoreCard.create(), absorbed.snapshotSegmentation());
        old.accept(late);
        old.accept(late.withAnswer("csat", 3));
        assertEquals(2, absorbed.absorb(old));
        assertEquals(2, absorbed.lateResponses());
        assertTrue(absorbed.toString().endsWith("2 late responses in 1 absorbed segments]"), absorbed.toString());
        assertEquals(accepted.report(), absorbed.report(), "late data changed nothing");
        assertThrows(IllegalArgumentException.class,
                () -> absorbed.absorb(SurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"))));
        InvalidInputException noTime = assertThrows(InvalidInputException.class,
                () -> accepted.accept(SurveyResponse.of("x", null).withAnswer("nps", 3)));
        assertTrue(noTime.getMessage().startsWith("respondent x has no time"), noTime.getMessage());
        InvalidInputException noPlan = assertThrows(InvalidInputException.class, () -> accepted.accept(
                SurveyResponse.of("y", MONDAY.plus(Duration.ofDays(60))).withAttribute("touchpoint", "web")));
        assertEquals("respondent y has no value for segment attribute 'plan'", noPlan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RollingSurveyScores.of(ScoreCard.create(),
                Segmentation.of("touchpoint").period(TimeGrain.DAY, UTC), RollingWindow.of(2,
                        TimeGrain.DAY, UTC)));
    }

    @Test
    void aDurationWindowBoundsTheTrendHistory() {
        RollingSurveyScores live = RollingSurveyScores.of(ScoreCard.create(), Segmentation.create(),
                RollingWindow.of(Duration.ofDays(14), TimeGrain.DAY, UTC).withLateness(Duration.ofHours(1)));
        for (int d = 0; d < 40; d++) {
            live.accept(SurveyResponse.of("r" + d, MONDAY.plus(Duration.ofHours(24L * d + 12))).withAnswer("nps", 9));
        }
        assertEquals(15, live.window().periods().size());
        assertTrue(live.npsTrend().series(ScoreTrend.ALL).size() <= 17);
        assertEquals(39, live.window().closedPeriods());
        assertEquals("history limit must be >= 1 period: 0", assertThrows(IllegalArgumentException.class,
                () -> live.npsTrend().withHistoryLimit(0)).getMessage());
    }
}
