package io.cxkit.survey.drivers;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.CompensatedSum;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Key-driver analysis in one pass: a mergeable accumulator of the (weighted) means and co-moments of
 * an overall score (overall satisfaction, likelihood to recommend) and attribute ratings (ease,
 * speed, friendliness, price), from which {@link #result()} reads the correlation matrix and splits
 * R² among the drivers ({@link KeyDriversResult}).
 *
 * <pre>{@code
 * KeyDrivers kd = KeyDrivers.of("overall", List.of("ease", "speed", "price"));
 * kd.accept(8, new double[] {9, 7, 5});
 * kd.accept(6, new double[] {6, Double.NaN, 4});   // missing driver: excluded and counted
 * ...
 * kd.result();                        // Johnson's relative weights, R², importance per driver
 * kd.result(KeyDriverMethod.LMG);     // Shapley / LMG decomposition
 * }</pre>
 *
 * <p>Statistics: Welford/West one-pass updates of the weighted means and of the co-moment matrix
 * {@code C_ij = Σw(x_i − x̄_i)(x_j − x̄_j)}, merged by Chan, Golub &amp; LeVeque's (1979) pairwise
 * formula {@code C = C_a + C_b + δδᵀ·W_a·W_b/W}; correlations {@code r_ij = C_ij/√(C_ii·C_jj)}
 * (weighted Pearson correlations). Memory is {@code O(p²)} for p drivers, independent of the rows.
 *
 * <p>This accumulator gives point estimates only; bootstrap intervals need the rows
 * ({@link DriverRows#bootstrap}).
 *
 * <p>Missing values: a row whose outcome or any driver is NaN is excluded (listwise deletion) and
 * counted in {@link #excluded()}. Infinite values are rejected. Not thread-safe: one accumulator
 * per thread, then {@link #combine}.
 */
public final class KeyDrivers implements Accumulator<KeyDrivers, KeyDriversResult> {
    /** The largest number of drivers an accumulator accepts. */
    public static final int MAX_DRIVERS = 30;
    /** The largest number of drivers for {@link KeyDriverMethod#LMG} (2^p subset regressions). */
    public static final int MAX_LMG_DRIVERS = 15;
    private static final String TYPE = "key-drivers";

    private final String outcome;
    private final List<String> drivers;
    private final int k;
    private long n;
    private long excluded;
    private boolean weighted;
    private final CompensatedSum sumW = new CompensatedSum();
    private final double[] mean;
    private final double[] co;
    private final double[] delta;

    private KeyDrivers(String outcome, List<String> drivers) {
        this.outcome = outcome;
        this.drivers = drivers;
        this.k = drivers.size() + 1;
        this.mean = new double[k];
        this.co = new double[k * k];
        this.delta = new double[k];
    }

    /**
     * An accumulator for an outcome and named drivers.
     *
     * @param outcome the outcome's name, e.g. {@code "overall"}
     * @param drivers the drivers' names, distinct, non-blank, 1 to {@value #MAX_DRIVERS}
     * @return a new, empty accumulator
     * @throws IllegalArgumentException if a name is blank or repeated, or there are no or too many
     *     drivers
     */
    public static KeyDrivers of(String outcome, List<String> drivers) {
        Check.notNull(outcome, "outcome");
        Check.notNull(drivers, "drivers");
        if (outcome.isBlank()) {
            throw new IllegalArgumentException("outcome name must not be blank: '" + outcome + "'");
        }
        if (drivers.isEmpty() || drivers.size() > MAX_DRIVERS) {
            throw new IllegalArgumentException("number of drivers must be in [1, " + MAX_DRIVERS
                    + "]: " + drivers.size());
        }
        HashSet<String> seen = new HashSet<>();
        seen.add(outcome);
        for (String d : drivers) {
            Check.notNull(d, "driver name");
            if (d.isBlank() || !seen.add(d)) {
                throw new IllegalArgumentException(
                        "driver names must be non-blank and distinct from each other and the outcome: '"
                                + d + "'");
            }
        }
        return new KeyDrivers(outcome, Collections.unmodifiableList(new ArrayList<>(drivers)));
    }

    /**
     * The outcome's name.
     *
     * @return the name
     */
    public String outcome() {
        return outcome;
    }

    /**
     * The drivers' names, in column order.
     *
     * @return an unmodifiable list
     */
    public List<String> drivers() {
        return drivers;
    }

    /**
     * Number of complete rows accumulated.
     *
     * @return the count
     */
    public long n() {
        return n;
    }

    /**
     * Number of rows excluded because the outcome or a driver was missing (NaN).
     *
     * @return the count
     */
    public long excluded() {
        return excluded;
    }

    /**
     * Observes one unweighted row.
     *
     * @param outcomeValue the overall score; NaN means missing (row excluded)
     * @param driverValues one rating per driver, in {@link #drivers()} order; NaN means missing
     * @throws IllegalArgumentException if the array length is wrong or a value is infinite
     */
    public void accept(double outcomeValue, double[] driverValues) {
        add(outcomeValue, driverValues, 1.0);
    }

    /**
     * Observes one weighted row.
     *
     * @param outcomeValue the overall score; NaN means missing (row excluded)
     * @param driverValues one rating per driver, in {@link #drivers()} order; NaN means missing
     * @param weight the row's weight, finite and &gt; 0
     * @throws IllegalArgumentException if the array length is wrong, a value is infinite or the
     *     weight is not finite and positive
     */
    public void accept(double outcomeValue, double[] driverValues, double weight) {
        Check.weight(weight);
        weighted = true;
        add(outcomeValue, driverValues, weight);
    }

    /**
     * Validates a row; returns true if it has a missing (NaN) value and must be excluded.
     *
     * @throws IllegalArgumentException if the array length is wrong or a value is infinite
     */
    boolean missingRow(double y, double[] x) {
        Check.notNull(x, "driverValues");
        if (x.length != k - 1) {
            throw new IllegalArgumentException("driverValues must have one value per driver ("
                    + (k - 1) + "): " + x.length);
        }
        if (Double.isInfinite(y)) {
            throw new IllegalArgumentException(outcome + " value must be finite or NaN (missing): " + y);
        }
        boolean missing = Double.isNaN(y);
        for (int j = 0; j < x.length; j++) {
            if (Double.isInfinite(x[j])) {
                throw new IllegalArgumentException(drivers.get(j)
                        + " value must be finite or NaN (missing): " + x[j]);
            }
            missing |= Double.isNaN(x[j]);
        }
        return missing;
    }

    private void add(double y, double[] x, double w) {
        if (missingRow(y, x)) {
            excluded++;
            return;
        }
        double newW = sumW.value() + w;
        for (int i = 0; i < k; i++) {
            double v = i == 0 ? y : x[i - 1];
            delta[i] = v - mean[i];
            mean[i] += delta[i] * w / newW;
        }
        for (int i = 0; i < k; i++) {
            double vi = i == 0 ? y : x[i - 1];
            double after = vi - mean[i];
            for (int j = 0; j < k; j++) {
                co[j * k + i] += w * delta[j] * after;
            }
        }
        n++;
        sumW.add(w);
    }

    @Override
    public KeyDrivers combine(KeyDrivers other) {
        Check.notNull(other, "other");
        if (!outcome.equals(other.outcome) || !drivers.equals(other.drivers)) {
            throw new IncompatibleAccumulatorException("cannot combine key-driver accumulators with different "
                    + "variables: " + outcome + " ~ " + drivers + " vs " + other.outcome + " ~ "
                    + other.drivers);
        }
        long newN = ExactCounts.checkAdd(n, other.n, "complete-row count");
        excluded = ExactCounts.checkAdd(excluded, other.excluded, "excluded-row count");
        if (other.n == 0) {
            return this;
        }
        weighted |= other.weighted;
        if (n == 0) {
            n = other.n;
            sumW.add(other.sumW);
            System.arraycopy(other.mean, 0, mean, 0, k);
            System.arraycopy(other.co, 0, co, 0, k * k);
            return this;
        }
        double wa = sumW.value();
        double wb = other.sumW.value();
        double w = wa + wb;
        for (int i = 0; i < k; i++) {
            delta[i] = other.mean[i] - mean[i];
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                co[i * k + j] += other.co[i * k + j] + delta[i] * delta[j] * wa * wb / w;
            }
            mean[i] += delta[i] * wb / w;
        }
        n = newN;
        sumW.add(other.sumW);
        return this;
    }

    /**
     * The (weighted) Pearson correlation matrix of outcome (index 0) and drivers (1..p).
     *
     * @return a new {@code (p+1)×(p+1)} array
     * @throws IllegalArgumentException if fewer than 2 complete rows were seen or a variable is
     *     constant (the message names it)
     */
    public double[][] correlations() {
        if (n < 2) {
            throw new IllegalArgumentException("key-driver analysis needs at least 2 complete rows: " + n);
        }
        double[] sd = new double[k];
        List<String> constant = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double c = co[i * k + i];
            double scale = Math.max(mean[i] * mean[i], Double.MIN_NORMAL) * sumW.value();
            if (!(c > 1e-24 * scale)) {
                constant.add(i == 0 ? outcome + " (outcome)" : drivers.get(i - 1));
            }
            sd[i] = Math.sqrt(Math.max(c, 0));
        }
        if (!constant.isEmpty()) {
            throw new IllegalArgumentException("key-driver variables must vary (zero variance in the "
                    + n + " complete rows): " + constant);
        }
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = i == j ? 1 : Math.max(-1, Math.min(1, co[i * k + j] / (sd[i] * sd[j])));
            }
        }
        return r;
    }

    /**
     * The (weighted) mean of each driver, the "performance" side of an importance–performance table.
     *
     * @return one mean per driver, in {@link #drivers()} order; NaN when empty
     */
    public double[] driverMeans() {
        double[] m = new double[k - 1];
        for (int j = 0; j < m.length; j++) {
            m[j] = n == 0 ? Double.NaN : mean[j + 1];
        }
        return m;
    }

    /**
     * Johnson's relative weights (the default method).
     *
     * @return the result; empty ({@code n == 0}, NaN importances) when no complete row was seen
     * @throws IllegalArgumentException if there are fewer complete rows than drivers + 2, a variable
     *     is constant or drivers are exactly collinear (the message names them)
     */
    @Override
    public KeyDriversResult result() {
        return result(KeyDriverMethod.RELATIVE_WEIGHTS);
    }

    /**
     * Splits R² among the drivers by the given method.
     *
     * @param method relative weights or LMG
     * @return the result with point estimates (no intervals); empty ({@code n == 0}, NaN
     *     importances) when no complete row was seen
     * @throws IllegalArgumentException if there are fewer complete rows than drivers + 2, a variable
     *     is constant, drivers are exactly collinear (the message names them), or LMG is asked for
     *     more than {@value #MAX_LMG_DRIVERS} drivers
     */
    public KeyDriversResult result(KeyDriverMethod method) {
        Check.notNull(method, "method");
        if (method == KeyDriverMethod.LMG && k - 1 > MAX_LMG_DRIVERS) {
            throw new IllegalArgumentException("LMG supports at most " + MAX_LMG_DRIVERS
                    + " drivers (it fits 2^p subset regressions); use RELATIVE_WEIGHTS for "
                    + (k - 1));
        }
        if (n == 0) {
            return KeyDriversResult.empty(method, outcome, drivers, excluded);
        }
        if (n < k + 1) {
            throw new IllegalArgumentException("key-driver analysis needs at least drivers + 2 = "
                    + (k + 1) + " complete rows: " + n);
        }
        double[][] r = correlations();
        double[] raw = DriverMath.importances(method, r, drivers);
        return KeyDriversResult.of(method, outcome, drivers, n, excluded, weighted, raw,
                driverMeans(), null, 0);
    }

    @Override
    public KeyDrivers emptyCopy() {
        return new KeyDrivers(outcome, drivers);
    }

    @Override
    public KeyDrivers copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer out = Encoding.writer(TYPE, 1).putString(outcome).putInt(drivers.size());
        for (String d : drivers) {
            out.putString(d);
        }
        return out.putLong(n).putLong(excluded).putBoolean(weighted).putDouble(sumW.value())
                .putDoubles(mean).putDoubles(co).toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the decoded accumulator
     * @throws IllegalArgumentException if the bytes are not a valid key-driver encoding
     */
    public static KeyDrivers decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        String outcome = in.getString();
        int p = in.getInt();
        if (p < 1 || p > MAX_DRIVERS) {
            throw in.corrupt("has an invalid driver count: " + p);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add(in.getString());
        }
        KeyDrivers kd = in.valid("variables", () -> of(outcome, names));
        kd.n = in.getCount("complete-row count");
        kd.excluded = in.getCount("excluded-row count");
        kd.weighted = in.getBoolean();
        double sw = in.getDouble();
        double[] m = in.getDoubles();
        double[] c = in.getDoubles();
        in.end();
        if (m.length != kd.k || c.length != kd.k * kd.k) {
            throw in.corrupt("has " + m.length + " means and " + c.length + " co-moments for " + kd.k
                    + " variables");
        }
        checkWeightSum(in, kd.n, sw, kd.weighted);
        for (double v : m) {
            if (!Double.isFinite(v) || (kd.n == 0 && v != 0)) {
                throw in.corrupt("has an impossible mean: " + v + " (n=" + kd.n + ")");
            }
        }
        checkCoMoments(in, c, kd.k, kd.n);
        kd.sumW.add(sw);
        System.arraycopy(m, 0, kd.mean, 0, kd.k);
        System.arraycopy(c, 0, kd.co, 0, kd.k * kd.k);
        return kd;
    }

    private static void checkWeightSum(Encoding.Reader in, long n, double sw, boolean weighted) {
        boolean ok = weighted ? Double.isFinite(sw) && (n == 0 ? sw == 0
                : sw >= n * Check.MIN_WEIGHT * (1 - 1e-9) && sw <= n * Check.MAX_WEIGHT * (1 + 1e-9))
                : sw == n;
        if (!ok) {
            throw in.corrupt("has a weight sum no weights in [" + Check.MIN_WEIGHT + ", " + Check.MAX_WEIGHT
                    + "] can give " + n + " rows: " + sw);
        }
    }

    /**
     * The co-moment matrix {@code Σw(x−x̄)(x−x̄)ᵀ} is symmetric and positive semi-definite: checked
     * (to rounding) by a Cholesky factorization of the matrix scaled to unit diagonal, in O(k³)
     * for k ≤ {@value #MAX_DRIVERS} + 1 variables.
     */
    private static void checkCoMoments(Encoding.Reader in, double[] c, int k, long n) {
        double[] sd = new double[k];
        for (int i = 0; i < k; i++) {
            double d = c[i * k + i];
            if (!Double.isFinite(d) || d < 0 || (n < 2 && d != 0)) {
                throw in.corrupt("has an impossible variance term for variable " + i + ": " + d + " (n=" + n + ")");
            }
            sd[i] = Math.sqrt(d);
        }
        double[] a = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double cij = c[i * k + j];
                double cji = c[j * k + i];
                double bound = sd[i] * sd[j];
                if (!Double.isFinite(cij) || Math.abs(cij - cji) > 1e-9 * bound
                        || Math.abs(cij) > bound * (1 + 1e-9)) {
                    throw in.corrupt("has a co-moment matrix that is not symmetric positive semi-definite at ("
                            + i + ", " + j + "): " + cij + " vs " + cji + ", variances " + sd[i] * sd[i] + ", "
                            + sd[j] * sd[j]);
                }
                a[i * k + j] = bound == 0 ? (i == j ? 1 : 0) : (cij + cji) / 2 / bound;
            }
        }
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int q = 0; q < j; q++) {
                d -= a[j * k + q] * a[j * k + q];
            }
            if (d < -1e-8) {
                throw in.corrupt("has a co-moment matrix that is not positive semi-definite (pivot " + j + ": "
                        + d + ")");
            }
            double l = Math.sqrt(Math.max(d, 0));
            a[j * k + j] = l;
            for (int i = j + 1; i < k; i++) {
                double v = a[i * k + j];
                for (int q = 0; q < j; q++) {
                    v -= a[i * k + q] * a[j * k + q];
                }
                a[i * k + j] = l > 1e-12 ? v / l : 0;
            }
        }
    }

    @Override
    public String toString() {
        return "KeyDrivers[" + outcome + " ~ " + String.join(" + ", drivers) + ", n=" + n
                + ", excluded=" + excluded + (weighted ? ", weighted" : "") + "]";
    }
}
