package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.survival.SurvivalAccumulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory limits: small configured limits, the messages that name them, and the defaults. */
class ReadLimitTest {
    @TempDir
    Path dir;

    private static ByteArrayInputStream bytes(CharSequence s) {
        return new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String regions(int n) {
        StringBuilder sb = new StringBuilder("nps,region\n");
        for (int i = 0; i < n; i++) {
            sb.append(i % 11).append(",r").append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void distinctSegmentsAreLimitedUnderEveryPolicy() {
        for (ErrorPolicy policy : ErrorPolicy.values()) {
            SurveyReader r = SurveyReader.builder().segmentBy("region").maxSegments(3).errors(policy).build();
            assertEquals(3, r.read(bytes(regions(3)), "in.csv", InputFormat.CSV).report().segments().size());
            BadInputException e = assertThrows(BadInputException.class,
                    () -> r.read(bytes(regions(4)), "in.csv", InputFormat.CSV));
            assertEquals("too many segments", e.error().reason());
            assertEquals("in.csv:5: more than 3 distinct segments (by region) (raise it with maxSegments(int))",
                    e.getMessage());
            assertEquals(ReadLimit.SEGMENTS, ReadLimit.of(e.error()).orElseThrow());
        }
    }

    @Test
    void aParallelReadChecksTheSegmentsOfAllParts() throws IOException {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, regions(4000));
        SurveyReader.Builder b = SurveyReader.builder().segmentBy("region").threads(4).minPartBytes(1000);
        assertEquals(4000, b.maxSegments(4000).build().read(f).report().segments().size());
        BadInputException e = assertThrows(BadInputException.class, () -> b.maxSegments(1500).build().read(f));
        assertEquals("too many segments", e.error().reason());
    }

    @Test
    void theDefaultStopsAMillionSegmentsLongBeforeMemoryDoes() {
        int over = ReadLimit.SEGMENTS.defaultValue() + 1;
        BadInputException e = assertThrows(BadInputException.class, () -> SurveyReader.builder()
                .segmentBy("region").build().read(bytes(regions(over)), "in.csv", InputFormat.CSV));
        assertEquals("in.csv:" + (over + 1) + ": more than 100,000 distinct segments (by region) (raise it with"
                + " maxSegments(int))", e.getMessage());
    }

    @Test
    void keysPerJsonObjectAreLimitedWithoutRememberingTheRest() {
        StringBuilder huge = new StringBuilder("{\"nps\":9");
        for (int i = 0; i < 400_000; i++) {
            huge.append(",\"k").append(i).append("\":1");
        }
        huge.append("}\n{\"nps\":7}\n");
        SurveyReadResult r = SurveyReader.builder().errors(ErrorPolicy.SKIP).build()
                .read(bytes("{\"nps\":8}\n" + huge), "in.ndjson", InputFormat.JSON);
        assertEquals(3, r.rows());
        assertEquals(2, r.accepted());
        RowError e = r.rejected().examples().get("too many columns").get(0);
        assertEquals(2, e.line());
        assertEquals("object has more than 10,000 keys (raise it with maxColumns(int))", e.message());
        BadInputException small = assertThrows(BadInputException.class, () -> SurveyReader.builder().maxColumns(2)
                .build().read(bytes("{\"nps\":9,\"a\":1}\n{\"nps\":9,\"a\":1,\"b\":2}\n"), "in.ndjson",
                        InputFormat.JSON));
        assertTrue(small.getMessage().startsWith("in.ndjson:2:"), small.getMessage());
        assertEquals("too many columns", small.error().reason());
    }

    @Test
    void fieldsPerCsvRowAreLimited() {
        SurveyReadResult r = SurveyReader.builder().maxColumns(3).errors(ErrorPolicy.SKIP).build()
                .read(bytes("nps,a,b\n9,1,2\n8,1,2,3,4\n7,1,2\n"), "in.csv", InputFormat.CSV);
        assertEquals(2, r.accepted());
        assertEquals("in.csv:3:4: row has more than 3 fields (raise it with maxColumns(int))",
                r.rejected().examples().get("too many columns").get(0).toString());
    }

    private static final String EVENTS = "customer,time,touchpoint,channel,converted\n"
            + "c1,2026-01-01T10:00:00Z,web,web,0\n" + "c1,2026-01-02T10:00:00Z,app,app,0\n"
            + "c2,2026-01-03T10:00:00Z,web,web,1\n" + "c2,2026-01-04T10:00:00Z,shop,web,1\n";

    @Test
    void distinctTouchpointsAreLimitedInEveryEventReader() {
        List<IntConsumer> reads = List.of(
            max -> JourneyEventReader.builder().maxTouchpoints(max).build()
                    .read(bytes(EVENTS), "ev.csv", InputFormat.CSV, e -> { }),
            max -> JourneyEventReader.builder().maxTouchpoints(max).build()
                    .readInto(bytes(EVENTS), "ev.csv", InputFormat.CSV, io.cxkit.journey.EventLog.builder()),
            max -> AttributionReader.builder().maxTouchpoints(max).build()
                    .readInto(bytes(EVENTS), "ev.csv", InputFormat.CSV, io.cxkit.journey.EventLog.builder()));
        for (IntConsumer read : reads) {
            read.accept(3);
            BadInputException e = assertThrows(BadInputException.class, () -> read.accept(2));
            assertEquals("ev.csv:5: more than 2 distinct touchpoints (raise it with maxTouchpoints(int))",
                    e.getMessage());
            assertEquals(ReadLimit.TOUCHPOINTS, ReadLimit.of(e.error()).orElseThrow());
        }
    }

    @Test
    void perRowLimitsReachEveryReaderThroughItsSourceOptions() {
        List<IntConsumer> reads = List.of(
            max -> JourneyEventReader.builder().maxColumns(max).build()
                    .read(bytes(EVENTS), "ev.csv", InputFormat.CSV, e -> { }),
            max -> JourneyEventReader.builder().maxColumns(max).build()
                    .readInto(bytes(EVENTS), "ev.csv", InputFormat.CSV, io.cxkit.journey.EventLog.builder()),
            max -> AttributionReader.builder().maxColumns(max).build()
                    .readInto(bytes(EVENTS), "ev.csv", InputFormat.CSV, io.cxkit.journey.EventLog.builder()),
            max -> TicketEventReader.builder().maxColumns(max).build()
                    .read(bytes(EVENTS), "ev.csv", InputFormat.CSV, e -> { }),
            max -> TicketRecordReader.builder().maxColumns(max).build()
                    .readWithAttributes(bytes(EVENTS), "ev.csv", InputFormat.CSV, (t, a) -> { }),
            max -> SurvivalReader.builder().time("time").event("converted").maxColumns(max).build()
                    .read(bytes(EVENTS), "ev.csv", InputFormat.CSV, SurvivalAccumulator.create()));
        for (IntConsumer read : reads) {
            BadInputException e = assertThrows(BadInputException.class, () -> read.accept(4));
            assertEquals(ReadLimit.COLUMNS, ReadLimit.of(e.error()).orElseThrow(), e.getMessage());
            assertTrue(e.getMessage().endsWith("(raise it with maxColumns(int))"), e.getMessage());
            try {
                read.accept(5);
            } catch (BadInputException other) {
                // a reader that cannot use these columns fails for that reason, not for the limit
                assertTrue(ReadLimit.of(other.error()).isEmpty(), other.getMessage());
            }
        }
    }

    @Test
    void limitsAreValidatedWhenSet() {
        assertEquals("maxSegments must be in [1, 100000000]: 0", assertThrows(IllegalArgumentException.class,
                () -> SurveyReader.builder().maxSegments(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SurveyReader.builder().maxColumns(0));
        assertThrows(IllegalArgumentException.class, () -> JourneyEventReader.builder().maxTouchpoints(0));
        assertThrows(IllegalArgumentException.class, () -> TicketEventReader.builder().maxColumns(-1));
        assertEquals("raise it with maxColumns(int)", ReadLimit.COLUMNS.hint());
    }
}
