package io.cxkit.io;

/**
 * A structural problem of one row found while a source splits it (a quoting error, an over-long
 * field, too many fields or keys, invalid bytes, broken JSON syntax). The source catches it, moves
 * to the next row and hands the broken row out with this error as its {@link RowSource#rowProblem()},
 * so the reader's error policy decides: FAIL throws it, SKIP counts it. No stack trace: under SKIP
 * they can be frequent.
 */
final class BrokenRow extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RowError error;

    BrokenRow(RowError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    RowError error() {
        return error;
    }
}
