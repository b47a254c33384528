package io.cxkit.journey.paths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference oracle for path variants: the former object-path counting (a map from the
 * touchpoint names of a path to its count, exactly as {@code PathVariants.accept(List)} and
 * {@code result()} were before paths ran over the event log). The equality properties compare it
 * with the log path on random logs.
 */
final class ReferencePaths {
    enum View { WHOLE, LEADING_TO, FOLLOWING }

    private final View view;
    private final String anchor;
    private final int steps;
    private final boolean collapse;
    private final String description;
    private final Map<List<String>, long[]> counts = new HashMap<>();
    private long journeys;
    private long skipped;

    ReferencePaths(View view, String anchor, int steps, boolean collapse) {
        this.view = view;
        this.anchor = anchor;
        this.steps = steps;
        this.collapse = collapse;
        this.description = switch (view) {
            case WHOLE -> "whole journeys";
            case LEADING_TO -> "up to " + steps + " steps leading to " + anchor;
            case FOLLOWING -> "up to " + steps + " steps following " + anchor;
        } + (collapse ? ", repeats collapsed" : "");
    }

    /** The accumulator of the same configuration. */
    PathVariants accumulator() {
        PathVariants p = switch (view) {
            case WHOLE -> PathVariants.create();
            case LEADING_TO -> PathVariants.ofLeadingTo(anchor, steps);
            case FOLLOWING -> PathVariants.ofFollowing(anchor, steps);
        };
        return collapse ? p.collapsingRepeats() : p;
    }

    void accept(List<String> path) {
        List<String> p = collapse ? collapsed(path) : path;
        if (view != View.WHOLE) {
            int at = p.indexOf(anchor);
            if (at < 0) {
                skipped++;
                return;
            }
            p = view == View.LEADING_TO ? p.subList(Math.max(0, at - steps), at + 1)
                    : p.subList(at, Math.min(p.size(), at + steps + 1));
        }
        journeys++;
        counts.computeIfAbsent(List.copyOf(p), k -> new long[1])[0]++;
    }

    private static List<String> collapsed(List<String> path) {
        List<String> out = new ArrayList<>(path.size());
        for (String s : path) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s);
            }
        }
        return out;
    }

    PathVariantsResult result() {
        List<PathCount> all = new ArrayList<>(counts.size());
        for (Map.Entry<List<String>, long[]> e : counts.entrySet()) {
            all.add(new PathCount(e.getKey(), e.getValue()[0], (double) e.getValue()[0] / journeys, 1));
        }
        all.sort(Comparator.comparingLong(PathCount::count).reversed().thenComparing(PathCount::label));
        return new PathVariantsResult(description, journeys, skipped, all);
    }
}
