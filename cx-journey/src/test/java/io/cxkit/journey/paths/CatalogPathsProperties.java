package io.cxkit.journey.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.CxArea;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.Touchpoint;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.RandomLogs;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Paths and transitions over catalog levels ({@code throughCatalog}): each event's touchpoint
 * becomes its stage, area or channel before the path is formed, so the counts equal those of the
 * plain accumulators on a log whose events carry the segment as their touchpoint — for every view,
 * with and without collapsed repeats, on threads, through combine across logs and through the
 * encoding (payload version 2, which holds the catalog mapping).
 */
class CatalogPathsProperties {
    // refund is not in the catalog: it counts as (not in catalog)
    static final TouchpointCatalog CATALOG = TouchpointCatalog.of(List.of(
            Touchpoint.of("home", "Home", Channel.WEB, JourneyStage.AWARENESS, CxArea.MARKETING),
            Touchpoint.of("product", "Product", Channel.WEB, JourneyStage.CONSIDERATION, CxArea.PRODUCT),
            Touchpoint.of("cart", "Cart", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES),
            Touchpoint.of("checkout", "Checkout", Channel.MOBILE_APP, JourneyStage.PURCHASE, CxArea.SALES),
            Touchpoint.of("faq", "FAQ", Channel.WEB, JourneyStage.SUPPORT, CxArea.SUPPORT),
            Touchpoint.of("chat", "Chat", Channel.CHAT, JourneyStage.SUPPORT, CxArea.SUPPORT)));

    /** The events with each touchpoint replaced by its segment at {@code level}. */
    static List<JourneyEvent> mapped(List<JourneyEvent> events, TouchpointCatalog.Level level) {
        return events.stream().map(e -> new JourneyEvent(e.customerId(), e.time(), CATALOG.segment(e.touchpoint(),
                level), e.channel(), e.stage(), e.outcome(), e.value(), e.caseId())).toList();
    }

    static List<Supplier<PathVariants>> views() {
        return List.of(PathVariants::create, () -> PathVariants.create().collapsingRepeats(),
                () -> PathVariants.ofLeadingTo("purchase", 2), () -> PathVariants.ofFollowing("sales", 3)
                        .collapsingRepeats(), () -> PathVariants.ofLeadingTo(TouchpointCatalog.UNKNOWN, 1),
                () -> PathVariants.ofFollowing("web", 2));
    }

    /** The same counts; the view says the catalog level besides. */
    private static void assertSameCounts(PathVariantsResult expected, PathVariantsResult actual,
            TouchpointCatalog.Level level, String what) {
        assertEquals(expected.view() + ", through a touchpoint catalog by " + level.label() + " (6 touchpoints)",
                actual.view(), what);
        assertEquals(expected.journeys(), actual.journeys(), what);
        assertEquals(expected.skipped(), actual.skipped(), what);
        assertEquals(expected.variants(), actual.variants(), what);
    }

