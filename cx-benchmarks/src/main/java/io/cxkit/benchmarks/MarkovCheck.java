package io.cxkit.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An independent order-1 Markov removal-effect computation from transition counts, written for the
 * cross-check (it shares no code with cxkit's {@code AttributionAccumulator}): the peers count
 * transitions (in SQL), this turns the counts into credits, and the result must equal cxkit's.
 *
 * <p>States: {@value #START}, one per touchpoint, and the absorbing {@value #CONVERSION} and
 * {@value #NULL}. With {@code Q} the transient block of the observed transition shares, {@code r}
 * the one-step conversion shares and {@code v} the conversion value per transition out of a state,
 * {@code (I − Q) [x e] = [r v]} is solved by Gaussian elimination with partial pivoting; the
 * conversion probability is {@code x[START]}. Removing a touchpoint makes its state absorbing with
 * nothing to gain (its row becomes the identity row, right-hand side 0). Removal effects
 * {@code RE_t = clamp(1 − x_{−t}[START] / x[START])}, credits {@code C · RE_t / Σ RE} (value
 * likewise with {@code e}).
 */
final class MarkovCheck {
    static final String START = "(start)";
    static final String CONVERSION = "(conversion)";
    static final String NULL = "(null)";

    private final Map<String, Map<String, long[]>> out = new HashMap<>();
    private final Map<String, double[]> conversionValue = new HashMap<>();

    /**
     * Adds transitions.
     *
     * @param from the state left ({@value #START} or a touchpoint)
     * @param to the state entered (a touchpoint, {@value #CONVERSION} or {@value #NULL})
     * @param count how many times
     * @param value the conversion value carried (0 unless {@code to} is {@value #CONVERSION})
     */
    void add(String from, String to, long count, double value) {
        out.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(to, k -> new long[1])[0] += count;
        if (to.equals(CONVERSION)) {
            conversionValue.computeIfAbsent(from, k -> new double[1])[0] += value;
        }
    }

    /**
     * The credits the transitions added so far imply.
     *
     * @return the credits
     */
    JourneyAnswers.MarkovCredits credits() {
        List<String> states = new ArrayList<>();
        states.add(START);
        TreeSet<String> touchpoints = new TreeSet<>(out.keySet());
        touchpoints.remove(START);
        states.addAll(touchpoints);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            index.put(states.get(i), i);
        }
        int n = states.size();
        double[][] a = new double[n][n];
        double[][] b = new double[n][2];
        long conversions = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            Map<String, long[]> next = out.getOrDefault(states.get(i), Map.of());
            long sum = 0;
            for (long[] c : next.values()) {
                sum += c[0];
            }
            a[i][i] += 1;
            for (Map.Entry<String, long[]> e : next.entrySet()) {
                double p = (double) e.getValue()[0] / sum;
                if (e.getKey().equals(CONVERSION)) {
                    b[i][0] = p;
                    conversions += e.getValue()[0];
                } else if (!e.getKey().equals(NULL)) {
                    a[i][index.get(e.getKey())] -= p;
                }
            }
            double v = conversionValue.getOrDefault(states.get(i), new double[1])[0];
            b[i][1] = sum == 0 ? 0 : v / sum;
            total += v;
        }
        double[] base = solveStart(a, b, -1);
        Map<String, double[]> credits = new TreeMap<>();
        double[] re = new double[n];
        double[] rev = new double[n];
        double sumRe = 0;
        double sumRev = 0;
        boolean hasValue = total > 0 && base[1] > 0;
        for (int t = 1; t < n; t++) {
            double[] x = solveStart(a, b, t);
            re[t] = clamp(1 - x[0] / base[0]);
            rev[t] = hasValue ? clamp(1 - x[1] / base[1]) : Double.NaN;
            sumRe += re[t];
            sumRev += hasValue ? rev[t] : 0;
        }
        for (int t = 1; t < n; t++) {
            credits.put(states.get(t), new double[] {conversions * re[t] / sumRe,
                hasValue ? total * rev[t] / sumRev : 0, re[t], rev[t]});
        }
        return new JourneyAnswers.MarkovCredits(conversions, total, credits);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Solves with state {@code removed} (or none, −1) absorbing; returns the start row. */
    private static double[] solveStart(double[][] a0, double[][] b0, int removed) {
        int n = a0.length;
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        for (int i = 0; i < n; i++) {
            if (i == removed) {
                a[i] = new double[n];
                a[i][i] = 1;
                b[i] = new double[2];
            } else {
                a[i] = a0[i].clone();
                b[i] = b0[i].clone();
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            if (a[col][col] == 0) {
                throw new IllegalStateException("Markov check: singular absorption system at state " + col);
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                if (f != 0) {
                    for (int c = col; c < n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                    b[r][0] -= f * b[col][0];
                    b[r][1] -= f * b[col][1];
                }
            }
        }
        double[][] x = new double[n][2];
        for (int r = n - 1; r >= 0; r--) {
            for (int k = 0; k < 2; k++) {
                double s = b[r][k];
                for (int c = r + 1; c < n; c++) {
                    s -= a[r][c] * x[c][k];
                }
                x[r][k] = s / a[r][r];
            }
        }
        return x[0];
    }
}
