package io.cxkit.io;

import io.cxkit.core.TimeGrain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A rough, JMH-free throughput figure for the readers (not a test; run by hand):
 * {@code java -cp ... io.cxkit.io.ReadThroughput responses.csv}. Prints ns per row for a few
 * configurations, best of three runs. JMH benchmarks belong in cx-benchmarks.
 */
public final class ReadThroughput {
    private ReadThroughput() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String[][] configs = {{"overall"}, {"touchpoint"}, {"touchpoint", "month"}};
        for (String[] c : configs) {
            double best = Double.MAX_VALUE;
            long rows = 0;
            for (int run = 0; run < 3; run++) {
                SurveyReader.Builder b = SurveyReader.builder();
                if (!c[0].equals("overall")) {
                    b.segmentBy(c[0]);
                }
                if (c.length > 1) {
                    b.period(TimeGrain.MONTH, ZoneId.of("UTC"));
                }
                long t0 = System.nanoTime();
                SurveyReadResult r = b.build().read(file);
                long t1 = System.nanoTime();
                rows = r.rows();
                best = Math.min(best, (t1 - t0) / (double) rows);
            }
            System.out.printf(Locale.ROOT, "%-22s %,d rows (%s): %.0f ns/row%n", String.join("+", c), rows,
                    Files.isRegularFile(file) ? file.getFileName() : "?", best);
        }
    }
}
