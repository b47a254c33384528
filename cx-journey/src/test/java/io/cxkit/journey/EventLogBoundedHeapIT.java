package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.funnel.FunnelMode;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tens of millions of events through an event log in a forked JVM with {@code -Xmx512m} (failsafe,
 * see this module's pom): appended through the builder in an order that is neither by customer nor
 * by time, spilled past a 128 MiB budget, merged, cut into journeys and counted through a 4-step
 * funnel on two threads. The counts must equal those of a second pass that builds each customer's
 * journeys on its own with {@link JourneyBuilder#build} (no log, no sort, no spill). Size with
 * {@code -Dcx.it.events=N} (default 30,000,000: 1,000,000 customers × 30 events).
 */
class EventLogBoundedHeapIT {
    private static final long EVENTS = Long.getLong("cx.it.events", 30_000_000L);
    private static final int PER_CUSTOMER = 30;
    private static final int CUSTOMERS = (int) (EVENTS / PER_CUSTOMER);
    private static final Channel[] CHANNELS = {Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL, Channel.PHONE,
        Channel.CHAT, Channel.STORE, Channel.SOCIAL, Channel.SMS};
    private static final long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00Z in nanoseconds
    private static final JourneyBuilder RULES = JourneyBuilder.create().splitOnInactivity(Duration.ofDays(3));

    /** The k-th event of customer c (k in emission order): a scrambled round, so input is not time order. */
    private static int round(int k) {
        return (k * 7) % PER_CUSTOMER; // 7 and 30 are coprime: a permutation of the rounds
    }

    private static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    private static long time(int c, int round) {
        long day = 86_400_000_000_000L;
        // rounds advance by about half a day, with sub-millisecond jitter; some customers pause for 4 days
        long pause = (mix(c) & 7) == 0 && round >= 15 ? 4 * day : 0;
        return T0 + (mix(c) & 0xFFFF) * 1_000_000_000L + round * (day / 2) + (mix(c * 31L + round) & 0xFFFFFFFL) + pause;
    }

    private static int touchpoint(int c, int round) {
        long h = mix(c * 131L + round);
        return (h & 3) == 0 ? (round / 4) % 4 : (int) ((h >>> 8) % 50); // funnel steps tp0..tp3 come often
    }

    @Test
    void tensOfMillionsOfEventsSpillAndCountThroughAFunnelInHalfAGigabyte() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 512L << 20, "run with -Xmx512m, not "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        String[] names = new String[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            names[c] = "c" + Long.toHexString(mix(c)); // distinct (mix is a bijection), not in numeric order
        }
        String[] tps = new String[50];
        for (int t = 0; t < tps.length; t++) {
            tps[t] = "tp" + t;
        }
        Funnel funnel = Funnel.builder().steps("tp0", "tp1", "tp2", "tp3").mode(FunnelMode.ORDERED)
                .window(Duration.ofDays(7)).build();
        Path dir = Files.createTempDirectory("cxkit-bounded-heap-it");
        long t0 = System.nanoTime();
        EventLog.Builder b = EventLog.builder().memoryBudget(128L << 20).tempDirectory(dir);
        for (int k = 0; k < PER_CUSTOMER; k++) {
            int r = round(k);
            for (int c = 0; c < CUSTOMERS; c++) {
                b.add(names[c], time(c, r), tps[touchpoint(c, r)], CHANNELS[(c + r) & 7], null, null, Double.NaN,
                        null);
            }
        }
        long t1 = System.nanoTime();
        FunnelResult viaLog;
        long spilledBytes;
        String described;
        try (EventLog log = b.build()) {
            spilledBytes = b.spilledBytes();
            described = log.toString();
            assertTrue(log.spilled(), described);
            assertEquals(CUSTOMERS * (long) PER_CUSTOMER, log.size());
            viaLog = log.scan(RULES, 2, funnel::accumulator, (acc, j) -> acc.accept(j.toCustomerJourney()),
                    FunnelAccumulator::combine).result();
        }
        long t2 = System.nanoTime();
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "runs are deleted");
        }
        Files.delete(dir);

        FunnelAccumulator reference = funnel.accumulator();
        List<JourneyEvent> one = new ArrayList<>(PER_CUSTOMER);
        for (int c = 0; c < CUSTOMERS; c++) {
            one.clear();
            for (int k = 0; k < PER_CUSTOMER; k++) {
                int r = round(k);
                long t = time(c, r);
                one.add(JourneyEvent.of(names[c], Instant.ofEpochSecond(t / 1_000_000_000L, t % 1_000_000_000L),
                        tps[touchpoint(c, r)], CHANNELS[(c + r) & 7]));
            }
            RULES.build(one).forEach(reference::accept);
        }
        FunnelResult expected = reference.result();
        long t3 = System.nanoTime();
        assertEquals(expected.journeys(), viaLog.journeys());
        assertEquals(expected.steps().stream().map(FunnelStepResult::entered).toList(),
                viaLog.steps().stream().map(FunnelStepResult::entered).toList());
        assertTrue(expected.completed() > 1000 && expected.journeys() > CUSTOMERS, expected.toString());
        System.out.printf("EventLogBoundedHeapIT: %s, %,d bytes spilled; append %.1f s, build+merge+funnel on 2"
                + " threads %.1f s, reference %.1f s; %,d journeys, %,d completed%n", described, spilledBytes,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, viaLog.journeys(), viaLog.completed());
    }
}
