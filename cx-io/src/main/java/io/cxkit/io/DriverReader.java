package io.cxkit.io;

import io.cxkit.core.Check;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an outcome column and driver columns (attribute ratings) of a survey-style file (CSV,
 * NDJSON, JSON) row by row for key-driver analysis ({@link io.cxkit.survey.KeyDrivers} or
 * {@link io.cxkit.survey.DriverRows}). Nothing is kept.
 *
 * <pre>{@code
 * KeyDrivers kd = KeyDrivers.of("csat", List.of("ease", "speed"));
 * DriverReader.of("csat", List.of("ease", "speed")).read(Path.of("responses.csv"), kd::accept);
 * }</pre>
 *
 * <p>An empty value is <em>missing</em> and handed on as {@code NaN}: the analysis excludes the row
 * and counts it. A value that is not a finite number is a bad row, handled by the
 * {@link ErrorPolicy}. Columns are matched case- and space-insensitively; a missing column fails.
 */
public final class DriverReader {

    /** Receives one row: the outcome and the driver values ({@code NaN} = missing). */
    @FunctionalInterface
    public interface RowSink {
        /**
         * Takes one row.
         *
         * @param outcome the outcome value, NaN when missing
         * @param drivers the driver values in declared order, NaN when missing (a fresh array)
         */
        void accept(double outcome, double[] drivers);
    }

    private final String outcome;
    private final List<String> drivers;
    private final ErrorPolicy errors;
    private final InputFormat format;

    private DriverReader(String outcome, List<String> drivers, ErrorPolicy errors, InputFormat format) {
        this.outcome = outcome;
        this.drivers = drivers;
        this.errors = errors;
        this.format = format;
    }

    /**
     * A reader of these columns, failing on the first bad row, format from the file name.
     *
     * @param outcome the outcome column
     * @param drivers the driver columns (at least one, distinct)
     * @return the reader
     * @throws IllegalArgumentException for blank, empty or repeated names
     */
    public static DriverReader of(String outcome, List<String> drivers) {
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("outcome column must not be blank: '" + outcome + "'");
        }
        Check.notNull(drivers, "drivers");
        if (drivers.isEmpty()) {
            throw new IllegalArgumentException("driver columns must not be empty: []");
        }
        List<String> all = new ArrayList<>();
        all.add(ColumnMapping.normalize(outcome));
        for (String d : drivers) {
            if (d == null || d.isBlank()) {
                throw new IllegalArgumentException("driver column must not be blank: '" + d + "'");
            }
            if (all.contains(ColumnMapping.normalize(d))) {
                throw new IllegalArgumentException("driver columns must be distinct and differ from the outcome: '"
                        + d + "' appears twice");
            }
            all.add(ColumnMapping.normalize(d));
        }
        return new DriverReader(outcome.strip(), List.copyOf(drivers), ErrorPolicy.FAIL, null);
    }

    /**
     * This reader with another error policy.
     *
     * @param policy the policy
     * @return a new reader
     */
    public DriverReader errors(ErrorPolicy policy) {
        return new DriverReader(outcome, drivers, Check.notNull(policy, "policy"), format);
    }

    /**
     * This reader with an explicit format.
     *
     * @param format the format
     * @return a new reader
     */
    public DriverReader format(InputFormat format) {
        return new DriverReader(outcome, drivers, errors, Check.notNull(format, "format"));
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @param sink receives each good row
     * @return what was read
     * @throws BadInputException for bad input
     */
    public InteractionReader.ReadSummary read(Path file, RowSink sink) {
        Check.notNull(sink, "sink");
        return EventFiles.read(file, format, (in, source, f) -> read(in, source, f, sink));
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes (UTF-8)
     * @param source the name used in messages
     * @param format the format
     * @param sink receives each good row
     * @return what was read
     * @throws BadInputException for bad input
     */
    public InteractionReader.ReadSummary read(InputStream in, String source, InputFormat format, RowSink sink) {
        Check.notNull(sink, "sink");
        List<String> columns = new ArrayList<>();
        columns.add(outcome);
        columns.addAll(drivers);
        return EventFiles.run(in, source, format, SourceOptions.DEFAULT, List.of(), Map.of(), columns,
                "driver analysis", errors,
                (rows, cols) -> {
                    double y = number(rows, cols.firstAttribute);
                    double[] x = new double[drivers.size()];
                    for (int j = 0; j < x.length; j++) {
                        x[j] = number(rows, cols.firstAttribute + 1 + j);
                    }
                    sink.accept(y, x);
                });
    }

    private static double number(RowSource rows, int i) {
        String v = rows.value(i);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double d;
        try {
            d = Cells.parseNumber(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d)) {
            throw new EventFiles.BadValue(i, v, "not a number", "value must be a finite number or empty (missing)");
        }
        return d;
    }
}
