package io.cxkit.journey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the CSV fixtures under {@code src/test/resources/reference/} (header line, then rows). */
final class ReferenceCsv {
    private ReferenceCsv() {
    }

    /** One CSV row by column name; R's NA/NaN/Inf parse as NaN/Infinity. */
    record Row(Map<String, String> cells) {
        String s(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column + " in " + cells);
            }
            return v;
        }

        double d(String column) {
            String v = s(column);
            return switch (v) {
                case "NA", "NaN" -> Double.NaN;
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v);
            };
        }

        long l(String column) {
            return Long.parseLong(s(column));
        }
    }

    static List<Row> load(String resource) {
        InputStream in = ReferenceCsv.class.getResourceAsStream("/reference/" + resource);
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
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i], cells[i]);
                }
                rows.add(new Row(m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Relative tolerance check that treats NaN = NaN and equal infinities as equal. */
    static boolean close(double expected, double actual, double relTol) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(expected - actual) <= relTol * Math.max(Math.abs(expected), 1e-300)
                || expected == actual;
    }
}
