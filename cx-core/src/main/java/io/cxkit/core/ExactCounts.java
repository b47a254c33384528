package io.cxkit.core;

/**
 * Exact arithmetic for the {@code long} counts accumulators keep, so that {@code combine} never
 * wraps: a sum that would pass {@link Long#MAX_VALUE} is refused with an
 * {@link IncompatibleAccumulatorException} naming the count. Check every count with
 * {@link #checkAdd} (or {@link #checkAddAll}) <em>before</em> changing anything, then add; that
 * keeps "compatibility is checked before mutation" true for overflow as well.
 */
public final class ExactCounts {

    private ExactCounts() {
    }

    /**
     * Returns {@code a + b}, or throws if the exact sum does not fit in a {@code long}.
     *
     * @param a a count
     * @param b another count
     * @param what the count's name, used in the message
     * @return the exact sum
     * @throws IncompatibleAccumulatorException if the sum overflows
     */
    public static long checkAdd(long a, long b, String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IncompatibleAccumulatorException("cannot combine: " + what + " would overflow a long: "
                    + a + " + " + b, e);
        }
    }

    /**
     * Checks that {@code a[i] + b[i]} fits in a {@code long} for every {@code i}, changing nothing.
     *
     * @param a counts, same length as {@code b}
     * @param b counts to be added
     * @param what the counts' name, used in the message
     * @throws IncompatibleAccumulatorException if any sum overflows
     */
    public static void checkAddAll(long[] a, long[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            checkAdd(a[i], b[i], what + "[" + i + "]");
        }
    }
}
