package io.cxkit.benchmarks;

import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.io.JourneyEventReader;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TopPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The journey work of the benchmarks, defined once: one journey per customer; a 4-step
 * {@code ORDERED} funnel {@code tp00 → tp01 → tp02 → tp03} with a 7-day window, broken down by
 * the channel of the journey's first event; the top 20 whole-journey path variants; order-1 Markov
 * attribution with {@code purchase} as the conversion. This class runs it on the object path
 * ({@link CustomerJourney} lists: the engine before the event log) and on the event log
 * ({@link EventLog}, journeys as reused {@code LogJourney} views, customers split across threads).
 */
public final class JourneyWork {
    private JourneyWork() {
    }

    /** How events become journeys: one per customer. */
    public static final JourneyBuilder RULES = JourneyBuilder.create();
    /** The funnel steps. */
    public static final List<String> STEPS = List.of("tp00", "tp01", "tp02", "tp03");
    /** The funnel window in days. */
    public static final int WINDOW_DAYS = 7;
    /** The funnel. */
    public static final Funnel FUNNEL = Funnel.builder().steps(STEPS.toArray(new String[0]))
            .window(Duration.ofDays(WINDOW_DAYS)).build();
    /** How many path variants are listed. */
    public static final int TOP = 20;
    /** The conversion outcomes of attribution. */
    public static final Set<String> CONVERSIONS = Set.of(JourneyData.PURCHASE);
    /** The reader of the event file (columns found by their header names). */
    public static final JourneyEventReader READER = JourneyEventReader.builder().build();

    /**
     * The funnel by first channel over journey objects.
     *
     * @param journeys the journeys
     * @return the funnel per channel
     */
    public static SegmentedResult<FunnelResult> funnel(List<CustomerJourney> journeys) {
        return FUNNEL.bySegment(journeys, j -> SegmentKey.of(j.events().get(0).channel().name()));
    }

    /**
     * The top path variants over journey objects.
     *
     * @param journeys the journeys
     * @return the top variants
     */
    public static TopPaths paths(List<CustomerJourney> journeys) {
        PathVariants p = PathVariants.create();
        for (CustomerJourney j : journeys) {
            p.accept(j);
        }
        return p.result().top(TOP);
    }

    /**
     * Order-1 Markov attribution over journey objects.
     *
     * @param journeys the journeys
     * @return the Markov result
     */
    public static AttributionModelResult markov(List<CustomerJourney> journeys) {
        AttributionAccumulator a = AttributionAccumulator.create();
        for (CustomerJourney j : journeys) {
            a.accept(AttributionJourney.of(j, CONVERSIONS));
        }
        return a.markov(AttributionAccumulator.DEFAULT_MAX_STATES);
    }

    /**
     * The funnel by first channel over an event log.
     *
     * @param log the events
     * @param threads threads to split the customers across
     * @return the funnel per channel
     */
    public static SegmentedResult<FunnelResult> funnel(EventLog log, int threads) {
        return FUNNEL.bySegment(log, RULES, threads, j -> j.channel(0),
                id -> SegmentKey.of(log.channels().get(id).name()));
    }

    /**
     * The top path variants over an event log.
     *
     * @param log the events
     * @param threads threads to split the customers across
     * @return the top variants
     */
    public static TopPaths paths(EventLog log, int threads) {
        return PathVariants.create().acceptAll(log, RULES, threads).result().top(TOP);
    }

    /**
     * Order-1 Markov attribution over an event log.
     *
     * @param log the events
     * @param threads threads to split the customers across
     * @return the Markov result
     */
    public static AttributionModelResult markov(EventLog log, int threads) {
        AttributionAccumulator a = log.scan(RULES, threads, AttributionAccumulator::create,
                (acc, j) -> acc.accept(j, CONVERSIONS), AttributionAccumulator::combine);
        return a.markov(AttributionAccumulator.DEFAULT_MAX_STATES);
    }

    /**
     * The event file to the funnel by first channel, through the library: the reader appends the
     * rows to an event log builder (no object per event), the log is sorted, the funnel runs over it.
     *
     * @param csv the event file
     * @param threads threads for the funnel
     * @return the funnel per channel
     * @throws io.cxkit.io.BadInputException if the file cannot be read
     */
    public static SegmentedResult<FunnelResult> csvToFunnel(Path csv, int threads) {
        EventLog.Builder b = EventLog.builder();
        READER.readInto(csv, b);
        try (EventLog log = b.build()) {
            return funnel(log, threads);
        }
    }
}
