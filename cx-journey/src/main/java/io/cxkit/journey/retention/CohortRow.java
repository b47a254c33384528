package io.cxkit.journey.retention;

import io.cxkit.core.Check;
import io.cxkit.core.TimeBucket;
import java.util.List;

/**
 * One cohort of a retention table: the customers first seen in {@code cohort}, and their
 * retention in each following period up to the end of observation.
 *
 * @param cohort the period in which the customers were first seen
 * @param size customers in the cohort
 * @param cells retention at offsets 0, 1, ... up to the last observed period (later periods are
 *     absent, not 0: they have not been observed yet)
 */
public record CohortRow(TimeBucket cohort, long size, List<RetentionCell> cells) {

    /**
     * Validates and copies the components.
     *
     * @param cohort the cohort period
     * @param size the cohort size
     * @param cells the cells
     */
    public CohortRow {
        Check.notNull(cohort, "cohort");
        Check.notNull(cells, "cells");
        cells = List.copyOf(cells);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(cohort.label()).append(" (n=").append(size).append("):");
        for (RetentionCell c : cells) {
            sb.append(String.format(java.util.Locale.ROOT, " %5.1f%%", 100 * c.share().estimate()));
        }
        return sb.toString();
    }
}
