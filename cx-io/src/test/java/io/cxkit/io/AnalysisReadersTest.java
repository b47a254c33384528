package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.EventLog;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SurvivalReader} and {@link AttributionReader}. */
class AnalysisReadersTest {
    @TempDir
    Path dir;

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void survivalWithEventValueAndGroups() {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        ReadSummary s = SurvivalReader.builder().time("Time").event("status = 2").by("sex").build()
                .read(bytes("time,status,sex\n306,2,1\n455,2,1\n1010,1,\n210,2,2\n"), "lung", InputFormat.CSV, acc);
        assertEquals(4, s.accepted());
        SurvivalResult r = acc.result();
        assertEquals(3, r.overall().events());
        assertEquals(List.of("(none)", "1", "2"), List.copyOf(r.groups().keySet()));
        assertEquals("time", s.columns().get("time"));
        assertEquals("sex", s.columns().get("by"));
    }

    @Test
    void survivalCodingsAndRejections() {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        ReadSummary s = SurvivalReader.builder().time("t").event("e").errors(ErrorPolicy.SKIP)
                .build().read(bytes("t,e\n1,TRUE\n2,false\n3,0\n4,1\n-1,1\nNaN,0\n5,yes\n6\n,1\n"), "x",
                        InputFormat.CSV, acc);
        assertEquals(9, s.rows());
        assertEquals(4, s.accepted());
        assertEquals(5, s.rejected().total());
        assertEquals(3, s.rejected().counts().get("bad time"));
        assertEquals(1, s.rejected().counts().get("bad event"));
        assertEquals(2, acc.result().overall().events());
    }

    @Test
    void survivalFileProblems() throws IOException {
        SurvivalReader r = SurvivalReader.builder().time("t").event("e").build();
        BadInputException none = assertThrows(BadInputException.class,
                () -> r.read(dir.resolve("none.csv"), SurvivalAccumulator.create()));
        assertEquals(dir.resolve("none.csv") + ": no such file", none.getMessage());
        Path empty = Files.writeString(dir.resolve("h.csv"), "t,e\n");
        BadInputException rows = assertThrows(BadInputException.class, () -> r.read(empty,
                SurvivalAccumulator.create()));
        assertTrue(rows.getMessage().endsWith("the file has a header but no data rows"), rows.getMessage());
        Path json = Files.writeString(dir.resolve("s.ndjson"), "{\"t\":3,\"e\":1}\n{\"e\":0,\"t\":4}\n");
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        assertEquals(2, r.read(json, acc).accepted());
        assertThrows(IllegalArgumentException.class, () -> SurvivalReader.builder().time("t").build());
        assertThrows(IllegalArgumentException.class, () -> SurvivalReader.builder().time(" "));
        assertThrows(IllegalArgumentException.class, () -> SurvivalReader.builder().time("t").event("=2").build());
        assertEquals(java.util.Optional.of("2"), SurvivalReader.builder().time("t").event("s=2").format(InputFormat.CSV).build().eventValue());
        assertEquals("s", SurvivalReader.builder().time("t").event("s").by(null).build().eventColumn());
    }

    /** The attribution journeys of a read: the log's journeys under {@link AttributionReader#JOURNEYS}. */
    private static List<AttributionJourney> journeys(EventLog.Builder b) {
        try (EventLog log = b.build()) {
            return log.journeys(AttributionReader.JOURNEYS).stream()
                    .map(j -> AttributionJourney.of(j, AttributionReader.CONVERSIONS)).toList();
        }
    }

