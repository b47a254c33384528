package io.cxkit.core;

/**
 * Thrown when bytes handed to an accumulator's {@code decode} are not a valid encoding: a wrong
 * header, truncated or trailing bytes, or a payload whose <em>meaning</em> is impossible (a
 * negative count, a weight sum that is NaN, counts that do not add up, a bucket index no value can
 * reach). The message names the encoded type, the field and the value found.
 *
 * <p>A decoded partial result comes from another thread, process or machine; this exception is how
 * a service tells "the partial result it was sent is broken" (a 500 on the sender's side) apart
 * from bad user input. It extends {@link IllegalArgumentException}, so code that catches that keeps
 * working.
 */
public final class CorruptEncodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong: the type, the field and the value
     */
    public CorruptEncodingException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that revealed it.
     *
     * @param message what is wrong: the type, the field and the value
     * @param cause the underlying failure
     */
    public CorruptEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
