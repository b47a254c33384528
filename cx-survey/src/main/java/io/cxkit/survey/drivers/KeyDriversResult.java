package io.cxkit.survey.drivers;

import io.cxkit.core.Check;
import io.cxkit.core.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of a key-driver analysis: the R² of the outcome regressed on all drivers (ordinary or
 * weighted least squares with an intercept, computed from the correlation matrix) and its split
 * among the drivers by {@link KeyDriverMethod}.
 *
 * <p>Empty input ({@code n == 0}): R² and every importance are NaN.
 *
 * @param method how R² was split
 * @param outcome the outcome's name
 * @param n number of complete rows used
 * @param excluded number of rows excluded because a value was missing
 * @param weighted whether rows were weighted
 * @param rSquared the model R² in [0, 1], equal to the sum of the raw importances
 * @param importances one entry per driver, in the order the drivers were declared
 * @param resamples number of bootstrap resamples behind the intervals; 0 for point estimates
 */
public record KeyDriversResult(KeyDriverMethod method, String outcome, long n, long excluded,
        boolean weighted, double rSquared, List<DriverImportance> importances, int resamples) {

    /**
     * Validates and copies the components.
     *
     * @param method the method
     * @param outcome the outcome's name
     * @param n complete rows
     * @param excluded excluded rows
     * @param weighted whether weighted
     * @param rSquared the model R²
     * @param importances the importances
     * @param resamples bootstrap resamples
     */
    public KeyDriversResult {
        Check.notNull(method, "method");
        Check.notNull(outcome, "outcome");
        importances = List.copyOf(Check.notNull(importances, "importances"));
        if (n < 0 || excluded < 0 || resamples < 0) {
            throw new IllegalArgumentException("n, excluded and resamples must be >= 0: n=" + n
                    + ", excluded=" + excluded + ", resamples=" + resamples);
        }
    }

    static KeyDriversResult empty(KeyDriverMethod method, String outcome, List<String> drivers,
            long excluded) {
        List<DriverImportance> list = new ArrayList<>();
        for (String d : drivers) {
            list.add(new DriverImportance(d, Double.NaN, Double.NaN, Double.NaN,
                    Interval.empty(0.95, "none"), Interval.empty(0.95, "none")));
        }
        return new KeyDriversResult(method, outcome, 0, excluded, false, Double.NaN, list, 0);
    }

    /** Builds a result from raw importances; {@code ci} is {@code [driver][rawLo, rawHi, resLo, resHi]}. */
    static KeyDriversResult of(KeyDriverMethod method, String outcome, List<String> drivers, long n,
            long excluded, boolean weighted, double[] raw, double[] means, double[][] ci,
            double confidence) {
        double r2 = 0;
        for (double v : raw) {
            r2 += v;
        }
        List<DriverImportance> list = new ArrayList<>();
        for (int j = 0; j < raw.length; j++) {
            Interval ri = ci == null ? Interval.empty(0.95, "none")
                    : new Interval(ci[j][0], ci[j][1], confidence, "percentile bootstrap");
            Interval si = ci == null ? Interval.empty(0.95, "none")
                    : new Interval(ci[j][2], ci[j][3], confidence, "percentile bootstrap");
            list.add(new DriverImportance(drivers.get(j), raw[j], r2 > 0 ? raw[j] / r2 : Double.NaN,
                    means[j], ri, si));
        }
        return new KeyDriversResult(method, outcome, n, excluded, weighted, r2, list, 0);
    }

    KeyDriversResult withResamples(int count) {
        return new KeyDriversResult(method, outcome, n, excluded, weighted, rSquared, importances, count);
    }

    /**
     * The importance of a named driver.
     *
     * @param driver the driver's name
     * @return its importance
     * @throws IllegalArgumentException if there is no such driver
     */
    public DriverImportance importance(String driver) {
        for (DriverImportance d : importances) {
            if (d.driver().equals(driver)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no driver named '" + driver + "' in " + driverNames());
    }

    private List<String> driverNames() {
        List<String> names = new ArrayList<>();
        importances.forEach(d -> names.add(d.driver()));
        return names;
    }

    /**
     * The drivers ordered from most to least important (by raw importance).
     *
     * @return a new list
     */
    public List<DriverImportance> ranked() {
        List<DriverImportance> list = new ArrayList<>(importances);
        list.sort((a, b) -> Double.compare(b.raw(), a.raw()));
        return list;
    }

    /**
     * The importance–performance table of these drivers (rescaled importance against mean rating).
     *
     * @return the table
     * @throws IllegalStateException if the result is empty
     */
    public ImportancePerformance importancePerformance() {
        if (n == 0) {
            throw new IllegalStateException("no importance-performance table for an empty result");
        }
        return ImportancePerformance.of(importances);
    }

    @Override
    public String toString() {
        if (n == 0) {
            return "KeyDrivers[" + outcome + ", " + method.label() + ": n=0, empty"
                    + (excluded > 0 ? ", excluded=" + excluded : "") + "]";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Key drivers of %s (%s): R² = %.4f, n=%d%s%s%s", outcome, method.label(), rSquared, n,
                excluded > 0 ? ", excluded=" + excluded : "", weighted ? ", weighted" : "",
                resamples > 0 ? ", " + resamples + " bootstrap resamples" : ""));
        for (DriverImportance d : ranked()) {
            sb.append("\n  ").append(d);
        }
        return sb.toString();
    }
}
