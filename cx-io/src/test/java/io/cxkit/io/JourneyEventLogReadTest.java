package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.LogJourney;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JourneyEventReader#readInto} fills an event log with exactly the events {@code read} hands on. */
class JourneyEventLogReadTest {
    private static final List<JourneyBuilder> RULES = List.of(JourneyBuilder.create(),
            JourneyBuilder.create().splitOnInactivity(Duration.ofSeconds(2)),
            JourneyBuilder.create().byCase().splitOnOutcome());

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A seeded file with sub-second times, optional fields, a region column and some bad rows. */
    static String file(long seed, int rows) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("customer_id,timestamp,touchpoint,channel,stage,outcome,value,case_id,region\n");
        String[] tps = {"home", "product", "cart", "checkout", "faq"};
        String[] channels = {"web", "Mobile App", "email"};
        for (int i = 0; i < rows; i++) {
            long ms = 1_772_446_500_000L + r.nextInt(50_000) * 100L + r.nextInt(3);
            String time = switch (r.nextInt(3)) {
                case 0 -> Instant.ofEpochMilli(ms).toString();
                case 1 -> Instant.ofEpochMilli(ms).plusNanos(r.nextInt(1_000_000)).toString();
                default -> Long.toString(ms);
            };
            if (r.nextInt(40) == 0) {
                time = "noon";
            }
            sb.append('c').append(r.nextInt(12)).append(',').append(time).append(',')
                    .append(tps[r.nextInt(tps.length)]).append(',').append(channels[r.nextInt(channels.length)])
                    .append(',').append(r.nextInt(4) == 0 ? "support" : r.nextInt(60) == 0 ? "wonder" : "")
                    .append(',').append(r.nextInt(5) == 0 ? "purchase" : "")
                    .append(',').append(r.nextInt(4) == 0 ? Double.toString(r.nextInt(100) / 4.0) : "")
                    .append(',').append(r.nextInt(2) == 0 ? "k" + r.nextInt(3) : "")
                    .append(',').append(r.nextInt(3) == 0 ? "" : r.nextBoolean() ? "eu" : "us").append('\n');
        }
        return sb.toString();
    }

    @Test
    void theLogHoldsTheJourneysTheEventsMakeWithTheSameAccountingAndSegments(@TempDir Path dir) {
        for (long seed = 1; seed <= 12; seed++) {
            String csv = file(seed, 40 + (int) seed * 37);
            List<JourneyEvent> events = new ArrayList<>();
            Map<JourneyEvent, String> region = new IdentityHashMap<>();
            JourneyEventReader reader = JourneyEventReader.builder().errors(ErrorPolicy.SKIP).attributes("region")
                    .segment("region").build();
            ReadSummary objects = reader.readWithAttributes(in(csv), "e.csv", InputFormat.CSV,
                    (e, a) -> {
                        events.add(e);
                        region.put(e, a.get("region"));
                    });
            for (long budget : new long[] {Long.MAX_VALUE, 2_000, 1}) {
                EventLog.Builder b = EventLog.builder().memoryBudget(budget).tempDirectory(dir);
                ReadSummary logged = JourneyEventReader.builder().errors(ErrorPolicy.SKIP)
                        .segment("region").build().readInto(in(csv), "e.csv", InputFormat.CSV, b);
                assertEquals(objects.rows(), logged.rows());
                assertEquals(objects.accepted(), logged.accepted());
                assertEquals(objects.rejected(), logged.rejected());
                try (EventLog log = b.build()) {
                    assertEquals(events.size(), log.size());
                    assertEquals(budget < 1_000_000, log.spilled(), log.toString());
                    for (JourneyBuilder rules : RULES) {
                        List<CustomerJourney> expected = rules.build(events);
                        assertEquals(expected, log.journeys(rules), "seed " + seed + " " + rules);
                        List<String> segments = new ArrayList<>();
                        log.forEachJourney(rules, j -> segments.add(j.segmentName().orElse("")));
                        assertEquals(expected.stream().map(j -> region.get(firstOf(events, j))).toList(), segments);
                    }
                }
            }
        }
    }

    /** The event object the reader handed on that is a journey's first event. */
    private static JourneyEvent firstOf(List<JourneyEvent> events, CustomerJourney j) {
        JourneyEvent first = j.events().get(0);
        for (JourneyEvent e : events) {
            if (e == first) {
                return e;
            }
        }
        throw new AssertionError("journey's first event is not one of the events read: " + first);
    }

    @Test
    void subSecondTimesArriveInTheLogToTheNanosecond() {
        EventLog.Builder b = EventLog.builder();
        JourneyEventReader.builder().build().readInto(in("customer,time,touchpoint,channel\n"
                + "c1,2026-03-02T10:00:00.900Z,a,web\nc1,2026-03-02T10:00:02.999999999Z,c,web\n"
                + "c1,1772446860500,d,web\n"), "t.csv", InputFormat.CSV, b);
        EventLog log = b.build();
        List<Long> nanos = new ArrayList<>();
        log.forEachJourney(JourneyBuilder.create(), j -> {
            for (int i = 0; i < j.size(); i++) {
                nanos.add(j.timeNanos(i));
            }
        });
        assertEquals(List.of(1_772_445_600_900_000_000L, 1_772_445_602_999_999_999L, 1_772_446_860_500_000_000L),
                nanos);
    }

    @Test
    void aTimeTheLogCannotHoldIsABadRowNamingTheRule() {
        String csv = "customer,time,touchpoint,channel\nc1,1500-01-01T00:00:00Z,a,web\nc1,2026-03-02T10:00:00Z,b,web\n";
        BadInputException e = assertThrows(BadInputException.class, () -> JourneyEventReader.builder().build()
                .readInto(in(csv), "t.csv", InputFormat.CSV, EventLog.builder()));
        assertEquals("t.csv:2:2: column 'time' value '1500-01-01T00:00:00Z': time must lie between 1677-09-22 and"
                + " 2262-04-11 to be held in an event log", e.getMessage());
        EventLog.Builder b = EventLog.builder();
        ReadSummary s = JourneyEventReader.builder().errors(ErrorPolicy.SKIP).build()
                .readInto(in(csv), "t.csv", InputFormat.CSV, b);
        assertEquals(1L, s.rejected().counts().get("time out of range"));
        assertEquals(1, b.build().size());
        assertTrue(s.columns().containsKey("time"));
    }

    @Test
    void aNullBuilderIsNamed() {
        assertEquals("log must not be null", assertThrows(NullPointerException.class,
                () -> JourneyEventReader.builder().build().readInto(Path.of("x.csv"), null)).getMessage());
    }

    @Test
    void viewOfAJourneyWithoutSegmentReadsNone() {
        EventLog.Builder b = EventLog.builder();
        JourneyEventReader.builder().build().readInto(in("customer,time,touchpoint,channel\nc1,1,a,web\n"),
                "t.csv", InputFormat.CSV, b);
        EventLog log = b.build();
        log.forEachJourney(JourneyBuilder.create(), j -> assertEquals(LogJourney.NONE, j.segment()));
    }
}
