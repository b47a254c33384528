package io.cxkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.CustomerJourney;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's SQL answers equal cxkit's on a small generated log, from the table and from the CSV file. */
class JourneySqlTest {

    @Test
    void duckdbAgreesWithTheObjectPath(@TempDir Path dir) throws Exception {
        JourneyData d = new JourneyData(30_000, 3_000, 11);
        List<CustomerJourney> journeys = JourneyWork.RULES.build(d.events());
        assertEquals(3_000, journeys.size());
        JourneyAnswers.FunnelCounts funnel = JourneyAnswers.FunnelCounts.of(JourneyWork.funnel(journeys));
        JourneyAnswers.TopVariants paths = JourneyAnswers.TopVariants.of(JourneyWork.paths(journeys));
        JourneyAnswers.MarkovCredits markov = JourneyAnswers.MarkovCredits.of(JourneyWork.markov(journeys));
        // the data exercise what is checked: conversions at every step, a head of variants, purchases
        long[] all = new long[5];
        funnel.byChannel().values().forEach(c -> {
            for (int i = 0; i < c.length; i++) {
                all[i] += c[i];
            }
        });
        assertEquals(3_000, all[0]);
        assertTrue(all[4] > 20 && all[4] < all[3] && all[3] < all[2], java.util.Arrays.toString(all));
        assertEquals(20, paths.labels().size());
        assertTrue(paths.counts().get(0) > 10, paths.toString());
        assertTrue(markov.conversions() > 100, markov.toString());
        Path csv = dir.resolve("events.csv");
        d.writeCsv(csv);
        try (Connection c = JourneySql.load(d)) {
            for (String source : List.of(JourneySql.TABLE, JourneySql.csvSource(csv))) {
                for (int threads = 1; threads <= 2; threads++) {
                    String what = source.equals(JourneySql.TABLE) ? "table" : "csv";
                    funnel.requireSame(what, JourneySql.funnel(c, threads,
                            JourneySql.funnelSql(source, JourneyWork.STEPS, JourneyWork.WINDOW_DAYS)));
                    paths.requireSame(what, JourneySql.paths(c, threads, JourneySql.pathsSql(source, JourneyWork.TOP)));
                    markov.requireSame(what, JourneySql.markov(c, threads, JourneySql.transitionsSql(source)));
                }
            }
        }
    }

    @Test
    void crossChecksFailOnADifference() {
        JourneyAnswers.FunnelCounts a = new JourneyAnswers.FunnelCounts(Map.of("web", new long[] {10, 5, 2}));
        JourneyAnswers.FunnelCounts b = new JourneyAnswers.FunnelCounts(Map.of("web", new long[] {10, 5, 3}));
        assertThrows(IllegalStateException.class, () -> a.requireSame("b", b));
        MarkovCheck m = new MarkovCheck();
        m.add(MarkovCheck.START, "a", 2, 0);
        m.add("a", MarkovCheck.CONVERSION, 1, 5);
        m.add("a", MarkovCheck.NULL, 1, 0);
        JourneyAnswers.MarkovCredits credits = m.credits();
        // one touchpoint: P(conv) = 1/2, removing it leaves nothing: RE = 1, all credit to it
        assertEquals(1, credits.conversions());
        assertEquals(1.0, credits.credits().get("a")[0], 1e-15);
        assertEquals(5.0, credits.credits().get("a")[1], 1e-15);
        JourneyAnswers.MarkovCredits other = new JourneyAnswers.MarkovCredits(1, 5,
                Map.of("a", new double[] {1, 5, 1, 0.5}));
        assertThrows(IllegalStateException.class, () -> credits.requireSame("other", other));
    }
}
