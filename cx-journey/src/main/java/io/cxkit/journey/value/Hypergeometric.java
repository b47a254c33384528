package io.cxkit.journey.value;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for {@code a, b, c > 0} and
 * {@code 0 <= z < 1}, the range the BG/NBD and Pareto/NBD expressions need.
 *
 * <p>Summed as the power series {@code Σ (a)_n (b)_n / ((c)_n n!) z^n}, whose terms are positive
 * here, in log-scaled form so that values beyond {@code Double.MAX_VALUE} (a customer with hundreds
 * of repeats) stay representable as logarithms. The series stops once the terms decrease and the
 * geometric bound on the remaining tail, {@code term · z / (1 − z)}, is below 1e-16 of the sum;
 * if that takes more than {@value #MAX_TERMS} terms (z within about 1e-5 of 1) it fails rather than
 * return an inaccurate value. Tested against {@code scipy.special.hyp2f1}.
 */
final class Hypergeometric {
    /** The most series terms summed before giving up. */
    static final int MAX_TERMS = 5_000_000;
    private static final double RESCALE = 1e200;
    private static final double LOG_RESCALE = Math.log(RESCALE);

    private Hypergeometric() {
    }

    /**
     * {@code log 2F1(a, b; c; z)}.
     *
     * @param a first numerator parameter, &gt; 0
     * @param b second numerator parameter, &gt; 0
     * @param c denominator parameter, &gt; 0
     * @param z the argument, in [0, 1)
     * @return the natural logarithm of the function value
     * @throws IllegalArgumentException outside the supported range
     * @throws ArithmeticException if the series does not converge within {@value #MAX_TERMS} terms
     */
    static double log2F1(double a, double b, double c, double z) {
        if (!(a > 0 && b > 0 && c > 0)) {
            throw new IllegalArgumentException("2F1 parameters must be > 0: a = " + a + ", b = " + b + ", c = " + c);
        }
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 argument z must be in [0, 1): " + z);
        }
        if (z == 0) {
            return 0;
        }
        double term = 1;
        double sum = 1;
        double logScale = 0;
        double tailFactor = z / (1 - z);
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (sum > RESCALE) {
                sum /= RESCALE;
                term /= RESCALE;
                logScale += LOG_RESCALE;
            }
            if (ratio < 1 && term * tailFactor <= 1e-16 * sum) {
                return Math.log(sum) + logScale;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms (z too close to 1)");
    }

    /**
     * {@code 2F1(a, b; c; z)} for {@code a, b > 0} and any {@code c} that is not 0 or a negative
     * integer (the BG/NBD needs {@code c = a + b − 1}, which is negative when {@code a + b < 1}):
     * the terms change sign while {@code c + n < 0} and keep one sign after that, so the same tail
     * bound applies from there on. Values are not log-scaled (with {@code c <= 0} the parameters are
     * the population's, never a customer's hundreds of repeats).
     *
     * @param a first numerator parameter, &gt; 0
     * @param b second numerator parameter, &gt; 0
     * @param c denominator parameter, not 0 or a negative integer
     * @param z the argument, in [0, 1)
     * @return the value
     * @throws IllegalArgumentException outside the supported range
     * @throws ArithmeticException if the series does not converge within {@value #MAX_TERMS} terms
     */
    static double signed2F1(double a, double b, double c, double z) {
        if (c > 0) {
            return hyp2F1(a, b, c, z);
        }
        if (!(a > 0 && b > 0) || c == Math.rint(c) || Double.isNaN(c)) {
            throw new IllegalArgumentException("2F1 needs a, b > 0 and c not 0 or a negative integer: a = " + a + ", b = " + b
                    + ", c = " + c);
        }
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 argument z must be in [0, 1): " + z);
        }
        double term = 1;
        double sum = 1;
        double tailFactor = z / (1 - z);
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (c + n > 0 && Math.abs(ratio) < 1 && Math.abs(term) * tailFactor <= 1e-16 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms (z too close to 1)");
    }

    /**
     * {@code 2F1(a, b; c; z)}.
     *
     * @param a first numerator parameter, &gt; 0
     * @param b second numerator parameter, &gt; 0
     * @param c denominator parameter, &gt; 0
     * @param z the argument, in [0, 1)
     * @return the value (infinite if it exceeds the double range)
     */
    static double hyp2F1(double a, double b, double c, double z) {
        return Math.exp(log2F1(a, b, c, z));
    }
}
