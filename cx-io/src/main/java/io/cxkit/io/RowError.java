package io.cxkit.io;

import io.cxkit.core.Check;

/**
 * One rejected input row: where it is, which value broke which rule.
 *
 * <p>{@link #toString()} reads {@code file:line:column: message}, e.g.
 * {@code responses.csv:12:3: column 'nps' value '11': NPS score must be in [0, 10]: 11}.
 *
 * @param source the file or stream name
 * @param line the 1-based line where the row starts (for JSON, the line of the offending token);
 *     0 when not known
 * @param column the 1-based column: the field number in CSV, the character column in JSON; 0 when
 *     the problem concerns the whole row or file
 * @param columnName the header name of the column, or empty
 * @param value the offending value as read (shortened to 80 characters), or empty
 * @param reason a short, stable category used to count rejections, e.g. {@code "score out of range"}
 * @param message the full rule that was broken
 */
public record RowError(String source, long line, int column, String columnName, String value, String reason,
        String message) {

    /**
     * Validates the components.
     *
     * @param source source
     * @param line line
     * @param column column
     * @param columnName column name
     * @param value value
     * @param reason reason
     * @param message message
     */
    public RowError {
        Check.notNull(source, "source");
        Check.notNull(columnName, "columnName");
        Check.notNull(value, "value");
        Check.notNull(reason, "reason");
        Check.notNull(message, "message");
        if (value.length() > 80) {
            value = value.substring(0, 77) + "...";
        }
    }

    /**
     * The position as {@code file:line:column} (line and column left out when unknown).
     *
     * @return the position
     */
    public String position() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(position()).append(": ");
        if (!columnName.isEmpty()) {
            sb.append("column '").append(columnName).append("' ");
        }
        if (!columnName.isEmpty() || !value.isEmpty()) {
            sb.append("value '").append(value).append("': ");
        }
        return sb.append(message).toString();
    }
}
