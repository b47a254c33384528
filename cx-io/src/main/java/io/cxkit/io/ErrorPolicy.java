package io.cxkit.io;

/**
 * What a reader does with a bad row: a value that breaks its column's rule, or a structural problem
 * of the row (ragged, bad quoting, invalid bytes, a field or row over a {@link ReadLimit}, broken
 * syntax of one NDJSON line, a duplicate JSON key). Problems with the whole file (no such file,
 * empty, no data rows, a missing or duplicate column, a header not valid in the charset, a malformed
 * JSON array) and the whole-read limits (segments, touchpoints) always fail.
 */
public enum ErrorPolicy {
    /** Stop at the first bad row with a {@link BadInputException} (the default). */
    FAIL,
    /** Leave bad rows out and report them in {@link RejectedRows}. */
    SKIP
}
