package io.cxkit.journey.service;

import static io.cxkit.journey.Events.at;
import static io.cxkit.journey.service.TicketEventType.AGENT_REPLY;
import static io.cxkit.journey.service.TicketEventType.CUSTOMER_REPLY;
import static io.cxkit.journey.service.TicketEventType.REOPENED;
import static io.cxkit.journey.service.TicketEventType.SOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The service rules the package documentation states and that an independent check found
 * ambiguous, one test each (minutes after {@code Events.T0}, a Monday 09:00 UTC; 7-day window).
 */
class ServiceSemanticsTest {
    private static final long DAY = 24 * 60;
    private static final ServiceMetrics METRICS = ServiceMetrics.builder().build();

    private static TicketEvent e(String ticket, String customer, long minute, TicketEventType type) {
        return TicketEvent.of(ticket, customer, at(minute), type);
    }

    private static TicketEvent created(String ticket, String customer, long minute) {
        return TicketEvent.of(ticket, customer, at(minute), TicketEventType.CREATED);
    }

    private static Map<String, Boolean> repeats(ServiceMetrics m, TicketEvent... events) {
        return m.tickets(List.of(events)).stream()
                .collect(Collectors.toMap(TicketFacts::ticketId, TicketFacts::repeatContact));
    }

    @Test
    void theRepeatWindowIncludesItsBoundary() {
        // A solved at 10; B exactly 7 days later: A is a repeat contact; C one minute later is not
        assertEquals(Map.of("A", true, "B", false), repeats(METRICS, created("A", "c", 0), e("A", "c", 10, SOLVED),
                created("B", "c", 10 + 7 * DAY)));
        assertEquals(Map.of("A", false, "C", false), repeats(METRICS, created("A", "c", 0), e("A", "c", 10, SOLVED),
                created("C", "c", 11 + 7 * DAY)));
    }

    @Test
    void anOverlappingTicketMakesTheEarlierOneARepeatContact() {
        // B is opened while A is still open (before A's solve at 100)
        List<TicketFacts> t = METRICS.tickets(List.of(created("A", "c", 0), created("B", "c", 30),
                e("A", "c", 100, SOLVED), e("B", "c", 120, SOLVED)));
        assertEquals(List.of("A", "B"), t.stream().map(TicketFacts::ticketId).toList());
        assertEquals(List.of(true, false), t.stream().map(TicketFacts::repeatContact).toList());
        assertEquals(List.of(false, true), t.stream().map(TicketFacts::firstContactResolved).toList());
    }

    @Test
    void ticketsCreatedAtTheSameInstantAreOrderedByTicketId() {
        // created together: T1 (smaller id) is the repeat contact, T2 is not
        assertEquals(Map.of("T1", true, "T2", false), repeats(METRICS, created("T2", "c", 0), created("T1", "c", 0)));
        // a third ticket later within the window makes T2 one too
        assertEquals(Map.of("T1", true, "T2", true, "T3", false), repeats(METRICS, created("T2", "c", 0),
                created("T1", "c", 0), created("T3", "c", DAY)));
    }

    @Test
    void aReopenedTicketNotSolvedAgainCountsTheWindowFromItsCreation() {
        // A solved at 10, reopened at 20, never solved again: its window ends 7 days after its creation at 0
        TicketEvent[] base = {created("A", "c", 0), e("A", "c", 10, SOLVED), e("A", "c", 20, REOPENED)};
        assertEquals(Map.of("A", true, "B", false), repeats(METRICS, base[0], base[1], base[2],
                created("B", "c", 7 * DAY)));
        assertEquals(Map.of("A", false, "B", false), repeats(METRICS, base[0], base[1], base[2],
                created("B", "c", 7 * DAY + 5))); // within 7 days of the first solve at 10, but that solve was undone
    }

    @Test
    void theRepeatWindowIsElapsedTimeEvenWithABusinessCalendar() {
        // Monday-to-Friday 09:00-17:00 would make 7 days of business time weeks long; the window stays 7 × 24 h
        ServiceMetrics business = ServiceMetrics.builder().calendar(BusinessCalendar.builder(ZoneOffset.UTC)
                .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build()).build();
        TicketEvent[] events = {created("A", "c", 0), e("A", "c", 10, SOLVED), created("B", "c", 10 + 7 * DAY),
            created("C", "c", 11 + 14 * DAY)};
        assertEquals(Map.of("A", true, "B", false, "C", false), repeats(business, events));
        // while the durations are business time: A's 10-minute resolution lies within working hours
        assertEquals(Duration.ofMinutes(10), business.tickets(List.of(events)).get(0).resolution().orElseThrow());
    }

    @Test
    void aRequesterWaitStillOpenAtTheEndIsNotCounted() {
        // waits: 0→5 (closed by the reply), then the customer writes at 10 and nobody answers
        TicketFacts open = METRICS.tickets(List.of(created("A", "c", 0), e("A", "c", 5, AGENT_REPLY),
                e("A", "c", 10, CUSTOMER_REPLY))).get(0);
        assertEquals(Duration.ofMinutes(5), open.requesterWait());
        // a ticket nobody answered and nobody solved has waited 0 by this definition, and is counted as such
        List<TicketEvent> unanswered = List.of(created("B", "c", 0));
        assertEquals(Duration.ZERO, METRICS.tickets(unanswered).get(0).requesterWait());
        ServiceMetricsResult r = METRICS.run(unanswered);
        assertEquals(1, r.requesterWait().n());
        assertEquals(0.0, r.requesterWait().max());
    }

    @Test
    void aScheduleFromADateInheritsTheDaysItDoesNotSet() {
        // Saturday hours set before from(); the new schedule changes weekdays only, so Saturdays keep 10-14
        Instant saturdayAfter = Instant.parse("2026-07-04T09:00:00Z");
        BusinessCalendar inherited = BusinessCalendar.builder(ZoneOffset.UTC)
                .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).hours(DayOfWeek.SATURDAY, LocalTime.of(10, 0),
                        LocalTime.of(14, 0))
                .from(LocalDate.of(2026, 7, 1)).weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0)).build();
        assertEquals(Duration.ofHours(4), inherited.between(saturdayAfter, saturdayAfter.plus(Duration.ofHours(8))));
        Instant friday = Instant.parse("2026-07-03T07:00:00Z");
        assertEquals(Duration.ofHours(4), inherited.between(friday, friday.plus(Duration.ofHours(12))));
        // closing the day in the new schedule is explicit
        BusinessCalendar closed = BusinessCalendar.builder(ZoneOffset.UTC)
                .hours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))
                .from(LocalDate.of(2026, 7, 1)).closed(DayOfWeek.SATURDAY).build();
        assertEquals(Duration.ZERO, closed.between(saturdayAfter, saturdayAfter.plus(Duration.ofHours(8))));
        Instant saturdayBefore = Instant.parse("2026-06-27T09:00:00Z");
        assertEquals(Duration.ofHours(4), closed.between(saturdayBefore, saturdayBefore.plus(Duration.ofHours(8))));
    }
}
