package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.Interaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractionReaderTest {
    private static final String CSV = "interaction_id,customer_id,timestamp,stage,touchpoint,channel,duration_s,outcome\n"
            + "i1,c1,2026-03-02T10:15:00Z,purchase,checkout_web,web,95,completed\n"
            + "i2,c1,2026-03-02T11:00:00+01:00,support,support_phone,phone,,\n";

    private static List<Interaction> read(String text, InputFormat f, InteractionReader.Builder b,
            List<InteractionReader.ReadSummary> out) {
        List<Interaction> l = new ArrayList<>();
        out.add(b.build().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "ev", f, l::add));
        return l;
    }

    @Test
    void readsTheGeneratorsColumnsByName() {
        List<InteractionReader.ReadSummary> s = new ArrayList<>();
        List<Interaction> l = read(CSV, InputFormat.CSV, InteractionReader.builder().attributes("stage"), s);
        assertEquals(2, l.size());
        Interaction a = l.get(0);
        assertEquals("c1", a.customerId());
        assertEquals("checkout_web", a.touchpointId());
        assertEquals(Channel.WEB, a.channel());
        assertEquals(Instant.parse("2026-03-02T10:15:00Z"), a.timestamp());
        assertEquals(Duration.ofSeconds(95), a.duration().orElseThrow());
        assertEquals("completed", a.outcome().orElseThrow());
        assertEquals(Map.of("stage", "purchase"), a.attributes());
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), l.get(1).timestamp());
        assertTrue(l.get(1).duration().isEmpty() && l.get(1).outcome().isEmpty());
        assertEquals(2, s.get(0).accepted());
        assertEquals("duration_s", s.get(0).columns().get("duration"));
    }

    @Test
    void ndjsonWithMillisecondsAndExplicitColumns() {
        String nd = "{\"user\":\"u9\",\"what\":\"app_open\",\"medium\":\"mobile_app\",\"ts\":1772446500000,"
                + "\"duration_ms\":1500}\n";
        List<InteractionReader.ReadSummary> s = new ArrayList<>();
        List<Interaction> l = read(nd, InputFormat.JSON, InteractionReader.builder()
                .column(InteractionReader.Field.CUSTOMER, "user").column(InteractionReader.Field.TOUCHPOINT, "what")
                .column(InteractionReader.Field.TIME, "ts"), s);
        assertEquals(Duration.ofMillis(1500), l.get(0).duration().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1772446500L), l.get(0).timestamp());
    }

    @Test
    void badRowsFailOrAreSkipped() {
        String bad = CSV + "i3,,2026-03-02,x,tp,web,1,ok\ni4,c2,later,x,tp,web,1,ok\ni5,c2,2026-03-02,x,tp,web,-1,ok\n";
        BadInputException e = assertThrows(BadInputException.class,
                () -> read(bad, InputFormat.CSV, InteractionReader.builder(), new ArrayList<>()));
        assertEquals("ev:4:2: column 'customer_id' value '': customer id is empty", e.getMessage());
        List<InteractionReader.ReadSummary> s = new ArrayList<>();
        List<Interaction> l = read(bad, InputFormat.CSV, InteractionReader.builder().errors(ErrorPolicy.SKIP), s);
        assertEquals(2, l.size());
        assertEquals(5, s.get(0).rows());
        assertEquals(3, s.get(0).rejected().total());
        assertEquals(Map.of("empty customer id", 1L, "unparseable time", 1L, "bad duration", 1L),
                s.get(0).rejected().counts());
    }

    @Test
    void fileProblems() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> read("customer_id,channel\nc,web\n", InputFormat.CSV, InteractionReader.builder(),
                        new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("ev:1: required column for the interaction touchpoint is not in the header"),
                e.getMessage());
        assertEquals("ev: the file has a header but no data rows", assertThrows(BadInputException.class,
                () -> read(CSV.lines().findFirst().get() + "\n", InputFormat.CSV, InteractionReader.builder(),
                        new ArrayList<>())).getMessage());
        assertEquals("target/none.csv: no such file", assertThrows(BadInputException.class,
                () -> InteractionReader.builder().build().read(Path.of("target/none.csv"), x -> { })).getMessage());
    }
}
