package io.cxkit.journey.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The path rules the package documentation states and that an independent check found ambiguous,
 * one test each.
 */
class PathsSemanticsTest {

    private static PathVariantsResult run(PathVariants p, List<List<String>> paths) {
        paths.forEach(p::accept);
        return p.result();
    }

    private static List<String> labels(List<PathCount> counts) {
        return counts.stream().map(PathCount::label).toList();
    }

    @Test
    void fromAndToPathsIncludeTheTouchpointAndCutAtItsFirstVisit() {
        List<List<String>> paths = List.of(List.of("home", "cart", "faq", "cart", "pay"), List.of("cart"));
        assertEquals(List.of("cart", "cart > faq"), labels(run(PathVariants.ofFollowing("cart", 1), paths).variants()));
        assertEquals(List.of("cart", "home > cart"), labels(run(PathVariants.ofLeadingTo("cart", 2), paths).variants()));
    }

    @Test
    void repeatsAreCollapsedBeforeTheDepthIsCounted() {
        List<List<String>> paths = List.of(List.of("a", "a", "a", "b", "c", "a"));
        assertEquals(List.of("a > a"), labels(run(PathVariants.ofFollowing("a", 1), paths).variants()));
        // collapsed first (a b c a), then one step after the first a; the later, non-consecutive a stays
        assertEquals(List.of("a > b"), labels(run(PathVariants.ofFollowing("a", 1).collapsingRepeats(), paths)
                .variants()));
        assertEquals(List.of("a > b > c > a"), labels(run(PathVariants.create().collapsingRepeats(), paths)
                .variants()));
        assertEquals(List.of("b > c > a"), labels(run(PathVariants.ofLeadingTo("a", 3).collapsingRepeats(),
                List.of(List.of("b", "b", "c", "c", "a"))).variants()));
    }

    @Test
    void topKCutsTiesAtKByLabelAndPutsTheRestInOther() {
        // x twice; "b" and "a > c" once each: the tie is ordered by label ("a > c" < "b")
        PathVariantsResult r = run(PathVariants.create(), List.of(List.of("x"), List.of("b"), List.of("x"),
                List.of("a", "c")));
        assertEquals(List.of("x", "a > c", "b"), labels(r.variants()));
        TopPaths top = r.top(2);
        assertEquals(List.of("x", "a > c"), labels(top.top()));
        assertEquals(1, top.other().count());
        assertEquals(1, top.other().variants());
    }
}
