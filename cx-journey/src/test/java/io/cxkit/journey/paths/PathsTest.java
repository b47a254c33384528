package io.cxkit.journey.paths;

import static io.cxkit.journey.Events.ev;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.Events;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Paths and transitions by hand.
 *
 * <pre>
 * a: home@0 product@2 cart@5 checkout@15
 * b: home@0 product@1 cart@2 checkout@3
 * c: home@0 faq@1 faq@2 chat@3
 * d: product@0
 * e: home@0 product@1 home@2 product@3 cart@4
 * f: faq@0 chat@1
 * </pre>
 */
class PathsTest {
    static final List<CustomerJourney> JOURNEYS = JourneyBuilder.create().build(List.of(
            ev("a", 0, "home"), ev("a", 2, "product"), ev("a", 5, "cart"), ev("a", 15, "checkout"),
            ev("b", 3, "checkout"), ev("b", 2, "cart"), ev("b", 1, "product"), ev("b", 0, "home"),
            ev("c", 0, "home"), ev("c", 1, "faq"), ev("c", 2, "faq"), ev("c", 3, "chat"),
            ev("d", 0, "product"),
            ev("e", 0, "home"), ev("e", 1, "product"), ev("e", 2, "home"), ev("e", 3, "product"), ev("e", 4, "cart"),
            ev("f", 0, "faq"), ev("f", 1, "chat")));

    static PathVariantsResult run(PathVariants p) {
        JOURNEYS.forEach(p::accept);
        return p.result();
    }

    @Test
    void topKPlusOtherReconcilesWithJourneysAndFunnel() {
        PathVariantsResult r = run(PathVariants.create());
        assertEquals(6, r.journeys());
        assertEquals(5, r.variants().size());
        TopPaths top = r.top(1);
        assertEquals(List.of("home", "product", "cart", "checkout"), top.top().get(0).path());
        assertEquals(2, top.top().get(0).count());
        assertEquals(2.0 / 6, top.top().get(0).share(), 1e-12);
        assertEquals(4, top.other().count());
        assertEquals(4, top.other().variants());
        assertEquals(r.journeys(), top.top().stream().mapToLong(PathCount::count).sum() + top.other().count());
        // ties broken by label
        assertEquals(List.of("home > product > cart > checkout", "faq > chat", "home > faq > faq > chat",
                "home > product > home > product > cart", "product"),
                r.variants().stream().map(PathCount::label).toList());
        assertEquals(0, r.top(10).other().count());
        assertEquals(0, r.top(0).top().size());
        // the same journeys through a funnel: offered journeys agree
        assertEquals(r.journeys(), Funnel.builder().steps("home").build().run(JOURNEYS).journeys());
        String s = top.toString();
        assertTrue(s.contains("2 (33.3%) home > product > cart > checkout"), s);
        assertTrue(s.contains("4 (66.7%) (other: 4 variants)"), s);
    }

    @Test
    void collapsedRepeats() {
        PathVariantsResult r = run(PathVariants.create().collapsingRepeats());
        assertTrue(r.variants().stream().anyMatch(p -> p.path().equals(List.of("home", "faq", "chat"))));
    }

    @Test
    void pathsLeadingToAndFollowing() {
        PathVariantsResult to = run(PathVariants.ofLeadingTo("cart", 2));
        assertEquals(3, to.journeys());
        assertEquals(3, to.skipped());
        assertEquals(List.of(new PathCount(List.of("home", "product", "cart"), 3, 1.0, 1)), to.variants());
        PathVariantsResult from = run(PathVariants.ofFollowing("product", 1));
        assertEquals(4, from.journeys());
        assertEquals(2, from.skipped());
        assertEquals(List.of("product > cart", "product", "product > home"),
                from.variants().stream().map(PathCount::label).toList());
        assertEquals(List.of(2L, 1L, 1L), from.variants().stream().map(PathCount::count).toList());
        assertTrue(from.toString().startsWith("up to 1 steps following product: 4 journeys, 3 variants, "
                + "2 journeys without the touchpoint"), from.toString());
    }

    @Test
    void transitionGraphByHand() {
        TransitionGraph g = TransitionGraph.create();
        JOURNEYS.forEach(g::accept);
        TransitionGraphResult r = g.result();
        assertEquals(4, r.transition(TransitionGraph.START, "home").orElseThrow().count());
        assertEquals(4, r.transition("home", "product").orElseThrow().count());
        Transition productCart = r.transition("product", "cart").orElseThrow();
        assertEquals(3, productCart.count());
        assertEquals(0.6, productCart.share(), 1e-12); // product → cart 3, → home 1, → end 1
        assertEquals(1.0, r.from("product").stream().mapToDouble(Transition::share).sum(), 1e-12);
        Transition cartCheckout = r.transition("cart", "checkout").orElseThrow();
        assertEquals(2, cartCheckout.count());
        assertEquals(60, cartCheckout.time().median(), 0.6); // {600 s, 60 s}: rank ⌊0.5·1⌋ = 0
        assertEquals(600, cartCheckout.time().max());
        assertEquals(1, r.transition("cart", TransitionGraph.END).orElseThrow().count());
        assertTrue(r.transition("chat", "home").isEmpty());
        assertEquals(List.of("faq"), r.loops().stream().map(Transition::from).toList());
        assertEquals(new TouchpointRepeats("faq", 3, 1, 2, 1), r.repeats("faq").orElseThrow());
        assertEquals(new TouchpointRepeats("home", 5, 1, 4, 1), r.repeats("home").orElseThrow());
        assertEquals(0.25, r.repeats("home").orElseThrow().repeatRate(), 1e-12);
        long edgesFromStart = r.from(TransitionGraph.START).stream().mapToLong(Transition::count).sum();
        long edgesToEnd = r.transitions().stream().filter(t -> t.to().equals(TransitionGraph.END))
                .mapToLong(Transition::count).sum();
        assertEquals(6, edgesFromStart);
        assertEquals(6, edgesToEnd);
        assertEquals("TransitionGraph[6 journeys, 6 touchpoints]", g.toString());
        assertTrue(r.toString().contains("cart -> checkout: 2 (66.7%), median 60 s, p90 60 s"), r.toString());
        assertTrue(r.toString().contains("(start) -> home: 4 (66.7%)"), r.toString());
    }

