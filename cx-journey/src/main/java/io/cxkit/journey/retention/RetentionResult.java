package io.cxkit.journey.retention;

import io.cxkit.core.Check;
import io.cxkit.core.TimeGrain;
import java.util.List;
import java.util.Optional;

/**
 * A cohort retention table and per-period churn; the result of a {@link RetentionAccumulator}.
 *
 * @param grain the period length (day, week, month, quarter, year)
 * @param customers customers seen
 * @param cohorts one row per cohort period, oldest first (periods without new customers are absent)
 * @param churn one entry per period after the first observed one, oldest first
 */
public record RetentionResult(TimeGrain grain, long customers, List<CohortRow> cohorts, List<ChurnPeriod> churn) {

    /**
     * Validates and copies the components.
     *
     * @param grain the grain
     * @param customers customers seen
     * @param cohorts the rows
     * @param churn the churn per period
     */
    public RetentionResult {
        Check.notNull(grain, "grain");
        Check.notNull(cohorts, "cohorts");
        Check.notNull(churn, "churn");
        cohorts = List.copyOf(cohorts);
        churn = List.copyOf(churn);
    }

    /**
     * The row of one cohort.
     *
     * @param label the cohort period label, e.g. {@code "2026-01"}
     * @return the row, empty if no customer was first seen then
     */
    public Optional<CohortRow> cohort(String label) {
        return cohorts.stream().filter(c -> c.cohort().label().equals(label)).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RetentionResult[" + grain + ", customers=" + customers);
        if (customers == 0) {
            return sb.append(", empty]").toString();
        }
        for (CohortRow r : cohorts) {
            sb.append("\n  ").append(r);
        }
        sb.append("\n  churn:");
        for (ChurnPeriod c : churn) {
            sb.append("\n    ").append(c);
        }
        return sb.append(']').toString();
    }
}
