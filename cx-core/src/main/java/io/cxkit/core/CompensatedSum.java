package io.cxkit.core;

/**
 * A running sum with Neumaier's compensation (an improved Kahan–Babuška summation), so that adding
 * millions of weights loses no more than a few ulps: the error bound is independent of the number
 * of terms to first order.
 *
 * <p>Reference: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54, 39–51.
 *
 * <p>The static {@link #add(double[], double[], int, double)} updates one slot of parallel arrays
 * (sums and compensations) so that accumulators can keep many compensated sums in dense primitive
 * arrays without allocating per value.
 */
public final class CompensatedSum {
    private double sum;
    private double compensation;

    /** Creates a sum of zero. */
    public CompensatedSum() {
    }

    /**
     * Adds a value.
     *
     * @param value the value to add
     * @return this sum
     */
    public CompensatedSum add(double value) {
        double t = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - t) + value;
        } else {
            compensation += (value - t) + sum;
        }
        sum = t;
        return this;
    }

    /**
     * Adds another compensated sum (its running sum and its compensation).
     *
     * @param other the other sum, unchanged
     * @return this sum
     */
    public CompensatedSum add(CompensatedSum other) {
        add(other.sum);
        add(other.compensation);
        return this;
    }

    /**
     * Returns the compensated total.
     *
     * @return the sum of every value added
     */
    public double value() {
        return sum + compensation;
    }

    /**
     * Adds {@code value} to slot {@code i} of the parallel arrays {@code sums} and
     * {@code compensations}; the compensated total of slot {@code i} is
     * {@code sums[i] + compensations[i]}.
     *
     * @param sums running sums
     * @param compensations running compensations, same length as {@code sums}
     * @param i the slot
     * @param value the value to add
     */
    public static void add(double[] sums, double[] compensations, int i, double value) {
        double s = sums[i];
        double t = s + value;
        if (Math.abs(s) >= Math.abs(value)) {
            compensations[i] += (s - t) + value;
        } else {
            compensations[i] += (value - t) + s;
        }
        sums[i] = t;
    }

    /**
     * Adds {@code value} to the compensated sum kept as the pair {@code (pairs[i], pairs[i + 1])}
     * (sum, then its compensation), for dense tables that interleave the two so that one cache
     * line holds both. The same Neumaier step as {@link #add(double)}.
     *
     * @param pairs sums at even offsets from {@code i}, each followed by its compensation
     * @param i the index of the sum; its compensation is at {@code i + 1}
     * @param value the value to add
     */
    public static void addToPair(double[] pairs, int i, double value) {
        double s = pairs[i];
        double t = s + value;
        if (Math.abs(s) >= Math.abs(value)) {
            pairs[i + 1] += (s - t) + value;
        } else {
            pairs[i + 1] += (value - t) + s;
        }
        pairs[i] = t;
    }

    @Override
    public String toString() {
        return "CompensatedSum[" + value() + "]";
    }
}
