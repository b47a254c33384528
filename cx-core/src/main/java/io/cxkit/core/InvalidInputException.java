package io.cxkit.core;

/**
 * Bad input from the caller's user: an answer off its scale, an unknown question id or funnel
 * step, an event that arrived later than the allowed lateness, a missing required field. A service
 * maps it to "the client sent something wrong" (an HTTP 400), as opposed to a bug or corrupt data.
 *
 * <p>cxkit keeps three kinds of {@link IllegalArgumentException} apart so that a caller can react
 * to each without parsing messages:
 * <ul>
 *   <li>{@code InvalidInputException} (this type): an observation or argument supplied by the user
 *       breaks a documented rule; the message names what, where, the rule and the value, and where
 *       a closed set of names applies (question ids, touchpoints) it lists the known ones;
 *   <li>a corrupt-encoding error: bytes given to a {@code decode} method are not a valid encoding;
 *   <li>an incompatible-combine error: two accumulators of different configurations were combined
 *       (a programming error).
 * </ul>
 *
 * <p>Because it extends {@link IllegalArgumentException}, code written before this type existed
 * and catching {@code IllegalArgumentException} keeps working unchanged.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where, the rule and the value; not null
     */
    public InvalidInputException(String message) {
        super(Check.notNull(message, "message"));
    }

    /**
     * Creates the exception with the exception that revealed the problem.
     *
     * @param message what was wrong, where, the rule and the value; not null
     * @param cause the underlying exception, may be null
     */
    public InvalidInputException(String message, Throwable cause) {
        super(Check.notNull(message, "message"), cause);
    }
}
