package io.cxkit.journey.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The CDNOW sample and the reference files beside it, read from the test resources. */
final class Cdnow {
    static final LocalDate CALIBRATION_END = LocalDate.parse("1997-09-30");
    static final LocalDate HOLDOUT_END = LocalDate.parse("1998-06-30");

    private Cdnow() {
    }

    /** Rows of a CSV resource under reference/value, header dropped. */
    static List<String[]> csv(String name) {
        String path = "/reference/value/" + name;
        try (InputStream in = Cdnow.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RepeatPurchases accumulate(List<String[]> rows) {
        RepeatPurchases acc = RepeatPurchases.of(CALIBRATION_END, HOLDOUT_END);
        for (String[] row : rows) {
            acc.accept(row[0], LocalDate.parse(row[1]), Double.parseDouble(row[3]));
        }
        return acc;
    }

    static RepeatPurchasesResult base() {
        return accumulate(csv("cdnow_sample.csv")).result();
    }

    /** A fitted value from cdnow_fit.csv. */
    static double fitted(String model, String parameter) {
        for (String[] row : csv("cdnow_fit.csv")) {
            if (row[0].equals(model) && row[1].equals(parameter)) {
                return Double.parseDouble(row[2]);
            }
        }
        throw new IllegalStateException("no " + model + " " + parameter + " in cdnow_fit.csv");
    }
}
