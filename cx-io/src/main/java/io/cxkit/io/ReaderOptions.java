package io.cxkit.io;

import io.cxkit.core.Check;

/**
 * The options every event reader's builder shares: what to do with bad rows and the input format.
 *
 * @param <B> the concrete builder
 */
public abstract class ReaderOptions<B extends ReaderOptions<B>> {
    ErrorPolicy errors = ErrorPolicy.FAIL;
    InputFormat format;

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
