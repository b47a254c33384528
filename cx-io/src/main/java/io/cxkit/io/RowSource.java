package io.cxkit.io;

import java.io.Closeable;
import java.util.List;

/** Rows of a file, read one at a time; values are materialised only for the selected columns. */
interface RowSource extends Closeable {

    /** The column names (CSV header, or the keys of the first JSON object). */
    List<String> columns();

    /** Chooses the columns {@link #value(int)} returns, by name as in {@link #columns()}. */
    void select(List<String> names);

    /**
     * Chooses the columns {@link #value(int)} returns by their 0-based position in
     * {@link #columns()} (for headers that repeat a name); by default through their names.
     */
    default void selectFields(int[] fields) {
        List<String> names = new java.util.ArrayList<>(fields.length);
        for (int f : fields) {
            names.add(columns().get(f));
        }
        select(names);
    }

    /** The CSV delimiter in use, 0 for JSON. */
    default char delimiter() {
        return 0;
    }

    /** Advances to the next row; false at the end. Throws {@link BadInputException} for a broken file. */
    boolean next();

    /** A structural problem of the current row (e.g. ragged), or null. */
    RowError rowProblem();

    /** The value of the i-th selected column in the current row; empty string when absent. */
    String value(int i);

    /** The 1-based line where the current row starts. */
    long line();

    /** The 1-based column of the i-th selected value (CSV: field number). */
    int column(int i);

    /** Bytes or characters consumed so far (for progress), best effort. */
    @Override
    void close();
}
