package io.cxkit.journey.paths;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.QuantileSketch;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.LogJourney;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The directly-follows graph of journeys: for each pair of consecutive events, an edge from the
 * earlier touchpoint to the next, with a count and a sketch of the time between them (seconds);
 * plus entry edges from {@value #START} and exit edges to {@value #END}, and per-touchpoint
 * repeat visits (loops, repeat contacts).
 *
 * <p>Counting allocates nothing per event once the touchpoints and edges are known (over an
 * {@link EventLog}, {@link #accept(LogJourney)} and {@link #acceptAll(EventLog, JourneyBuilder,
 * int)}, the log's touchpoint ids are mapped to the graph's once per log): nodes are
 * dictionary-encoded to dense ids and edges kept sparse in a primitive hash table, so the
 * footprint is {@code O(touchpoints + edges)} — about 40 bytes per edge that occurs plus a sketch
 * per edge between two touchpoints (10,000 touchpoints in a chain need kilobytes, not the 800 MB a
 * dense matrix would).
 * Combine remaps the other graph's touchpoints by name; the result does not depend on the order of
 * journeys or on how they were split.
 */
public final class TransitionGraph implements Accumulator<TransitionGraph, TransitionGraphResult> {
    /** Encoding type name. */
    public static final String TYPE = "transition-graph";
    /** The pseudo-state every journey starts from. */
    public static final String START = "(start)";
    /** The pseudo-state every journey ends in. */
    public static final String END = "(end)";
    private static final int START_ID = 0;
    private static final int END_ID = 1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    /** The edges that occurred: memory is O(edges), not O(nodes²). */
    private final EdgeTable edges = new EdgeTable();
    private long[] visits = new long[0];
    private long[] repeatVisits = new long[0];
    private long[] journeysVisiting = new long[0];
    private long[] journeysWithRepeat = new long[0];
    private int[] stamp = new int[0];
    private int[] stampCount = new int[0];
    private int journeyStamp;
    private long journeys;
    private int prev; // the journey being observed: its previous node and that event's time
    private long prevTime;
    /** The catalog labels touchpoints are counted under, or null to count the touchpoints themselves. */
    private final CatalogLabels labels;
    private final LogTouchpoints logTouchpoints = new LogTouchpoints(this::touchpointId);

    private TransitionGraph(CatalogLabels labels) {
        this.labels = labels;
        id(START);
        id(END);
    }

    /**
     * Creates an empty graph.
     *
     * @return a new graph
     */
    public static TransitionGraph create() {
        return new TransitionGraph(null);
    }

    /**
     * Returns a new, empty graph like this one whose nodes are the touchpoints' segments in a
     * touchpoint catalog: journey stage, CX area or channel ({@link TouchpointCatalog#segment};
     * {@value TouchpointCatalog#UNKNOWN} for a touchpoint the catalog does not hold). Each event is
     * mapped before its transition is counted, so consecutive events of one stage are a self-loop
     * ({@code purchase → purchase}) and count as repeat visits. The mapping is kept in the encoding
     * (payload version 2); graphs combine only with the same mapping.
     *
     * @param catalog the catalog
     * @param level stage, area or channel
     * @return a new graph
     * @throws NullPointerException if an argument is null
     */
    public TransitionGraph throughCatalog(TouchpointCatalog catalog, TouchpointCatalog.Level level) {
        return new TransitionGraph(CatalogLabels.of(catalog, level));
    }

    /** The node id of a touchpoint name: of its catalog label when counting through a catalog. */
    private int touchpointId(String touchpoint) {
        return id(labels == null ? touchpoint : labels.label(touchpoint));
    }

    private int id(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int n = names.size();
        ids.put(name, n);
        names.add(name);
        if (n >= visits.length) {
            int cap = Math.max(8, visits.length * 2);
            visits = Arrays.copyOf(visits, cap);
            repeatVisits = Arrays.copyOf(repeatVisits, cap);
            journeysVisiting = Arrays.copyOf(journeysVisiting, cap);
            journeysWithRepeat = Arrays.copyOf(journeysWithRepeat, cap);
            stamp = Arrays.copyOf(stamp, cap);
            stampCount = Arrays.copyOf(stampCount, cap);
        }
        return n;
    }

    /**
     * Observes one journey: {@code (start) → first touchpoint → … → last → (end)}.
     *
     * @param journey the journey
     * @throws NullPointerException if {@code journey} is null
     */
    public void accept(CustomerJourney journey) {
        Check.notNull(journey, "journey");
        List<JourneyEvent> ev = journey.events();
        begin();
        for (int i = 0; i < ev.size(); i++) {
            JourneyEvent e = ev.get(i);
            visit(touchpointId(e.touchpoint()), e.time().toEpochMilli(), i > 0);
        }
        end();
    }

