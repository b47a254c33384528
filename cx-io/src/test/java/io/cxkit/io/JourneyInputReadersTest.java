package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.JourneyStage;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.service.BusinessCalendar;
import io.cxkit.journey.service.TicketEvent;
import io.cxkit.journey.service.TicketEventType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journey-input readers: interaction events, ticket events, driver columns, calendar files. */
class JourneyInputReadersTest {
    @TempDir
    Path dir;

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---- JourneyEventReader ----

    static final String EVENTS = "interaction_id,customer_id,timestamp,stage,touchpoint,channel,duration_s,outcome,"
            + "amount,case_id,region\n"
            + "i1,c1,2026-03-02T10:15:00Z,Purchase,checkout_web,Web,95,completed,49.5,k1,eu\n"
            + "i2,c1,2026-03-02 10:00:00,,product_page,web,,,,,\n";

    @Test
    void readsJourneyEventsWithAllFields() {
        List<JourneyEvent> l = new ArrayList<>();
        List<Map<String, String>> attrs = new ArrayList<>();
        ReadSummary s = JourneyEventReader.builder().attributes("region")
                .zone(ZoneId.of("Europe/Berlin")).build()
                .readWithAttributes(in(EVENTS), "e.csv", InputFormat.CSV, (e, a) -> {
                    l.add(e);
                    attrs.add(a);
                });
        assertEquals(2, s.accepted());
        JourneyEvent a = l.get(0);
        assertEquals("c1", a.customerId());
        assertEquals(Instant.parse("2026-03-02T10:15:00Z"), a.time());
        assertEquals("checkout_web", a.touchpoint());
        assertEquals(Channel.WEB, a.channel());
        assertEquals(JourneyStage.PURCHASE, a.stage().orElseThrow());
        assertEquals("completed", a.outcome().orElseThrow());
        assertEquals(49.5, a.value().getAsDouble());
        assertEquals("k1", a.caseId().orElseThrow());
        assertEquals(Map.of("region", "eu"), attrs.get(0));
        assertEquals(Map.of("region", ""), attrs.get(1));
        JourneyEvent b = l.get(1);
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), b.time());   // Berlin, no offset
        assertTrue(b.stage().isEmpty() && b.outcome().isEmpty() && b.value().isEmpty() && b.caseId().isEmpty());
        assertEquals("amount", s.columns().get("value"));
        assertEquals("region", s.columns().get("attribute:region"));
    }

    @Test
    void journeyEventsFromFilesNdjsonAndExplicitColumns() throws IOException {
        Path f = Files.writeString(dir.resolve("e.ndjson"),
                "{\"who\":\"u1\",\"at\":1772446500,\"page\":\"home\",\"via\":\"web\"}\n"
                + "{\"who\":\"u1\",\"at\":1772446560,\"page\":\"cart\",\"via\":\"web\",\"sess\":\"s9\"}\n");
        List<JourneyEvent> l = new ArrayList<>();
        ReadSummary s = JourneyEventReader.builder()
                .column(JourneyEventReader.Field.CUSTOMER, "who")
                .columns("time=at, touchpoint=page,channel=via,case=sess").build().read(f, l::add);
        assertEquals(2, s.rows());
        assertEquals("s9", l.get(1).caseId().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1772446500L), l.get(0).time());
        assertEquals(List.of("customerid", "customer", "userid", "clientid", "accountid"),
                JourneyEventReader.Field.CUSTOMER.knownNames());
        BadInputException none = assertThrows(BadInputException.class,
                () -> JourneyEventReader.builder().build().read(dir.resolve("none.csv"), l::add));
        assertEquals("no such file", none.error().reason());
    }

    @Test
    void journeyEventBadRowsFailOrAreCounted() {
        String bad = "customer_id,timestamp,touchpoint,channel,stage,value\n"
                + "c1,2026-03-02T10:15:00Z,home,web,,\n"
                + ",2026-03-02T10:15:00Z,home,web,,\n"
                + "c1,noon,home,web,,\n"
                + "c1,2026-03-02T10:15:00Z,,web,,\n"
                + "c1,2026-03-02T10:15:00Z,home,web,wonder,\n"
                + "c1,2026-03-02T10:15:00Z,home,web,,lots\n"
                + "c1,2026-03-02T10:15:00Z,home,web,,NaN\n"
                + "c1,2026-03-02T10:15:00Z,home\n";
        BadInputException e = assertThrows(BadInputException.class, () -> JourneyEventReader.builder().build()
                .read(in(bad), "b.csv", InputFormat.CSV, x -> { }));
        assertEquals("b.csv:3:1: column 'customer_id' value '': customer id is empty", e.getMessage());
        List<JourneyEvent> l = new ArrayList<>();
        ReadSummary s = JourneyEventReader.builder().errors(ErrorPolicy.SKIP).build()
                .read(in(bad), "b.csv", InputFormat.CSV, l::add);
        assertEquals(1, l.size());
        assertEquals(7, s.rejected().total());
        assertEquals(Map.of("empty customer id", 1L, "unparseable time", 1L, "empty touchpoint", 1L,
                "unknown stage", 1L, "bad value", 2L, "ragged row", 1L).keySet().size(), s.rejected().counts().size(),
                s.rejected().toString());
        assertEquals(2L, s.rejected().counts().get("bad value"));
        assertEquals("b.csv:6:5", s.rejected().examples().get("unknown stage").get(0).position());
    }

    @Test
    void journeyEventFileProblemsAlwaysFail() {
        BadInputException missing = assertThrows(BadInputException.class, () -> JourneyEventReader.builder()
                .errors(ErrorPolicy.SKIP).build().read(in("customer_id,timestamp,touchpoint\nc,1,x\n"), "m.csv",
                        InputFormat.CSV, x -> { }));
        assertTrue(missing.getMessage().startsWith("m.csv:1: required column for the interaction event channel"),
                missing.getMessage());
        BadInputException explicit = assertThrows(BadInputException.class, () -> JourneyEventReader.builder()
                .column(JourneyEventReader.Field.CHANNEL, "medium_x").build()
                .read(in(EVENTS), "m.csv", InputFormat.CSV, x -> { }));
        assertTrue(explicit.getMessage().contains("'medium_x'"), explicit.getMessage());
        BadInputException attr = assertThrows(BadInputException.class, () -> JourneyEventReader.builder()
                .attributes("nothere").build().read(in(EVENTS), "m.csv", InputFormat.CSV, x -> { }));
        assertTrue(attr.getMessage().contains("'nothere'"), attr.getMessage());
        BadInputException empty = assertThrows(BadInputException.class, () -> JourneyEventReader.builder().build()
                .read(in("customer_id,timestamp,touchpoint,channel\n"), "e.csv", InputFormat.CSV, x -> { }));
        assertEquals("no data rows", empty.error().reason());
        assertThrows(IllegalArgumentException.class, () -> JourneyEventReader.builder().columns("who"));
        assertThrows(IllegalArgumentException.class, () -> JourneyEventReader.builder().columns("colour=c"));
        assertThrows(IllegalArgumentException.class, () -> JourneyEventReader.builder()
                .column(JourneyEventReader.Field.TIME, " "));
        assertEquals("customer", JourneyEventReader.Field.CUSTOMER.key());
    }

    // ---- TicketEventReader ----

    static final String TICKETS = "ticket_id,customer_id,timestamp,event_type,author,channel,team\n"
            + "t1,a,2026-03-02T09:00:00Z,created,customer,email,desk\n"
            + "t1,a,2026-03-02T09:10:00Z,agent-reply,BOT,,\n"
            + "t1,a,2026-03-02T09:30:00Z,Agent Reply,agent,email,desk\n"
            + "t1,a,2026-03-02T10:00:00Z,customer_reply,,email,desk\n"
            + "t1,a,2026-03-02T11:00:00Z,SOLVED,agent,email,desk\n"
            + "t1,a,2026-03-02T12:00:00Z,reopened,customer,email,desk\n";

    @Test
    void readsTicketEvents() throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), TICKETS);
        List<TicketEvent> l = new ArrayList<>();
        ReadSummary s = TicketEventReader.builder().build().read(f, l::add);
        assertEquals(6, s.accepted());
        assertEquals(List.of(TicketEventType.CREATED, TicketEventType.AGENT_REPLY, TicketEventType.AGENT_REPLY,
                TicketEventType.CUSTOMER_REPLY, TicketEventType.SOLVED, TicketEventType.REOPENED),
                l.stream().map(TicketEvent::type).toList());
        assertTrue(l.get(1).bot() && !l.get(2).bot());
        assertTrue(l.get(1).channel().isEmpty() && l.get(1).team().isEmpty());
        assertEquals(Channel.EMAIL, l.get(0).channel().orElseThrow());
        assertEquals("desk", l.get(0).team().orElseThrow());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), l.get(0).time());
        assertEquals("event_type", s.columns().get("type"));
        assertTrue(TicketEventReader.type("closed").isEmpty());
        assertEquals("ticket", TicketEventReader.Field.TICKET.key());
        assertFalse(TicketEventReader.Field.TEAM.knownNames().isEmpty());
    }

    @Test
    void ticketEventBadRowsAndColumns() {
        String bad = "id,who,at,action,actor\n"
                + "t1,a,2026-03-02T09:00:00Z,created,\n"
                + "t1,a,2026-03-02T09:10:00Z,closed,agent\n"
                + "t1,a,2026-03-02T09:10:00Z,solved,robot\n"
                + "t1,a,later,solved,agent\n"
                + ",a,2026-03-02T09:10:00Z,solved,agent\n";
        TicketEventReader.Builder b = TicketEventReader.builder().columns("ticket=id,customer=who,time=at")
                .column(TicketEventReader.Field.TYPE, "action").column(TicketEventReader.Field.AUTHOR, "actor")
                .zone(ZoneId.of("UTC")).format(InputFormat.CSV);
        BadInputException e = assertThrows(BadInputException.class, () -> b.build()
                .read(in(bad), "t.csv", InputFormat.CSV, x -> { }));
        assertEquals("t.csv:3:4: column 'action' value 'closed': event type must be one of created, agent_reply,"
                + " customer_reply, solved, reopened", e.getMessage());
        List<TicketEvent> l = new ArrayList<>();
        ReadSummary s = b.errors(ErrorPolicy.SKIP).build().read(in(bad), "t.csv",
                InputFormat.CSV, l::add);
        assertEquals(1, l.size());
        assertEquals(4, s.rejected().total());
        assertEquals(List.of("unknown event type", "unknown author", "unparseable time", "empty ticket id"),
                new ArrayList<>(s.rejected().counts().keySet()));
        BadInputException missing = assertThrows(BadInputException.class, () -> TicketEventReader.builder().build()
                .read(in("ticket_id,customer_id,timestamp\nt,a,1\n"), "m.csv", InputFormat.CSV, x -> { }));
        assertTrue(missing.getMessage().contains("ticket event type"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TicketEventReader.builder().columns("kind=x"));
        assertThrows(IllegalArgumentException.class, () -> TicketEventReader.builder()
                .column(TicketEventReader.Field.TEAM, ""));
    }

    // ---- DriverReader ----

    @Test
    void readsDriverColumnsWithMissingValuesAsNaN() throws IOException {
        Path f = Files.writeString(dir.resolve("d.csv"), "Overall,Ease,Speed\n5,4,3\n4,,2\n3, 2 ,1\n");
        List<double[]> rows = new ArrayList<>();
        ReadSummary s = DriverReader.of("overall", List.of("ease", "speed"))
                .read(f, (y, x) -> rows.add(new double[] {y, x[0], x[1]}));
        assertEquals(3, s.accepted());
        assertEquals(5, rows.get(0)[0]);
        assertTrue(Double.isNaN(rows.get(1)[1]));
        assertEquals(2, rows.get(2)[1]);
        String bad = "overall,ease\n5,4\n5,good\n5,Infinity\n";
        BadInputException e = assertThrows(BadInputException.class, () -> DriverReader.of("overall",
                List.of("ease")).format(InputFormat.CSV).read(in(bad), "d.csv", InputFormat.CSV, (y, x) -> { }));
        assertEquals("d.csv:3:2: column 'ease' value 'good': value must be a finite number or empty (missing)",
                e.getMessage());
        ReadSummary skip = DriverReader.of("overall", List.of("ease")).errors(ErrorPolicy.SKIP)
                .read(in(bad), "d.csv", InputFormat.CSV, (y, x) -> { });
        assertEquals(2, skip.rejected().total());
        BadInputException missing = assertThrows(BadInputException.class, () -> DriverReader.of("overall",
                List.of("price")).read(f, (y, x) -> { }));
        assertTrue(missing.getMessage().contains("'price'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DriverReader.of(" ", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> DriverReader.of("y", List.of()));
        assertThrows(IllegalArgumentException.class, () -> DriverReader.of("y", List.of("a", "A")));
        assertThrows(IllegalArgumentException.class, () -> DriverReader.of("y", List.of("y")));
        assertThrows(IllegalArgumentException.class, () -> DriverReader.of("y", java.util.Arrays.asList("a", null)));
    }

    @Test
    void driverReaderBuilderTakesTheSharedReadingOptions() throws IOException {
        String text = "Overall;Qualit\u00e9;Speed\n5;4;3\n4;;2\n3;x;1\n";
        List<double[]> rows = new ArrayList<>();
        ReadSummary s = DriverReader.builder().outcome("overall").drivers(List.of("qualit\u00e9",
                "speed")).charset(java.nio.charset.Charset.forName("windows-1252")).delimiter(';')
                .errors(ErrorPolicy.SKIP).format(InputFormat.CSV).build()
                .read(new ByteArrayInputStream(text.getBytes(java.nio.charset.Charset.forName("windows-1252"))),
                        "d.csv", InputFormat.CSV, (y, x) -> rows.add(new double[] {y, x[0], x[1]}));
        assertEquals(2, s.accepted());
        assertEquals(1, s.rejected().total());
        assertEquals(4, rows.get(0)[1]);
        assertTrue(Double.isNaN(rows.get(1)[1]));
        // The same bytes as UTF-8 do not hold the column name: a missing column, not a silent match.
        assertThrows(BadInputException.class, () -> DriverReader.builder().outcome("overall")
                .drivers(List.of("qualit\u00e9")).build().read(new ByteArrayInputStream(text.getBytes(
                        java.nio.charset.Charset.forName("windows-1252"))), "d.csv", InputFormat.CSV, (y, x) -> { }));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DriverReader.builder().outcome("y").build());
        assertTrue(none.getMessage().contains("outcome and driver columns"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DriverReader.builder().drivers(List.of("a")).build());
    }

    // ---- CalendarFile ----

    @Test
    void readsACalendarFile() throws IOException {
        Path f = Files.writeString(dir.resolve("desk.cal"), "# support desk\n"
                + "weekdays = 09:00-17:00   # Mon-Fri\n"
                + "\n"
                + "ZONE = Europe/Berlin\n"
                + "saturday = 10:00-14:00\n"
                + "fri = 09:00-24:00\n"
                + "holiday = 2026-12-25, 2026-12-26\n"
                + "holidays = 2027-01-01\n"
                + "from = 2026-07-01\n"
                + "sat = closed\n");
        BusinessCalendar c = CalendarFile.read(f);
        assertEquals(ZoneId.of("Europe/Berlin"), c.zone());
        // Monday 2 March 2026, 08:00 to 18:00 UTC = 09:00 to 19:00 Berlin: 8 working hours.
        assertEquals(Duration.ofHours(8), c.between(Instant.parse("2026-03-02T08:00:00Z"),
                Instant.parse("2026-03-02T18:00:00Z")));
        // Saturday 7 March: 4 h; Saturday 4 July (new schedule): closed.
        assertEquals(Duration.ofHours(4), c.between(Instant.parse("2026-03-07T00:00:00Z"),
                Instant.parse("2026-03-08T00:00:00Z")));
        assertEquals(Duration.ZERO, c.between(Instant.parse("2026-07-04T00:00:00Z"),
                Instant.parse("2026-07-05T00:00:00Z")));
        assertFalse(c.isWorkingDay(java.time.LocalDate.of(2026, 12, 25)));
        assertFalse(c.isWorkingDay(java.time.LocalDate.of(2027, 1, 1)));
        // Friday until midnight: 15 h.
        assertEquals(Duration.ofHours(15), c.between(Instant.parse("2026-03-05T23:00:00Z"),
                Instant.parse("2026-03-06T23:00:00Z")));
    }

    @Test
    void calendarErrorsNameFileLineKeyAndValue() throws IOException {
        String[][] cases = {
            {"zone = UTC\nweekdays = 9-17\n", "c.cal:2: column 'weekdays' value '9-17': time must be HH:MM"},
            {"zone = UTC\nweekdays 09:00-17:00\n", "c.cal:2: value 'weekdays 09:00-17:00': calendar lines must be"
                + " key = value"},
            {"zone = Mars/Olympus\n", "c.cal:1: column 'zone' value 'Mars/Olympus': zone must be a time-zone id"},
            {"zone = UTC\nzone = UTC\n", "c.cal:2: column 'zone' value 'UTC': zone is given twice (first on line 1)"},
            {"weekdays = 09:00-17:00\n", "c.cal: the calendar has no 'zone = ...' line"},
            {"zone = UTC\nmon = 17:00-09:00\n", "c.cal:2: column 'mon' value '17:00-09:00': working hours end must"
                + " be after start"},
            {"zone = UTC\nholiday = 25.12.2026\n", "c.cal:2: column 'holiday' value '25.12.2026': date must be"
                + " YYYY-MM-DD"},
            {"zone = UTC\nlunch = 12:00-13:00\n", "c.cal:2: column 'lunch' value '12:00-13:00': unknown key"},
            {"zone = UTC\nmonkey = 12:00-13:00\n", "c.cal:2: column 'monkey' value '12:00-13:00': unknown key"},
            {"zone = UTC\ntue = 0900\n", "c.cal:2: column 'tue' value '0900': hours must be HH:MM-HH:MM or closed"},
            {"zone = UTC\nfrom = 2026-07-01\nfrom = 2026-06-01\n", "c.cal:3: column 'from' value '2026-06-01':"
                + " schedule change date must be after"},
            {"zone = UTC\nsun = closed\n", "c.cal: business calendar must have working hours: every day of every"
                + " schedule is closed"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("c.cal"), c[0]);
            BadInputException e = assertThrows(BadInputException.class, () -> CalendarFile.read(f), c[0]);
            assertTrue(e.getMessage().startsWith(dir.resolve(c[1]).toString()), e.getMessage() + " <> " + c[1]);
        }
        BadInputException none = assertThrows(BadInputException.class,
                () -> CalendarFile.read(dir.resolve("none.cal")));
        assertEquals("no such file", none.error().reason());
        Path latin = dir.resolve("latin.cal");
        Files.write(latin, new byte[] {'z', 'o', 'n', 'e', '=', (byte) 0xE9, '\n'});
        assertEquals("bad encoding", assertThrows(BadInputException.class, () -> CalendarFile.read(latin)).error()
                .reason());
    }
}
