package io.cxkit.io;

import io.cxkit.core.Check;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The options every reader's builder shares: what to do with bad rows, the input format, the CSV
 * charset and delimiter, and the per-row {@link ReadLimit limits}.
 *
 * @param <B> the concrete builder
 */
public abstract class ReaderOptions<B extends ReaderOptions<B>> {
    ErrorPolicy errors = ErrorPolicy.FAIL;
    InputFormat format;
    Charset charset = StandardCharsets.UTF_8;
    char delimiter;
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
        Check.notNull(column, "column for " + what);
        if (column.isBlank()) {
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

    /** The charset, delimiter, time pattern and per-row limits set on this builder. */
    SourceOptions source() {
        return new SourceOptions(charset, delimiter, null, limits());
    }

    /**
     * The charset of CSV files (default UTF-8; a UTF-16 byte-order mark is always honoured, a
     * UTF-8 one skipped). JSON input is always UTF-8/16/32, detected by Jackson.
     *
     * @param charset the charset
     * @return this builder
     */
    public B charset(Charset charset) {
        this.charset = Check.notNull(charset, "charset");
        return self();
    }

    /**
     * The CSV delimiter; by default the most frequent of {@code , ; TAB |} in the header line.
     *
     * @param delimiter the delimiter, not a quote, CR, LF or NUL
     * @return this builder
     */
    public B delimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == 0) {
            throw new IllegalArgumentException("delimiter must not be a quote, CR, LF or NUL: " + (int) delimiter);
        }
        this.delimiter = delimiter;
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