    @Property(tries = 30)
    void pathsThroughTheCatalogEqualPathsOfTheMappedLog(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 3) int threads) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        EventLog log = EventLog.of(events);
        for (TouchpointCatalog.Level level : TouchpointCatalog.Level.values()) {
            EventLog plain = EventLog.of(mapped(events, level));
            for (JourneyBuilder rules : RandomLogs.rules()) {
                for (Supplier<PathVariants> view : views()) {
                    PathVariants expected = view.get().acceptAll(plain, rules);
                    String what = level + " " + rules + " " + expected + " seed=" + seed;
                    PathVariants mapped;
                    try {
                        mapped = view.get().throughCatalog(CATALOG, level);
                    } catch (IllegalArgumentException e) {
                        // an anchor that is no label at this level is refused: no journey reaches it
                        assertEquals(0, expected.result().journeys(), what + ": " + e.getMessage());
                        continue;
                    }
                    PathVariants through = mapped.acceptAll(log, rules, threads);
                    assertSameCounts(expected.result(), through.result(), level, what);
                    PathVariants decoded = PathVariants.decode(through.encode());
                    assertEquals(through.result(), decoded.result(), what);
                    assertArrayEquals(through.encode(), decoded.encode(), what);
                    // the decoded accumulator still maps through the catalog
                    assertEquals(through.result(), decoded.emptyCopy().acceptAll(log, rules).result(), what);
                }
                TransitionGraph graph = TransitionGraph.create().acceptAll(plain, rules);
                TransitionGraph throughGraph = TransitionGraph.create().throughCatalog(CATALOG, level)
                        .acceptAll(log, rules, threads);
                assertEquals(graph.result(), throughGraph.result(), level + " " + rules + " seed=" + seed);
                TransitionGraph decoded = TransitionGraph.decode(throughGraph.encode());
                assertEquals(throughGraph.result(), decoded.result());
                assertArrayEquals(throughGraph.encode(), decoded.encode());
                assertEquals(throughGraph.result(), decoded.emptyCopy().acceptAll(log, rules).result());
            }
        }
    }

    @Property(tries = 20)
    void combineAcrossLogsEqualsTheSinglePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n) {
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        List<List<JourneyEvent>> halves = RandomLogs.splitByCustomer(events);
        EventLog all = EventLog.of(events);
        EventLog a = EventLog.of(halves.get(0));
        EventLog b = EventLog.of(halves.get(1));
        JourneyBuilder rules = JourneyBuilder.create().byCase();
        TouchpointCatalog.Level level = TouchpointCatalog.Level.AREA;
        PathVariants one = PathVariants.create().collapsingRepeats().throughCatalog(CATALOG, level);
        PathVariants left = one.emptyCopy().acceptAll(a, rules);
        assertEquals(one.acceptAll(all, rules).result(), left.combine(one.emptyCopy().acceptAll(b, rules)).result());
        assertEquals("whole journeys, repeats collapsed, through a touchpoint catalog by area (6 touchpoints)",
                left.result().view());
        TransitionGraph g = TransitionGraph.create().throughCatalog(CATALOG, level);
        TransitionGraph gl = g.emptyCopy().acceptAll(a, rules);
        assertEquals(g.acceptAll(all, rules).result(), gl.combine(g.emptyCopy().acceptAll(b, rules)).result());
    }

    @Test
    void differentMappingsDoNotCombineAndSaySo() {
        PathVariants byStage = PathVariants.create().throughCatalog(CATALOG, TouchpointCatalog.Level.STAGE);
        PathVariants byArea = PathVariants.create().throughCatalog(CATALOG, TouchpointCatalog.Level.AREA);
        IncompatibleAccumulatorException e = assertThrows(IncompatibleAccumulatorException.class,
                () -> byStage.combine(byArea));
        assertTrue(e.getMessage().contains("through a touchpoint catalog by stage (6 touchpoints)"), e.getMessage());
        assertThrows(IncompatibleAccumulatorException.class, () -> byStage.combine(PathVariants.create()));
        TouchpointCatalog other = TouchpointCatalog.of(List.of(Touchpoint.of("home", "Home", Channel.WEB,
                JourneyStage.RETENTION, CxArea.MARKETING)));
        assertThrows(IncompatibleAccumulatorException.class, () -> byStage.combine(PathVariants.create()
                .throughCatalog(other, TouchpointCatalog.Level.STAGE)));
        assertThrows(IncompatibleAccumulatorException.class, () -> TransitionGraph.create().throughCatalog(CATALOG,
                TouchpointCatalog.Level.STAGE).combine(TransitionGraph.create()));
        assertThrows(NullPointerException.class, () -> PathVariants.create().throughCatalog(null,
                TouchpointCatalog.Level.STAGE));
        assertThrows(NullPointerException.class, () -> TransitionGraph.create().throughCatalog(CATALOG, null));
        assertTrue(byStage.toString().contains("through a touchpoint catalog by stage"), byStage.toString());
        assertNotEquals(PathVariants.create().encode().length, byStage.encode().length);
    }

    @Test
    void anEncodingWithANameNoTouchpointMapsToIsCorrupt() {
        PathVariants p = PathVariants.create().throughCatalog(CATALOG, TouchpointCatalog.Level.STAGE);
        p.accept(List.of("home", "cart"));
        byte[] good = p.encode();
        byte[] bad = replace(good, "awareness", "awarenesX");
        CorruptEncodingException e = assertThrows(CorruptEncodingException.class, () -> PathVariants.decode(bad));
        assertTrue(e.getMessage().contains("'awarenesX', which is not a segment of its touchpoint catalog"),
                e.getMessage());
        TransitionGraph g = TransitionGraph.create().throughCatalog(CATALOG, TouchpointCatalog.Level.STAGE);
        g.accept(io.cxkit.journey.CustomerJourney.of("c", List.of(JourneyEvent.of("c", java.time.Instant.EPOCH, "home",
                Channel.WEB))));
        CorruptEncodingException ge = assertThrows(CorruptEncodingException.class,
                () -> TransitionGraph.decode(replace(g.encode(), "awareness", "awarenesX")));
        assertTrue(ge.getMessage().contains("node 'awarenesX', which is not a segment"), ge.getMessage());
    }

    /** The bytes with the last occurrence of one ASCII string replaced by another of the same length. */
    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = bytes.clone();
        for (int i = bytes.length - f.length; i >= 0; i--) {
            if (java.util.Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, i, f.length);
                return out;
            }
        }
        throw new AssertionError(from + " not in the encoding");
    }

    @Test
    void collapsingRepeatsOfStagesGivesTheNaturalStagePath() {
        PathVariants p = PathVariants.create().collapsingRepeats().throughCatalog(CATALOG, TouchpointCatalog.Level.STAGE);
        p.accept(List.of("home", "product", "cart", "checkout", "faq", "chat", "refund"));
        assertEquals(List.of("awareness", "consideration", "purchase", "support", TouchpointCatalog.UNKNOWN),
                p.result().variants().get(0).path());
    }
}
