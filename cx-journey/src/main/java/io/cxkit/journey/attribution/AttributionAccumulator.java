package io.cxkit.journey.attribution;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.CompensatedSum;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.LongIndex;
import io.cxkit.core.NameDictionary;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.LogJourney;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Attribution of conversions and conversion value to touchpoints: the heuristic models (first
 * touch, last touch, linear, time decay) and the Markov-chain removal effect of order 1 to 3,
 * computed exactly from the absorbing chain — no simulation.
 *
 * <pre>{@code
 * AttributionAccumulator acc = AttributionAccumulator.of(2, Duration.ofDays(7));
 * acc.accept(AttributionJourney.of(List.of("search", "email", "web"), true, 120.0));
 * acc.accept(AttributionJourney.of(List.of("search", "web"), false, 0));
 * AttributionModelResult markov = acc.markov(AttributionAccumulator.DEFAULT_MAX_STATES);
 * AttributionModelResult last = acc.heuristic(AttributionModel.LAST_TOUCH);
 * }</pre>
 *
 * <p><b>Event log.</b> {@link #accept(LogJourney, Set)} reads a journey of an {@link EventLog}
 * directly (the touchpoints up to its first converting outcome, as
 * {@link AttributionJourney#of(CustomerJourney, java.util.Set)} does) and allocates nothing per event: touchpoints are ids in the
 * accumulator's own dictionary (translated once per log), Markov states are the last {@code k} ids
 * packed into a {@code long}, and every count and sum sits in a dense primitive array indexed by
 * touchpoint, state or transition. Names appear only when a result or an encoding is built, and
 * when accumulators that read different logs are combined. {@link EventLog#scan} splits a log
 * by customer across threads and combines the parts.
 *
 * <p><b>Markov model.</b> The states of order {@code k} are {@value #START}, the k-tuples of the
 * last {@code k} touchpoints (shorter at the start of a journey: {@code a, b, c} with {@code k = 2}
 * visits {@code (a)}, {@code (a,b)}, {@code (b,c)}), and the absorbing {@value #CONVERSION} and
 * {@value #NULL}. Every journey contributes its transitions; one that did not convert ends in
 * {@value #NULL}. Transition probabilities are the observed shares of each state's outgoing
 * transitions. With {@code Q} the transient-to-transient block and {@code r} the one-step
 * probabilities of conversion, the conversion probabilities from each state solve
 * {@code (I − Q) x = r} (the fundamental matrix {@code N = (I − Q)⁻¹} applied to {@code r}; LU
 * decomposition, Commons Math) and {@code P(conv) = x[START]}. Removing touchpoint {@code t}
 * sends every state that contains {@code t} to {@value #NULL}; its removal effect is
 * {@code RE_t = 1 − P_{−t}(conv)/P(conv)} (1 when no conversion is possible without it). Credited
 * conversions are {@code C · RE_t / Σ_s RE_s}. Value uses the same chain with the expected value
 * instead of the probability: {@code (I − Q) e = v}, {@code vₛ} = the conversion value of journeys
 * converting from state {@code s} divided by the transitions out of {@code s}; value credit is
 * {@code V · REᵛ_t / Σ REᵛ}. When all conversions carry the same value this equals the count
 * attribution times that value. Anderl, Becker, von Wangenheim &amp; Schumann, "Mapping the customer
 * journey: Lessons learned from graph-based online attribution modeling", IJRM 33 (2016);
 * Kemeny &amp; Snell, <i>Finite Markov Chains</i> (1960), ch. III.
 *
 * <p><b>Limits.</b> The chain is solved densely, once plus once per touchpoint; each solve costs
 * {@code O(states³)} time and {@code 8·states²} bytes. {@link #markov(int)} refuses chains with
 * more transient states than its limit ({@link #DEFAULT_MAX_STATES} = 2,000: 32 MB, about a
 * second per touchpoint); the hard ceiling is {@link #MAX_STATES_LIMIT}. Order 3 over many
 * touchpoints easily exceeds it — use a lower order.
 *
 * <p><b>Heuristic models</b> credit each converting journey's conversion (1) and value to its own
 * touches (see {@link AttributionModel}). Sums use compensated summation ({@link CompensatedSum});
 * counts of journeys and
 * conversions and all transition counts are exact, so {@link #combine} equals a single pass
 * exactly for the Markov model and to rounding of compensated sums for the heuristics.
 *
 * <p><b>Size.</b> About 1,000 lines, half of it this documentation and the validating decode. The
 * packed state keys, the edge table and the heuristic credit arrays are one state that counting,
 * combining (which re-maps the other side's touchpoint ids), solving and decoding (which checks the
 * chain is closed) all read; split across classes they would have to expose it.
 */
public final class AttributionAccumulator implements Accumulator<AttributionAccumulator, AttributionResult> {
    /** Encoding type name. */
    public static final String TYPE = "attribution";
    /** The state every journey starts in. */
    public static final String START = "(start)";
    /** The absorbing state of converting journeys. */
    public static final String CONVERSION = "(conversion)";
    /** The absorbing state of journeys that did not convert (and of removed touchpoints). */
    public static final String NULL = "(null)";
    /** The default limit on transient states of the Markov chain. */
    public static final int DEFAULT_MAX_STATES = 2000;
    /** The largest limit {@link #markov(int)} accepts. */
    public static final int MAX_STATES_LIMIT = 5000;
    /** The highest Markov order supported. */
    public static final int MAX_ORDER = 3;
    /** The most distinct touchpoints one accumulator holds: 2<sup>21</sup> − 1 (three ids pack into a state). */
    public static final int MAX_TOUCHPOINTS = (1 << 21) - 1;

    static final Set<String> RESERVED = Set.of(START, CONVERSION, NULL);
    private static final char SEP = '\u001f';
    private static final int SLOTS = 8;
    private static final int BITS = 21;
    /** The packed key of {@value #START}: no touchpoint. */
    private static final long START_KEY = 0;
    /** Transition targets below the transient states (stored as target + 2). */
    private static final int TO_NULL = -2;
    private static final int TO_CONVERSION = -1;
    private static final int UNSEEN = -1;
    private static final int CHECKED = -2;

    private final int order;
    private final Duration halfLife;
    private final long stateMask;
    private long journeys;
    private long conversions;
    private long untimedConversions;
    private final double[] totalSum = new double[1];
    private final double[] totalComp = new double[1];
    /** Touchpoints seen, by id; credit of touchpoint t, model m: count at 8t+2m, value at 8t+2m+1. */
    private final NameDictionary touchpoints = new NameDictionary();
    private double[] creditSum = new double[8 * SLOTS];
    private double[] creditComp = new double[8 * SLOTS];
    /** Transient states (packed ids of their touchpoints) and per state the exits and conversion value. */
    private final LongIndex states = new LongIndex();
    private long[] stateOut = new long[8];
    private double[] stateValueSum = new double[8];
    private double[] stateValueComp = new double[8];
    /** Transitions as (from state, target + 2) and their counts. */
    private final LongIndex edges = new LongIndex();
    private long[] edgeCount = new long[8];

    /** Per journey scratch: touchpoint ids, touch times (seconds, nanos), time-decay weights. */
    private int[] ids = new int[16];
    private long[] seconds = new long[16];
    private int[] nanos = new int[16];
    private double[] weights = new double[16];
    /** The log last read and its touchpoint ids in this accumulator (UNSEEN, CHECKED or an id). */
    private EventLog log;
    private int[] logTouchpoint;
    private Set<String> logConversions;
    private boolean[] logConverting;

    private AttributionAccumulator(int order, Duration halfLife) {
        this.order = order;
        this.halfLife = halfLife;
        this.stateMask = order == 3 ? -1L >>> 1 : (1L << (BITS * order)) - 1;
    }

    /**
     * An accumulator with Markov order 1 and a time-decay half-life of 7 days.
     *
     * @return a new accumulator
     */
    public static AttributionAccumulator create() {
        return of(1, Duration.ofDays(7));
    }

    /**
     * An accumulator with the given Markov order and time-decay half-life.
     *
     * @param order the Markov order, in [1, 3]
     * @param halfLife the time-decay half-life; positive
     * @return a new accumulator
     * @throws IllegalArgumentException if the order is outside [1, 3] or the half-life is not positive
     */
    public static AttributionAccumulator of(int order, Duration halfLife) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Markov order must be in [1, " + MAX_ORDER + "]: " + order);
        }
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("time-decay half-life must be positive: " + halfLife);
        }
        return new AttributionAccumulator(order, halfLife);
    }

    /**
     * The Markov order.
     *
     * @return 1, 2 or 3
     */
    public int order() {
        return order;
    }

    /**
     * The time-decay half-life.
     *
     * @return the half-life
     */
    public Duration halfLife() {
        return halfLife;
    }

    /**
     * Adds one journey, converting or not.
     *
     * @param journey the journey
     * @throws NullPointerException if it is null
     * @throws InvalidInputException if it would make the accumulator hold more than
     *     {@value #MAX_TOUCHPOINTS} touchpoints
     */
    public void accept(AttributionJourney journey) {
        Check.notNull(journey, "journey");
        List<String> tps = journey.touchpoints();
        int m = tps.size();
        ensureScratch(m);
        int fresh = 0;
        for (String t : tps) {
            fresh += touchpoints.find(t) < 0 ? 1 : 0;
        }
        checkRoom(fresh);
        for (int i = 0; i < m; i++) {
            ids[i] = touchpointId(tps.get(i));
        }
        boolean timed = journey.hasTimes();
        if (timed) {
            for (int i = 0; i < m; i++) {
                Instant t = journey.times().get(i);
                seconds[i] = t.getEpochSecond();
                nanos[i] = t.getNano();
            }
        }
        add(m, timed, journey.converted(), journey.value());
    }

    /**
     * Adds one journey of an event log, as {@code accept(AttributionJourney.of(journey.toCustomerJourney(),
     * conversionOutcomes))} would, without an object per event: the journey converts at its first
     * event whose outcome is in {@code conversionOutcomes}, its touches are the events up to and
     * including that one, the value is that event's value (0 if it has none); a journey without
     * such an event does not convert and all its events are touches.
     *
     * @param journey the journey view (read now, not kept)
     * @param conversionOutcomes outcomes that count as a conversion, e.g. {@code Set.of("purchased")};
     *     pass the same set for every journey (it is matched against the log's outcomes once)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a touchpoint name is reserved or
     *     the conversion value is negative
     * @throws InvalidInputException if the accumulator would hold more than {@value #MAX_TOUCHPOINTS}
     *     touchpoints
     */
    public void accept(LogJourney journey, Set<String> conversionOutcomes) {
        Check.notNull(journey, "journey");
        Check.notNull(conversionOutcomes, "conversionOutcomes");
        bind(journey.log(), conversionOutcomes);
        int size = journey.size();
        int m = size;
        boolean converted = false;
        double value = 0;
        for (int i = 0; i < size; i++) {
            int o = journey.outcome(i);
            if (o != LogJourney.NONE && logConverting[o]) {
                m = i + 1;
                converted = true;
                double v = journey.value(i);
                value = Double.isNaN(v) ? 0 : v;
                break;
            }
        }
        if (!(value >= 0)) {
            throw new IllegalArgumentException("conversion value must be finite and >= 0: " + value
                    + " (customer " + journey.customerId() + ")");
        }
        int fresh = 0;
        for (int i = 0; i < m; i++) {
            int t = journey.touchpoint(i);
            if (logTouchpoint[t] == UNSEEN) {
                checkName(log.touchpoints().name(t));
                logTouchpoint[t] = CHECKED;
                fresh++;
            }
        }
        checkRoom(fresh);
        ensureScratch(m);
        for (int i = 0; i < m; i++) {
            int t = journey.touchpoint(i);
            int id = logTouchpoint[t];
            if (id < 0) {
                id = touchpointId(log.touchpoints().name(t));
                logTouchpoint[t] = id;
            }
            ids[i] = id;
            long ns = journey.timeNanos(i);
            seconds[i] = Math.floorDiv(ns, 1_000_000_000L);
            nanos[i] = (int) Math.floorMod(ns, 1_000_000_000L);
        }
        add(m, true, converted, value);
    }

    /** Translates the log's ids once: touchpoints lazily, converting outcomes now. */
    private void bind(EventLog journeyLog, Set<String> conversionOutcomes) {
        if (journeyLog != log) {
            log = journeyLog;
            logTouchpoint = new int[log.touchpoints().size()];
            Arrays.fill(logTouchpoint, UNSEEN);
            logConversions = null;
        }
        if (conversionOutcomes != logConversions) {
            logConversions = conversionOutcomes;
            logConverting = new boolean[log.outcomes().size()];
            for (int o = 0; o < logConverting.length; o++) {
                logConverting[o] = conversionOutcomes.contains(log.outcomes().name(o));
            }
        }
    }

    /** The rule {@link AttributionJourney} applies to every touchpoint name. */
    static void checkName(String t) {
        if (t == null || t.isBlank() || t.indexOf(SEP) >= 0 || RESERVED.contains(t)) {
            throw new IllegalArgumentException("touchpoint must be a non-blank name other than " + RESERVED + ": "
                    + (t == null ? "null" : "'" + t + "'"));
        }
    }

    private void checkRoom(int fresh) {
        if (touchpoints.size() + fresh > MAX_TOUCHPOINTS) {
            throw new InvalidInputException("an attribution accumulator holds at most " + MAX_TOUCHPOINTS
                    + " touchpoints: " + touchpoints.size() + " plus " + fresh + " new");
        }
    }

    private int touchpointId(String name) {
        int id = touchpoints.idOf(name);
        if (SLOTS * (id + 1) > creditSum.length) {
            creditSum = Arrays.copyOf(creditSum, creditSum.length * 2);
            creditComp = Arrays.copyOf(creditComp, creditComp.length * 2);
        }
        return id;
    }

    private void ensureScratch(int m) {
        if (m > ids.length) {
            int n = Math.max(m, ids.length * 2);
            ids = new int[n];
            seconds = new long[n];
            nanos = new int[n];
            weights = new double[n];
        }
    }

    /** The one implementation: journey {@code ids[0, m)} (times in seconds/nanos when timed). */
    private void add(int m, boolean timed, boolean converted, double v) {
        journeys++;
        if (converted) {
            conversions++;
            CompensatedSum.add(totalSum, totalComp, 0, v);
            credit(ids[0], 0, 1, v);
            credit(ids[m - 1], 1, 1, v);
            for (int i = 0; i < m; i++) {
                credit(ids[i], 2, 1.0 / m, v / m);
            }
            if (timed) {
                double h = halfLife.toNanos() / 1e9;
                long end = seconds[m - 1];
                int endNano = nanos[m - 1];
                double sw = 0;
                for (int i = 0; i < m; i++) {
                    double dt = (end - seconds[i]) + (endNano - nanos[i]) / 1e9;
                    weights[i] = Math.pow(2, -dt / h);
                    sw += weights[i];
                }
                for (int i = 0; i < m; i++) {
                    credit(ids[i], 3, weights[i] / sw, v * weights[i] / sw);
                }
            } else {
                untimedConversions++;
            }
        }
        int prev = state(START_KEY);
        long key = START_KEY;
        for (int i = 0; i < m; i++) {
            key = ((key << BITS) | (ids[i] + 1)) & stateMask;
            int s = state(key);
            transition(prev, s, 1);
            prev = s;
        }
        transition(prev, converted ? TO_CONVERSION : TO_NULL, 1);
        if (converted) {
            CompensatedSum.add(stateValueSum, stateValueComp, prev, v);
        }
    }

    private void credit(int t, int model, double count, double value) {
        CompensatedSum.add(creditSum, creditComp, SLOTS * t + 2 * model, count);
        CompensatedSum.add(creditSum, creditComp, SLOTS * t + 2 * model + 1, value);
    }

    private int state(long key) {
        int s = states.indexOf(key);
        if (s == stateOut.length) {
            int n = stateOut.length * 2;
            stateOut = Arrays.copyOf(stateOut, n);
            stateValueSum = Arrays.copyOf(stateValueSum, n);
            stateValueComp = Arrays.copyOf(stateValueComp, n);
        }
        return s;
    }

    private void transition(int from, int to, long count) {
        int e = edges.indexOf((long) from << 32 | (to + 2));
        if (e == edgeCount.length) {
            edgeCount = Arrays.copyOf(edgeCount, edgeCount.length * 2);
        }
        edgeCount[e] += count;
        stateOut[from] += count;
    }

    private static int edgeFrom(long edgeKey) {
        return (int) (edgeKey >>> 32);
    }

    private static int edgeTo(long edgeKey) {
        return (int) edgeKey - 2;
    }

    /** The touchpoint ids of a packed state, oldest first. */
    private int[] stateIds(long key) {
        int k = 0;
        int[] out = new int[order];
        for (long r = key; r != 0; r >>>= BITS) {
            out[k++] = (int) (r & ((1L << BITS) - 1)) - 1;
        }
        int[] ordered = new int[k];
        for (int i = 0; i < k; i++) {
            ordered[i] = out[k - 1 - i];
        }
        return ordered;
    }

    /** A state's name as results and encodings spell it: touchpoints joined by U+001F. */
    private String stateName(long key) {
        if (key == START_KEY) {
            return START;
        }
        StringBuilder sb = new StringBuilder();
        for (int t : stateIds(key)) {
            if (sb.length() > 0) {
                sb.append(SEP);
            }
            sb.append(touchpoints.name(t));
        }
        return sb.toString();
    }

    private String targetName(int to) {
        return to == TO_CONVERSION ? CONVERSION : to == TO_NULL ? NULL : stateName(states.key(to));
    }

    /** Touchpoint ids in name order: the order results and encodings list touchpoints in. */
    private int[] touchpointsByName() {
        int[] rank = touchpoints.sortedRanks();
        int[] out = new int[rank.length];
        for (int id = 0; id < rank.length; id++) {
            out[rank[id]] = id;
        }
        return out;
    }

    /** States in name order ({@value #START} first when {@code startFirst}, else where its name sorts). */
    private int[] statesByName(boolean startFirst) {
        String[] names = new String[states.size()];
        Integer[] order = new Integer[names.length];
        for (int s = 0; s < names.length; s++) {
            names[s] = stateName(states.key(s));
            order[s] = s;
        }
        Arrays.sort(order, (x, y) -> {
            boolean sx = states.key(x) == START_KEY;
            boolean sy = states.key(y) == START_KEY;
            return startFirst && (sx || sy) ? Boolean.compare(sy, sx) : names[x].compareTo(names[y]);
        });
        int[] out = new int[names.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /**
     * Journeys added so far.
     *
     * @return the count
     */
    public long journeys() {
        return journeys;
    }

    /**
     * The result of one heuristic model.
     *
     * @param model first touch, last touch, linear or time decay
     * @return credits summing to the conversions and value; all zero (with a note) when nothing
     *     converted
     * @throws IllegalArgumentException for {@link AttributionModel#MARKOV} (use {@link #markov(int)})
     * @throws IllegalStateException for time decay when converting journeys had no touch times
     */
    public AttributionModelResult heuristic(AttributionModel model) {
        if (model == null || model == AttributionModel.MARKOV) {
            throw new IllegalArgumentException("heuristic model must be first touch, last touch, linear or time decay: "
                    + model);
        }
        if (model == AttributionModel.TIME_DECAY && untimedConversions > 0) {
            throw new IllegalStateException(timeDecayUnavailable());
        }
        int slot = 2 * model.ordinal();
        List<TouchpointCredit> out = new ArrayList<>();
        for (int t : touchpointsByName()) {
            int c = SLOTS * t + slot;
            out.add(new TouchpointCredit(touchpoints.name(t), creditSum[c] + creditComp[c],
                    creditSum[c + 1] + creditComp[c + 1], Double.NaN, Double.NaN));
        }
        return new AttributionModelResult(model, 0, journeys, conversions, total(), Double.NaN, 0, out, note());
    }

    private String timeDecayUnavailable() {
        return "time-decay attribution needs touch times: " + untimedConversions
                + " converting journeys have none";
    }

    private double total() {
        return totalSum[0] + totalComp[0];
    }

    private String note() {
        return conversions == 0 ? "no conversions: nothing to attribute, all credits are 0" : "";
    }

    /**
     * The Markov-chain removal-effect attribution, computed exactly (see the class description).
     *
     * @param maxStates the largest number of transient states to solve, in [1, {@value #MAX_STATES_LIMIT}]
     * @return credits summing to the conversions and value; all zero with a note when nothing
     *     converted; value credits zero (removal effects NaN) when conversions carry no value
     * @throws IllegalArgumentException if {@code maxStates} is out of range
     * @throws IllegalStateException if the chain has more than {@code maxStates} transient states, or
     *     its absorption system is numerically singular
     */
    public AttributionModelResult markov(int maxStates) {
        if (maxStates < 1 || maxStates > MAX_STATES_LIMIT) {
            throw new IllegalArgumentException("maxStates must be in [1, " + MAX_STATES_LIMIT + "]: " + maxStates);
        }
        int n = states.size();
        if (n > maxStates) {
            throw new IllegalStateException("Markov order " + order + " chain has " + n
                    + " transient states, more than the limit " + maxStates
                    + "; use a lower order or a higher limit (each solve costs O(states^3))");
        }
        int[] tps = touchpointsByName();
        if (conversions == 0) {
            List<TouchpointCredit> zero = new ArrayList<>();
            for (int t : tps) {
                zero.add(new TouchpointCredit(touchpoints.name(t), 0, 0, Double.NaN, Double.NaN));
            }
            return new AttributionModelResult(AttributionModel.MARKOV, order, journeys, 0, total(), 0, n, zero, note());
        }
        int[] byName = statesByName(true);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[byName[i]] = i;
        }
        double[][] a = new double[n][n];
        double[][] b = new double[n][2];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
            int s = byName[i];
            b[i][1] = (stateValueSum[s] + stateValueComp[s]) / (double) stateOut[s];
        }
        for (int e = 0; e < edges.size(); e++) {
            long key = edges.key(e);
            int from = edgeFrom(key);
            int to = edgeTo(key);
            double p = edgeCount[e] / (double) stateOut[from];
            if (to == TO_CONVERSION) {
                b[position[from]][0] = p;
            } else if (to != TO_NULL) {
                a[position[from]][position[to]] -= p;
            }
        }
        double[] base = solveStart(a, b);
        double p0 = base[0];
        double e0 = base[1];
        boolean hasValue = total() > 0 && e0 > 0;
        double[] re = new double[tps.length];
        double[] rev = new double[tps.length];
        double sumRe = 0;
        double sumRev = 0;
        for (int k = 0; k < tps.length; k++) {
            double[][] ar = new double[n][];
            double[][] br = new double[n][];
            for (int i = 0; i < n; i++) {
                if (contains(states.key(byName[i]), tps[k])) {
                    ar[i] = new double[n];
                    ar[i][i] = 1;
                    br[i] = new double[2];
                } else {
                    ar[i] = a[i];
                    br[i] = b[i];
                }
            }
            double[] x = solveStart(ar, br);
            re[k] = clamp(1 - x[0] / p0);
            rev[k] = hasValue ? clamp(1 - x[1] / e0) : Double.NaN;
            sumRe += re[k];
            sumRev += hasValue ? rev[k] : 0;
        }
        List<TouchpointCredit> out = new ArrayList<>();
        for (int k = 0; k < tps.length; k++) {
            double value = hasValue ? total() * rev[k] / sumRev : 0;
            out.add(new TouchpointCredit(touchpoints.name(tps[k]), conversions * re[k] / sumRe, value, re[k],
                    rev[k]));
        }
        String note = hasValue ? "" : "conversions carry no value: value credits are 0";
        return new AttributionModelResult(AttributionModel.MARKOV, order, journeys, conversions, total(), p0, n, out,
                note);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Whether packed state {@code key} contains touchpoint id {@code t}. */
    private static boolean contains(long key, int t) {
        for (long r = key; r != 0; r >>>= BITS) {
            if ((int) (r & ((1L << BITS) - 1)) - 1 == t) {
                return true;
            }
        }
        return false;
    }

    /** Solves {@code A x = B} (two right-hand sides) and returns row 0 (the start state). */
    private static double[] solveStart(double[][] a, double[][] b) {
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver();
        try {
            RealMatrix x = solver.solve(new Array2DRowRealMatrix(b, false));
            return x.getRow(0);
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the Markov chain's absorption system is numerically singular (a state"
                    + " is left with probability below about 1e-11, e.g. a self-loop counted far more often than its"
                    + " exits); Markov attribution is not available", e);
        }
    }

    @Override
    public AttributionResult result() {
        Map<AttributionModel, AttributionModelResult> models = new EnumMap<>(AttributionModel.class);
        Map<AttributionModel, String> unavailable = new EnumMap<>(AttributionModel.class);
        for (AttributionModel m : List.of(AttributionModel.FIRST_TOUCH, AttributionModel.LAST_TOUCH,
                AttributionModel.LINEAR)) {
            models.put(m, heuristic(m));
        }
        if (untimedConversions > 0) {
            unavailable.put(AttributionModel.TIME_DECAY, timeDecayUnavailable());
        } else {
            models.put(AttributionModel.TIME_DECAY, heuristic(AttributionModel.TIME_DECAY));
        }
        if (states.size() > DEFAULT_MAX_STATES) {
            unavailable.put(AttributionModel.MARKOV, "order " + order + " chain has " + states.size()
                    + " transient states, more than " + DEFAULT_MAX_STATES + "; call markov(maxStates)");
        } else {
            try {
                models.put(AttributionModel.MARKOV, markov(DEFAULT_MAX_STATES));
            } catch (IllegalStateException e) {
                unavailable.put(AttributionModel.MARKOV, e.getMessage());
            }
        }
        return new AttributionResult(models, unavailable);
    }


    @Override
    public AttributionAccumulator combine(AttributionAccumulator other) {
        Check.notNull(other, "other");
        if (other.order != order || !other.halfLife.equals(halfLife)) {
            throw new IncompatibleAccumulatorException("cannot combine attribution accumulators with different settings: order "
                    + order + " half-life " + halfLife + " vs order " + other.order + " half-life " + other.halfLife);
        }
        if (other == this) {
            return combine(other.copy());
        }
        int fresh = 0;
        for (int t = 0; t < other.touchpoints.size(); t++) {
            fresh += touchpoints.find(other.touchpoints.name(t)) < 0 ? 1 : 0;
        }
        checkRoom(fresh);
        ExactCounts.checkAdd(journeys, other.journeys, "journey count");
        int[] tp = new int[other.touchpoints.size()];
        for (int t = 0; t < tp.length; t++) {
            tp[t] = touchpoints.find(other.touchpoints.name(t));
        }
        for (int s = 0; s < other.states.size(); s++) {
            int mine = states.find(translate(other.states.key(s), tp));
            if (mine >= 0) {
                ExactCounts.checkAdd(stateOut[mine], other.stateOut[s], "transitions out of a state");
            }
        }
        journeys += other.journeys;
        conversions += other.conversions;
        untimedConversions += other.untimedConversions;
        CompensatedSum.add(totalSum, totalComp, 0, other.totalSum[0]);
        CompensatedSum.add(totalSum, totalComp, 0, other.totalComp[0]);
        for (int t = 0; t < tp.length; t++) {
            tp[t] = touchpointId(other.touchpoints.name(t));
            for (int s = 0; s < SLOTS; s++) {
                CompensatedSum.add(creditSum, creditComp, SLOTS * tp[t] + s, other.creditSum[SLOTS * t + s]);
                CompensatedSum.add(creditSum, creditComp, SLOTS * tp[t] + s, other.creditComp[SLOTS * t + s]);
            }
        }
        int[] st = new int[other.states.size()];
        for (int s = 0; s < st.length; s++) {
            st[s] = state(translate(other.states.key(s), tp));
            CompensatedSum.add(stateValueSum, stateValueComp, st[s], other.stateValueSum[s]);
            CompensatedSum.add(stateValueSum, stateValueComp, st[s], other.stateValueComp[s]);
        }
        for (int e = 0; e < other.edges.size(); e++) {
            long key = other.edges.key(e);
            int to = edgeTo(key);
            transition(st[edgeFrom(key)], to < 0 ? to : st[to], other.edgeCount[e]);
        }
        return this;
    }

    /** A packed state with its touchpoint ids mapped through {@code tp} (ids of another accumulator). */
    private long translate(long key, int[] tp) {
        long out = START_KEY;
        int shift = 0;
        for (long r = key; r != 0; r >>>= BITS, shift += BITS) {
            int t = tp[(int) (r & ((1L << BITS) - 1)) - 1];
            out |= (long) (t + 1) << shift;
        }
        return out;
    }

    @Override
    public AttributionAccumulator emptyCopy() {
        return new AttributionAccumulator(order, halfLife);
    }

    @Override
    public AttributionAccumulator copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 1).putInt(order).putLong(halfLife.toNanos()).putLong(journeys)
                .putLong(conversions).putLong(untimedConversions).putDoubles(new double[] {totalSum[0], totalComp[0]})
                .putInt(touchpoints.size());
        for (int t : touchpointsByName()) {
            double[] c = new double[2 * SLOTS];
            System.arraycopy(creditSum, SLOTS * t, c, 0, SLOTS);
            System.arraycopy(creditComp, SLOTS * t, c, SLOTS, SLOTS);
            w.putString(touchpoints.name(t)).putDoubles(c);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            out.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            out.get(edgeFrom(edges.key(e))).add(e);
        }
        w.putInt(states.size());
        for (int s : statesByName(false)) {
            List<Integer> exits = out.get(s);
            exits.sort((x, y) -> targetName(edgeTo(edges.key(x))).compareTo(targetName(edgeTo(edges.key(y)))));
            w.putString(stateName(states.key(s))).putDoubles(new double[] {stateValueSum[s], stateValueComp[s]})
                    .putInt(exits.size());
            for (int e : exits) {
                w.putString(targetName(edgeTo(edges.key(e)))).putLong(edgeCount[e]);
            }
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
    public static AttributionAccumulator decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        int order = in.getInt();
        long halfLifeNanos = in.getLong();
        AttributionAccumulator acc = in.valid("configuration", () -> of(order, Duration.ofNanos(halfLifeNanos)));
        acc.journeys = in.getCount("journey count");
        acc.conversions = in.getCount("conversion count");
        acc.untimedConversions = in.getCount("untimed conversion count");
        if (acc.conversions > acc.journeys || acc.untimedConversions > acc.conversions) {
            throw in.corrupt("has " + acc.conversions + " conversions (" + acc.untimedConversions + " untimed) in "
                    + acc.journeys + " journeys");
        }
        double[] tv = pair(in, in.getDoubles(), 2);
        acc.totalSum[0] = tv[0];
        acc.totalComp[0] = tv[1];
        checkSum(in, tv, 0, 0, "total value");
        int tps = in.getSize("touchpoint count", 8);
        double[] creditTotals = new double[4];
        for (int i = 0; i < tps; i++) {
            String t = in.getString();
            double[] c = pair(in, in.getDoubles(), 2 * SLOTS);
            if (t.isBlank() || RESERVED.contains(t) || t.indexOf(SEP) >= 0 || acc.touchpoints.find(t) >= 0
                    || acc.touchpoints.size() == MAX_TOUCHPOINTS) {
                throw in.corrupt("has a blank, reserved or repeated touchpoint '" + t + "'");
            }
            for (int s = 0; s < SLOTS; s++) {
                checkSum(in, c, s, SLOTS + s, "credit of " + t);
            }
            int id = acc.touchpointId(t);
            System.arraycopy(c, 0, acc.creditSum, SLOTS * id, SLOTS);
            System.arraycopy(c, SLOTS, acc.creditComp, SLOTS * id, SLOTS);
            for (int model = 0; model < 4; model++) {
                creditTotals[model] += c[2 * model] + c[SLOTS + 2 * model];
            }
        }
        double timed = acc.conversions - acc.untimedConversions;
        for (int model = 0; model < 4; model++) {
            double expected = model == 3 ? timed : acc.conversions;
            if (Math.abs(creditTotals[model] - expected) > 1e-6 * Math.max(1, expected)) {
                throw in.corrupt("has conversion credits adding up to " + creditTotals[model] + " for model " + model
                        + ", expected " + expected);
            }
        }
        int stateCount = in.getSize("state count", 24);
        List<String> targets = new ArrayList<>();
        List<long[]> exits = new ArrayList<>(); // (from state, count) per target, resolved once all states are read
        for (int i = 0; i < stateCount; i++) {
            String key = in.getString();
            long packed = acc.parseState(key);
            if (packed < 0 || acc.states.find(packed) >= 0) {
                throw in.corrupt("has a repeated state or one not made of at most " + order + " known touchpoints: '"
                        + key.replace(SEP, '>') + "'");
            }
            int s = acc.state(packed);
            double[] value = pair(in, in.getDoubles(), 2);
            acc.stateValueSum[s] = value[0];
            acc.stateValueComp[s] = value[1];
            checkSum(in, value, 0, 1, "conversion value of a state");
            int edgeCount = in.getSize("transition count", 12);
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < edgeCount; j++) {
                String to = in.getString();
                long count = in.getCount("transition count");
                if (count == 0 || !seen.add(to) || to.equals(START)) {
                    throw in.corrupt("has an empty or repeated transition, or one into " + START + ": '"
                            + to.replace(SEP, '>') + "'");
                }
                targets.add(to);
                exits.add(new long[] {s, count});
                acc.stateOut[s] = in.add(acc.stateOut[s], count, "total of transitions out of a state");
            }
            if (acc.stateOut[s] == 0) {
                throw in.corrupt("has a state without transitions: '" + key.replace(SEP, '>') + "'");
            }
        }
        in.end();
        for (int i = 0; i < targets.size(); i++) {
            String to = targets.get(i);
            int target;
            if (to.equals(CONVERSION)) {
                target = TO_CONVERSION;
            } else if (to.equals(NULL)) {
                target = TO_NULL;
            } else {
                long packed = acc.parseState(to);
                target = packed < 0 ? -1 : acc.states.find(packed);
                if (target < 0) {
                    throw in.corrupt("has a transition to an unknown state '" + to.replace(SEP, '>') + "'");
                }
            }
            int from = (int) exits.get(i)[0];
            int e = acc.edges.indexOf((long) from << 32 | (target + 2));
            if (e == acc.edgeCount.length) {
                acc.edgeCount = Arrays.copyOf(acc.edgeCount, acc.edgeCount.length * 2);
            }
            acc.edgeCount[e] = exits.get(i)[1];
        }
        acc.checkChainClosed(in);
        return acc;
    }

    /** The packed key of a state's name, or −1 if it is not {@value #START} or at most order known touchpoints. */
    private long parseState(String key) {
        if (key.equals(START)) {
            return START_KEY;
        }
        String[] parts = key.split(String.valueOf(SEP), -1);
        if (parts.length > order) {
            return -1;
        }
        long packed = START_KEY;
        for (String p : parts) {
            int t = touchpoints.find(p);
            if (t < 0) {
                return -1;
            }
            packed = packed << BITS | (t + 1);
        }
        return packed;
    }

    /**
     * The chain must be one that journeys make: {@value #START} present iff there are journeys,
     * as many transitions out of {@value #START} and into the absorbing states as journeys, as
     * many into {@value #CONVERSION} as conversions, as many into every other state as out of it,
     * conversion value only on states a conversion leaves from, and every state reachable from
     * {@value #START}.
     */
    private void checkChainClosed(Encoding.Reader in) {
        int n = states.size();
        int start = states.find(START_KEY);
        if ((n == 0) != (journeys == 0) || (journeys > 0 && start < 0)) {
            throw in.corrupt("has " + n + " states for " + journeys + " journeys: the chain must start at " + START);
        }
        long[] into = new long[n + 2]; // target + 2
        boolean[] converts = new boolean[n];
        List<List<Integer>> next = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            next.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            long key = edges.key(e);
            int to = edgeTo(key);
            into[to + 2] = in.add(into[to + 2], edgeCount[e], "total of transitions into a state");
            converts[edgeFrom(key)] |= to == TO_CONVERSION;
            if (to >= 0) {
                next.get(edgeFrom(key)).add(to);
            }
        }
        for (int s = 0; s < n; s++) {
            if (!converts[s] && stateValueSum[s] + stateValueComp[s] != 0) {
                throw in.corrupt("has conversion value on a state no conversion leaves from");
            }
        }
        long conv = into[TO_CONVERSION + 2];
        long lost = into[TO_NULL + 2];
        boolean ok = conv == conversions && in.add(conv, lost, "total of journey ends") == journeys
                && (journeys == 0 || stateOut[start] == journeys);
        for (int s = 0; s < n; s++) {
            if (s != start) {
                ok &= into[s + 2] == stateOut[s];
            }
        }
        // Balanced flows and every state reachable from (start) make every closed set of states
        // unreachable, so absorption is reachable from every state and the Markov system is regular.
        boolean[] reached = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int reachedCount = 0;
        if (journeys > 0) {
            queue.add(start);
            reached[start] = true;
            reachedCount++;
        }
        while (!queue.isEmpty()) {
            for (int to : next.get(queue.poll())) {
                if (!reached[to]) {
                    reached[to] = true;
                    reachedCount++;
                    queue.add(to);
                }
            }
        }
        ok &= reachedCount == n;
        if (!ok) {
            throw in.corrupt("has a chain whose flows do not balance (or with a state (start) does not reach): " + conv
                    + " conversions and " + lost + " non-conversions for " + journeys + " journeys and " + conversions
                    + " conversions, or a state entered and left a different number of times");
        }
    }

    /** A compensated [sum, compensation] at {@code s}, {@code c}: finite, >= 0, compensation small. */
    private static void checkSum(Encoding.Reader in, double[] v, int s, int c, String what) {
        double total = v[s] + v[c];
        if (!Double.isFinite(v[s]) || !Double.isFinite(v[c]) || !(total >= 0) || !(Math.abs(v[c]) <= Math.abs(v[s]))
                || Math.abs(v[s]) > 1e300) {
            throw in.corrupt("has an impossible " + what + ": " + v[s] + " + " + v[c]);
        }
    }

    private static double[] pair(Encoding.Reader in, double[] v, int length) {
        if (v.length != length) {
            throw in.corrupt("has " + v.length + " sums where " + length + " are expected");
        }
        return v;
    }

    @Override
    public String toString() {
        return "AttributionAccumulator[order=" + order + ", half-life=" + halfLife + ", journeys=" + journeys
                + ", conversions=" + conversions + ", touchpoints=" + touchpoints.size() + ", states=" + states.size()
                + "]";
    }
}
