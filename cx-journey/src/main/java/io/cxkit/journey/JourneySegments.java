package io.cxkit.journey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.NameDictionary;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.TouchpointCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Journeys segmented by a {@link TouchpointCatalog}: a journey belongs to the journey stage, CX area
 * or channel that the catalog gives its <em>first</em> event's touchpoint (where the journey
 * entered; the same rule as a breakdown by a column, which takes the column's value on the
 * journey's first event). A journey whose first touchpoint is not in the catalog falls in
 * {@value TouchpointCatalog#UNKNOWN}, and {@link #unknownTouchpoints()} names every touchpoint of
 * the log the catalog does not hold, so nothing is dropped silently.
 *
 * <pre>{@code
 * JourneySegments byStage = JourneySegments.of(log, catalog, TouchpointCatalog.Level.STAGE);
 * SegmentedAccumulator<JourneySummary, JourneySummaryResult> s = byStage.breakdown(
 *         JourneyBuilder.create(), JourneySummary.create(), JourneySummary::accept);
 * s.result().get(SegmentKey.of("purchase"));   // the summary of journeys that entered at a purchase touchpoint
 * }</pre>
 *
 * <p>The catalog is resolved once per log touchpoint, so segmenting a {@link LogJourney} is one
 * array read ({@link #segmentOf(LogJourney)}).
 */
public final class JourneySegments {
    private final EventLog log;
    private final TouchpointCatalog.Level level;
    private final List<String> names;
    private final int[] segmentOfTouchpoint;
    private final List<String> unknown;

    private JourneySegments(EventLog log, TouchpointCatalog catalog, TouchpointCatalog.Level level) {
        this.log = log;
        this.level = level;
        NameDictionary segments = new NameDictionary();
        NameDictionary tps = log.touchpoints();
        segmentOfTouchpoint = new int[tps.size()];
        List<String> missing = new ArrayList<>();
        for (int t = 0; t < tps.size(); t++) {
            String name = tps.name(t);
            segmentOfTouchpoint[t] = segments.idOf(catalog.segment(name, level));
            if (catalog.find(name).isEmpty()) {
                missing.add(name);
            }
        }
        this.names = segments.names();
        this.unknown = missing.stream().sorted().toList();
    }

    /**
     * The segments of a log's journeys by a catalog.
     *
     * @param log the event log
     * @param catalog the touchpoint catalog
     * @param level stage, area or channel
     * @return the segmentation
     * @throws NullPointerException if an argument is null
     */
    public static JourneySegments of(EventLog log, TouchpointCatalog catalog, TouchpointCatalog.Level level) {
        Check.notNull(log, "log");
        Check.notNull(catalog, "catalog");
        Check.notNull(level, "level");
        return new JourneySegments(log, catalog, level);
    }

    /**
     * The segment function for journeys as objects (for analyses that take {@link CustomerJourney}
     * lists, e.g. grouping journeys before a funnel or a path analysis).
     *
     * @param catalog the touchpoint catalog
     * @param level stage, area or channel
     * @return the catalog segment of a journey's first touchpoint
     * @throws NullPointerException if an argument is null
     */
    public static Function<CustomerJourney, String> entry(TouchpointCatalog catalog, TouchpointCatalog.Level level) {
        Check.notNull(catalog, "catalog");
        Check.notNull(level, "level");
        return j -> catalog.segment(j.events().get(0).touchpoint(), level);
    }

    /**
     * The level segmented by.
     *
     * @return stage, area or channel
     */
    public TouchpointCatalog.Level level() {
        return level;
    }

    /**
     * The segment names by id; the log's touchpoints fall in these.
     *
     * @return the names, in order of first touchpoint id
     */
    public List<String> names() {
        return names;
    }

    /**
     * The log's touchpoints the catalog does not hold (their journeys fall in {@value TouchpointCatalog#UNKNOWN}).
     *
     * @return the touchpoint names, sorted
     */
    public List<String> unknownTouchpoints() {
        return unknown;
    }

    /**
     * A journey's segment id (an index into {@link #names()}).
     *
     * @param journey a journey of this segmentation's log
     * @return the segment of its first touchpoint
     * @throws IllegalArgumentException if the journey is of another log
     */
    public int segmentOf(LogJourney journey) {
        Check.notNull(journey, "journey");
        if (journey.log() != log) {
            throw new IllegalArgumentException("journey must be of the log these segments were made for");
        }
        return segmentOfTouchpoint[journey.touchpoint(0)];
    }

    /**
     * One accumulator per segment, each fed the journeys of its segment in one pass over the log.
     *
     * @param rules how events are cut into journeys
     * @param prototype the accumulator whose empty copies each segment gets
     * @param accept how one journey is added to one accumulator
     * @param <A> the accumulator type
     * @param <R> its result type
     * @return the accumulators by segment key (one part: the segment name)
     * @throws NullPointerException if an argument is null
     */
    public <A extends Accumulator<A, R>, R> SegmentedAccumulator<A, R> breakdown(JourneyBuilder rules, A prototype,
            BiConsumer<? super A, ? super LogJourney> accept) {
        Check.notNull(rules, "rules");
        Check.notNull(prototype, "prototype");
        Check.notNull(accept, "accept");
        SegmentedAccumulator<A, R> out = SegmentedAccumulator.of(prototype);
        int[] ids = new int[names.size()];
        for (int s = 0; s < ids.length; s++) {
            ids[s] = -1;
        }
        log.forEachJourney(rules, j -> {
            int s = segmentOfTouchpoint[j.touchpoint(0)];
            if (ids[s] < 0) {
                ids[s] = out.idOf(SegmentKey.of(names.get(s)));
            }
            accept.accept(out.segment(ids[s]), j);
        });
        return out;
    }

    /**
     * Returns e.g. {@code JourneySegments[by stage, 4 segments, 1 touchpoint not in the catalog]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "JourneySegments[by " + level.label() + ", " + names.size() + " segments, " + unknown.size()
                + " touchpoints not in the catalog]";
    }
}
