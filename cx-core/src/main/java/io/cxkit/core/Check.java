package io.cxkit.core;

/**
 * Argument checks that fail fast with a message naming the parameter, the rule and the value, as
 * every cxkit public method does ({@code "confidence must be in (0, 1): 1.5"}).
 */
public final class Check {

    private Check() {
    }

    /**
     * Requires a non-null argument.
     *
     * @param <T> the argument type
     * @param value the argument
     * @param name the parameter name used in the message
     * @return {@code value}
     * @throws NullPointerException if {@code value} is null
     */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /**
     * Requires {@code min <= value <= max}.
     *
     * @param value the argument
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @param name the parameter name used in the message
     * @return {@code value}
     * @throws IllegalArgumentException if out of range
     */
    public static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    /**
     * Requires a confidence level strictly between 0 and 1.
     *
     * @param confidence the confidence level, e.g. 0.95
     * @return {@code confidence}
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public static double confidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        return confidence;
    }

    /**
     * Requires a finite, strictly positive weight.
     *
     * @param weight the weight
     * @return {@code weight}
     * @throws IllegalArgumentException if NaN, infinite, zero or negative
     */
    public static double weight(double weight) {
        if (!(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("weight must be finite and > 0: " + weight);
        }
        return weight;
    }

    /**
     * Requires a finite value.
     *
     * @param value the argument
     * @param name the parameter name used in the message
     * @return {@code value}
     * @throws IllegalArgumentException if NaN or infinite
     */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
        return value;
    }

    /**
     * Requires a finite value strictly greater than zero.
     *
     * @param value the argument
     * @param name the parameter name used in the message
     * @return {@code value}
     * @throws IllegalArgumentException if not finite and positive
     */
    public static double positive(double value, String name) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0: " + value);
        }
        return value;
    }
}
