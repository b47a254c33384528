package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.ScaledCounter.Counts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link RollingSegments}: retention, closing, late data and roll-ups equal to direct feeding. */
class RollingSegmentsTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z"); // a Monday

    private static Instant day(double d) {
        return T0.plusMillis((long) (d * 86_400_000L));
    }

    private static TimeBucket dayBucket(int d) {
        return TimeGrain.DAY.bucketOf(day(d), UTC);
    }

    @Test
    void keepsTheLastNPeriodsAndClosesEachOnceInOrder() {
        List<String> closedLog = new ArrayList<>();
        RollingSegments<ScaledCounter, Counts> r = RollingSegments.of(new ScaledCounter(1),
                RollingWindow.of(3, TimeGrain.DAY, UTC),
                (p, s) -> closedLog.add(p.label() + "=" + s.result().asMap().values()));
        for (int d = 0; d < 5; d++) {
            r.segment(SegmentKey.of("web"), day(d + 0.5)).accept(d + 1);
            r.segment(SegmentKey.of("app"), day(d + 0.75)).accept(10);
        }
        assertEquals(List.of(dayBucket(2), dayBucket(3), dayBucket(4)), r.periods());
        assertEquals(2, r.droppedPeriods());
        assertEquals(4, r.closedPeriods(), "days 0..3 closed as the watermark passed their ends");
        assertEquals(List.of("2026-03-02=[Counts[n=1, sum=10], Counts[n=1, sum=1]]",
                "2026-03-03=[Counts[n=1, sum=10], Counts[n=1, sum=2]]",
                "2026-03-04=[Counts[n=1, sum=10], Counts[n=1, sum=3]]",
                "2026-03-05=[Counts[n=1, sum=10], Counts[n=1, sum=4]]"), closedLog);
        assertTrue(r.isClosed(dayBucket(0)), "a dropped period is closed");
        assertTrue(r.isClosed(dayBucket(3)));
        assertFalse(r.isClosed(dayBucket(4)));
        assertEquals(new Counts(3, 3 + 4 + 5), r.acrossPeriods().result().get(SegmentKey.of("web")));
        assertEquals(new Counts(6, 42), r.rollUp(k -> SegmentKey.overall()).result().get(SegmentKey.overall()));
        assertEquals(new Counts(1, 5), r.segments().result().get(SegmentKey.of("web", "2026-03-06")));
        assertEquals(new Counts(1, 10), r.period(dayBucket(4)).result().get(SegmentKey.of("app")));
        assertEquals(0, r.period(dayBucket(0)).size());
        assertEquals(Instant.parse("2026-03-06T18:00:00Z"), r.watermark().orElseThrow());
        assertEquals("RollingSegments[RollingWindow[last 3 DAY periods in Z, lateness PT0S], 3 periods "
                + "2026-03-04..2026-03-06, 4 closed, 2 dropped, 0 late]", r.toString());
    }

    @Test
    void lateDataIsRefusedAndCountedAndAdvanceToClosesWithoutData() {
        List<TimeBucket> closed = new ArrayList<>();
        RollingSegments<ScaledCounter, Counts> r = RollingSegments.of(new ScaledCounter(1),
                RollingWindow.of(10, TimeGrain.DAY, UTC).withLateness(Duration.ofHours(12)),
                (p, s) -> closed.add(p));
        assertTrue(r.watermark().isEmpty());
        r.segment(SegmentKey.of("web"), day(0.9)).accept(1);
        r.segment(SegmentKey.of("web"), day(1.4)).accept(1); // watermark day 0.9: day 0 still open
        r.segment(SegmentKey.of("web"), day(0.95)).accept(1); // within the lateness
        assertEquals(List.of(), closed);
        r.segment(SegmentKey.of("web"), day(1.5)).accept(1); // watermark reaches day 1: day 0 closes
        assertEquals(List.of(dayBucket(0)), closed);
        assertNull(r.segment(SegmentKey.of("web"), day(0.99)), "day 0 is closed");
        assertNull(r.segment(SegmentKey.of("app"), dayBucket(0)), "day 0 is closed for bucketed data too");
        assertEquals(2, r.late());
        assertEquals(new Counts(2, 2), r.period(dayBucket(0)).result().get(SegmentKey.of("web")));
        assertEquals(List.of(dayBucket(1)), r.advanceTo(day(3)), "day 2 had no data: nothing to close");
        assertEquals(List.of(), r.advanceTo(day(2)), "the watermark never moves back");
        assertNull(r.segment(SegmentKey.of("web"), day(2.5)), "day 2 closed without data: nothing can go in");
        assertEquals(3, r.late());
        assertEquals(List.of(dayBucket(0), dayBucket(1)), r.periods());
        r.segment(SegmentKey.of("web"), dayBucket(5)).accept(7);
        assertEquals(new Counts(1, 7), r.period(dayBucket(5)).result().get(SegmentKey.of("web")));
        assertEquals("period must be a DAY bucket: 2026-W10 is a WEEK bucket", assertThrows(
                IllegalArgumentException.class, () -> r.segment(SegmentKey.of("web"),
                        TimeGrain.WEEK.bucketOf(day(0), UTC))).getMessage());
    }

    @Test
    void aDurationKeepsThePeriodsEndingWithinIt() {
        RollingSegments<ScaledCounter, Counts> r = RollingSegments.of(new ScaledCounter(1),
                RollingWindow.of(Duration.ofHours(36), TimeGrain.DAY, UTC));
        for (int d = 0; d < 4; d++) {
            r.segment(SegmentKey.of("web"), day(d + 0.5)).accept(1);
        }
        // newest time day 3.5; kept: periods ending after day 2.0, i.e. days 2 and 3
        assertEquals(List.of(dayBucket(2), dayBucket(3)), r.periods());
        assertEquals(2, r.droppedPeriods());
        assertNull(r.segment(SegmentKey.of("web"), day(1.5)));
    }

    @Test
    void windowRulesAreChecked() {
        assertEquals("keepPeriods must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                () -> RollingWindow.of(0, TimeGrain.DAY, UTC)).getMessage());
        assertEquals("keepDuration must be > 0: PT0S", assertThrows(IllegalArgumentException.class,
                () -> RollingWindow.of(Duration.ZERO, TimeGrain.DAY, UTC)).getMessage());
        assertEquals("allowedLateness must be >= 0: PT-1S", assertThrows(IllegalArgumentException.class,
                () -> RollingWindow.of(1, TimeGrain.DAY, UTC).withLateness(Duration.ofSeconds(-1)))
                .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RollingWindow(TimeGrain.DAY, UTC, 2, java.util.Optional.of(Duration.ofDays(1)), Duration.ZERO));
        assertEquals("RollingWindow[WEEK periods ending within PT48H in Z, lateness PT0S]",
                RollingWindow.of(Duration.ofDays(2), TimeGrain.WEEK, UTC).toString());
    }

    record Observation(String channel, String plan, double day, long value) {
    }

    @Provide
    Arbitrary<List<Observation>> observations() {
        return Combinators.combine(Arbitraries.of("web", "app", "phone"), Arbitraries.of("free", "pro"),
                Arbitraries.doubles().between(0, 30), Arbitraries.longs().between(-50, 50))
                .as(Observation::new).list().ofMaxSize(200);
    }

    /** Roll-ups of the kept periods equal accumulators fed directly with the coarser keys. */
    @Property
    void rollUpsEqualAccumulatorsFedDirectly(@ForAll("observations") List<Observation> obs,
            @ForAll @IntRange(min = 1, max = 8) int keep) {
        List<Observation> sorted = new ArrayList<>(obs);
        sorted.sort(Comparator.comparingDouble(Observation::day));
        RollingSegments<ScaledCounter, Counts> r = RollingSegments.of(new ScaledCounter(1),
                RollingWindow.of(keep, TimeGrain.DAY, UTC));
        for (Observation o : sorted) {
            r.segment(SegmentKey.of(o.channel(), o.plan()), day(o.day())).accept(o.value());
        }
        assertEquals(0, r.late(), "in order with no lateness: nothing is late");
        Set<String> kept = r.periods().stream().map(TimeBucket::label).collect(Collectors.toSet());
        SegmentedAccumulator<ScaledCounter, Counts> full = SegmentedAccumulator.of(new ScaledCounter(1));
        SegmentedAccumulator<ScaledCounter, Counts> byChannel = SegmentedAccumulator.of(new ScaledCounter(1));
        SegmentedAccumulator<ScaledCounter, Counts> byPlanAndDay = SegmentedAccumulator.of(new ScaledCounter(1));
        SegmentedAccumulator<ScaledCounter, Counts> acrossDays = SegmentedAccumulator.of(new ScaledCounter(1));
        for (Observation o : sorted) {
            String label = TimeGrain.DAY.bucketOf(day(o.day()), UTC).label();
            if (kept.contains(label)) {
                full.segment(SegmentKey.of(o.channel(), o.plan(), label)).accept(o.value());
                byChannel.segment(SegmentKey.of(o.channel())).accept(o.value());
                byPlanAndDay.segment(SegmentKey.of(o.plan(), label)).accept(o.value());
                acrossDays.segment(SegmentKey.of(o.channel(), o.plan())).accept(o.value());
            }
        }
        assertTrue(r.periods().size() <= keep);
        assertEquals(full.result(), r.segments().result());
        assertEquals(byChannel.result(), r.rollUp(k -> k.select(0)).result());
        assertEquals(byPlanAndDay.result(), r.rollUp(k -> k.select(1, 2)).result());
        assertEquals(acrossDays.result(), r.acrossPeriods().result());
        assertEquals(byChannel.result(), full.rollUp(k -> k.select(0)).result());
    }

    @Test
    void selectingKeyPartsChecksTheIndices() {
        SegmentKey k = SegmentKey.of("web", "pro", "2026-03-02");
        assertEquals(SegmentKey.of("2026-03-02", "web"), k.select(2, 0));
        assertEquals(SegmentKey.overall(), k.select());
        assertEquals("segment key part index must be in [0, 3): 3 (key web|pro|2026-03-02)",
                assertThrows(IllegalArgumentException.class, () -> k.select(3)).getMessage());
        SegmentedAccumulator<ScaledCounter, Counts> s = SegmentedAccumulator.of(new ScaledCounter(1));
        s.segment(k).accept(1);
        assertEquals("roll-up key of web|pro|2026-03-02 must not be null",
                assertThrows(NullPointerException.class, () -> s.rollUp(x -> null)).getMessage());
    }
}
