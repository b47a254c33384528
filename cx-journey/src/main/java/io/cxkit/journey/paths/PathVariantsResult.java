package io.cxkit.journey.paths;

import java.util.List;

/**
 * All path variants counted by {@link PathVariants}, most frequent first (ties by path label).
 *
 * @param view what was counted, e.g. {@code "whole journeys"} or {@code "up to 3 steps leading to
 *     checkout"}
 * @param journeys journeys counted (for leading-to / following: journeys that visit the touchpoint)
 * @param skipped journeys not counted because they never visit the touchpoint (0 for whole paths)
 * @param variants every variant with its count and share of {@code journeys}
 */
public record PathVariantsResult(String view, long journeys, long skipped, List<PathCount> variants) {

    /**
     * Copies the list.
     *
     * @param view see the class comment
     * @param journeys see the class comment
     * @param skipped see the class comment
     * @param variants see the class comment
     */
    public PathVariantsResult {
        variants = List.copyOf(variants);
    }

    /**
     * The {@code k} most frequent variants and an "other" bucket with the rest.
     *
     * @param k how many variants to list, &gt;= 0
     * @return the top paths; their counts plus other's add up to {@link #journeys()}
     * @throws IllegalArgumentException if {@code k < 0}
     */
    public TopPaths top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("top k must be >= 0: " + k);
        }
        List<PathCount> top = variants.subList(0, Math.min(k, variants.size()));
        long rest = 0;
        for (int i = top.size(); i < variants.size(); i++) {
            rest += variants.get(i).count();
        }
        PathCount other = new PathCount(List.of(), rest, (double) rest / journeys,
                variants.size() - top.size());
        return new TopPaths(journeys, top, other);
    }

    /**
     * The ten most frequent variants as a table.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return view + ": " + journeys + " journeys, " + variants.size() + " variants"
                + (skipped > 0 ? ", " + skipped + " journeys without the touchpoint" : "")
                + System.lineSeparator() + top(10);
    }
}
