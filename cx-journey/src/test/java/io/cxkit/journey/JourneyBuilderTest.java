package io.cxkit.journey;

import static io.cxkit.journey.Events.at;
import static io.cxkit.journey.Events.ev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.JourneyStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JourneyBuilderTest {

    @Test
    void unsortedInputWithTiesKeepsInputOrderForEqualTimes() {
        List<JourneyEvent> log = List.of(ev("a", 10, "cart"), ev("a", 0, "home"), ev("a", 10, "checkout"),
                ev("b", 5, "home"), ev("a", 5, "product"));
        List<CustomerJourney> js = JourneyBuilder.create().build(log);
        assertEquals(2, js.size());
        // cart and checkout tie at minute 10: input order (cart first) is kept
        assertEquals(List.of("home", "product", "cart", "checkout"), js.get(0).path());
        assertEquals(List.of("home"), js.get(1).path());
        assertEquals(Duration.ofMinutes(10), js.get(0).duration());
        assertEquals(Duration.ZERO, js.get(1).duration(), "single-event journey");
    }

    @Test
    void emptyLogGivesNoJourneys() {
        assertEquals(List.of(), JourneyBuilder.create().splitOnInactivity(Duration.ofHours(1))
                .build(List.of()));
    }

    @Test
    void inactivityGapCutsOnlyWhenStrictlyLonger() {
        List<JourneyEvent> log = List.of(ev("a", 0, "x"), ev("a", 30, "y"), ev("a", 91, "z"), ev("a", 60, "w"));
        // sorted: 0 x, 30 y, 60 w, 91 z; gaps 30, 30, 31; limit 30 → cut only before z
        List<CustomerJourney> js = JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30))
                .build(log);
        assertEquals(2, js.size());
        assertEquals(List.of("x", "y", "w"), js.get(0).path());
        assertEquals(List.of("z"), js.get(1).path());
    }

    @Test
    void outcomeEndsJourneyAndBecomesItsOutcome() {
        List<JourneyEvent> log = List.of(ev("a", 0, "home"), ev("a", 1, "checkout").withOutcome("purchased"),
                ev("a", 2, "home"), ev("a", 3, "faq").withOutcome("viewed"), ev("a", 4, "cancel").withOutcome("churned"));
        List<CustomerJourney> any = JourneyBuilder.create().splitOnOutcome().build(log);
        assertEquals(3, any.size());
        assertEquals(Optional.of("purchased"), any.get(0).outcome());
        assertEquals(Optional.of("viewed"), any.get(1).outcome());
        assertEquals(List.of("cancel"), any.get(2).path());
        List<CustomerJourney> some = JourneyBuilder.create().splitOnOutcome(Set.of("purchased", "churned"))
                .build(log);
        assertEquals(2, some.size());
        assertEquals(List.of("home", "faq", "cancel"), some.get(1).path());
        assertEquals(Optional.of("churned"), some.get(1).outcome());
    }

    @Test
    void caseIdGroupsEventsAndEventsWithoutCaseFormTheirOwnJourney() {
        List<JourneyEvent> log = List.of(ev("a", 0, "chat").withCaseId("T1"), ev("a", 1, "home"),
                ev("a", 2, "phone").withCaseId("T2"), ev("a", 3, "email").withCaseId("T1"));
        List<CustomerJourney> js = JourneyBuilder.create().byCase().build(log);
        assertEquals(3, js.size());
        assertEquals(Optional.of("T1"), js.get(0).caseId());
        assertEquals(List.of("chat", "email"), js.get(0).path());
        assertEquals(Optional.empty(), js.get(1).caseId());
        assertEquals(Optional.of("T2"), js.get(2).caseId());
        assertTrue(js.get(0).toString().startsWith("CustomerJourney[a case T1, 2 events"), js.get(0).toString());
    }

    @Test
    void factsByHand() {
        List<JourneyEvent> log = List.of(
                ev("a", 0, "faq", Channel.WEB).withStage(JourneyStage.SUPPORT),
                ev("a", 5, "chat", Channel.CHAT).withStage(JourneyStage.SUPPORT),          // switch, web unresolved
                ev("a", 20, "hotline", Channel.PHONE).withOutcome("resolved"),             // switch, chat unresolved
                ev("a", 40, "faq", Channel.WEB).withStage(JourneyStage.AWARENESS),         // switch after resolved, loop
                ev("a", 41, "faq", Channel.WEB));                                          // loop
        CustomerJourney j = JourneyBuilder.create().build(log).get(0);
        assertEquals(5, j.touchpointCount());
        assertEquals(3, j.distinctTouchpoints());
        assertEquals(2, j.loops());
        assertEquals(Map.of("faq", 2), j.repeatedTouchpoints());
        assertEquals(3, j.channelSwitches());
        assertEquals(2, j.crossChannelRecontacts());
        assertEquals(3, j.crossChannelRecontacts(Set.of()));
        assertEquals(List.of(JourneyStage.AWARENESS, JourneyStage.SUPPORT), j.stagesReached());
        assertEquals(Duration.ofMinutes(41), j.duration());
        assertEquals(Optional.of("resolved"), j.outcome());
        assertEquals(List.of(Channel.WEB, Channel.CHAT, Channel.PHONE), j.channels());
        JourneyFacts f = j.facts();
        assertEquals(new JourneyFacts("a", at(0), Duration.ofMinutes(41), 5, 3, 2, 3, 2,
                List.of(JourneyStage.AWARENESS, JourneyStage.SUPPORT), Optional.of("resolved")), f);
    }

    @Test
    void shuffledInputGivesTheSameJourneys() {
        Random r = new Random(7);
        List<JourneyEvent> log = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            log.add(ev("c" + r.nextInt(10), r.nextInt(5000), "t" + r.nextInt(4)).withCaseId("k" + r.nextInt(3)));
        }
        // make times unique so that any shuffle has one sorted order
        List<JourneyEvent> unique = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            JourneyEvent e = log.get(i);
            unique.add(new JourneyEvent(e.customerId(), e.time().plusNanos(i), e.touchpoint(), e.channel(),
                    e.stage(), e.outcome(), e.value(), e.caseId()));
        }
        JourneyBuilder b = JourneyBuilder.create().byCase().splitOnInactivity(Duration.ofMinutes(400));
        List<CustomerJourney> expected = b.build(unique);
        Collections.shuffle(unique, r);
        assertEquals(expected, b.build(unique));
    }

    @Test
    void badInputGivesClearErrors() {
        assertEquals("event customerId must not be missing or blank: null",
                assertThrows(IllegalArgumentException.class,
                        () -> JourneyEvent.of(null, at(0), "x", Channel.WEB)).getMessage());
        assertEquals("event customerId must not be missing or blank: ' '",
                assertThrows(IllegalArgumentException.class,
                        () -> JourneyEvent.of(" ", at(0), "x", Channel.WEB)).getMessage());
        assertEquals("event time must not be missing: null (customer c1)",
                assertThrows(IllegalArgumentException.class,
                        () -> JourneyEvent.of("c1", null, "x", Channel.WEB)).getMessage());
        assertEquals("event value must be finite: NaN",
                assertThrows(IllegalArgumentException.class, () -> ev("a", 0, "x").withValue(Double.NaN))
                        .getMessage());
        assertEquals("inactivity gap must be > 0: PT-1M", assertThrows(IllegalArgumentException.class,
                () -> JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(-1))).getMessage());
        List<JourneyEvent> withNull = new ArrayList<>();
        withNull.add(ev("a", 0, "x"));
        withNull.add(null);
        assertEquals("events[1] must not be null", assertThrows(NullPointerException.class,
                () -> JourneyBuilder.create().build(withNull)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CustomerJourney.of("a", List.of(ev("b", 0, "x"))));
        assertThrows(IllegalArgumentException.class, () -> CustomerJourney.of("a", List.of()));
    }
}
