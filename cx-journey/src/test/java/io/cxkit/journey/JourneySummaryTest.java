package io.cxkit.journey;

import static io.cxkit.journey.Events.ev;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.ProportionEstimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneySummaryTest {

    @Test
    void byHandAndMerge() {
        // a: web → chat (unresolved) → web, faq twice (loop), 20 min, outcome resolved
        // b: one event, 0 min; c: web → phone after a resolved contact, 10 min, outcome churned
        List<CustomerJourney> js = JourneyBuilder.create().build(List.of(
                ev("a", 0, "faq").withStage(JourneyStage.SUPPORT), ev("a", 5, "chat", Channel.CHAT),
                ev("a", 20, "faq").withOutcome("resolved"),
                ev("b", 0, "home").withStage(JourneyStage.AWARENESS),
                ev("c", 0, "account").withOutcome("resolved"), ev("c", 10, "cancel", Channel.PHONE).withOutcome("churned")));
        JourneySummary all = JourneySummary.create();
        JourneySummary x = JourneySummary.create();
        JourneySummary y = JourneySummary.create();
        for (int i = 0; i < js.size(); i++) {
            all.accept(js.get(i));
            (i == 1 ? x : y).accept(js.get(i));
        }
        JourneySummaryResult r = all.result();
        assertEquals(3, r.journeys());
        assertEquals(ProportionEstimate.of(2, 3), r.channelSwitch());
        assertEquals(ProportionEstimate.of(1, 3), r.crossChannelRecontact());
        assertEquals(ProportionEstimate.of(1, 3), r.loop());
        assertEquals(Map.of("resolved", 1L, "churned", 1L), r.outcomes());
        assertEquals(Map.of("support", 1L, "awareness", 1L), r.stagesReached());
        assertEquals(600, r.duration().median(), 6);
        assertEquals(1200, r.duration().max());
        assertEquals(0, r.duration().min());
        assertEquals(r, JourneySummary.decode(x.encode()).combine(JourneySummary.decode(y.encode())).result());
        assertArrayEquals(all.encode(), JourneySummary.decode(all.encode()).encode());
        assertTrue(r.toString().contains("channel switch            66.7% ["), r.toString());
        assertEquals("Journeys[n=0, empty]", JourneySummary.create().result().toString());
    }
}
