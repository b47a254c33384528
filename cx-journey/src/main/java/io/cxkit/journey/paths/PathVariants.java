package io.cxkit.journey.paths;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.NameDictionary;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.LogJourney;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mergeable counts of journey path variants: whole journeys, the steps leading to a touchpoint, or
 * the steps following it.
 *
 * <ul>
 *   <li>{@link #create()} — each journey's full touchpoint path;
 *   <li>{@link #ofLeadingTo(String, int)} — up to {@code steps} touchpoints before the journey's
 *       <em>first</em> visit to the touchpoint, ending with it; journeys that never visit it are
 *       counted in {@link PathVariantsResult#skipped()};
 *   <li>{@link #ofFollowing(String, int)} — the touchpoint's first visit and up to {@code steps}
 *       touchpoints after it.
 * </ul>
 *
 * <p>With {@link #collapsingRepeats()} consecutive repeats of a touchpoint count once
 * ({@code a a b → a b}), before the first visit is looked for and the steps are counted; with
 * {@link #throughCatalog} touchpoints are counted as their journey stage, CX area or channel. Counts
 * are exact; combine adds them, so any split of the journeys gives the single-pass result.
 *
 * <p><b>Counting.</b> Paths are counted as sequences of touchpoint ids in a primitive hash table
 * (the accumulator's own ids, so accumulators fed from logs with different dictionaries combine
 * by name); names are looked up once per touchpoint and log, and turned back into names only when
 * a result or encoding is made. {@link #accept(LogJourney)} allocates nothing per journey or event
 * once its buffers have grown (a path variant seen for the first time is stored once);
 * {@link #accept(CustomerJourney)} and {@link #accept(List)} count through the same code.
 * {@link #acceptAll(EventLog, JourneyBuilder, int)} counts a whole log on several threads. Not
 * thread-safe.
 */
public final class PathVariants implements Accumulator<PathVariants, PathVariantsResult> {
    /** Encoding type name. */
    public static final String TYPE = "path-variants";

    private enum View { WHOLE, LEADING_TO, FOLLOWING }

    private final View view;
    private final String anchor;
    private final int steps;
    private final boolean collapse;
    /** The catalog labels touchpoints are counted under, or null to count the touchpoints themselves. */
    private final CatalogLabels labels;
    private final NameDictionary names = new NameDictionary();
    private final int anchorId;
    private final PathTable counts = new PathTable();
    private long journeys;
    private long skipped;
    private int[] path = new int[16];
    private final LogTouchpoints logTouchpoints = new LogTouchpoints(this::idOf);

    private PathVariants(View view, String anchor, int steps, boolean collapse, CatalogLabels labels) {
        this.view = view;
        this.anchor = anchor;
        this.steps = steps;
        this.collapse = collapse;
        this.labels = labels;
        if (labels != null && view != View.WHOLE && !labels.isLabel(anchor)) {
            throw new IllegalArgumentException("path touchpoint '" + anchor + "' is not a " + labels.level().label()
                    + " of the touchpoint catalog, and counted through it no journey could reach it: "
                    + labels.labels());
        }
        this.anchorId = view == View.WHOLE ? -1 : names.idOf(anchor);
    }

    /** The id of a touchpoint name: of its catalog label when counting through a catalog. */
    private int idOf(String touchpoint) {
        return names.idOf(labels == null ? touchpoint : labels.label(touchpoint));
    }

    /**
     * Whole-journey variants.
     *
     * @return a new accumulator
     */
    public static PathVariants create() {
        return new PathVariants(View.WHOLE, "", 0, false, null);
    }

    /**
     * Paths leading to the first visit of a touchpoint.
     *
     * @param touchpoint the touchpoint id
     * @param steps how many touchpoints before it to keep, &gt;= 1
     * @return a new accumulator
     * @throws IllegalArgumentException if {@code steps < 1} or the touchpoint is blank
     */
    public static PathVariants ofLeadingTo(String touchpoint, int steps) {
        Check.notNull(touchpoint, "touchpoint");
        return new PathVariants(View.LEADING_TO, Check.notBlank(touchpoint, "path touchpoint"),
                checkSteps(steps), false, null);
    }

    /**
     * Paths following the first visit of a touchpoint.
     *
     * @param touchpoint the touchpoint id
     * @param steps how many touchpoints after it to keep, &gt;= 1
     * @return a new accumulator
     * @throws IllegalArgumentException if {@code steps < 1} or the touchpoint is blank
     */
    public static PathVariants ofFollowing(String touchpoint, int steps) {
        Check.notNull(touchpoint, "touchpoint");
        return new PathVariants(View.FOLLOWING, Check.notBlank(touchpoint, "path touchpoint"),
                checkSteps(steps), false, null);
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
        return new PathVariants(view, anchor, steps, true, labels);
    }

    /**
     * Returns a new, empty accumulator like this one that counts each touchpoint as its segment in a
     * touchpoint catalog: its journey stage, CX area or channel ({@link TouchpointCatalog#segment}),
     * {@value TouchpointCatalog#UNKNOWN} for a touchpoint the catalog does not hold. The mapping
     * comes before everything else: repeats are collapsed, and the anchor of
     * {@link #ofLeadingTo}/{@link #ofFollowing} is found, among the segments (so the anchor names a
     * segment, e.g. {@code "purchase"}). {@code create().collapsingRepeats().throughCatalog(c,
     * Level.STAGE)} counts the natural stage paths ({@code awareness > consideration > purchase}).
     * The catalog's mapping is kept in the encoding (payload version 2); accumulators combine only
     * with the same mapping. Counting costs the same: a log's touchpoint is mapped once per log.
     *
     * @param catalog the catalog
     * @param level stage, area or channel
     * @return a new accumulator
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if this accumulator leads to or follows a touchpoint that is
     *     not a segment of the catalog at that level (no journey could reach it)
     */
    public PathVariants throughCatalog(TouchpointCatalog catalog, TouchpointCatalog.Level level) {
        return new PathVariants(view, anchor, steps, collapse, CatalogLabels.of(catalog, level));
    }

    /**
     * Counts one journey (its touchpoint path, as {@link #accept(List)}).
     *
     * @param journey the journey
     * @throws NullPointerException if {@code journey} is null
     */
    public void accept(CustomerJourney journey) {
        Check.notNull(journey, "journey");
        accept(journey.path());
    }

    /**
     * Counts one journey of an event log, allocating nothing once the buffers have grown.
     *
     * @param journey the journey view (read now, not kept)
     * @throws NullPointerException if {@code journey} is null
     */
    public void accept(LogJourney journey) {
        Check.notNull(journey, "journey");
        logTouchpoints.use(journey.log());
        int n = journey.size();
        int[] p = buffer(n);
        int len = 0;
        for (int i = 0; i < n; i++) {
            int id = logTouchpoints.id(journey.touchpoint(i));
            if (!collapse || len == 0 || p[len - 1] != id) {
                p[len++] = id;
            }
        }
        count(p, len);
    }

    /**
     * Counts one touchpoint path.
     *
     * @param path the touchpoints in order; none null
     * @throws NullPointerException if {@code path} or one of its touchpoints is null
     */
    public void accept(List<String> path) {
        Check.notNull(path, "path");
        int[] p = buffer(path.size());
        int len = 0;
        for (int i = 0; i < path.size(); i++) {
            int id = idOf(Check.notNull(path.get(i), "path[" + i + "]"));
            if (!collapse || len == 0 || p[len - 1] != id) {
                p[len++] = id;
            }
        }
        count(p, len);
    }

    private int[] buffer(int n) {
        if (path.length < n) {
            path = new int[Math.max(n, path.length * 2)];
        }
        return path;
    }

    /** Counts the (collapsed) path p[0, len) in this view. */
    private void count(int[] p, int len) {
        int from = 0;
        int to = len;
        if (view != View.WHOLE) {
            int at = 0;
            while (at < len && p[at] != anchorId) {
                at++;
            }
            if (at == len) {
                skipped++;
                return;
            }
            from = view == View.LEADING_TO ? Math.max(0, at - steps) : at;
            to = view == View.LEADING_TO ? at + 1 : Math.min(len, at + steps + 1);
        }
        journeys++;
        counts.add(p, from, to, 1);
    }

    /**
     * Counts every journey of an event log into this accumulator, with the customers split across
     * {@code threads} threads ({@link EventLog#scan}) and merged with {@link #combine}: the same counts
     * as accepting the journeys one by one.
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @param threads threads to use, in [1, 1024]
     * @return this accumulator
     * @throws IllegalArgumentException if {@code threads} is not in [1, 1024]
     * @throws NullPointerException if an argument is null
     */
    public PathVariants acceptAll(EventLog log, JourneyBuilder rules, int threads) {
        Check.notNull(log, "log");
        return combine(log.scan(rules, threads, this::emptyCopy, PathVariants::accept, PathVariants::combine));
    }

    /**
     * Counts every journey of an event log into this accumulator on the calling thread.
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @return this accumulator
     * @throws NullPointerException if an argument is null
     */
    public PathVariants acceptAll(EventLog log, JourneyBuilder rules) {
        return acceptAll(log, rules, 1);
    }

    /** Path {@code e} of the table as names. */
    private List<String> pathOf(int e) {
        String[] out = new String[counts.length(e)];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.name(counts.id(e, i));
        }
        return List.of(out);
    }

    private String configuration() {
        return view + (view == View.WHOLE ? "" : " " + anchor + " " + steps) + (collapse ? " collapsed" : "")
                + (labels == null ? "" : " " + labels);
    }

    @Override
    public PathVariants combine(PathVariants other) {
        Check.notNull(other, "other");
        if (!configuration().equals(other.configuration()) || !Objects.equals(labels, other.labels)) {
            throw new IncompatibleAccumulatorException("cannot combine path variants with different configurations: "
                    + configuration() + " vs " + other.configuration());
        }
        // every variant count is at most the journey count, so checking that covers them
        long newJourneys = ExactCounts.checkAdd(journeys, other.journeys, "journey count");
        long newSkipped = ExactCounts.checkAdd(skipped, other.skipped, "skipped count");
        PathVariants source = other == this ? decode(encode()) : other;
        int[] map = new int[source.names.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = names.idOf(source.names.name(i));
        }
        int[] p = new int[16];
        for (int e = 0; e < source.counts.size(); e++) {
            int len = source.counts.length(e);
            if (p.length < len) {
                p = new int[Math.max(len, p.length * 2)];
            }
            for (int i = 0; i < len; i++) {
                p[i] = map[source.counts.id(e, i)];
            }
            counts.add(p, 0, len, source.counts.count(e));
        }
        journeys = newJourneys;
        skipped = newSkipped;
        return this;
    }

    @Override
    public PathVariantsResult result() {
        List<PathCount> all = new ArrayList<>(counts.size());
        for (int e = 0; e < counts.size(); e++) {
            all.add(new PathCount(pathOf(e), counts.count(e), (double) counts.count(e) / journeys, 1));
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
        } + (collapse ? ", repeats collapsed" : "") + (labels == null ? "" : ", " + labels);
    }

    @Override
    public PathVariants emptyCopy() {
        return new PathVariants(view, anchor, steps, collapse, labels);
    }

    @Override
    public PathVariants copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, labels == null ? 1 : 2).putString(view.name()).putString(anchor)
                .putInt(steps).putBoolean(collapse);
        if (labels != null) {
            labels.write(w);
        }
        w.putLong(journeys).putLong(skipped).putInt(counts.size());
        List<List<String>> paths = new ArrayList<>(counts.size());
        Map<List<String>, Long> countOf = new HashMap<>();
        for (int e = 0; e < counts.size(); e++) {
            List<String> path = pathOf(e);
            paths.add(path);
            countOf.put(path, counts.count(e));
        }
        paths.sort(Comparator.comparing(path -> String.join("\u0000", path)));
        for (List<String> path : paths) {
            w.putInt(path.size());
            for (String s : path) {
                w.putString(s);
            }
            w.putLong(countOf.get(path));
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
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 2);
        View view = in.getEnum(View.class, "view");
        String anchor = in.getString();
        int steps = in.getInt();
        boolean collapse = in.getBoolean();
        CatalogLabels labels = in.payloadVersion() >= 2 ? CatalogLabels.read(in) : null;
        PathVariants p = in.valid("configuration", () -> switch (view) {
            case WHOLE -> anchor.isEmpty() && steps == 0 ? new PathVariants(view, anchor, steps, collapse, labels)
                    : null;
            case LEADING_TO -> new PathVariants(view, Check.notBlank(anchor, "path touchpoint"),
                    checkSteps(steps), collapse, labels);
            case FOLLOWING -> new PathVariants(view, Check.notBlank(anchor, "path touchpoint"),
                    checkSteps(steps), collapse, labels);
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
            int[] ids = p.buffer(len);
            for (int j = 0; j < len; j++) {
                path.add(in.getString());
                if (labels != null && !labels.isLabel(path.get(j))) {
                    throw in.corrupt("has a path through '" + path.get(j) + "', which is not a segment of its"
                            + " touchpoint catalog");
                }
                ids[j] = p.names.idOf(path.get(j));
            }
            long c = in.getCount("variant count");
            if (c == 0 || p.counts.find(ids, 0, len) >= 0) {
                throw in.corrupt("has an empty or repeated path variant " + path + ": " + c);
            }
            p.counts.add(ids, 0, len, c);
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