    /**
     * Observes one journey of an event log, as {@link #accept(CustomerJourney)} does, allocating
     * nothing once its touchpoints and edges are known (the log's touchpoint ids are mapped to this
     * graph's once per log).
     *
     * @param journey the journey view (read now, not kept)
     * @throws NullPointerException if {@code journey} is null
     */
    public void accept(LogJourney journey) {
        Check.notNull(journey, "journey");
        logTouchpoints.use(journey.log());
        begin();
        for (int i = 0; i < journey.size(); i++) {
            visit(logTouchpoints.id(journey.touchpoint(i)), journey.timeMillis(i), i > 0);
        }
        end();
    }

    /**
     * Counts every journey of an event log into this graph, with the customers split across
     * {@code threads} threads ({@link EventLog#scan}) and merged with {@link #combine}: the same result
     * as accepting the journeys one by one.
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @param threads threads to use, in [1, 1024]
     * @return this graph
     * @throws IllegalArgumentException if {@code threads} is not in [1, 1024]
     * @throws NullPointerException if an argument is null
     */
    public TransitionGraph acceptAll(EventLog log, JourneyBuilder rules, int threads) {
        Check.notNull(log, "log");
        return combine(log.scan(rules, threads, this::emptyCopy, TransitionGraph::accept, TransitionGraph::combine));
    }

    /**
     * Counts every journey of an event log into this graph on the calling thread.
     *
     * @param log the events
     * @param rules how the events are cut into journeys
     * @return this graph
     * @throws NullPointerException if an argument is null
     */
    public TransitionGraph acceptAll(EventLog log, JourneyBuilder rules) {
        return acceptAll(log, rules, 1);
    }

    private void begin() {
        journeys++;
        journeyStamp++;
        prev = START_ID;
        prevTime = 0;
    }

    /** The journey's next event: touchpoint {@code cur} at {@code t} epoch milliseconds. */
    private void visit(int cur, long t, boolean timed) {
        int edge = edges.index(EdgeTable.key(prev, cur));
        edges.add(edge, 1);
        if (timed) {
            edges.timesOrNew(edge).accept((t - prevTime) / 1000.0);
        }
        visits[cur]++;
        if (stamp[cur] != journeyStamp) {
            stamp[cur] = journeyStamp;
            stampCount[cur] = 1;
            journeysVisiting[cur]++;
        } else {
            repeatVisits[cur]++;
            if (++stampCount[cur] == 2) {
                journeysWithRepeat[cur]++;
            }
        }
        prev = cur;
        prevTime = t;
    }

    private void end() {
        edges.add(edges.index(EdgeTable.key(prev, END_ID)), 1);
    }

    /**
     * Number of journeys observed.
     *
     * @return the count
     */
    public long journeys() {
        return journeys;
    }

    /**
     * Merges another graph into this one (touchpoints matched by name). Every count is checked for
     * overflow before anything changes.
     *
     * @param other the other graph, unchanged
     * @return this graph
     * @throws NullPointerException if {@code other} is null
     * @throws io.cxkit.core.IncompatibleAccumulatorException if a merged count would overflow, or the
     *     graphs map touchpoints through different catalogs ({@link #throughCatalog})
     */
    @Override
    public TransitionGraph combine(TransitionGraph other) {
        Check.notNull(other, "other");
        if (!Objects.equals(labels, other.labels)) {
            throw new IncompatibleAccumulatorException("cannot combine transition graphs counted "
                    + (labels == null ? "by touchpoint" : labels) + " and " + (other.labels == null ? "by touchpoint"
                    : other.labels));
        }
        TransitionGraph source = other == this ? copyOf(this) : other;
        ExactCounts.checkAdd(journeys, source.journeys, "journey count");
        // Visits bound every count of a node and its edges, so checking them checks everything.
        for (int i = 0; i < source.names.size(); i++) {
            Integer mine = ids.get(source.names.get(i));
            if (mine != null) {
                ExactCounts.checkAdd(visits[mine], source.visits[i], "visits of " + source.names.get(i));
            }
        }
        for (int e = 0; e < source.edges.size(); e++) {
            long k = source.edges.key(e);
            Integer f = ids.get(source.names.get(EdgeTable.from(k)));
            Integer t = ids.get(source.names.get(EdgeTable.to(k)));
            int mine = f == null || t == null ? -1 : edges.find(EdgeTable.key(f, t));
            if (mine >= 0) {
                ExactCounts.checkAdd(edges.count(mine), source.edges.count(e), "transition count");
            }
        }
        int m = source.names.size();
        int[] map = new int[m];
        for (int i = 0; i < m; i++) {
            map[i] = id(source.names.get(i));
            visits[map[i]] += source.visits[i];
            repeatVisits[map[i]] += source.repeatVisits[i];
            journeysVisiting[map[i]] += source.journeysVisiting[i];
            journeysWithRepeat[map[i]] += source.journeysWithRepeat[i];
        }
        for (int e = 0; e < source.edges.size(); e++) {
            long k = source.edges.key(e);
            int mine = edges.index(EdgeTable.key(map[EdgeTable.from(k)], map[EdgeTable.to(k)]));
            edges.add(mine, source.edges.count(e));
            if (source.edges.times(e) != null) {
                edges.timesOrNew(mine).combine(source.edges.times(e));
            }
        }
        journeys += source.journeys;
        return this;
    }

