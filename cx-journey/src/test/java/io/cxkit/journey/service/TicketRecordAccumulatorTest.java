package io.cxkit.journey.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Ticket-export metrics: hand-worked counts, combine equals a single pass, encoding, bad input. */
class TicketRecordAccumulatorTest {

    private static TicketRecord ticket(String id, boolean solved, double frMin, double resMin, double waitMin,
            int reopens, int replies, TicketSatisfaction sat) {
        TicketTimes elapsed = new TicketTimes(frMin * 60, resMin * 60, waitMin * 60);
        TicketTimes business = new TicketTimes(frMin * 30, resMin * 30, waitMin * 30);
        return new TicketRecord(id, solved, Optional.empty(), Optional.of(Channel.EMAIL), Optional.of("desk"), elapsed,
                business, reopens, replies, -1, sat);
    }

    private static final double NAN = Double.NaN;

    // Five tickets. Solved: a, b, d, e. c is open (its resolution and wait are left out).
    // a: reply 30 min, resolved 2 h, 0 reopens, 1 reply, good. b: reply 90 min, resolved 1 d, 1 reopen,
    // 3 replies, bad. c: reply 10 min, open, offered. d: no reply value, resolved 20 min, 0 reopens,
    // 0 replies, unoffered. e: reply 5 min, no resolution value, reopens unknown, 1 reply, none.
    static List<TicketRecord> five() {
        return List.of(
                ticket("a", true, 30, 120, 60, 0, 1, TicketSatisfaction.GOOD),
                ticket("b", true, 90, 1440, 200, 1, 3, TicketSatisfaction.BAD),
                ticket("c", false, 10, 50, 40, 0, 1, TicketSatisfaction.OFFERED),
                ticket("d", true, NAN, 20, 10, 0, 0, TicketSatisfaction.UNOFFERED),
                ticket("e", true, 5, NAN, NAN, -1, 1, TicketSatisfaction.NONE));
    }

