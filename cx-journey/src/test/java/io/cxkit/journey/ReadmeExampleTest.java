package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.SegmentKey;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.paths.PathCount;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TopPaths;
import io.cxkit.journey.service.BusinessCalendar;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.service.TicketEvent;
import io.cxkit.journey.service.TicketEventType;
import io.cxkit.journey.service.TicketFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples of cx-journey/README-section.md, compiled and run so that the README cannot rot. */
class ReadmeExampleTest {

    @Test
    void journeysFunnelsAndPaths() {
        // --- README: journeys, funnel, paths ---
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        List<JourneyEvent> events = List.of(
                JourneyEvent.of("c-1", t, "product_page", Channel.WEB),
                JourneyEvent.of("c-1", t.plusSeconds(90), "cart", Channel.WEB),
                JourneyEvent.of("c-1", t.plusSeconds(600), "checkout", Channel.MOBILE_APP).withOutcome("purchased"),
                JourneyEvent.of("c-2", t.plusSeconds(30), "product_page", Channel.WEB),
                JourneyEvent.of("c-2", t.plusSeconds(400), "faq", Channel.WEB),
                JourneyEvent.of("c-2", t.plusSeconds(900), "chat", Channel.CHAT));

        List<CustomerJourney> journeys = JourneyBuilder.create()
                .splitOnInactivity(Duration.ofDays(30))
                .splitOnOutcome(Set.of("purchased"))
                .build(events);

        Funnel funnel = Funnel.builder().steps("product_page", "cart", "checkout")
                .window(Duration.ofDays(7)).build();
        FunnelResult f = funnel.run(journeys);            // entered 2, completed 1, Wilson intervals
        var byChannel = funnel.bySegment(journeys, j -> SegmentKey.of(j.channels().get(0).name()));

        PathVariants paths = PathVariants.create();
        journeys.forEach(paths::accept);
        TopPaths top = paths.result().top(5);             // top-5 + "other" = all journeys
        // --- end ---
        assertEquals(2, f.entered());
        assertEquals(1, f.completed());
        assertEquals(1, byChannel.size());
        assertEquals(2, top.top().size());
        assertEquals(2, top.top().stream().mapToLong(PathCount::count).sum() + top.other().count());
        assertEquals(1, journeys.get(0).channelSwitches());
    }

    @Test
    void serviceMetrics() {
        Instant t = Instant.parse("2026-03-27T15:30:00Z"); // a Friday
        // --- README: service metrics ---
        BusinessCalendar office = BusinessCalendar.builder(ZoneId.of("Europe/Berlin"))
                .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .holiday(LocalDate.of(2026, 4, 3))
                .build();
        ServiceMetrics service = ServiceMetrics.builder()
                .calendar(office)
                .firstResponseTarget(Duration.ofHours(4))
                .repeatWindow(Duration.ofDays(7))
                .build();
        List<TicketEvent> tickets = List.of(
                TicketEvent.of("T-1", "c-1", t, TicketEventType.CREATED).withChannel(Channel.EMAIL),
                TicketEvent.of("T-1", "c-1", t.plusSeconds(60), TicketEventType.AGENT_REPLY).byBot(),
                TicketEvent.of("T-1", "c-1", t.plus(Duration.ofHours(64)), TicketEventType.AGENT_REPLY),
                TicketEvent.of("T-1", "c-1", t.plus(Duration.ofHours(65)), TicketEventType.SOLVED));
        ServiceMetricsResult r = service.run(tickets);   // first response: 1 business hour (Fri 16:30-17:00 CET + Mon 09:00-09:30 CEST; the bot is ignored)
        var perChannel = service.bySegment(tickets, TicketFacts.byChannel());
        // --- end ---
        assertEquals(3600, r.firstResponse().median(), 36);
        assertEquals(1, perChannel.size());
        assertTrue(r.firstResponseSla().estimate() == 1.0);
    }
}
