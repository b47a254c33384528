package io.cxkit.journey.paths;

import java.util.List;
import java.util.Locale;

/**
 * The top-k path variants and an "other" bucket holding the rest, so that
 * {@code Σ top.count + other.count == journeys}.
 *
 * @param journeys journeys counted
 * @param top the k most frequent variants, most frequent first (ties: path order)
 * @param other every remaining variant in one row (count 0 and 0 variants if none remain)
 */
public record TopPaths(long journeys, List<PathCount> top, PathCount other) {

    /**
     * Copies the list.
     *
     * @param journeys see the class comment
     * @param top see the class comment
     * @param other see the class comment
     */
    public TopPaths {
        top = List.copyOf(top);
    }

    /**
     * A table, one row per variant, then "other" and the total.
     *
     * @return a readable multi-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Top %d paths of %d journeys%n",
                top.size(), journeys));
        for (PathCount p : top) {
            sb.append("  ").append(p).append(System.lineSeparator());
        }
        sb.append("  ").append(other).append(System.lineSeparator());
        return sb.toString();
    }
}
