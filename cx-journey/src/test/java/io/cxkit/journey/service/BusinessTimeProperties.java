package io.cxkit.journey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Algebra of business time and of service-metric aggregation on random input. */
class BusinessTimeProperties {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final BusinessCalendar CAL = BusinessCalendar.builder(NEW_YORK)
            .weekdays(LocalTime.of(8, 30), LocalTime.of(18, 0))
            .hours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))
            .holiday(LocalDate.of(2026, 11, 26))
            .from(LocalDate.of(2026, 6, 1)).closed(DayOfWeek.SATURDAY)
            .build();
    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 300)
    void additiveAndBounded(@ForAll @LongRange(min = 0, max = 365L * 86400) long a,
            @ForAll @LongRange(min = 0, max = 30L * 86400) long ab, @ForAll @LongRange(min = 0, max = 30L * 86400) long bc) {
        Instant x = BASE.plusSeconds(a);
        Instant y = x.plusSeconds(ab);
        Instant z = y.plusSeconds(bc);
        assertEquals(CAL.between(x, z), CAL.between(x, y).plus(CAL.between(y, z)));
        assertTrue(CAL.between(x, z).compareTo(Duration.between(x, z)) <= 0);
        assertTrue(!CAL.between(x, z).isNegative());
    }

    @Property(tries = 40)
    void serviceCombineEqualsSinglePass(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parts) {
        Random r = new Random(seed);
        List<TicketEvent> log = new ArrayList<>();
        TicketEventType[] later = {TicketEventType.AGENT_REPLY, TicketEventType.CUSTOMER_REPLY, TicketEventType.SOLVED,
            TicketEventType.REOPENED};
        for (int t = 0; t < 40; t++) {
            String id = "T" + t;
            String customer = "c" + r.nextInt(8);
            Instant created = BASE.plusSeconds(r.nextInt(60 * 86400));
            log.add(TicketEvent.of(id, customer, created, TicketEventType.CREATED).withTeam(r.nextBoolean() ? "a" : "b"));
            for (int k = r.nextInt(6); k > 0; k--) {
                TicketEvent e = TicketEvent.of(id, customer, created.plusSeconds(r.nextInt(5 * 86400)),
                        later[r.nextInt(later.length)]);
                log.add(r.nextInt(4) == 0 ? e.byBot() : e);
            }
        }
        ServiceMetrics m = ServiceMetrics.builder().calendar(CAL).firstResponseTarget(Duration.ofHours(2))
                .resolutionTarget(Duration.ofHours(20)).build();
        List<TicketFacts> facts = m.tickets(log);
        ServiceMetricsAccumulator merged = m.accumulator();
        List<ServiceMetricsAccumulator> accs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            accs.add(m.accumulator());
        }
        for (int i = 0; i < facts.size(); i++) {
            accs.get(Math.floorMod(i * 7 + (int) seed, parts)).accept(facts.get(i));
        }
        for (int p = parts - 1; p >= 0; p--) {
            merged.combine(ServiceMetricsAccumulator.decode(accs.get(p).encode()));
        }
        assertEquals(m.run(log), merged.result(), "seed=" + seed);
        for (TicketFacts f : facts) {
            // an agent may reply after solving, so no order between first response and resolution is implied
            f.firstResponse().ifPresent(d -> assertTrue(!d.isNegative()));
            assertTrue(!f.requesterWait().isNegative());
            assertEquals(f.firstContactResolved(), f.solved() && f.reopens() == 0 && !f.repeatContact());
        }
    }
}
