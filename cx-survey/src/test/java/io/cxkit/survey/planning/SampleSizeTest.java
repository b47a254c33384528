package io.cxkit.survey.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against reference/sample_size.csv, produced by reference/sample_size.R (command in the script). */
class SampleSizeTest {

    private static List<String[]> rows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SampleSizeTest.class.getResourceAsStream("/reference/sample_size.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    @Test
    void matchesR() throws Exception {
        int checked = 0;
        for (String[] r : rows()) {
            double a = Double.parseDouble(r[1]);
            double b = Double.parseDouble(r[2]);
            double c = Double.parseDouble(r[3]);
            double ref = Double.parseDouble(r[5]);
            long expected = (long) Math.ceil(ref - 1e-9);
            long actual = switch (r[0]) {
                case "prop_diff" -> SampleSize.proportionDifference(a, b, c, Double.parseDouble(r[4]));
                case "mean_moe" -> SampleSize.meanMarginOfError(a, b, c);
                case "prop_moe" -> SampleSize.proportionMarginOfError(a, b, c);
                case "nps_moe" -> SampleSize.npsMarginOfError(a, b, new NpsMix(c, Double.parseDouble(r[4])));
                default -> throw new IllegalStateException(r[0]);
            };
            assertEquals(expected, actual, String.join(",", r));
            checked++;
        }
        assertEquals(13, checked);
    }

    @Test
    void npsDifferencePerGroup() {
        NpsMix a = new NpsMix(0.5, 0.2);
        NpsMix b = new NpsMix(0.4, 0.25);
        double k = 1.959963984540054 + 0.8416212335729143;
        double n = k * k * (a.variance() + b.variance()) / Math.pow(0.15, 2);
        assertEquals((long) Math.ceil(n), SampleSize.npsDifference(a, b, 0.05, 0.8));
        assertEquals(1537, SampleSize.npsMarginOfError(5, 0.95, NpsMix.worstCase()));
    }

    @Test
    void badInput() {
        assertEquals("marginPoints must be in (0, 200]: 0.0", assertThrows(IllegalArgumentException.class,
                () -> SampleSize.npsMarginOfError(0, 0.95, NpsMix.worstCase())).getMessage());
        assertEquals("p1 and p2 must differ: both are 0.5", assertThrows(IllegalArgumentException.class,
                () -> SampleSize.proportionDifference(0.5, 0.5, 0.05, 0.8)).getMessage());
        assertEquals("the two NPS mixes must differ: both have NPS 30.0", assertThrows(IllegalArgumentException.class,
                () -> SampleSize.npsDifference(new NpsMix(0.5, 0.2), new NpsMix(0.4, 0.1), 0.05, 0.8)).getMessage());
        assertEquals("detractorShare must be in [0, 1 - promoterShare = 0.30000000000000004]: 0.5",
                assertThrows(IllegalArgumentException.class, () -> new NpsMix(0.7, 0.5)).getMessage());
        assertEquals("expectedShare must be in [0, 1]: 1.5", assertThrows(IllegalArgumentException.class,
                () -> SampleSize.proportionMarginOfError(5, 0.95, 1.5)).getMessage());
        assertEquals("standardDeviation must be finite and > 0: -1.0", assertThrows(IllegalArgumentException.class,
                () -> SampleSize.meanMarginOfError(0.1, 0.95, -1)).getMessage());
    }
}
