package io.cxkit.io;

import io.cxkit.core.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The row loop shared by the event readers: bad rows follow the error policy, file problems fail. */
final class EventFiles {
    private EventFiles() {
    }

    /** Turns the current row into an event and hands it on; throws {@link BadValue} for a bad value. */
    interface RowHandler {
        void row(RowSource rows, EventColumns cols);
    }

    /** A rejected value (no stack trace); {@code selected} is the index among the selected columns. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int selected;
        final String value;
        final String reason;

        BadValue(int selected, String value, String reason, String message) {
            super(message, null, false, false);
            this.selected = selected;
            this.value = value;
            this.reason = reason;
        }
    }

    /** Reads an opened stream; the file wrapper supplies the source name and the format. */
    interface Reader<T> {
        T read(InputStream in, String source, InputFormat format);
    }

    /** Opens {@code file} for {@code reader}: a missing file is bad input, other I/O failures unchecked. */
    static <T> T read(Path file, InputFormat format, Reader<T> reader) {
        Check.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, String.valueOf(file), format != null ? format : InputFormat.of(file));
        } catch (NoSuchFileException e) {
            throw BadInputException.file(String.valueOf(file), 0, "no such file", "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream through the source options (charset, delimiter, per-row limits): resolves the
     * columns, then {@link #loop}.
     */
    static ReadSummary run(InputStream in, String source, InputFormat format,
            SourceOptions options, List<EventColumns.Spec> specs, Map<String, String> explicit,
            List<String> attributes, String what,
            ErrorPolicy errors, RowHandler handler) {
        Check.notNull(in, "in");
        try (RowSource rows = options.open(in, source, Check.notNull(format, "format"))) {
            EventColumns cols = new EventColumns(rows, source, specs, explicit, attributes, what);
            return loop(rows, source, cols.selected, cols.used, errors, cells -> handler.row(rows, cols));
        }
    }

    /**
     * The current row's selected cells. {@link #get} remembers the last cell read, so a {@link Rule}
     * thrown while checking it is reported for that column with its value.
     */
    static final class Cells {
        private final RowSource rows;
        private int last;
        private String lastValue = "";
        private long row;

        Cells(RowSource rows) {
            this.rows = rows;
        }

        /** The value of selected column {@code i} (empty when absent). */
        String get(int i) {
            last = i;
            lastValue = rows.value(i);
            return lastValue;
        }

        /** The 1-based number of the current data row. */
        long row() {
            return row;
        }
    }

    /** Handles one row through {@link Cells}; throws {@link Rule} or {@link BadValue} for a bad value. */
    interface CellHandler {
        void row(Cells cells);
    }

    /** A rule a value broke (no stack trace); reported for the last cell read. */
    static final class Rule extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String reason;

        Rule(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * The row loop every event reader shares: rows with a structural problem or a broken rule follow
     * the error policy (FAIL: the first one is thrown with file:line:column; SKIP: each is collected);
     * a file without data rows is bad input.
     */
    static ReadSummary loop(RowSource rows, String source, List<String> selected,
            Map<String, String> used, ErrorPolicy errors, CellHandler handler) {
        Cells cells = new Cells(rows);
        RejectedRows.Collector rejected = new RejectedRows.Collector();
        long ok = 0;
        while (rows.next()) {
            cells.row++;
            RowError problem = rows.rowProblem();
            if (problem == null) {
                try {
                    handler.row(cells);
                    ok++;
                    continue;
                } catch (BadValue e) {
                    int i = e.selected;
                    problem = new RowError(source, rows.line(), rows.column(i), selected.get(i), e.value,
                            e.reason, e.getMessage());
                } catch (Rule e) {
                    problem = new RowError(source, rows.line(), rows.column(cells.last), selected.get(cells.last),
                            cells.lastValue, e.reason, e.getMessage());
                }
            }
            if (errors == ErrorPolicy.FAIL) {
                throw new BadInputException(problem);
            }
            rejected.add(problem);
        }
        if (cells.row == 0) {
            throw BadInputException.file(source, 0, "no data rows", "the file has a header but no data rows");
        }
        return new ReadSummary(cells.row, ok, rejected.result(), used);
    }

    static String required(RowSource rows, int i, String what) {
        String v = rows.value(i);
        if (v.isEmpty()) {
            throw new BadValue(i, v, "empty " + what, what + " is empty");
        }
        return v;
    }

    static String optional(RowSource rows, int i) {
        return i < 0 || rows.value(i).isEmpty() ? null : rows.value(i);
    }

    static java.time.Instant time(RowSource rows, int i, Timestamps ts) {
        String v = rows.value(i);
        try {
            return ts.instant(v); // keeps the fraction of a second
        } catch (IllegalArgumentException e) {
            throw new BadValue(i, v, "unparseable time", e.getMessage());
        }
    }

    /**
     * Finds each field's column ({@code {field, column}} pairs) in the header, selects them in that
     * order and records field to column in {@code used}; returns the selected column names.
     */
    static List<String> selectFields(RowSource rows, String[][] fields, String source, Map<String, String> used) {
        List<String> header = new java.util.ArrayList<>(rows.columns());
        boolean json = rows instanceof JsonSource;
        List<String> selected = new java.util.ArrayList<>();
        for (String[] c : fields) {
            String col = SurvivalReader.column(header, c[1], c[0], source, json);
            selected.add(col);
            used.put(c[0], col);
        }
        rows.select(selected);
        return selected;
    }
}
