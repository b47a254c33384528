package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link JourneyEventReader#readInto}'s byte-level path for UTF-8 CSV gives the log, the accounting
 * and the rejects of the String path, on rows in every shape the fast path must leave alone
 * (quoted and padded names, empty required fields, times and values it does not parse itself,
 * stages, names it has not seen yet).
 */
class JourneyEventBytePathTest {
    private static final String HEADER = "customer_id,timestamp,touchpoint,channel,stage,outcome,value,case_id,region\n";
    private static final List<JourneyBuilder> RULES = List.of(JourneyBuilder.create(),
            JourneyBuilder.create().splitOnInactivity(Duration.ofSeconds(3)),
            JourneyBuilder.create().byCase().splitOnOutcome());

    /** A seeded file; {@code ascii} keeps every byte below 0x80 (so ISO-8859-1 reads it alike). */
    static String file(long seed, int rows, boolean ascii) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(HEADER);
        String[] names = ascii ? new String[] {"c1", "c2", "C0000001", "customer-000000000001", "\"c1\"", " c2",
            "c3 ", "", "\"\"", "c\"\"q\"", "\"a,b\""}
            : new String[] {"c1", "ü", "中文", "😀x", " ü", "ü ", "\u00a0c1", "c1\u2003", "\"ü\""};
        String[] tps = {"home", "cart", "Cart", "tp00", "\"home\"", " home", "", "faq "};
        String[] channels = {"web", "Mobile App", "email", " web", "\"sms\"", "EMAIL", ""};
        String[] times = {"2026-03-02T10:00:00.900Z", "2026-03-02T10:00:01Z", "2026-03-02T10:00:02.1234567891Z",
            "2026-03-02 10:00:03+02:00", "2026-03-02T10:00:04.5-01:30", "1772446860500", "1772446860",
            "-1772446860500", "000000001772446860", "2026-03-02", "20260302", "03/02/2026 10:00 AM",
            " 2026-03-02T10:00:05Z", "2026-02-30T10:00:00Z", "2026-03-02T24:00:00Z", "noon", "",
            "1500-01-01T00:00:00Z", "2300-01-01T00:00:00Z", "\"2026-03-02T10:00:06Z\"", "2026-03-02T10:00:07.Z"};
        String[] values = {"", "", "", "12.5", "007.50", "5.", ".5", "1e3", "-3", "+4", "1234567890123456",
            "123456789012345", "NaN", "Infinity", "abc", "\"9.75\"", " 8", "0.1"};
        String[] optional = {"", "", "", "purchase", "\"purchase\"", " refund", "k1", "\"\""};
        String[] stages = {"", "", "", "", "support", "Support", "wonder", " awareness"};
        for (int i = 0; i < rows; i++) {
            sb.append(pick(r, names)).append(',').append(pick(r, times)).append(',').append(pick(r, tps))
                    .append(',').append(pick(r, channels)).append(',').append(pick(r, stages)).append(',')
                    .append(pick(r, optional)).append(',').append(pick(r, values)).append(',')
                    .append(pick(r, optional)).append(',').append(r.nextBoolean() ? "eu" : pick(r, optional));
            if (r.nextInt(30) == 0) {
                sb.append(",extra"); // ragged
            }
            sb.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    /** Common names and shapes most of the time, so the fast path runs on most rows. */
    private static String pick(Random r, String[] a) {
        return a[r.nextInt(4) == 0 ? r.nextInt(a.length) : r.nextInt(Math.min(3, a.length))];
    }

    private static ReadSummary readInto(String csv, Charset charset, ErrorPolicy errors, EventLog.Builder b) {
        return JourneyEventReader.builder().errors(errors).charset(charset).segment("region").build()
                .readInto(new ByteArrayInputStream(csv.getBytes(charset)), "e.csv", InputFormat.CSV, b);
    }

    @Property(tries = 60)
    void theBytePathGivesTheLogAndRejectsOfTheStringPath(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 400) int rows) {
        String csv = file(seed, rows, true);
        EventLog.Builder bytes = EventLog.builder();
        EventLog.Builder chars = EventLog.builder();
        ReadSummary fast = readInto(csv, StandardCharsets.UTF_8, ErrorPolicy.SKIP, bytes);
        ReadSummary slow = readInto(csv, StandardCharsets.ISO_8859_1, ErrorPolicy.SKIP, chars);
        assertEquals(slow, fast);
        try (EventLog a = bytes.build(); EventLog b = chars.build()) {
            assertSameLog(b, a);
        }
        String first = firstFailure(csv, StandardCharsets.ISO_8859_1);
        assertEquals(first, firstFailure(csv, StandardCharsets.UTF_8));
    }

