package io.cxkit.core;

/**
 * Thrown by {@link Accumulator#combine(Accumulator)} when the two accumulators cannot be merged:
 * their configurations differ (scale, bands, funnel definition, relative accuracy, …) or the merged
 * counts would overflow a {@code long}. It is thrown before anything is changed, and the message
 * says how the two differ.
 *
 * <p>It extends {@link IllegalArgumentException}, so code that catches that keeps working.
 */
public final class IncompatibleAccumulatorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message how the accumulators differ
     */
    public IncompatibleAccumulatorException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that revealed it.
     *
     * @param message how the accumulators differ
     * @param cause the underlying failure
     */
    public IncompatibleAccumulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
