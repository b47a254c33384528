package io.cxkit.io;

import io.cxkit.core.Check;
import java.util.Map;

/**
 * What a read of an event file saw: the data rows, how many were accepted (handed to the consumer
 * or appended to the log), the rows left out under {@link ErrorPolicy#SKIP}, and which header fed
 * which field. Returned by every row-by-row reader of {@code cx-io} (journey events, tickets,
 * transactions, drivers, survival, attribution, labels).
 *
 * @param rows data rows read
 * @param accepted rows handed on
 * @param rejected rows left out under {@link ErrorPolicy#SKIP}
 * @param columns the header name used per field and attribute
 */
public record ReadSummary(long rows, long accepted, RejectedRows rejected, Map<String, String> columns) {
    /**
     * Validates and copies.
     *
     * @param rows data rows read
     * @param accepted rows handed on
     * @param rejected rows left out, not null
     * @param columns the header name used per field, not null
     * @throws NullPointerException if {@code rejected} or {@code columns} is null
     */
    public ReadSummary {
        Check.notNull(rejected, "rejected");
        columns = Map.copyOf(Check.notNull(columns, "columns"));
    }
}
