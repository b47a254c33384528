package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.funnel.FunnelMode;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TransitionGraph;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The log analyses allocate nothing per journey or event once warmed up: a second pass over the
 * same log allocates (on the counting thread) a small constant, not bytes per journey. Measured with
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}, not with a clock.
 */
class LogAllocationTest {
    private static final EventLog LOG = EventLog.of(RandomLogs.events(20261201L, 40_000));
    private static final JourneyBuilder RULES = JourneyBuilder.create().splitOnInactivity(Duration.ofHours(1));

    /** Bytes the current thread allocates in the last of four runs of {@code pass}. */
    static long allocatedByPass(Runnable pass) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int warm = 0; warm < 3; warm++) {
            pass.run();
        }
        long before = mx.getThreadAllocatedBytes(id);
        pass.run();
        return mx.getThreadAllocatedBytes(id) - before;
    }

    static void assertNoAllocationPerJourney(String what, Consumer<LogJourney> analysis) {
        int[] journeys = new int[1];
        LOG.forEachJourney(RULES, j -> journeys[0]++);
        long bytes = allocatedByPass(() -> LOG.forEachJourney(RULES, analysis));
        // forEachJourney's own view and cutter are a few hundred bytes in all; one object per journey
        // would be at least 16 bytes each
        assertTrue(bytes < 4L * journeys[0], what + " allocated " + bytes + " bytes over " + journeys[0]
                + " journeys of " + LOG.size() + " events");
    }

    @Test
    void funnelAllocatesNothingPerJourney() {
        for (FunnelMode mode : FunnelMode.values()) {
            FunnelAccumulator acc = Funnel.builder().steps("home", "product", "cart", "checkout").mode(mode)
                    .window(Duration.ofMinutes(30)).build().accumulator();
            assertNoAllocationPerJourney("funnel " + mode, acc::accept);
        }
    }

    @Test
    void funnelOverJourneyObjectsAllocatesNothingPerJourneyEither() {
        List<CustomerJourney> journeys = LOG.journeys(RULES);
        FunnelAccumulator acc = Funnel.builder().steps("home", "product", "cart", "checkout").mode(FunnelMode.ANY_ORDER)
                .window(Duration.ofMinutes(30)).build().accumulator();
        long bytes = allocatedByPass(() -> journeys.forEach(acc::accept));
        assertTrue(bytes < 4L * journeys.size(), "allocated " + bytes + " bytes over " + journeys.size() + " journeys");
    }

    @Test
    void pathVariantsAllocateNothingPerJourney() {
        for (PathVariants p : new PathVariants[] {PathVariants.create(), PathVariants.create().collapsingRepeats(),
                PathVariants.ofLeadingTo("checkout", 3), PathVariants.ofFollowing("home", 2).collapsingRepeats()}) {
            assertNoAllocationPerJourney(p.toString(), p::accept);
        }
    }

    @Test
    void transitionGraphAllocatesNothingPerJourney() {
        TransitionGraph g = TransitionGraph.create();
        assertNoAllocationPerJourney(g.toString(), g::accept);
    }
}
