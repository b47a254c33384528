package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.survey.SurveyReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SurveyReader} read: the scores, how many rows it saw, which it rejected, and which
 * column it used for which role.
 *
 * @param report the scores overall and by segment
 * @param rows data rows read (accepted and rejected; blank lines are not rows)
 * @param rejected rows left out under {@link ErrorPolicy#SKIP}; empty under FAIL
 * @param columns the header name used per role ({@code nps}, {@code csat}, {@code ces},
 *     {@code weight}, {@code time}) and per segment attribute
 */
public record SurveyReadResult(SurveyReport report, long rows, RejectedRows rejected, Map<String, String> columns) {

    /**
     * Validates and copies the components.
     *
     * @param report report
     * @param rows rows
     * @param rejected rejected
     * @param columns columns
     */
    public SurveyReadResult {
        Check.notNull(report, "report");
        Check.notNull(rejected, "rejected");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(columns, "columns")));
    }

    /**
     * Rows that were counted.
     *
     * @return {@code rows − rejected.total()}
     */
    public long accepted() {
        return rows - rejected.total();
    }

    @Override
    public String toString() {
        return "SurveyReadResult[rows=" + rows + ", accepted=" + accepted() + ", columns=" + columns + "]\n"
                + report + (rejected.any() ? rejected + "\n" : "");
    }
}
