package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.core.CxArea;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.Touchpoint;
import io.cxkit.core.TouchpointCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Breakdowns by a touchpoint catalog: one pass over the log gives, per stage, area or channel, the
 * summary of exactly the journeys the object segment function puts there; touchpoints outside the
 * catalog are named and their journeys kept.
 */
class JourneySegmentsProperties {
    /** Five of the seven touchpoints RandomLogs draws; "faq" and "refund" are left out. */
    static final TouchpointCatalog CATALOG = TouchpointCatalog.of(List.of(
            Touchpoint.of("home", "Home page", RandomLogs.CHANNELS[0], JourneyStage.AWARENESS, CxArea.MARKETING),
            Touchpoint.of("product", "Product page", RandomLogs.CHANNELS[0], JourneyStage.CONSIDERATION, CxArea.PRODUCT),
            Touchpoint.of("cart", "Cart", RandomLogs.CHANNELS[1], JourneyStage.PURCHASE, CxArea.SALES),
            Touchpoint.of("checkout", "Checkout", RandomLogs.CHANNELS[1], JourneyStage.PURCHASE, CxArea.SUPPORTING_SYSTEMS),
            Touchpoint.of("chat", "Chat", RandomLogs.CHANNELS[3], JourneyStage.SUPPORT, CxArea.SUPPORT)));

    @Property(tries = 100)
    void aBreakdownSummarizesTheJourneysTheSegmentFunctionGroups(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 300) int n, @ForAll TouchpointCatalog.Level level,
            @ForAll @IntRange(min = 0, max = 6) int rule) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        JourneyBuilder rules = EventLogProperties.RULES.get(rule);
        Function<CustomerJourney, String> segment = JourneySegments.entry(CATALOG, level);
        Map<String, JourneySummary> groups = new TreeMap<>();
        for (CustomerJourney j : rules.build(events)) {
            groups.computeIfAbsent(segment.apply(j), k -> JourneySummary.create()).accept(j);
        }
        EventLog log = EventLog.of(events);
        JourneySegments segments = JourneySegments.of(log, CATALOG, level);
        SegmentedResult<JourneySummaryResult> got = segments.breakdown(rules, JourneySummary.create(),
                JourneySummary::accept).result();
        Map<SegmentKey, JourneySummaryResult> want = new TreeMap<>();
        groups.forEach((k, s) -> want.put(SegmentKey.of(k), s.result()));
        assertEquals(want, got.asMap(), "seed=" + seed + " " + level + " " + rules);
        List<String> unknown = new ArrayList<>();
        for (String t : List.of("faq", "refund")) {
            if (log.touchpoints().find(t) >= 0) {
                unknown.add(t);
            }
        }
        assertEquals(unknown, segments.unknownTouchpoints());
    }

    @Test
    void aJourneyEnteringOutsideTheCatalogFallsInTheUnknownSegment() {
        EventLog log = EventLog.of(List.of(Events.ev("a", 0, "kiosk"), Events.ev("a", 1, "checkout"),
                Events.ev("b", 0, "checkout")));
        JourneySegments byArea = JourneySegments.of(log, CATALOG, TouchpointCatalog.Level.AREA);
        List<String> seen = new ArrayList<>();
        log.forEachJourney(JourneyBuilder.create(), j -> seen.add(byArea.names().get(byArea.segmentOf(j))));
        assertEquals(List.of(TouchpointCatalog.UNKNOWN, "supporting systems"), seen);
        assertEquals(List.of("kiosk"), byArea.unknownTouchpoints());
        assertEquals("JourneySegments[by area, 2 segments, 1 touchpoints not in the catalog]", byArea.toString());
        EventLog other = EventLog.of(List.of(Events.ev("a", 0, "kiosk")));
        other.forEachJourney(JourneyBuilder.create(), j -> assertThrows(IllegalArgumentException.class,
                () -> byArea.segmentOf(j)));
    }
}
