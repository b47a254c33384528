package io.cxkit.core;

/**
 * Argument checks that fail fast with a message naming the parameter, the rule and the value, as
 * every cxkit public method does ({@code "confidence must be in (0, 1): 1.5"}).
 */
public final class Check {

    /**
     * The smallest weight accepted, {@value}. With weights in [{@value #MIN_WEIGHT},
     * {@value #MAX_WEIGHT}] every weighted statistic stays finite: {@code w²} is at most 1e200, so
     * sums of squares over up to 10⁸⁸ observations, and products such as {@code (Σw)²}, cannot
     * overflow or underflow. Only the ratios of weights matter to every estimate, so weights outside
     * the range can be divided by a common factor first.
     */
    public static final double MIN_WEIGHT = 1e-100;
    /** The largest weight accepted, {@value}; see {@link #MIN_WEIGHT}. */
    public static final double MAX_WEIGHT = 1e100;

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
     * Requires a non-null string with at least one non-whitespace character.
     *
     * @param value the argument
     * @param name the parameter name used in the message
     * @return {@code value}, unchanged
     * @throws InvalidInputException if {@code value} is null or blank, with the message
     *     {@code "<name> must not be missing or blank: '<value>'"} ({@code null} unquoted)
     */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name + " must not be missing or blank: "
                    + (value == null ? "null" : "'" + value + "'"));
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
     * Requires a weight in [{@link #MIN_WEIGHT}, {@link #MAX_WEIGHT}] (so finite and &gt; 0).
     *
     * @param weight the weight
     * @return {@code weight}
     * @throws IllegalArgumentException if NaN, infinite, zero, negative or outside the range
     */
    public static double weight(double weight) {
        if (!isWeight(weight)) {
            throw new IllegalArgumentException(weightProblem(weight));
        }
        return weight;
    }

    /**
     * Tells whether a weight is accepted by {@link #weight(double)}.
     *
     * @param weight the weight
     * @return true if in [{@link #MIN_WEIGHT}, {@link #MAX_WEIGHT}]
     */
    public static boolean isWeight(double weight) {
        return weight >= MIN_WEIGHT && weight <= MAX_WEIGHT;
    }

    /**
     * The rule a weight rejected by {@link #isWeight(double)} breaks, with the value, e.g.
     * {@code "weight must be finite and > 0: NaN"} or {@code "weight must be in [1e-100, 1e100]
     * (divide all weights by a common factor): 1.0E154"}.
     *
     * @param weight a rejected weight
     * @return the message
     */
    public static String weightProblem(double weight) {
        if (!(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
            return "weight must be finite and > 0: " + weight;
        }
        return "weight must be in [1e-100, 1e100] (divide all weights by a common factor): " + weight;
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
