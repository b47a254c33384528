package io.cxkit.io;

import java.util.Optional;

/**
 * The limits that keep a reader's memory bounded whatever the file holds. Each is a builder option
 * of the readers; a file over a limit fails (or, for the per-row limits under
 * {@link ErrorPolicy#SKIP}, has that row rejected) with a message that names the limit and the
 * option that raises it, and with {@link #reason()} as the {@link RowError#reason()}.
 *
 * <table>
 * <caption>Limits, defaults and scope</caption>
 * <tr><th>limit</th><th>builder option</th><th>default</th><th>scope</th></tr>
 * <tr><td>{@link #FIELD_LENGTH}</td><td>{@code maxFieldLength(int)}</td><td>1,000,000 characters</td>
 *     <td>per row</td></tr>
 * <tr><td>{@link #COLUMNS}</td><td>{@code maxColumns(int)}</td><td>10,000 fields or keys</td>
 *     <td>per row (a header over it fails the file)</td></tr>
 * <tr><td>{@link #NESTING_DEPTH}</td><td>{@code maxNestingDepth(int)}</td><td>32 levels</td>
 *     <td>per row (NDJSON; in a JSON array the file fails)</td></tr>
 * <tr><td>{@link #SEGMENTS}</td><td>{@code maxSegments(int)}</td><td>100,000 segments</td>
 *     <td>whole read</td></tr>
 * <tr><td>{@link #TOUCHPOINTS}</td><td>{@code maxTouchpoints(int)}</td><td>100,000 touchpoints</td>
 *     <td>whole read</td></tr>
 * </table>
 */
public enum ReadLimit {
    /** The longest field (CSV) or string (JSON), in characters. */
    FIELD_LENGTH("field too long", "maxFieldLength", 1_000_000),
    /** The most fields of a CSV row, or keys of a JSON object. */
    COLUMNS("too many columns", "maxColumns", 10_000),
    /** The deepest nesting of a JSON value. */
    NESTING_DEPTH("nesting too deep", "maxNestingDepth", 32),
    /** The most distinct segments (tuples of segment values and period) of one read. */
    SEGMENTS("too many segments", "maxSegments", 100_000),
    /** The most distinct touchpoint names of one read of events. */
    TOUCHPOINTS("too many touchpoints", "maxTouchpoints", 100_000);

    private final String reason;
    private final String option;
    private final int defaultValue;

    ReadLimit(String reason, String option, int defaultValue) {
        this.reason = reason;
        this.option = option;
        this.defaultValue = defaultValue;
    }

    /**
     * The {@link RowError#reason()} of an error for this limit, e.g. {@code "too many columns"}.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * The name of the builder option that sets this limit, e.g. {@code "maxColumns"}.
     *
     * @return the option name
     */
    public String option() {
        return option;
    }

    /**
     * The default value.
     *
     * @return the default
     */
    public int defaultValue() {
        return defaultValue;
    }

    /**
     * The words that end every message about this limit, naming the option that raises it:
     * {@code "raise it with maxColumns(int)"}. A front end can replace them with its own option's name.
     *
     * @return the hint
     */
    public String hint() {
        return "raise it with " + option + "(int)";
    }

    /**
     * The limit an error is about, if any (by its reason).
     *
     * @param error the error
     * @return the limit, or empty
     */
    public static Optional<ReadLimit> of(RowError error) {
        for (ReadLimit l : values()) {
            if (l.reason.equals(error.reason())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** {@code text} followed by the hint, e.g. {@code "row has more than 10,000 fields (raise it with maxColumns(int))"}. */
    String message(String text) {
        return text + " (" + hint() + ")";
    }

    /** A number as in messages: {@code 10,000}. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** An error for this limit: {@code text} is the rule that was broken, the hint is added. */
    RowError rowError(String source, long line, int column, String columnName, String value, String text) {
        return new RowError(source, line, column, columnName, value, reason, message(text));
    }

    /** A {@link BadInputException} for the whole read (segments, touchpoints). */
    BadInputException exceeded(String source, long line, String text) {
        return new BadInputException(rowError(source, line, 0, "", "", text));
    }
}
