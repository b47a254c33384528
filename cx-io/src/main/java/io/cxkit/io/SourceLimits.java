package io.cxkit.io;

/**
 * The per-row limits a {@link RowSource} enforces (see {@link ReadLimit}).
 *
 * @param maxField the longest field or JSON string, in characters
 * @param maxDepth the deepest JSON nesting
 * @param maxColumns the most fields of a CSV row or keys of a JSON object
 */
record SourceLimits(int maxField, int maxDepth, int maxColumns) {
    /** The defaults of every reader. */
    static final SourceLimits DEFAULT = new SourceLimits(ReadLimit.FIELD_LENGTH.defaultValue(),
            ReadLimit.NESTING_DEPTH.defaultValue(), ReadLimit.COLUMNS.defaultValue());
}
