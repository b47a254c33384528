package io.cxkit.journey.paths;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mergeable counts of journey path variants: whole journeys, the steps leading to a touchpoint, or
 * the steps following it.
 *
 * <ul>
 *   <li>{@link #whole()} — each journey's full touchpoint path;
 *   <li>{@link #leadingTo(String, int)} — up to {@code steps} touchpoints before the journey's
 *       <em>first</em> visit to the touchpoint, ending with it; journeys that never visit it are
 *       counted in {@link PathVariantsResult#skipped()};
 *   <li>{@link #following(String, int)} — the touchpoint's first visit and up to {@code steps}
 *       touchpoints after it.
 * </ul>
 *
 * <p>With {@link #collapsingRepeats()} consecutive repeats of a touchpoint count once
 * ({@code a a b → a b}). Counts are exact; combine adds them, so any split of the journeys gives
 * the single-pass result.
 */
public final class PathVariants implements Accumulator<PathVariants, PathVariantsResult> {
    /** Encoding type name. */
    public static final String TYPE = "path-variants";

    private enum View { WHOLE, LEADING_TO, FOLLOWING }

    private final View view;
    private final String anchor;
    private final int steps;
    private final boolean collapse;
    private final Map<List<String>, long[]> counts = new HashMap<>();
    private long journeys;
    private long skipped;

    private PathVariants(View view, String anchor, int steps, boolean collapse) {
        this.view = view;
        this.anchor = anchor;
        this.steps = steps;
        this.collapse = collapse;
    }

    /**
     * Whole-journey variants.
     *
     * @return a new accumulator
     */
    public static PathVariants whole() {
        return new PathVariants(View.WHOLE, "", 0, false);
    }

    /**
     * Paths leading to the first visit of a touchpoint.
     *
     * @param touchpoint the touchpoint id
     * @param steps how many touchpoints before it to keep, &gt;= 1
     * @return a new accumulator
     * @throws IllegalArgumentException if {@code steps < 1} or the touchpoint is blank
     */
    public static PathVariants leadingTo(String touchpoint, int steps) {
        return new PathVariants(View.LEADING_TO, Check.notBlank(touchpoint, "path touchpoint"),
                checkSteps(steps), false);
    }

    /**
     * Paths following the first visit of a touchpoint.
     *
     * @param touchpoint the touchpoint id
     * @param steps how many touchpoints after it to keep, &gt;= 1
     * @return a new accumulator
     * @throws IllegalArgumentException if {@code steps < 1} or the touchpoint is blank
     */
    public static PathVariants following(String touchpoint, int steps) {
        return new PathVariants(View.FOLLOWING, Check.notBlank(touchpoint, "path touchpoint"),
                checkSteps(steps), false);
    }

    private static int checkSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("path steps must be >= 1: " + steps);
        }
        return steps;
    }

    /**
     * Returns a new, empty accumulator like this one that collapses consecutive repeats.
     *
     * @return a new accumulator
     */
    public PathVariants collapsingRepeats() {
        return new PathVariants(view, anchor, steps, true);
    }

    /**
     * Counts one journey.
     *
     * @param journey the journey
     */
    public void accept(CustomerJourney journey) {
        Check.notNull(journey, "journey");
        accept(journey.path());
    }

    /**
     * Counts one touchpoint path.
     *
     * @param path the touchpoints in order
     */
    public void accept(List<String> path) {
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

    private String configuration() {
        return view + (view == View.WHOLE ? "" : " " + anchor + " " + steps) + (collapse ? " collapsed" : "");
    }

    @Override
    public PathVariants combine(PathVariants other) {
        Check.notNull(other, "other");
        if (!configuration().equals(other.configuration())) {
            throw new IncompatibleAccumulatorException("cannot combine path variants with different configurations: "
                    + configuration() + " vs " + other.configuration());
        }
        // every variant count is at most the journey count, so checking that covers them
        long newJourneys = ExactCounts.checkAdd(journeys, other.journeys, "journey count");
        long newSkipped = ExactCounts.checkAdd(skipped, other.skipped, "skipped count");
        PathVariants source = other == this ? decode(encode()) : other;
        source.counts.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        journeys = newJourneys;
        skipped = newSkipped;
        return this;
    }

    @Override
    public PathVariantsResult result() {
        List<PathCount> all = new ArrayList<>(counts.size());
        for (Map.Entry<List<String>, long[]> e : counts.entrySet()) {
            all.add(new PathCount(e.getKey(), e.getValue()[0], (double) e.getValue()[0] / journeys, 1));
        }
        all.sort(Comparator.comparingLong(PathCount::count).reversed()
                .thenComparing(PathCount::label));
        return new PathVariantsResult(describe(), journeys, skipped, all);
    }

    private String describe() {
        return switch (view) {
            case WHOLE -> "whole journeys";
            case LEADING_TO -> "up to " + steps + " steps leading to " + anchor;
            case FOLLOWING -> "up to " + steps + " steps following " + anchor;
        } + (collapse ? ", repeats collapsed" : "");
    }

    @Override
    public PathVariants emptyCopy() {
        return new PathVariants(view, anchor, steps, collapse);
    }

    @Override
    public PathVariants self() {
        return this;
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 1).putString(view.name()).putString(anchor).putInt(steps)
                .putBoolean(collapse).putLong(journeys).putLong(skipped).putInt(counts.size());
        List<Map.Entry<List<String>, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparing(e -> String.join("\u0000", e.getKey())));
        for (Map.Entry<List<String>, long[]> e : entries) {
            w.putInt(e.getKey().size());
            for (String s : e.getKey()) {
                w.putString(s);
            }
            w.putLong(e.getValue()[0]);
        }
        return w.toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the accumulator
     * @throws IllegalArgumentException if the encoding is invalid
     */
    public static PathVariants decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        View view = in.getEnum(View.class, "view");
        String anchor = in.getString();
        int steps = in.getInt();
        boolean collapse = in.getBoolean();
        PathVariants p = in.valid("configuration", () -> switch (view) {
            case WHOLE -> anchor.isEmpty() && steps == 0 ? new PathVariants(view, anchor, steps, collapse) : null;
            case LEADING_TO -> new PathVariants(view, Check.notBlank(anchor, "path touchpoint"),
                    checkSteps(steps), collapse);
            case FOLLOWING -> new PathVariants(view, Check.notBlank(anchor, "path touchpoint"),
                    checkSteps(steps), collapse);
        });
        if (p == null) {
            throw in.corrupt("has a whole-journey view with an anchor '" + anchor + "' or steps " + steps);
        }
        p.journeys = in.getCount("journey count");
        p.skipped = in.getCount("skipped count");
        if (view == View.WHOLE && p.skipped != 0) {
            throw in.corrupt("has " + p.skipped + " skipped journeys in a whole-journey view");
        }
        int n = in.getSize("variant count", 4);
        long total = 0;
        for (int i = 0; i < n; i++) {
            int len = in.getSize("path length", 4);
            if (view != View.WHOLE && (len < 1 || len > steps + 1)) {
                throw in.corrupt("has a path of " + len + " touchpoints in a view of " + steps + " steps");
            }
            List<String> path = new ArrayList<>(len);
            for (int j = 0; j < len; j++) {
                path.add(in.getString());
            }
            long c = in.getCount("variant count");
            if (c == 0 || p.counts.put(List.copyOf(path), new long[] {c}) != null) {
                throw in.corrupt("has an empty or repeated path variant " + path + ": " + c);
            }
            total = in.add(total, c, "total of variant counts");
        }
        if (total != p.journeys) {
            throw in.corrupt("has variant counts adding up to " + total + " for " + p.journeys + " journeys");
        }
        in.end();
        return p;
    }

    /**
     * Returns e.g. {@code PathVariants[whole journeys, 120 journeys, 17 variants]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "PathVariants[" + describe() + ", " + journeys + " journeys, " + counts.size() + " variants]";
    }
}
