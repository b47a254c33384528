package io.cxkit.io;

import io.cxkit.core.Check;

/**
 * Input that cannot be read: a bad row under {@link ErrorPolicy#FAIL}, a problem with the whole
 * file (empty, no data rows, missing or duplicate column, a header not valid in the charset, a
 * malformed JSON array), or a whole-read {@link ReadLimit} exceeded. The message starts with
 * {@code file:line:column}.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RowError error;

    /**
     * Creates the exception for an error.
     *
     * @param error what went wrong and where
     */
    public BadInputException(RowError error) {
        super(Check.notNull(error, "error").toString());
        this.error = error;
    }

    /**
     * Creates the exception for an error with its cause.
     *
     * @param error what went wrong and where
     * @param cause the underlying exception
     */
    public BadInputException(RowError error, Throwable cause) {
        super(Check.notNull(error, "error").toString(), cause);
        this.error = error;
    }

    /**
     * What went wrong and where.
     *
     * @return the error
     */
    public RowError error() {
        return error;
    }

    static BadInputException file(String source, long line, String reason, String message) {
        return new BadInputException(new RowError(source, line, 0, "", "", reason, message));
    }
}