    private static TransitionGraph copyOf(TransitionGraph g) {
        return decode(g.encode());
    }

    /**
     * The graph: every transition with its count, share of the source's exits and time summary,
     * and per touchpoint its visits and repeats.
     *
     * @return an immutable result
     */
    @Override
    public TransitionGraphResult result() {
        int n = names.size();
        long[] out = new long[n];
        for (int e = 0; e < edges.size(); e++) {
            out[EdgeTable.from(edges.key(e))] += edges.count(e);
        }
        List<Transition> list = new ArrayList<>(edges.size());
        for (int e : edges.sorted()) {
            long k = edges.key(e);
            int from = EdgeTable.from(k);
            QuantileSketch s = edges.times(e) == null ? QuantileSketch.create() : edges.times(e);
            list.add(new Transition(names.get(from), names.get(EdgeTable.to(k)), edges.count(e),
                    (double) edges.count(e) / out[from], s.summary()));
        }
        List<TouchpointRepeats> repeats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (visits[i] > 0) {
                repeats.add(new TouchpointRepeats(names.get(i), visits[i], repeatVisits[i], journeysVisiting[i],
                        journeysWithRepeat[i]));
            }
        }
        return new TransitionGraphResult(journeys, list, repeats);
    }

    @Override
    public TransitionGraph emptyCopy() {
        return new TransitionGraph(labels);
    }

    @Override
    public TransitionGraph copy() {
        return emptyCopy().combine(this);
    }

    /**
     * Encodes as {@value #TYPE} payload version 1: the journey count; the nodes (name, visits,
     * repeat visits, journeys visiting, journeys with a repeat); then the edges in (from, to) order
     * as from id, to id, count and an optional time sketch. A graph counted {@link #throughCatalog
     * through a catalog} is payload version 2: the catalog's level and (touchpoint, segment) pairs
     * first, then the same.
     *
     * @return the encoded bytes
     */
    @Override
    public byte[] encode() {
        int n = names.size();
        Encoding.Writer w = Encoding.writer(TYPE, labels == null ? 1 : 2);
        if (labels != null) {
            labels.write(w);
        }
        w.putLong(journeys).putInt(n);
        for (int i = 0; i < n; i++) {
            w.putString(names.get(i)).putLong(visits[i]).putLong(repeatVisits[i]).putLong(journeysVisiting[i])
                    .putLong(journeysWithRepeat[i]);
        }
        w.putInt(edges.size());
        for (int e : edges.sorted()) {
            long k = edges.key(e);
            QuantileSketch times = edges.times(e);
            w.putInt(EdgeTable.from(k)).putInt(EdgeTable.to(k)).putLong(edges.count(e)).putBoolean(times != null);
            if (times != null) {
                w.putBytes(times.encode());
            }
        }
        return w.toBytes();
    }

    /**
     * Reads a graph written by {@link #encode()}, checking that it is one some journeys can
     * produce: unique node names with {@code (start)} and {@code (end)} first; every edge between
     * known nodes, none into {@code (start)} or out of {@code (end)}, each at most once; as many
     * transitions into and out of each touchpoint as it has visits; as many out of {@code (start)}
     * and into {@code (end)} as there are journeys; repeat counts consistent with visits; and a time
     * sketch with one value per transition exactly on the edges between two touchpoints.
     *
     * @param bytes the encoding
     * @return the graph
     * @throws io.cxkit.core.CorruptEncodingException if the encoding is invalid
     */
    public static TransitionGraph decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 2);
        TransitionGraph g = new TransitionGraph(in.payloadVersion() >= 2 ? CatalogLabels.read(in) : null);
        g.journeys = in.getCount("journey count");
        int n = in.getSize("node count", 36);
        if (n < 2) {
            throw in.corrupt("has " + n + " nodes; (start) and (end) are always there");
        }
        for (int i = 0; i < n; i++) {
            String name = in.getString();
            if (i > END_ID && g.labels != null && !g.labels.isLabel(name)) {
                throw in.corrupt("has node '" + name + "', which is not a segment of its touchpoint catalog");
            }
            int id = g.id(name);
            if (id != i || (i == START_ID) != name.equals(START) || (i == END_ID) != name.equals(END)) {
                throw in.corrupt("has node " + i + " named '" + name + "': names must be unique, with " + START
                        + " and " + END + " first");
            }
            g.visits[i] = in.getCount("visit count of " + name);
            g.repeatVisits[i] = in.getCount("repeat-visit count of " + name);
            g.journeysVisiting[i] = in.getCount("journeys visiting " + name);
            g.journeysWithRepeat[i] = in.getCount("journeys repeating " + name);
            boolean consistent = i <= END_ID
                    ? g.visits[i] == 0 && g.repeatVisits[i] == 0 && g.journeysVisiting[i] == 0 && g.journeysWithRepeat[i] == 0
                    : g.visits[i] > 0 && g.journeysVisiting[i] <= g.journeys
                            && g.repeatVisits[i] == g.visits[i] - g.journeysVisiting[i]
                            && g.journeysWithRepeat[i] <= g.journeysVisiting[i]
                            && g.journeysWithRepeat[i] <= g.repeatVisits[i]
                            && (g.repeatVisits[i] == 0) == (g.journeysWithRepeat[i] == 0);
            if (!consistent) {
                throw in.corrupt("has impossible visit counts for '" + name + "': visits=" + g.visits[i] + ", repeats="
                        + g.repeatVisits[i] + ", journeys visiting=" + g.journeysVisiting[i]
                        + ", journeys repeating=" + g.journeysWithRepeat[i] + " of " + g.journeys);
            }
        }
        int edges = in.getSize("edge count", 17);
        long[] into = new long[n];
        long[] outOf = new long[n];
        for (int e = 0; e < edges; e++) {
            int i = in.getInt();
            int j = in.getInt();
            if (i < 0 || i >= n || j < 0 || j >= n || j == START_ID || i == END_ID) {
                throw in.corrupt("has an edge " + i + " -> " + j + " that no journey makes (" + n + " nodes)");
            }
            long count = in.getCount("transition count");
            if (count == 0 || g.edges.find(EdgeTable.key(i, j)) >= 0) {
                throw in.corrupt("has an empty or repeated edge " + g.names.get(i) + " -> " + g.names.get(j));
            }
            int edge = g.edges.index(EdgeTable.key(i, j));
            g.edges.add(edge, count);
            into[j] = in.add(into[j], count, "total of transitions into " + g.names.get(j));
            outOf[i] = in.add(outOf[i], count, "total of transitions out of " + g.names.get(i));
            boolean timed = in.getBoolean();
            if (timed != (i != START_ID && j != END_ID)) {
                throw in.corrupt("has " + (timed ? "a" : "no") + " time sketch on edge " + g.names.get(i) + " -> "
                        + g.names.get(j));
            }
            if (timed) {
                QuantileSketch times = QuantileSketch.decode(in.getBytes());
                if (times.n() != count || times.relativeAccuracy() != QuantileSketch.DEFAULT_RELATIVE_ACCURACY) {
                    throw in.corrupt("has " + times.n() + " times for " + count + " transitions "
                            + g.names.get(i) + " -> " + g.names.get(j));
                }
                g.edges.setTimes(edge, times);
            }
        }
        in.end();
        for (int i = 0; i < n; i++) {
            long expectIn = i == END_ID ? g.journeys : g.visits[i];
            long expectOut = i == START_ID ? g.journeys : g.visits[i];
            if (into[i] != expectIn || outOf[i] != expectOut) {
                throw in.corrupt("has " + into[i] + " transitions into and " + outOf[i] + " out of '" + g.names.get(i)
                        + "', expected " + expectIn + " and " + expectOut);
            }
        }
        return g;
    }

    /**
     * Returns e.g. {@code TransitionGraph[120 journeys, 9 touchpoints]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "TransitionGraph[" + journeys + " journeys, " + (names.size() - 2) + " touchpoints"
                + (labels == null ? "" : ", " + labels) + "]";
    }
}
