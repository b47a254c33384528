package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.SegmentKey;
import io.cxkit.survey.trend.Alert;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyScores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link LiveServiceExample} for about two seconds and checks what the service ended with. */
class LiveServiceExampleTest {

    @Test
    void theServiceLoopCountsEverythingOnceAndAlertsWhenCheckoutDrops() throws InterruptedException {
        List<LiveServiceExample.Message> traffic = LiveServiceExample.traffic(7, 6);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        LiveServiceExample.Outcome o;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            o = LiveServiceExample.run(traffic, Duration.ofMillis(1500), Duration.ofMillis(250), out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);

        // Every answer is either in the rolling scores (all 6 days are within the 7 kept) or counted late.
        SurveyScoresResult report = o.scores().report();
        long counted = report.overall().nps().n();
        assertEquals(o.answers(), counted + o.scores().lateResponses(), printed);
        if (o.scores().lateResponses() == 0) {
            SurveyScores direct = SurveyScores.of(ScoreCard.create(), o.scores().snapshotSegmentation());
            traffic.stream().filter(m -> m instanceof LiveServiceExample.Answer)
                    .forEach(m -> direct.accept(((LiveServiceExample.Answer) m).response()));
            assertEquals(direct.result(), report);
        }

        // Journeys: each customer's events reach one consumer in order, so nothing is late and the
        // funnel equals the batch funnel over the same events.
        assertEquals(0, o.lateEvents());
        List<JourneyEvent> events = traffic.stream().filter(m -> m instanceof LiveServiceExample.Event)
                .map(m -> ((LiveServiceExample.Event) m).event()).toList();
        assertEquals(o.events(), events.size());
        assertEquals(LiveServiceExample.FUNNEL.run(LiveServiceExample.RULES.build(events)), o.funnel());

        // Checkout's NPS collapses on day 4 (2026-03-06): an alert fires when that day closes.
        assertTrue(o.alerts().stream().anyMatch(a -> a.segment().equals("checkout") && a.metric().equals("NPS")
                && a.period().label().equals("2026-03-06") && a.direction() == Alert.Direction.DOWN), printed);
        assertTrue(o.ticks() >= 3, printed);
        assertTrue(printed.contains("[tick 1]"), printed);
        assertTrue(printed.contains("  funnel: "), printed);
        assertTrue(printed.contains("ALERT NPS 2026-03-06 [checkout]: down"), printed);
        assertEquals(List.of(SegmentKey.of("app"), SegmentKey.of("checkout"), SegmentKey.of("web")),
                o.scores().rollUp("touchpoint").keys());
    }
}