    @Property(tries = 40)
    void nonAsciiNamesGiveTheEventsTheObjectPathReads(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int rows) {
        String csv = file(seed, rows, false).replace("1500-01-01", "1700-01-01").replace("2300-01-01", "2200-01-01");
        List<JourneyEvent> events = new ArrayList<>();
        JourneyEventReader reader = JourneyEventReader.builder().errors(ErrorPolicy.SKIP).build();
        ReadSummary objects = reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "e.csv",
                InputFormat.CSV, events::add);
        EventLog.Builder b = EventLog.builder();
        ReadSummary logged = reader.readInto(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "e.csv", InputFormat.CSV, b);
        assertEquals(objects, logged);
        try (EventLog log = b.build()) {
            for (JourneyBuilder rules : RULES) {
                assertEquals(rules.build(events), log.journeys(rules), rules.toString());
            }
        }
    }

    /** The message of a read with {@link ErrorPolicy#FAIL}, or "none". */
    private static String firstFailure(String csv, Charset charset) {
        try {
            readInto(csv, charset, ErrorPolicy.FAIL, EventLog.builder());
            return "none";
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    static void assertSameLog(EventLog expected, EventLog actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.customers().names(), actual.customers().names());
        assertEquals(expected.touchpoints().names(), actual.touchpoints().names());
        assertEquals(expected.outcomes().names(), actual.outcomes().names());
        assertEquals(expected.cases().names(), actual.cases().names());
        assertEquals(expected.segments().names(), actual.segments().names());
        assertEquals(expected.channels(), actual.channels());
        assertEquals(expected.stages(), actual.stages());
        for (JourneyBuilder rules : RULES) {
            assertEquals(expected.journeys(rules), actual.journeys(rules), rules.toString());
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            expected.forEachJourney(rules, j -> a.add(j.segmentName().orElse("-")));
            actual.forEachJourney(rules, j -> b.add(j.segmentName().orElse("-")));
            assertEquals(a, b);
        }
    }

    @Property(tries = 30)
    void timesInNanosFromBytesEqualTheStringParser(@ForAll long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (String zone : new String[] {"UTC", "Europe/Berlin", "+05:30"}) {
            Timestamps t = new Timestamps(java.time.ZoneId.of(zone));
            int fast = 0;
            for (int i = 0; i < 2_000; i++) {
                String s = randomTime(rnd);
                byte[] b = ("#" + s + "#").getBytes(StandardCharsets.UTF_8);
                long v = t.epochNanos(b, 1, b.length - 1);
                if (v != Long.MIN_VALUE) {
                    fast++;
                    assertEquals(t.epochNanos(s), v, s);
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(fast > 500, "the byte parser should take the common forms: " + fast);
        }
    }

    private static String randomTime(java.util.SplittableRandom rnd) {
        int kind = rnd.nextInt(5);
        if (kind == 0) {
            long sec = rnd.nextLong(0, 4_000_000_000L);
            return Long.toString(rnd.nextBoolean() ? sec : sec * 1000 + rnd.nextInt(1000));
        }
        String s = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", 1600 + rnd.nextInt(800), 1 + rnd.nextInt(13),
                1 + rnd.nextInt(31), rnd.nextInt(4) == 0 ? ' ' : 'T', rnd.nextInt(25), rnd.nextInt(61), rnd.nextInt(61));
        if (rnd.nextInt(3) > 0) {
            s += "." + "0123456789012".substring(0, rnd.nextInt(13));
        }
        return switch (kind) {
            case 1, 2 -> s + "Z";
            case 3 -> s + String.format("%c%02d:%02d", rnd.nextBoolean() ? '+' : '-', rnd.nextInt(19), rnd.nextInt(61));
            default -> s;
        };
    }
}
