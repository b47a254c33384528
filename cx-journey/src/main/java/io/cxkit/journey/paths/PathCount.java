package io.cxkit.journey.paths;

import java.util.List;
import java.util.Locale;

/**
 * One path variant and how many journeys took it.
 *
 * @param path the touchpoint sequence; empty for the "other" bucket
 * @param count journeys that took it
 * @param share {@code count / journeys}, in [0, 1]; NaN when there are no journeys
 * @param variants number of distinct variants this row stands for (1, or more for "other")
 */
public record PathCount(List<String> path, long count, double share, long variants) {

    /**
     * Copies the path.
     *
     * @param path see the class comment
     * @param count see the class comment
     * @param share see the class comment
     * @param variants see the class comment
     */
    public PathCount {
        path = List.copyOf(path);
    }

    /**
     * The path as {@code a > b > c}, or {@code (other: N variants)} for the other bucket.
     *
     * @return the label
     */
    public String label() {
        return path.isEmpty() ? "(other: " + variants + " variants)" : String.join(" > ", path);
    }

    /**
     * Returns e.g. {@code 42 (35.0%) home > cart > checkout}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d (%.1f%%) %s", count, 100 * share, label());
    }
}
