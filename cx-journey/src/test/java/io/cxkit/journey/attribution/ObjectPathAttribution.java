package io.cxkit.journey.attribution;

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
 * Reference oracle: the object-path {@code AttributionAccumulator} as it was before it read the
 * event log (string-keyed maps of touchpoints and Markov states), kept verbatim apart from the
 * encoding and combine, so that equality tests can hold the columnar implementation to it.
 */
final class ObjectPathAttribution {
    static final String START = AttributionAccumulator.START;
    static final String CONVERSION = AttributionAccumulator.CONVERSION;
    static final String NULL = AttributionAccumulator.NULL;
    static final int DEFAULT_MAX_STATES = AttributionAccumulator.DEFAULT_MAX_STATES;
    static final int MAX_STATES_LIMIT = AttributionAccumulator.MAX_STATES_LIMIT;
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

    ObjectPathAttribution(int order, Duration halfLife) {
        this.order = order;
        this.halfLife = halfLife;
    }


    /**
     * Adds one journey, converting or not.
     *
     * @param journey the journey
     * @throws IllegalArgumentException if it is missing
     */
    public void accept(AttributionJourney journey) {
        if (journey == null) {
            throw new IllegalArgumentException("journey must not be missing: null");
        }
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


    AttributionResult result() {
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

}
