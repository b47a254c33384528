package io.cxkit.io;

import io.cxkit.core.Check;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The options every reader's builder shares: what to do with bad rows, the input format, and the
 * CSV charset and delimiter.
 *
 * @param <B> the concrete builder
 */
public abstract class ReaderOptions<B extends ReaderOptions<B>> {
    ErrorPolicy errors = ErrorPolicy.FAIL;
    InputFormat format;
    Charset charset = StandardCharsets.UTF_8;
    char delimiter;

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

    /** The charset, delimiter and time pattern set on this builder. */
    SourceOptions source() {
        return new SourceOptions(charset, delimiter, null);
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
