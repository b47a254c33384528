package io.cxkit.io;

/**
 * What a reader does with a bad row. Problems with the whole file (empty, no data rows, a missing or
 * duplicate column, broken encoding or JSON, a field over the length limit) always fail.
 */
public enum ErrorPolicy {
    /** Stop at the first bad row with a {@link BadInputException} (the default). */
    FAIL,
    /** Leave bad rows out and report them in {@link RejectedRows}. */
    SKIP
}
