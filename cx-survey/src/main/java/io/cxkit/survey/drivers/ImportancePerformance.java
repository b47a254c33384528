package io.cxkit.survey.drivers;

import io.cxkit.core.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An importance–performance table (Martilla &amp; James 1977): each driver's rescaled importance
 * against its mean rating, with the quadrant it falls in when the plane is split at the average
 * importance and the average performance of the drivers.
 *
 * <p>Reference: J. A. Martilla and J. C. James (1977), "Importance-Performance Analysis", Journal
 * of Marketing 41(1), 77–79.
 *
 * @param rows one row per driver, in declaration order
 * @param importanceCut the importance split: the mean rescaled importance ({@code 1/p})
 * @param performanceCut the performance split: the mean of the drivers' mean ratings
 */
public record ImportancePerformance(List<Row> rows, double importanceCut, double performanceCut) {

    /** The four quadrants of an importance–performance grid. */
    public enum Quadrant {
        /** High importance, low performance: fix these first. */
        CONCENTRATE_HERE("concentrate here"),
        /** High importance, high performance: protect these strengths. */
        KEEP_UP_THE_GOOD_WORK("keep up the good work"),
        /** Low importance, low performance. */
        LOW_PRIORITY("low priority"),
        /** Low importance, high performance: effort may be over-invested. */
        POSSIBLE_OVERKILL("possible overkill");

        private final String label;

        Quadrant(String label) {
            this.label = label;
        }

        /**
         * The quadrant's display label.
         *
         * @return e.g. {@code "concentrate here"}
         */
        public String label() {
            return label;
        }
    }

    /**
     * One driver in the table.
     *
     * @param driver the driver's name
     * @param importance rescaled importance, a share of R² in [0, 1]
     * @param performance the driver's mean rating
     * @param quadrant where it falls (on a cut: counts as high)
     */
    public record Row(String driver, double importance, double performance, Quadrant quadrant) {
        /**
         * Validates the row.
         *
         * @param driver the driver's name
         * @param importance rescaled importance
         * @param performance mean rating
         * @param quadrant the quadrant
         */
        public Row {
            Check.notNull(driver, "driver");
            Check.notNull(quadrant, "quadrant");
        }
    }

    /**
     * Validates and copies the rows.
     *
     * @param rows the rows
     * @param importanceCut the importance split
     * @param performanceCut the performance split
     */
    public ImportancePerformance {
        rows = List.copyOf(Check.notNull(rows, "rows"));
    }

    /**
     * Builds the table from driver importances.
     *
     * @param importances the importances (rescaled importance and mean rating are used)
     * @return the table
     */
    public static ImportancePerformance of(List<DriverImportance> importances) {
        Check.notNull(importances, "importances");
        if (importances.isEmpty()) {
            throw new IllegalArgumentException("importance-performance table needs at least one driver");
        }
        double impCut = 1.0 / importances.size();
        double perf = 0;
        for (DriverImportance d : importances) {
            perf += d.mean();
        }
        perf /= importances.size();
        List<Row> rows = new ArrayList<>();
        for (DriverImportance d : importances) {
            boolean hi = d.rescaled() >= impCut;
            boolean good = d.mean() >= perf;
            Quadrant q = hi ? (good ? Quadrant.KEEP_UP_THE_GOOD_WORK : Quadrant.CONCENTRATE_HERE)
                    : (good ? Quadrant.POSSIBLE_OVERKILL : Quadrant.LOW_PRIORITY);
            rows.add(new Row(d.driver(), d.rescaled(), d.mean(), q));
        }
        return new ImportancePerformance(rows, impCut, perf);
    }

    /**
     * The row of a named driver.
     *
     * @param driver the driver's name
     * @return the row
     * @throws IllegalArgumentException if there is no such driver
     */
    public Row row(String driver) {
        for (Row r : rows) {
            if (r.driver().equals(driver)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no driver named '" + driver + "' in the table");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Importance-performance (cuts: importance %.1f%%, performance %.2f)", 100 * importanceCut,
                performanceCut));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "\n  %-16s importance %5.1f%%  performance %7.2f  %s",
                    r.driver(), 100 * r.importance(), r.performance(), r.quadrant().label()));
        }
        return sb.toString();
    }
}
