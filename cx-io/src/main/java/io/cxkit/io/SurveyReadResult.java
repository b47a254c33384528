package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.survey.SurveyScoresResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SurveyReader} read: the scores, how many rows it saw, which it left out by rule and
 * which it rejected, and which column it used for which role, chosen how.
 *
 * <p>{@code rows = counted + excluded + rejected}: every data row is in exactly one of the three.
 *
 * @param report the scores overall and by segment
 * @param rows data rows read (counted, excluded and rejected; blank lines and header rows are not rows)
 * @param rejected rows left out under {@link ErrorPolicy#SKIP}; empty under FAIL
 * @param columns the header name used per role ({@code nps}, {@code csat}, {@code ces},
 *     {@code weight}, {@code time}) and per segment attribute ({@code by:NAME})
 * @param input the layout, exclusions, detection rules, weighting and scales
 */
public record SurveyReadResult(SurveyScoresResult report, long rows, RejectedRows rejected, Map<String, String> columns,
        InputSummary input) {

    /**
     * Validates and copies the components.
     *
     * @param report report
     * @param rows rows
     * @param rejected rejected
     * @param columns columns
     * @param input input summary
     */
    public SurveyReadResult {
        Check.notNull(report, "report");
        Check.notNull(rejected, "rejected");
        Check.notNull(input, "input");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(columns, "columns")));
        if (rejected.total() + input.excludedTotal() > rows) {
            throw new IllegalArgumentException("rejected + excluded rows must be <= rows: " + rejected.total()
                    + " + " + input.excludedTotal() + " > " + rows);
        }
    }

    /**
     * A result without an input summary (a plain layout, no exclusions).
     *
     * @param report report
     * @param rows rows
     * @param rejected rejected
     * @param columns columns
     */
    public SurveyReadResult(SurveyScoresResult report, long rows, RejectedRows rejected, Map<String, String> columns) {
        this(report, rows, rejected, columns, InputSummary.of(columns.getOrDefault("weight", "unweighted")));
    }

    /**
     * Rows that were counted.
     *
     * @return {@code rows − excluded − rejected}
     */
    public long accepted() {
        return rows - rejected.total() - input.excludedTotal();
    }

    @Override
    public String toString() {
        return "SurveyReadResult[rows=" + rows + ", accepted=" + accepted() + ", excluded=" + input.excluded()
                + ", columns=" + columns + ", weight=" + input.weight() + ", scales=" + input.scales() + "]\n"
                + report + (rejected.any() ? rejected + "\n" : "");
    }
}