    @Test
    void emptyInput() {
        PathVariantsResult r = PathVariants.create().result();
        assertEquals(0, r.journeys());
        assertEquals(0, r.top(3).other().count());
        TransitionGraphResult g = TransitionGraph.create().result();
        assertEquals(0, g.transitions().size());
    }

    @Test
    void badInput() {
        assertEquals("path steps must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                () -> PathVariants.ofLeadingTo("cart", 0)).getMessage());
        assertEquals("top k must be >= 0: -1", assertThrows(IllegalArgumentException.class,
                () -> PathVariants.create().result().top(-1)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PathVariants.create().combine(PathVariants.ofFollowing("x", 2)));
        assertThrows(IllegalArgumentException.class, () -> PathVariants.decode(new byte[3]));
        assertThrows(NullPointerException.class, () -> TransitionGraph.create().accept((CustomerJourney) null));
        byte[] negativePath = io.cxkit.core.Encoding.writer(PathVariants.TYPE, 1).putString("WHOLE").putString("")
                .putInt(0).putBoolean(false).putLong(1).putLong(0).putInt(1).putInt(-5).toBytes();
        assertEquals("encoded 'path-variants' has a negative path length: -5",
                assertThrows(IllegalArgumentException.class, () -> PathVariants.decode(negativePath)).getMessage());
        byte[] negativeNodes = io.cxkit.core.Encoding.writer(TransitionGraph.TYPE, 1).putLong(0).putInt(-1).toBytes();
        assertEquals("encoded 'transition-graph' has a negative node count: -1",
                assertThrows(IllegalArgumentException.class, () -> TransitionGraph.decode(negativeNodes)).getMessage());
        byte[] hugeNodes = io.cxkit.core.Encoding.writer(TransitionGraph.TYPE, 1).putLong(0).putInt(Integer.MAX_VALUE)
                .toBytes();
        assertThrows(IllegalArgumentException.class, () -> TransitionGraph.decode(hugeNodes));
        byte[] badView = io.cxkit.core.Encoding.writer(PathVariants.TYPE, 1).putString("SIDEWAYS").toBytes();
        assertThrows(IllegalArgumentException.class, () -> PathVariants.decode(badView));
    }

    @Property(tries = 50)
    void combineAndEncodingEqualSinglePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int events,
            @ForAll @IntRange(min = 1, max = 4) int parts) {
        List<CustomerJourney> js = FunnelProperties.randomJourneys(seed, events);
        List<PathVariants> pv = new ArrayList<>();
        List<TransitionGraph> tg = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            pv.add(PathVariants.ofFollowing("product", 2).collapsingRepeats());
            tg.add(TransitionGraph.create());
        }
        PathVariants pvAll = PathVariants.ofFollowing("product", 2).collapsingRepeats();
        TransitionGraph tgAll = TransitionGraph.create();
        for (int i = 0; i < js.size(); i++) {
            int p = (int) Math.floorMod(seed * 31 + i, (long) parts);
            pv.get(p).accept(js.get(i));
            tg.get(p).accept(js.get(i));
            pvAll.accept(js.get(i));
            tgAll.accept(js.get(i));
        }
        PathVariants pvMerged = PathVariants.decode(pv.get(parts - 1).encode());
        TransitionGraph tgMerged = TransitionGraph.decode(tg.get(parts - 1).encode());
        for (int p = parts - 2; p >= 0; p--) {
            pvMerged.combine(PathVariants.decode(pv.get(p).encode()));
            tgMerged.combine(TransitionGraph.decode(tg.get(p).encode()));
        }
        assertEquals(pvAll.result(), pvMerged.result(), "seed=" + seed);
        assertEquals(tgAll.result(), tgMerged.result(), "seed=" + seed);
        assertArrayEquals(pvAll.encode(), pvMerged.encode());
        PathVariantsResult whole = run(js, PathVariants.create());
        TopPaths top = whole.top(3);
        assertEquals(js.size(), top.top().stream().mapToLong(PathCount::count).sum() + top.other().count());
        assertEquals(js.size(), Funnel.builder().steps("cart").window(Duration.ofHours(1)).build().run(js).journeys());
    }

    private static PathVariantsResult run(List<CustomerJourney> js, PathVariants p) {
        js.forEach(p::accept);
        return p.result();
    }
}
