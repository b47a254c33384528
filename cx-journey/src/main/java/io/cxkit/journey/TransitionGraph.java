package io.cxkit.journey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Encoding;
import io.cxkit.core.QuantileSketch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directly-follows graph of journeys: for each pair of consecutive events, an edge from the
 * earlier touchpoint to the next, with a count and a sketch of the time between them (seconds);
 * plus entry edges from {@value #START} and exit edges to {@value #END}, and per-touchpoint
 * repeat visits (loops, repeat contacts).
 *
 * <p>Counting allocates nothing per event once the touchpoints are known: nodes are
 * dictionary-encoded to dense ids and edge counts kept in a square {@code long} matrix, so the
 * footprint is {@code O(touchpoints²)} — 8 bytes per cell plus a sketch per edge that occurs.
 * Combine remaps the other graph's touchpoints by name; the result does not depend on the order of
 * journeys or on how they were split.
 */
public final class TransitionGraph implements Accumulator<TransitionGraph, TransitionGraphResult> {
    /** Encoding type name. */
    public static final String TYPE = "transition-graph";
    /** The pseudo-touchpoint journeys start from. */
    public static final String START = "(start)";
    /** The pseudo-touchpoint journeys end at. */
    public static final String END = "(end)";

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long[][] counts = new long[0][0];
    private QuantileSketch[][] times = new QuantileSketch[0][0];
    private long[] visits = new long[0];
    private long[] repeatVisits = new long[0];
    private long[] journeysVisiting = new long[0];
    private long[] journeysWithRepeat = new long[0];
    private int[] stamp = new int[0];
    private int[] stampCount = new int[0];
    private int journeyStamp;
    private long journeys;

    private TransitionGraph() {
        id(START);
        id(END);
    }

    /**
     * An empty graph.
     *
     * @return a new accumulator
     */
    public static TransitionGraph create() {
        return new TransitionGraph();
    }

    private int id(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int n = names.size();
        ids.put(name, n);
        names.add(name);
        if (n >= counts.length) {
            int cap = Math.max(8, counts.length * 2);
            long[][] c = new long[cap][];
            QuantileSketch[][] t = new QuantileSketch[cap][];
            for (int i = 0; i < cap; i++) {
                c[i] = i < counts.length ? Arrays.copyOf(counts[i], cap) : new long[cap];
                t[i] = i < times.length ? Arrays.copyOf(times[i], cap) : new QuantileSketch[cap];
            }
            counts = c;
            times = t;
            visits = Arrays.copyOf(visits, cap);
            repeatVisits = Arrays.copyOf(repeatVisits, cap);
            journeysVisiting = Arrays.copyOf(journeysVisiting, cap);
            journeysWithRepeat = Arrays.copyOf(journeysWithRepeat, cap);
            stamp = Arrays.copyOf(stamp, cap);
            stampCount = Arrays.copyOf(stampCount, cap);
        }
        return n;
    }

    private QuantileSketch sketch(int from, int to) {
        QuantileSketch s = times[from][to];
        if (s == null) {
            s = QuantileSketch.create();
            times[from][to] = s;
        }
        return s;
    }

    /**
     * Adds one journey's transitions.
     *
     * @param journey the journey
     */
    public void accept(CustomerJourney journey) {
        if (journey == null) {
            throw new IllegalArgumentException("journey must not be missing: null");
        }
        journeys++;
        journeyStamp++;
        List<JourneyEvent> ev = journey.events();
        int prev = ids.get(START);
        long prevTime = 0;
        for (int i = 0; i < ev.size(); i++) {
            JourneyEvent e = ev.get(i);
            int cur = id(e.touchpoint());
            long t = e.time().toEpochMilli();
            counts[prev][cur]++;
            if (i > 0) {
                sketch(prev, cur).accept((t - prevTime) / 1000.0);
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
        counts[prev][ids.get(END)]++;
    }

    /**
     * Journeys added so far.
     *
     * @return the count
     */
    public long journeys() {
        return journeys;
    }

    @Override
    public TransitionGraph combine(TransitionGraph other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be missing: null");
        }
        int m = other.names.size();
        int[] map = new int[m];
        for (int i = 0; i < m; i++) {
            map[i] = id(other.names.get(i));
        }
        for (int i = 0; i < m; i++) {
            visits[map[i]] += other.visits[i];
            repeatVisits[map[i]] += other.repeatVisits[i];
            journeysVisiting[map[i]] += other.journeysVisiting[i];
            journeysWithRepeat[map[i]] += other.journeysWithRepeat[i];
            for (int j = 0; j < m; j++) {
                counts[map[i]][map[j]] += other.counts[i][j];
                if (other.times[i][j] != null) {
                    sketch(map[i], map[j]).combine(other.times[i][j]);
                }
            }
        }
        journeys += other.journeys;
        return this;
    }

    @Override
    public TransitionGraphResult result() {
        int n = names.size();
        List<Transition> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long out = 0;
            for (int j = 0; j < n; j++) {
                out += counts[i][j];
            }
            for (int j = 0; j < n; j++) {
                if (counts[i][j] > 0) {
                    QuantileSketch s = times[i][j] == null ? QuantileSketch.create() : times[i][j];
                    edges.add(new Transition(names.get(i), names.get(j), counts[i][j],
                            (double) counts[i][j] / out, s.summary()));
                }
            }
        }
        List<TouchpointRepeats> repeats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (visits[i] > 0) {
                repeats.add(new TouchpointRepeats(names.get(i), visits[i], repeatVisits[i], journeysVisiting[i],
                        journeysWithRepeat[i]));
            }
        }
        return new TransitionGraphResult(journeys, edges, repeats);
    }

    @Override
    public TransitionGraph emptyCopy() {
        return new TransitionGraph();
    }

    @Override
    public TransitionGraph self() {
        return this;
    }

    @Override
    public byte[] encode() {
        int n = names.size();
        Encoding.Writer w = Encoding.writer(TYPE, 1).putLong(journeys).putInt(n);
        for (int i = 0; i < n; i++) {
            w.putString(names.get(i)).putLong(visits[i]).putLong(repeatVisits[i]).putLong(journeysVisiting[i])
                    .putLong(journeysWithRepeat[i]);
        }
        int edges = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                edges += counts[i][j] > 0 ? 1 : 0;
            }
        }
        w.putInt(edges);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (counts[i][j] > 0) {
                    w.putInt(i).putInt(j).putLong(counts[i][j]).putBoolean(times[i][j] != null);
                    if (times[i][j] != null) {
                        w.putBytes(times[i][j].encode());
                    }
                }
            }
        }
        return w.toBytes();
    }

    /**
     * Reads a graph written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the graph
     * @throws IllegalArgumentException if the encoding is invalid
     */
    public static TransitionGraph decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        TransitionGraph g = new TransitionGraph();
        g.journeys = in.getLong();
        int n = in.getInt();
        if (n < 0) {
            throw new IllegalArgumentException("encoded '" + TYPE + "' has a negative node count: " + n);
        }
        List<Integer> map = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = g.id(in.getString());
            map.add(id);
            g.visits[id] = in.getLong();
            g.repeatVisits[id] = in.getLong();
            g.journeysVisiting[id] = in.getLong();
            g.journeysWithRepeat[id] = in.getLong();
        }
        int edges = in.getInt();
        for (int e = 0; e < edges; e++) {
            int i = in.getInt();
            int j = in.getInt();
            if (i < 0 || i >= n || j < 0 || j >= n) {
                throw new IllegalArgumentException("encoded '" + TYPE + "' has an edge to an unknown node: "
                        + i + " -> " + j);
            }
            g.counts[map.get(i)][map.get(j)] = in.getLong();
            if (in.getBoolean()) {
                g.times[map.get(i)][map.get(j)] = QuantileSketch.decode(in.getBytes());
            }
        }
        in.end();
        return g;
    }

    /**
     * Returns e.g. {@code TransitionGraph[120 journeys, 9 touchpoints]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "TransitionGraph[" + journeys + " journeys, " + (names.size() - 2) + " touchpoints]";
    }
}
