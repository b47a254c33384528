package io.cxkit.journey.service;

import static io.cxkit.journey.Events.at;
import static io.cxkit.journey.service.TicketEventType.AGENT_REPLY;
import static io.cxkit.journey.service.TicketEventType.CUSTOMER_REPLY;
import static io.cxkit.journey.service.TicketEventType.REOPENED;
import static io.cxkit.journey.service.TicketEventType.SOLVED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeGrain;
import io.cxkit.journey.Events;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Service metrics by hand (minutes after T0, elapsed time, 7-day repeat window).
 *
 * <pre>
 * T1 c1 email/billing: created 0, bot reply 1, agent 30, customer 40, agent 100, solved 120
 *    FRT 30 (bot ignored), wait 30 + 60 = 90, resolution 120, FCR (c1's next ticket is 10 days later)
 * T2 c2 chat/support:  created 0, agent 5, solved 20, reopened 60, agent 70, solved 90
 *    FRT 5, wait 5 + 10 = 15, resolution 90, reopened, repeat (T4 within 7 days of the solve)
 * T3 c1 email:         created 14400 (day 10), agent 14600, never solved
 *    FRT 200, wait 200, no resolution
 * T4 c2 chat:          created 1000, solved 1010 → no response, wait 10, resolution 10, FCR
 * </pre>
 */
class ServiceMetricsTest {
    static TicketEvent e(String ticket, String customer, long minute, TicketEventType type) {
        return TicketEvent.of(ticket, customer, at(minute), type);
    }

    static final List<TicketEvent> LOG = List.of(
            TicketEvent.of("T1", "c1", at(0), TicketEventType.CREATED).withChannel(Channel.EMAIL).withTeam("billing"),
            e("T1", "c1", 1, AGENT_REPLY).byBot(), e("T1", "c1", 30, AGENT_REPLY), e("T1", "c1", 40, CUSTOMER_REPLY),
            e("T1", "c1", 100, AGENT_REPLY), e("T1", "c1", 120, SOLVED),
            TicketEvent.of("T2", "c2", at(0), TicketEventType.CREATED).withChannel(Channel.CHAT).withTeam("support"),
            e("T2", "c2", 5, AGENT_REPLY), e("T2", "c2", 20, SOLVED), e("T2", "c2", 60, REOPENED),
            e("T2", "c2", 70, AGENT_REPLY), e("T2", "c2", 90, SOLVED),
            TicketEvent.of("T3", "c1", at(14400), TicketEventType.CREATED).withChannel(Channel.EMAIL),
            e("T3", "c1", 14600, AGENT_REPLY),
            e("T4", "c2", 1010, SOLVED), // listed before its creation event: input order does not matter
            TicketEvent.of("T4", "c2", at(1000), TicketEventType.CREATED).withChannel(Channel.CHAT));

    static final ServiceMetrics METRICS = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1))
            .resolutionTarget(Duration.ofMinutes(100)).build();

    @Test
    void perTicketFactsByHand() {
        List<TicketFacts> t = METRICS.tickets(LOG);
        assertEquals(List.of("T1", "T2", "T4", "T3"), t.stream().map(TicketFacts::ticketId).toList());
        TicketFacts t1 = t.get(0);
        assertEquals(new TicketFacts("T1", "c1", at(0), Optional.of(Channel.EMAIL), Optional.of("billing"),
                Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(120)), Duration.ofMinutes(90),
                true, 0, false, true), t1);
        TicketFacts t2 = t.get(1);
        assertEquals(Optional.of(Duration.ofMinutes(5)), t2.firstResponse());
        assertEquals(Optional.of(Duration.ofMinutes(90)), t2.resolution());
        assertEquals(Duration.ofMinutes(15), t2.requesterWait());
        assertEquals(1, t2.reopens());
        assertTrue(t2.repeatContact());
        TicketFacts t4 = t.get(2);
        assertEquals(Optional.empty(), t4.firstResponse());
        assertEquals(Duration.ofMinutes(10), t4.requesterWait());
        assertTrue(t4.firstContactResolved());
        TicketFacts t3 = t.get(3);
        assertEquals(Optional.empty(), t3.resolution());
        assertEquals(Duration.ofMinutes(200), t3.requesterWait());
    }

    @Test
    void aggregateByHand() {
        ServiceMetricsResult r = METRICS.run(LOG);
        assertEquals(4, r.tickets());
        assertEquals(3, r.solved());
        assertEquals(ProportionEstimate.of(2, 3), r.firstContactResolution());
        assertEquals(ProportionEstimate.of(1, 4), r.repeatContact());
        assertEquals(ProportionEstimate.of(1, 4), r.reopen());
        assertEquals(ProportionEstimate.of(2, 3), r.firstResponseSla()); // 30 and 5 min within 1 h; 200 not
        assertEquals(ProportionEstimate.of(2, 3), r.resolutionSla());    // 90 and 10 within 100 min; 120 not
        assertEquals(3, r.firstResponse().n());
        assertEquals(1800, r.firstResponse().median(), 18);              // {300, 1800, 12000} s
        assertEquals(12000, r.firstResponse().max());
        assertEquals(4, r.requesterWait().n());
        assertEquals(900, r.requesterWait().median(), 9);                // {600, 900, 5400, 12000}: rank 1
        String s = r.toString();
        assertTrue(s.startsWith("Service metrics: 4 tickets, 3 solved"), s);
        assertTrue(s.contains("first-contact resolution     66.7% ["), s);
    }

    @Test
    void botRepliesCountOnlyWhenAsked() {
        ServiceMetrics bots = ServiceMetrics.builder().countBotReplies(true).build();
        TicketFacts t1 = bots.tickets(LOG).get(0);
        assertEquals(Optional.of(Duration.ofMinutes(1)), t1.firstResponse());
        assertEquals(Duration.ofMinutes(61), t1.requesterWait());
        assertEquals(ProportionEstimate.empty(), bots.run(LOG).firstResponseSla(), "no target, no SLA");
    }

    @Test
    void segmentsByChannelTeamAndPeriod() {
        SegmentedResult<ServiceMetricsResult> byChannel = METRICS.bySegment(LOG, TicketFacts.byChannel());
        assertEquals(List.of(SegmentKey.of("chat"), SegmentKey.of("email")), byChannel.keys());
        assertEquals(2, byChannel.get(SegmentKey.of("chat")).solved());
        assertEquals(1, byChannel.get(SegmentKey.of("email")).solved());
        SegmentedResult<ServiceMetricsResult> byTeam = METRICS.bySegment(LOG, TicketFacts.byTeam());
        assertEquals(2, byTeam.get(SegmentKey.of("(none)")).tickets());
        SegmentedResult<ServiceMetricsResult> byDay = METRICS.bySegment(LOG, TicketFacts.byPeriod(TimeGrain.DAY, ZoneOffset.UTC));
        // T4 at minute 1000 is 01:40 on the next day
        assertEquals(List.of(SegmentKey.of("2026-03-02"), SegmentKey.of("2026-03-03"), SegmentKey.of("2026-03-12")),
                byDay.keys());
    }

    @Test
    void businessTimeFirstResponse() {
        BusinessCalendar cal = BusinessCalendar.builder(ZoneOffset.UTC).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .build();
        Instant fri = Instant.parse("2026-03-27T16:30:00Z");
        List<TicketEvent> log = List.of(TicketEvent.of("X", "c", fri, TicketEventType.CREATED),
                TicketEvent.of("X", "c", Instant.parse("2026-03-30T09:30:00Z"), AGENT_REPLY));
        TicketFacts x = ServiceMetrics.builder().calendar(cal).build().tickets(log).get(0);
        assertEquals(Optional.of(Duration.ofHours(1)), x.firstResponse());
        assertEquals(Duration.ofHours(1), x.requesterWait());
    }

    @Test
    void shuffledInputAndCombineEqualSinglePass() {
        List<TicketEvent> shuffled = new ArrayList<>(LOG);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(METRICS.run(LOG), METRICS.run(shuffled));
        ServiceMetricsAccumulator a = METRICS.accumulator();
        ServiceMetricsAccumulator b = METRICS.accumulator();
        List<TicketFacts> t = METRICS.tickets(LOG);
        for (int i = 0; i < t.size(); i++) {
            (i % 2 == 0 ? a : b).accept(t.get(i));
        }
        ServiceMetricsAccumulator merged = ServiceMetricsAccumulator.decode(b.encode()).combine(ServiceMetricsAccumulator.decode(a.encode()));
        assertEquals(METRICS.run(LOG), merged.result());
        assertArrayEquals(merged.encode(), ServiceMetricsAccumulator.decode(merged.encode()).encode());
        assertThrows(IllegalArgumentException.class, () -> a.combine(ServiceMetrics.builder().build().accumulator()));
    }

    @Test
    void emptyLog() {
        ServiceMetricsResult r = METRICS.run(List.of());
        assertEquals(0, r.tickets());
        assertTrue(Double.isNaN(r.firstContactResolution().estimate()));
        assertTrue(r.firstResponse().isEmpty());
    }

    @Test
    void badInput() {
        assertEquals("ticket T9 must have a created event: found none", assertThrows(IllegalArgumentException.class,
                () -> METRICS.tickets(List.of(e("T9", "c", 0, SOLVED)))).getMessage());
        assertEquals("ticket T9 must have one created event: found a second at " + at(5),
                assertThrows(IllegalArgumentException.class, () -> METRICS.tickets(List.of(
                        TicketEvent.of("T9", "c", at(0), TicketEventType.CREATED), TicketEvent.of("T9", "c", at(5), TicketEventType.CREATED)))).getMessage());
        assertEquals("ticket T9 has a AGENT_REPLY event at " + at(0) + " before its creation at " + at(5),
                assertThrows(IllegalArgumentException.class, () -> METRICS.tickets(List.of(
                        TicketEvent.of("T9", "c", at(5), TicketEventType.CREATED), e("T9", "c", 0, AGENT_REPLY)))).getMessage());
        assertEquals("ticket T9 has events of two customers: c and d", assertThrows(IllegalArgumentException.class,
                () -> METRICS.tickets(List.of(TicketEvent.of("T9", "c", at(0), TicketEventType.CREATED), e("T9", "d", 1, SOLVED))))
                .getMessage());
        assertEquals("repeat window must be >= 0: PT-24H", assertThrows(IllegalArgumentException.class,
                () -> ServiceMetrics.builder().repeatWindow(Duration.ofDays(-1))).getMessage());
        assertEquals("ticket event time must not be missing: null (ticket T9)", assertThrows(
                IllegalArgumentException.class, () -> TicketEvent.of("T9", "c", null, SOLVED)).getMessage());
        assertEquals("ticket event customerId must not be missing or blank: null", assertThrows(
                IllegalArgumentException.class, () -> TicketEvent.of("T9", null, at(0), SOLVED)).getMessage());
    }
}