    @Test
    void journeysSplitAtEachConversionInTimeOrder() {
        EventLog.Builder b = EventLog.builder();
        ReadSummary s = AttributionReader.builder().build().readInto(bytes(
                "user_id,timestamp,touchpoint,converted,value\n"
                + "u1,2026-03-02T00:00:00Z,b,0,\n"
                + "u1,2026-03-01T00:00:00Z,a,0,\n"
                + "u1,2026-03-03T00:00:00Z,c,1,10.5\n"
                + "u1,2026-03-03T00:00:00Z,d,0,0\n"
                + "u1,2026-03-04T00:00:00Z,e,1,\n"
                + "u0,2026-03-04T00:00:00Z,x,,\n"), "j", InputFormat.CSV, b);
        List<AttributionJourney> out = journeys(b);
        assertEquals(3, out.size());
        assertEquals(List.of("x"), out.get(0).touchpoints());
        assertTrue(!out.get(0).converted());
        assertEquals(List.of("a", "b", "c"), out.get(1).touchpoints());
        assertEquals(10.5, out.get(1).value());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), out.get(1).times().get(0));
        assertEquals(List.of("d", "e"), out.get(2).touchpoints());
        assertEquals(0, out.get(2).value());
        assertEquals(6, s.accepted());
        assertEquals("user_id", s.columns().get("customer"));
    }

    @Test
    void journeysFromNdjsonWithConvertedValueAndNoValueColumn() {
        EventLog.Builder b = EventLog.builder();
        ReadSummary s = AttributionReader.builder().customer("cid").time("ts").touchpoint("tp")
                .converted("outcome=renewed").zone(java.time.ZoneId.of("Europe/Berlin")).format(InputFormat.JSON)
                .build().readInto(bytes("{\"cid\":\"c\",\"ts\":\"2026-03-01 10:00:00\",\"tp\":\"ad\",\"outcome\":null}\n"
                        + "{\"cid\":\"c\",\"ts\":\"2026-03-02 10:00:00.25\",\"tp\":\"renewal\",\"outcome\":\"renewed\"}\n"),
                        "j", InputFormat.JSON, b);
        List<AttributionJourney> out = journeys(b);
        assertEquals(1, out.size());
        assertTrue(out.get(0).converted());
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), out.get(0).times().get(0));
        assertEquals(Instant.parse("2026-03-02T09:00:00.250Z"), out.get(0).times().get(1), "to the fraction");
        assertEquals(4, s.columns().size());
    }

    @Test
    void convertedValueThatMatchesNoRowIsBadInputNamingTheValuesSeen() {
        BadInputException e = assertThrows(BadInputException.class, () -> AttributionReader.builder()
                .converted("outcome=renewed").build().readInto(bytes("customer,time,touchpoint,outcome\n"
                        + "c,2026-03-01,ad,Renewed\nc,2026-03-02,web,\n"), "j", InputFormat.CSV, EventLog.builder()));
        assertTrue(e.getMessage().contains("converted 'outcome=renewed' matches no row; values of 'outcome' seen:"
                + " '', 'Renewed'"), e.getMessage());
    }

    @Test
    void journeyRowsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("j.csv"), "customer,time,touchpoint,converted,value\n"
                + "a,2026-03-01,web,maybe,\n"
                + "a,2026-03-01,,0,\n"
                + "a,2026-03-01,web,1,abc\n"
                + "a,2026-03-01,web,1,Infinity\n"
                + "a,2026-03-01,web,1\n"
                + "a,2026-03-01,web,1,3\n"
                + "a,2300-01-01,web,0,\n");
        EventLog.Builder b = EventLog.builder();
        ReadSummary s = AttributionReader.builder().errors(ErrorPolicy.SKIP).build().readInto(f, b);
        assertEquals(7, s.rows());
        assertEquals(1, s.accepted());
        assertEquals(List.of("bad converted", "empty touchpoint", "bad value", "ragged row", "time out of range"),
                List.copyOf(s.rejected().counts().keySet()));
        assertEquals(2, s.rejected().counts().get("bad value"));
        List<AttributionJourney> out = journeys(b);
        assertEquals(1, out.size());
        assertEquals(3.0, out.get(0).value());
        assertThrows(BadInputException.class, () -> AttributionReader.builder().build()
                .readInto(dir.resolve("nope.csv"), EventLog.builder()));
        assertThrows(IllegalArgumentException.class, () -> AttributionReader.builder().converted("x=").build());
        assertThrows(IllegalArgumentException.class, () -> AttributionReader.builder().value(""));
    }
}
