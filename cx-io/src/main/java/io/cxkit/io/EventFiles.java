package io.cxkit.io;

import io.cxkit.core.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    interface Reader {
        InteractionReader.ReadSummary read(InputStream in, String source, InputFormat format);
    }

    static InteractionReader.ReadSummary read(Path file, InputFormat format, Reader reader) {
        Check.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, String.valueOf(file), format != null ? format : InputFormat.of(file));
        } catch (NoSuchFileException e) {
            throw BadInputException.file(String.valueOf(file), 0, "no such file", "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static InteractionReader.ReadSummary run(InputStream in, String source, InputFormat format,
            List<EventColumns.Spec> specs, Map<String, String> explicit, List<String> attributes, String what,
            ErrorPolicy errors, RowHandler handler) {
        Check.notNull(in, "in");
        try (RowSource rows = SurveyReader.open(in, source, Check.notNull(format, "format"), StandardCharsets.UTF_8,
                (char) 0, 1_000_000, 32)) {
            EventColumns cols = new EventColumns(rows, source, specs, explicit, attributes, what);
            RejectedRows.Collector rejected = new RejectedRows.Collector();
            long n = 0;
            long ok = 0;
            while (rows.next()) {
                n++;
                RowError problem = rows.rowProblem();
                if (problem == null) {
                    try {
                        handler.row(rows, cols);
                        ok++;
                        continue;
                    } catch (BadValue e) {
                        int i = e.selected;
                        problem = new RowError(source, rows.line(), rows.column(i), cols.selected.get(i), e.value,
                                e.reason, e.getMessage());
                    }
                }
                if (errors == ErrorPolicy.FAIL) {
                    throw new BadInputException(problem);
                }
                rejected.add(problem);
            }
            if (n == 0) {
                throw BadInputException.file(source, 0, "no data rows", "the file has a header but no data rows");
            }
            return new InteractionReader.ReadSummary(n, ok, rejected.result(), cols.used);
        }
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
            return java.time.Instant.ofEpochSecond(ts.epochSecond(v));
        } catch (IllegalArgumentException e) {
            throw new BadValue(i, v, "unparseable time", e.getMessage());
        }
    }
}
