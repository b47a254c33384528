package io.cxkit.journey.attribution;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * AttributionAccumulator acc = AttributionAccumulator.create(2, Duration.ofDays(7));
 * acc.accept(AttributionJourney.of(List.of("search", "email", "web"), true, 120.0));
 * acc.accept(AttributionJourney.of(List.of("search", "web"), false, 0));
 * AttributionModelResult markov = acc.markov(AttributionAccumulator.DEFAULT_MAX_STATES);
 * AttributionModelResult last = acc.heuristic(AttributionModel.LAST_TOUCH);
 * }</pre>
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
 * touches (see {@link AttributionModel}). Sums use compensated summation; counts of journeys and
 * conversions and all transition counts are exact, so {@link #combine} equals a single pass
 * exactly for the Markov model and to rounding of compensated sums for the heuristics.
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

    static final Set<String> RESERVED = Set.of(START, CONVERSION, NULL);
    private static final char SEP = '\u001f';
    private static final int SLOTS = 8;

    private final int order;
    private final Duration halfLife;
    private long journeys;
    private long conversions;
    private long untimedConversions;
    private final double[] totalValue = new double[2];
    /** Per touchpoint: 8 sums (count, value for first, last, linear, decay) then 8 compensations. */
    private final Map<String, double[]> credit = new HashMap<>();
    private final Map<String, Node> chain = new HashMap<>();

    /** A transient state: outgoing transition counts and the value of conversions from it. */
    private static final class Node {
        final Map<String, long[]> next = new HashMap<>();
        final double[] value = new double[2];
        long out;

        void add(String to, long count) {
            long[] c = next.get(to);
            if (c == null) {
                c = new long[1];
                next.put(to, c);
            }
            c[0] += count;
            out += count;
        }
    }

    private AttributionAccumulator(int order, Duration halfLife) {
        this.order = order;
        this.halfLife = halfLife;
    }

    /**
     * An accumulator with Markov order 1 and a time-decay half-life of 7 days.
     *
     * @return a new accumulator
     */
    public static AttributionAccumulator create() {
        return create(1, Duration.ofDays(7));
    }

    /**
     * An accumulator with the given Markov order and time-decay half-life.
     *
     * @param order the Markov order, in [1, 3]
     * @param halfLife the time-decay half-life; positive
     * @return a new accumulator
     * @throws IllegalArgumentException if the order is outside [1, 3] or the half-life is not positive
     */
    public static AttributionAccumulator create(int order, Duration halfLife) {
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
     */
    public void accept(AttributionJourney journey) {
        Check.notNull(journey, "journey");
        List<String> tps = journey.touchpoints();
        int m = tps.size();
        journeys++;
        for (String t : tps) {
            credit.computeIfAbsent(t, k -> new double[2 * SLOTS]);
        }
        if (journey.converted()) {
            double v = journey.value();
            conversions++;
            addTotal(v);
            addCredit(tps.get(0), 0, 1, v);
            addCredit(tps.get(m - 1), 1, 1, v);
            for (String t : tps) {
                addCredit(t, 2, 1.0 / m, v / m);
            }
            if (journey.hasTimes()) {
                double h = halfLife.toNanos() / 1e9;
                long end = journey.times().get(m - 1).getEpochSecond();
                int endNano = journey.times().get(m - 1).getNano();
                double[] w = new double[m];
                double sw = 0;
                for (int i = 0; i < m; i++) {
                    double dt = (end - journey.times().get(i).getEpochSecond())
                            + (endNano - journey.times().get(i).getNano()) / 1e9;
                    w[i] = Math.pow(2, -dt / h);
                    sw += w[i];
                }
                for (int i = 0; i < m; i++) {
                    addCredit(tps.get(i), 3, w[i] / sw, v * w[i] / sw);
                }
            } else {
                untimedConversions++;
            }
        }
        String prev = START;
        for (int i = 0; i < m; i++) {
            String state = String.join(String.valueOf(SEP), tps.subList(Math.max(0, i - order + 1), i + 1));
            node(prev).add(state, 1);
            prev = state;
        }
        Node last = node(prev);
        last.add(journey.converted() ? CONVERSION : NULL, 1);
        if (journey.converted()) {
            kahan(last.value, journey.value());
        }
    }

    private void addTotal(double v) {
        kahan(totalValue, v);
    }

    /** Adds to a [sum, compensation] pair. */
    private static void kahan(double[] pair, double v) {
        double s = pair[0];
        double t = s + v;
        pair[1] += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
        pair[0] = t;
    }

    private void addCredit(String t, int model, double count, double value) {
        double[] c = credit.get(t);
        addSlot(c, 2 * model, count);
        addSlot(c, 2 * model + 1, value);
    }

    /** Compensated add into slot {@code s} (sum at {@code s}, compensation at {@code SLOTS + s}). */
    private static void addSlot(double[] c, int s, double v) {
        double[] pair = {c[s], c[SLOTS + s]};
        kahan(pair, v);
        c[s] = pair[0];
        c[SLOTS + s] = pair[1];
    }

    private Node node(String key) {
        Node n = chain.get(key);
        if (n == null) {
            n = new Node();
            chain.put(key, n);
        }
        return n;
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
        int slot = model.ordinal();
        List<TouchpointCredit> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : new TreeMap<>(credit).entrySet()) {
            double[] c = e.getValue();
            out.add(new TouchpointCredit(e.getKey(), c[2 * slot] + c[SLOTS + 2 * slot],
                    c[2 * slot + 1] + c[SLOTS + 2 * slot + 1], Double.NaN, Double.NaN));
        }
        return new AttributionModelResult(model, 0, journeys, conversions, total(), Double.NaN, 0, out, note());
    }

    private String timeDecayUnavailable() {
        return "time-decay attribution needs touch times: " + untimedConversions
                + " converting journeys have none";
    }

    private double total() {
        return totalValue[0] + totalValue[1];
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
        int n = chain.size();
        if (n > maxStates) {
            throw new IllegalStateException("Markov order " + order + " chain has " + n
                    + " transient states, more than the limit " + maxStates
                    + "; use a lower order or a higher limit (each solve costs O(states^3))");
        }
        List<String> touchpoints = new ArrayList<>(new TreeSet<>(credit.keySet()));
        if (conversions == 0) {
            List<TouchpointCredit> zero = new ArrayList<>();
            for (String t : touchpoints) {
                zero.add(new TouchpointCredit(t, 0, 0, Double.NaN, Double.NaN));
            }
            return new AttributionModelResult(AttributionModel.MARKOV, order, journeys, 0, total(), 0, n, zero, note());
        }
        List<String> states = new ArrayList<>();
        states.add(START);
        new TreeSet<>(chain.keySet()).stream().filter(s -> !s.equals(START)).forEach(states::add);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            index.put(states.get(i), i);
        }
        double[][] a = new double[n][n];
        double[][] b = new double[n][2];
        for (int i = 0; i < n; i++) {
            Node node = chain.get(states.get(i));
            a[i][i] = 1;
            double out = node.out;
            for (Map.Entry<String, long[]> e : node.next.entrySet()) {
                String to = e.getKey();
                double p = e.getValue()[0] / out;
                if (to.equals(CONVERSION)) {
                    b[i][0] = p;
                } else if (!to.equals(NULL)) {
                    a[i][index.get(to)] -= p;
                }
            }
            b[i][1] = (node.value[0] + node.value[1]) / out;
        }
        double[] base = solveStart(a, b);
        double p0 = base[0];
        double e0 = base[1];
        boolean hasValue = total() > 0 && e0 > 0;
        double[] re = new double[touchpoints.size()];
        double[] rev = new double[touchpoints.size()];
        double sumRe = 0;
        double sumRev = 0;
        for (int k = 0; k < touchpoints.size(); k++) {
            String t = touchpoints.get(k);
            double[][] ar = new double[n][];
            double[][] br = new double[n][];
            for (int i = 0; i < n; i++) {
                if (contains(states.get(i), t)) {
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
        for (int k = 0; k < touchpoints.size(); k++) {
            double value = hasValue ? total() * rev[k] / sumRev : 0;
            out.add(new TouchpointCredit(touchpoints.get(k), conversions * re[k] / sumRe, value, re[k], rev[k]));
        }
        String note = hasValue ? "" : "conversions carry no value: value credits are 0";
        return new AttributionModelResult(AttributionModel.MARKOV, order, journeys, conversions, total(), p0, n, out,
                note);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static boolean contains(String state, String touchpoint) {
        if (state.equals(START)) {
            return false;
        }
        for (String part : state.split(String.valueOf(SEP), -1)) {
            if (part.equals(touchpoint)) {
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
        if (chain.size() > DEFAULT_MAX_STATES) {
            unavailable.put(AttributionModel.MARKOV, "order " + order + " chain has " + chain.size()
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
        checkCombine(other);
        journeys += other.journeys;
        conversions += other.conversions;
        untimedConversions += other.untimedConversions;
        kahan(totalValue, other.totalValue[0]);
        kahan(totalValue, other.totalValue[1]);
        for (Map.Entry<String, double[]> e : other.credit.entrySet()) {
            double[] mine = credit.computeIfAbsent(e.getKey(), k -> new double[2 * SLOTS]);
            double[] o = e.getValue();
            for (int s = 0; s < SLOTS; s++) {
                mergePair(mine, o, s);
            }
        }
        for (Map.Entry<String, Node> e : other.chain.entrySet()) {
            Node mine = node(e.getKey());
            Node o = e.getValue();
            o.next.forEach((to, c) -> mine.add(to, c[0]));
            kahan(mine.value, o.value[0]);
            kahan(mine.value, o.value[1]);
        }
        return this;
    }

    /** Checks that no merged count overflows, before anything changes. */
    private void checkCombine(AttributionAccumulator other) {
        ExactCounts.checkAdd(journeys, other.journeys, "journey count");
        for (Map.Entry<String, Node> e : other.chain.entrySet()) {
            Node mine = chain.get(e.getKey());
            if (mine != null) {
                ExactCounts.checkAdd(mine.out, e.getValue().out, "transitions out of a state");
            }
        }
    }

    private static void mergePair(double[] mine, double[] o, int s) {
        addSlot(mine, s, o[s]);
        addSlot(mine, s, o[SLOTS + s]);
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
                .putLong(conversions).putLong(untimedConversions).putDoubles(totalValue.clone())
                .putInt(credit.size());
        for (Map.Entry<String, double[]> e : new TreeMap<>(credit).entrySet()) {
            w.putString(e.getKey()).putDoubles(e.getValue().clone());
        }
        w.putInt(chain.size());
        for (Map.Entry<String, Node> e : new TreeMap<>(chain).entrySet()) {
            Node node = e.getValue();
            w.putString(e.getKey()).putDoubles(node.value.clone()).putInt(node.next.size());
            for (Map.Entry<String, long[]> t : new TreeMap<>(node.next).entrySet()) {
                w.putString(t.getKey()).putLong(t.getValue()[0]);
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
        long nanos = in.getLong();
        AttributionAccumulator acc = in.valid("configuration", () -> create(order, Duration.ofNanos(nanos)));
        acc.journeys = in.getCount("journey count");
        acc.conversions = in.getCount("conversion count");
        acc.untimedConversions = in.getCount("untimed conversion count");
        if (acc.conversions > acc.journeys || acc.untimedConversions > acc.conversions) {
            throw in.corrupt("has " + acc.conversions + " conversions (" + acc.untimedConversions + " untimed) in "
                    + acc.journeys + " journeys");
        }
        double[] tv = pair(in, in.getDoubles(), 2);
        System.arraycopy(tv, 0, acc.totalValue, 0, 2);
        checkSum(in, tv, 0, 0, "total value");
        int tps = in.getSize("touchpoint count", 8);
        double[] creditTotals = new double[4];
        for (int i = 0; i < tps; i++) {
            String t = in.getString();
            double[] c = pair(in, in.getDoubles(), 2 * SLOTS);
            if (t.isBlank() || RESERVED.contains(t) || t.indexOf(SEP) >= 0 || acc.credit.put(t, c) != null) {
                throw in.corrupt("has a blank, reserved or repeated touchpoint '" + t + "'");
            }
            for (int s = 0; s < SLOTS; s++) {
                checkSum(in, c, s, SLOTS + s, "credit of " + t);
            }
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
        int states = in.getSize("state count", 24);
        for (int i = 0; i < states; i++) {
            String key = in.getString();
            if (acc.chain.containsKey(key) || !acc.isState(key)) {
                throw in.corrupt("has a repeated state or one not made of at most " + order + " known touchpoints: '"
                        + key.replace(SEP, '>') + "'");
            }
            Node node = acc.node(key);
            System.arraycopy(pair(in, in.getDoubles(), 2), 0, node.value, 0, 2);
            checkSum(in, node.value, 0, 1, "conversion value of a state");
            int edges = in.getSize("transition count", 12);
            for (int j = 0; j < edges; j++) {
                String to = in.getString();
                long count = in.getCount("transition count");
                if (count == 0 || node.next.containsKey(to) || to.equals(START)) {
                    throw in.corrupt("has an empty or repeated transition, or one into " + START + ": '"
                            + to.replace(SEP, '>') + "'");
                }
                node.next.put(to, new long[] {count});
                node.out = in.add(node.out, count, "total of transitions out of a state");
            }
            if (node.out == 0) {
                throw in.corrupt("has a state without transitions: '" + key.replace(SEP, '>') + "'");
            }
        }
        in.end();
        acc.checkChainClosed(in);
        return acc;
    }

    private boolean isState(String key) {
        if (key.equals(START)) {
            return true;
        }
        String[] parts = key.split(String.valueOf(SEP), -1);
        if (parts.length > order) {
            return false;
        }
        for (String p : parts) {
            if (!credit.containsKey(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The chain must be one that journeys make: {@value #START} present iff there are journeys,
     * every target a known state or an absorbing one, as many transitions out of {@value #START}
     * and into the absorbing states as journeys, as many into {@value #CONVERSION} as conversions,
     * and as many into every other state as out of it.
     */
    private void checkChainClosed(Encoding.Reader in) {
        if (chain.isEmpty() != (journeys == 0) || (journeys > 0 && !chain.containsKey(START))) {
            throw in.corrupt("has " + chain.size() + " states for " + journeys + " journeys: the chain must start at "
                    + START);
        }
        Map<String, Long> into = new HashMap<>();
        for (Map.Entry<String, Node> e : chain.entrySet()) {
            for (Map.Entry<String, long[]> t : e.getValue().next.entrySet()) {
                String to = t.getKey();
                if (!to.equals(CONVERSION) && !to.equals(NULL) && !chain.containsKey(to)) {
                    throw in.corrupt("has a transition to an unknown state '" + to.replace(SEP, '>') + "'");
                }
                into.merge(to, t.getValue()[0], (a, b) -> in.add(a, b, "total of transitions into a state"));
            }
            boolean converts = e.getValue().next.containsKey(CONVERSION);
            if (!converts && e.getValue().value[0] + e.getValue().value[1] != 0) {
                throw in.corrupt("has conversion value on a state no conversion leaves from");
            }
        }
        long conv = into.getOrDefault(CONVERSION, 0L);
        long lost = into.getOrDefault(NULL, 0L);
        boolean ok = conv == conversions && in.add(conv, lost, "total of journey ends") == journeys
                && (journeys == 0 || chain.get(START).out == journeys);
        for (Map.Entry<String, Node> e : chain.entrySet()) {
            if (!e.getKey().equals(START)) {
                ok &= into.getOrDefault(e.getKey(), 0L) == e.getValue().out;
            }
        }
        // Balanced flows and every state reachable from (start) make every closed set of states
        // unreachable, so absorption is reachable from every state and the Markov system is regular.
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        java.util.Set<String> reached = new java.util.HashSet<>();
        if (journeys > 0) {
            queue.add(START);
            reached.add(START);
        }
        while (!queue.isEmpty()) {
            for (String to : chain.get(queue.poll()).next.keySet()) {
                if (chain.containsKey(to) && reached.add(to)) {
                    queue.add(to);
                }
            }
        }
        ok &= reached.size() == chain.size();
        if (!ok) {
            throw in.corrupt("has a chain whose flows do not balance (or with a state (start) does not reach): " + conv + " conversions and " + lost
                    + " non-conversions for " + journeys + " journeys and " + conversions + " conversions, or a state"
                    + " entered and left a different number of times");
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
                + ", conversions=" + conversions + ", touchpoints=" + credit.size() + ", states=" + chain.size() + "]";
    }
}