    @Test
    void handWorkedFiveTickets() {
        TicketRecordAccumulator acc = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1))
                .resolutionTarget(Duration.ofHours(2)).build().recordAccumulator(FirstContactRule.ZERO_REOPENS);
        five().forEach(acc::accept);
        TicketRecordResult r = acc.result();
        assertEquals(5, r.tickets());
        assertEquals(4, r.solved());
        ServiceMetricsResult e = r.elapsed();
        // first reply over tickets with a value: a, b, c, e (d has none), solved or not
        assertEquals(4, e.firstResponse().n());
        assertEquals(300, e.firstResponse().min(), 0);
        assertEquals(5400, e.firstResponse().max(), 0);
        // resolution over solved tickets with a value: a, b, d (c open, e empty)
        assertEquals(3, e.resolution().n());
        assertEquals(1200, e.resolution().min(), 0);
        assertEquals(86_400, e.resolution().max(), 0);
        assertEquals(7200, e.resolution().median(), 7200 * 0.01);
        assertEquals(3, e.requesterWait().n());
        // FCR: solved with a known reopens value a, b, d; a and d have 0 reopens
        assertEquals(2, e.firstContactResolution().successes(), 0);
        assertEquals(3, e.firstContactResolution().n());
        // reopened: b of the 4 tickets with a value
        assertEquals(0.25, e.reopen().estimate(), 1e-12);
        assertEquals(4, e.reopen().n());
        // one-touch: solved with replies <= 1: a, d, e of a, b, d, e
        assertEquals(0.75, r.oneTouch().estimate(), 1e-12);
        // SLA 1 h on first replies: a (30), c (10), e (5) of 4; 2 h on resolutions: a (exactly 2 h), d of 3
        assertEquals(0.75, e.firstResponseSla().estimate(), 1e-12);
        assertEquals(2.0 / 3, e.resolutionSla().estimate(), 1e-12);
        // business hours are half the elapsed times here: first replies 15, 45, 5, 2.5 min all within 1 h;
        // resolutions 60, 720, 10 min: 2 of 3 within 2 h
        assertEquals(1.0, r.businessHours().firstResponseSla().estimate(), 1e-12);
        assertEquals(2.0 / 3, r.businessHours().resolutionSla().estimate(), 1e-12);
        assertEquals(3600, r.businessHours().resolution().median(), 36);
        // repeat contact is not measured from an export
        assertEquals(0, e.repeatContact().n());
        TicketSatisfactionResult s = r.satisfaction();
        assertEquals(new TicketSatisfactionResult(1, 1, 1, 1, 1), s);
        assertEquals(0.5, s.csat().estimate(), 1e-12);
        assertEquals(2.0 / 3, s.responseRate().estimate(), 1e-12);
        assertTrue(r.toString().contains("FCR (solved with 0 reopens)"), r.toString());
        assertTrue(acc.toString().contains("5 tickets, 4 solved"), acc.toString());
    }

    @Test
    void oneContactRule() {
        TicketRecordAccumulator acc = ServiceMetrics.builder().build().recordAccumulator(FirstContactRule.ONE_CONTACT);
        TicketTimes t = new TicketTimes(60, 600, NAN);
        for (int contacts : new int[] {1, 1, 2, 3, -1}) {
            acc.accept(new TicketRecord("t" + contacts, true, Optional.empty(), Optional.empty(), Optional.empty(), t,
                    TicketTimes.none(), -1, -1, contacts, TicketSatisfaction.NONE));
        }
        TicketRecordResult r = acc.result();
        assertEquals(2, r.elapsed().firstContactResolution().successes(), 0);
        assertEquals(4, r.elapsed().firstContactResolution().n());
        assertEquals(0, r.elapsed().reopen().n());
        assertEquals(0, r.oneTouch().n());
        assertEquals(0, r.businessHours().firstResponse().n());
        // No SLA targets: attainment is empty, the targets null.
        assertEquals(0, r.elapsed().firstResponseSla().n());
        assertEquals(java.util.Optional.empty(), r.elapsed().firstResponseTarget());
    }

    static List<TicketRecord> random(long seed, int n) {
        Random rnd = new Random(seed);
        List<TicketRecord> out = new ArrayList<>();
        TicketSatisfaction[] sats = TicketSatisfaction.values();
        for (int i = 0; i < n; i++) {
            double fr = rnd.nextInt(5) == 0 ? NAN : rnd.nextInt(600);
            double res = rnd.nextInt(5) == 0 ? NAN : rnd.nextInt(5000) / 4.0;
            out.add(ticket("t" + i, rnd.nextInt(4) > 0, fr, res, rnd.nextInt(3) == 0 ? NAN : rnd.nextInt(900),
                    rnd.nextInt(4) - 1, rnd.nextInt(5) - 1, sats[rnd.nextInt(sats.length)]));
        }
        return out;
    }

    @Property(tries = 60)
    void combineEqualsSinglePassInAnyOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 4) int parts) {
        ServiceMetrics m = ServiceMetrics.builder().firstResponseTarget(Duration.ofMinutes(60))
                .resolutionTarget(Duration.ofHours(8)).build();
        List<TicketRecord> ts = random(seed, n);
        TicketRecordAccumulator single = m.recordAccumulator(FirstContactRule.ZERO_REOPENS);
        ts.forEach(single::accept);
        TicketRecordAccumulator[] acc = new TicketRecordAccumulator[parts];
        for (int p = 0; p < parts; p++) {
            acc[p] = m.recordAccumulator(FirstContactRule.ZERO_REOPENS);
        }
        for (int i = 0; i < ts.size(); i++) {
            acc[(int) Math.floorMod(seed + i, (long) parts)].accept(ts.get(i));
        }
        TicketRecordAccumulator merged = m.recordAccumulator(FirstContactRule.ZERO_REOPENS);
        for (int p = parts - 1; p >= 0; p--) {
            merged.combine(TicketRecordAccumulator.decode(acc[p].encode()));
        }
        assertEquals(single.result(), merged.result(), "seed=" + seed);
        assertEquals(n, merged.result().tickets());
        assertTrue(merged.result().elapsed().resolution().n() <= merged.result().solved());
        assertArrayEquals(single.encode(), merged.copy().encode(), "seed=" + seed);
    }

    @Test
    void combineChecksTheConfigurationFirst() {
        TicketRecordAccumulator a = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1)).build()
                .recordAccumulator(FirstContactRule.ZERO_REOPENS);
        a.accept(five().get(0));
        TicketRecordAccumulator otherTarget = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(2)).build()
                .recordAccumulator(FirstContactRule.ZERO_REOPENS);
        TicketRecordAccumulator otherRule = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1)).build()
                .recordAccumulator(FirstContactRule.ONE_CONTACT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.combine(otherTarget));
        assertTrue(e.getMessage().contains("PT1H") && e.getMessage().contains("PT2H"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.combine(otherRule));
        assertThrows(NullPointerException.class, () -> a.combine(null)); // the library's one null policy for combine
        assertThrows(NullPointerException.class, () -> a.accept(null));
        assertEquals(1, a.result().tickets());
        assertThrows(NullPointerException.class, () -> ServiceMetrics.builder().build().recordAccumulator(null));
    }

    @Test
    void decodeRejectsInconsistentCounts() {
        TicketRecordAccumulator a = ServiceMetrics.builder().build().recordAccumulator(FirstContactRule.ZERO_REOPENS);
        five().forEach(a::accept);
        byte[] good = a.encode();
        assertEquals(a.result(), TicketRecordAccumulator.decode(good).result());
        // solved (the second count) larger than the tickets
        byte[] bad = good.clone();
        int at = indexOfLong(bad, 4, 5); // tickets = 4 solved follows tickets = 5
        bad[at] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TicketRecordAccumulator.decode(bad));
        assertTrue(e.getMessage().contains("solved = 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TicketRecordAccumulator.decode(new byte[] {1, 2, 3}));
    }

    /** The offset of the low byte of the big-endian long {@code value} that follows the long {@code prev}. */
    private static int indexOfLong(byte[] b, long value, long prev) {
        for (int i = 0; i + 16 <= b.length; i++) {
            if (longAt(b, i) == prev && longAt(b, i + 8) == value) {
                return i + 15;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private static long longAt(byte[] b, int i) {
        return java.nio.ByteBuffer.wrap(b, i, 8).getLong();
    }

    @Test
    void recordsValidateTheirParts() {
        assertThrows(IllegalArgumentException.class, () -> new TicketTimes(-1, NAN, NAN));
        assertThrows(IllegalArgumentException.class, () -> new TicketTimes(NAN, Double.POSITIVE_INFINITY, NAN));
        assertThrows(IllegalArgumentException.class, () -> new TicketRecord("", true, Optional.empty(),
                Optional.empty(), Optional.empty(), TicketTimes.none(), TicketTimes.none(), 0, 0, 0,
                TicketSatisfaction.NONE));
        assertThrows(IllegalArgumentException.class, () -> new TicketRecord("x", true, Optional.empty(),
                Optional.empty(), Optional.empty(), TicketTimes.none(), TicketTimes.none(), -2, 0, 0,
                TicketSatisfaction.NONE));
        assertThrows(IllegalArgumentException.class, () -> new TicketSatisfactionResult(-1, 0, 0, 0, 0));
        assertEquals("TicketTimes[first reply 60 s, full resolution -, requester wait 1.5 s]",
                new TicketTimes(60, NAN, 1.5).toString());
        assertTrue(TicketSatisfaction.GOOD.answered() && !TicketSatisfaction.OFFERED.answered());
    }
}
