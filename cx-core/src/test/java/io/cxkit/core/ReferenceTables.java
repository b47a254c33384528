package io.cxkit.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the CSV reference fixtures under {@code src/test/resources/reference/} (lines starting with
 * {@code #} are comments; the first other line is the header) and collects tolerance failures so a
 * test reports every mismatch at once.
 */
public final class ReferenceTables {
    private final List<String> failures = new ArrayList<>();
    private int checks;

    /** One CSV row, addressed by column name. */
    public record Row(Map<String, String> cells) {
        public String s(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column + " in " + cells);
            }
            return v;
        }

        /** The cell as a double; R's {@code NA}/{@code NaN}/{@code Inf}/{@code -Inf} as NaN and infinities. */
        public double d(String column) {
            String v = s(column);
            return switch (v) {
                case "NA", "NaN" -> Double.NaN;
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v);
            };
        }

        public long l(String column) {
            return Long.parseLong(s(column));
        }

        public int i(String column) {
            return Integer.parseInt(s(column));
        }
    }

    public static List<Row> load(String resource) {
        InputStream in = ReferenceTables.class.getResourceAsStream("/reference/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource /reference/" + resource);
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                for (int k = 0; k < header.length; k++) {
                    m.put(header[k], cells[k]);
                }
                rows.add(new Row(m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("empty fixture " + resource);
        }
        return rows;
    }

    /**
     * Checks {@code |actual − expected| <= rel·|expected|}, with an absolute floor of
     * {@code rel·1e-6} so that exact zeros compare sensibly.
     */
    public void close(String what, double expected, double actual, double rel) {
        checks++;
        double tol = rel * Math.max(Math.abs(expected), 1e-6);
        boolean ok = expected == actual || Math.abs(actual - expected) <= tol;
        if (!ok) {
            failures.add(String.format(Locale.ROOT, "%s: expected %.17g, got %.17g (rel err %.3g)", what,
                    expected, actual, Math.abs(actual - expected) / Math.abs(expected)));
        }
    }

    /**
     * Whether {@code actual} is within {@code rel} relative of {@code expected}; NaN matches only
     * NaN and an infinity only the same infinity.
     */
    public static boolean matches(double expected, double actual, double rel) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return expected == actual || Math.abs(expected - actual) <= rel * Math.max(Math.abs(expected), 1e-300);
    }

    public int checks() {
        return checks;
    }

    public void assertNoFailures() {
        if (!failures.isEmpty()) {
            int shown = Math.min(failures.size(), 40);
            throw new AssertionError(failures.size() + " of " + checks + " reference checks failed:\n"
                    + String.join("\n", failures.subList(0, shown)));
        }
    }
}
