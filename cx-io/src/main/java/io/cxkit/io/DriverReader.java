package io.cxkit.io;

import io.cxkit.core.Check;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an outcome column and driver columns (attribute ratings) of a survey-style file (CSV,
 * NDJSON, JSON) row by row for key-driver analysis ({@link io.cxkit.survey.drivers.KeyDrivers} or
 * {@link io.cxkit.survey.drivers.DriverRows}). Nothing is kept.
 *
 * <pre>{@code
 * KeyDrivers kd = KeyDrivers.of("csat", List.of("ease", "speed"));
 * DriverReader.of("csat", List.of("ease", "speed")).read(Path.of("responses.csv"), kd::accept);
 * }</pre>
 *
 * <p>{@link #builder()} takes the reading options every reader shares ({@link ReaderOptions}:
 * error policy, format, CSV charset and delimiter).
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
    private final SourceOptions sourceOptions;

    private DriverReader(String outcome, List<String> drivers, ErrorPolicy errors, InputFormat format,
            SourceOptions sourceOptions) {
        this.outcome = outcome;
        this.drivers = drivers;
        this.errors = errors;
        this.format = format;
        this.sourceOptions = sourceOptions;
    }

    /**
     * A builder with the shared reading options (error policy, format, charset, delimiter);
     * {@link Builder#outcome} and {@link Builder#drivers} are required.
     *
     * <pre>{@code
     * DriverReader.builder().outcome("csat").drivers(List.of("ease", "speed"))
     *     .charset(Charset.forName("windows-1252")).delimiter(';').errors(ErrorPolicy.SKIP).build()
     * }</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A reader of these columns with the default options: failing on the first bad row, format
     * from the file name, UTF-8, delimiter detected. Shorthand for the {@link #builder()}.
     *
     * @param outcome the outcome column
     * @param drivers the driver columns (at least one, distinct)
     * @return the reader
     * @throws IllegalArgumentException for blank, empty or repeated names
     */
    public static DriverReader of(String outcome, List<String> drivers) {
        return builder().outcome(outcome).drivers(drivers).build();
    }

    /**
     * This reader with another error policy.
     *
     * @param policy the policy
     * @return a new reader
     */
    public DriverReader errors(ErrorPolicy policy) {
        return new DriverReader(outcome, drivers, Check.notNull(policy, "policy"), format, sourceOptions);
    }

    /**
     * This reader with an explicit format.
     *
     * @param format the format
     * @return a new reader
     */
    public DriverReader format(InputFormat format) {
        return new DriverReader(outcome, drivers, errors, Check.notNull(format, "format"), sourceOptions);
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @param sink receives each good row
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(Path file, RowSink sink) {
        Check.notNull(sink, "sink");
        return EventFiles.read(file, format, (in, source, f) -> read(in, source, f, sink));
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes (CSV in the builder's charset)
     * @param source the name used in messages
     * @param format the format
     * @param sink receives each good row
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(InputStream in, String source, InputFormat format, RowSink sink) {
        Check.notNull(sink, "sink");
        List<String> columns = new ArrayList<>();
        columns.add(outcome);
        columns.addAll(drivers);
        return EventFiles.run(in, source, format, sourceOptions, List.of(), Map.of(), columns,
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
    /** Options of a {@link DriverReader}: its columns and the reading options every reader shares. */
    public static final class Builder extends ReaderOptions<Builder> {
        private String outcome;
        private List<String> drivers;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The outcome column (the overall score).
         *
         * @param column the header name
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder outcome(String column) {
            this.outcome = columnName("outcome", column);
            return this;
        }

        /**
         * The driver columns (attribute ratings), at least one.
         *
         * @param columns the header names, in the order the sink receives them
         * @return this builder
         * @throws IllegalArgumentException if empty or a name is blank
         */
        public Builder drivers(List<String> columns) {
            Check.notNull(columns, "drivers");
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("driver columns must not be empty: []");
            }
            List<String> names = new ArrayList<>();
            for (String d : columns) {
                if (d == null || d.isBlank()) {
                    throw new IllegalArgumentException("driver column must not be blank: '" + d + "'");
                }
                names.add(d);
            }
            this.drivers = List.copyOf(names);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalArgumentException if the outcome or the drivers are missing, or a column
         *     is named twice (case- and space-insensitively, the outcome included)
         */
        public DriverReader build() {
            if (outcome == null || drivers == null) {
                throw new IllegalArgumentException("driver reader needs an outcome and driver columns: outcome="
                        + outcome + ", drivers=" + drivers);
            }
            List<String> all = new ArrayList<>();
            all.add(ColumnMapping.normalize(outcome));
            for (String d : drivers) {
                if (all.contains(ColumnMapping.normalize(d))) {
                    throw new IllegalArgumentException("driver columns must be distinct and differ from the outcome: '"
                            + d + "' appears twice");
                }
                all.add(ColumnMapping.normalize(d));
            }
            return new DriverReader(outcome, drivers, errors, format, source());
        }
    }
}
