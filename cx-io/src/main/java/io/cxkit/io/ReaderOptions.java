package io.cxkit.io;

import io.cxkit.core.Check;

/**
 * The options every event reader's builder shares: what to do with bad rows, the input format and
 * the per-row {@link ReadLimit limits}.
 *
 * @param <B> the concrete builder
 */
public abstract class ReaderOptions<B extends ReaderOptions<B>> {
    ErrorPolicy errors = ErrorPolicy.FAIL;
    InputFormat format;
    int maxFieldLength = ReadLimit.FIELD_LENGTH.defaultValue();
    int maxColumns = ReadLimit.COLUMNS.defaultValue();
    int maxNestingDepth = ReadLimit.NESTING_DEPTH.defaultValue();

    ReaderOptions() {
    }

    abstract B self();

    /**
     * A column name given for {@code what} (a field, role or option): stripped of surrounding
     * space; null or blank is an error naming {@code what}.
     */
    static String columnName(String what, String column) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("column for " + what + " must not be blank: '" + column + "'");
        }
        return column.strip();
    }

    /**
     * What to do with bad rows (default FAIL).
     *
     * @param policy the policy
     * @return this builder
     */
    public B errors(ErrorPolicy policy) {
        this.errors = Check.notNull(policy, "policy");
        return self();
    }

    /**
     * The longest field (CSV) or string (JSON) accepted, in characters (default 1,000,000); a row
     * with a longer one is a bad row ({@code "field too long"}).
     *
     * @param chars the limit, in [16, 100,000,000]
     * @return this builder
     */
    public B maxFieldLength(int chars) {
        this.maxFieldLength = Check.inRange(chars, 16, 100_000_000, "maxFieldLength");
        return self();
    }

    /**
     * The most fields a CSV row, or keys a JSON object, may have (default 10,000); a longer row is a
     * bad row ({@code "too many columns"}), a longer header fails the read.
     *
     * @param columns the limit, in [1, 10,000,000]
     * @return this builder
     */
    public B maxColumns(int columns) {
        this.maxColumns = Check.inRange(columns, 1, 10_000_000, "maxColumns");
        return self();
    }

    /**
     * The deepest JSON nesting accepted (default 32); an NDJSON row nested deeper is a bad row
     * ({@code "nesting too deep"}), in a JSON array it fails the read.
     *
     * @param depth the limit, in [2, 1000]
     * @return this builder
     */
    public B maxNestingDepth(int depth) {
        this.maxNestingDepth = Check.inRange(depth, 2, 1000, "maxNestingDepth");
        return self();
    }

    /** The per-row limits of the source. */
    SourceLimits limits() {
        return new SourceLimits(maxFieldLength, maxNestingDepth, maxColumns);
    }

    /**
     * The format (default from the file name).
     *
     * @param format the format
     * @return this builder
     */
    public B format(InputFormat format) {
        this.format = Check.notNull(format, "format");
        return self();
    }
}
