package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.journey.service.FirstContactRule;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.TicketRecord;
import io.cxkit.journey.service.TicketRecordAccumulator;
import io.cxkit.journey.service.TicketRecordResult;
import io.cxkit.journey.service.TicketSatisfaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TicketRecordReader: Zendesk's ticket export (BOM, CRLF, quoted commas and newlines), tickets.csv, bad input. */
class TicketRecordReaderTest {
    @TempDir
    Path dir;

    static final String ZENDESK_HEADER = "Summation column,Id,Requester,Requester id,Assignee,Group,Subject,Tags,"
            + "Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,Resolution time,Satisfaction Score,"
            + "Group stations,Assignee stations,Reopens,Replies,First reply time in minutes,"
            + "First reply time in minutes within business hours,First resolution time in minutes,"
            + "First resolution time in minutes within business hours,Full resolution time in minutes,"
            + "Full resolution time in minutes within business hours,Agent wait time in minutes,"
            + "Requester wait time in minutes,Requester wait time in minutes within business hours";

    /** A Zendesk export as the help desk writes it: UTF-8 BOM, CRLF, quoted commas, quotes and newlines. */
    static byte[] zendesk(String... rows) {
        StringBuilder sb = new StringBuilder(ZENDESK_HEADER).append("\r\n");
        for (String r : rows) {
            sb.append(r).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static final String T1 = "1,101,Ana,9101,Ann Lee,Billing,\"Refund, please\",\"refund,billing\",Solved,Normal,Mail,"
            + "Question,2026-03-02 09:00:00,2026-03-02 11:00:00,2026-03-02 11:00:00,2,Good,1,1,0,1,30,30,120,90,120,90,0,"
            + "60,45";
    static final String T2 = "1,102,\"Bo \"\"B\"\" Park\",9102,,Tech,\"Login fails\r\nafter update\",login,Open,High,"
            + "Web form,Problem,2026-03-03 08:00:00,2026-03-03 09:00:00,,,Offered,1,1,1,2,15,15,600,300,,,0,30,30";
    static final String T3 = "1,103,Cy,9103,Ann Lee,Billing,Thanks,,Closed,Normal,Chat,Question,2026-03-04 10:00:00,"
            + "2026-03-04 10:10:00,2026-03-04 10:10:00,0,Not Offered,1,1,0,0,,,10,10,10,10,0,5,5";

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path file(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAZendeskExport() throws IOException {
        Path f = file("export-2026-03.csv", zendesk(T1, T2, T3));
        assertTrue(TicketRecordReader.isTicketExport(f, null));
        TicketRecordReader reader = TicketRecordReader.builder().zone(ZoneId.of("Europe/Berlin")).attributes("Assignee",
                "Via").build();
        List<TicketRecord> l = new ArrayList<>();
        List<Map<String, String>> attrs = new ArrayList<>();
        ReadSummary s = reader.readWithAttributes(f, (t, a) -> {
            l.add(t);
            attrs.add(a);
        });
        assertEquals(3, s.rows());
        assertEquals(3, s.accepted());
        assertEquals("First reply time in minutes", s.columns().get("first_reply"));
        assertEquals("Full resolution time in minutes within business hours",
                s.columns().get("full_resolution_business"));
        TicketRecord a = l.get(0);
        assertEquals("101", a.ticketId());
        assertTrue(a.solved());
        assertEquals(Optional.of(Instant.parse("2026-03-02T08:00:00Z")), a.created());
        assertEquals(Optional.of(Channel.of("Mail")), a.channel());
        assertEquals(Optional.of("Billing"), a.team());
        assertEquals(1800, a.elapsed().firstReplySeconds(), 0);
        assertEquals(7200, a.elapsed().fullResolutionSeconds(), 0);
        assertEquals(5400, a.businessHours().fullResolutionSeconds(), 0);
        assertEquals(2700, a.businessHours().requesterWaitSeconds(), 0);
        assertEquals(0, a.reopens());
        assertEquals(1, a.replies());
        assertEquals(-1, a.contacts());
        assertEquals(TicketSatisfaction.GOOD, a.satisfaction());
        assertEquals(Map.of("Assignee", "Ann Lee", "Via", "Mail"), attrs.get(0));
        TicketRecord b = l.get(1);
        assertFalse(b.solved());
        assertEquals(1, b.reopens());
        assertTrue(Double.isNaN(b.elapsed().requesterWaitSeconds()) == false);
        assertEquals(TicketSatisfaction.OFFERED, b.satisfaction());
        assertEquals("", attrs.get(1).get("Assignee"));
        TicketRecord c = l.get(2);
        assertTrue(c.solved());
        assertTrue(Double.isNaN(c.elapsed().firstReplySeconds()));
        assertEquals(TicketSatisfaction.UNOFFERED, c.satisfaction());

        TicketRecordReader.TicketColumns cols = reader.describe(f);
        assertEquals("'Status' is solved or closed", cols.solvedRule());
        assertEquals(Optional.of(FirstContactRule.ZERO_REOPENS), cols.firstContactRule());
        assertEquals("minutes", cols.units().get("requester_wait_business"));
        assertEquals(6, cols.units().size());
        assertTrue(cols.header().contains("Summation column"));
    }

    /** The example of docs/service-exports.md ("From code"), run on a Zendesk export. */
    @Test
    void docsExampleRuns() throws IOException {
        Path file = file("export-2026-03.csv", zendesk(T1, T2, T3));
        ServiceMetrics metrics = ServiceMetrics.builder()
                .firstResponseTarget(Duration.ofHours(1)).resolutionTarget(Duration.ofHours(8)).build();
        TicketRecordReader reader = TicketRecordReader.builder().zone(ZoneId.of("Europe/Berlin"))
                .errors(ErrorPolicy.SKIP).build();
        FirstContactRule rule = reader.describe(file).firstContactRule().orElse(FirstContactRule.ZERO_REOPENS);
        TicketRecordAccumulator all = metrics.recordAccumulator(rule);
        SegmentedAccumulator<TicketRecordAccumulator, TicketRecordResult> byGroup =
                SegmentedAccumulator.of(metrics.recordAccumulator(rule));
        ReadSummary read = reader.read(file, t -> {
            all.accept(t);
            byGroup.segment(TicketRecord.byTeam().apply(t)).accept(t);
        });
        TicketRecordResult r = all.result();
        assertEquals(3, read.accepted());
        assertEquals(2, r.solved());
        assertEquals(1.0, r.elapsed().firstResponseSla().estimate(), 1e-12); // 30 and 15 min within 1 h
        // business resolutions of the solved 101 (90 min) and 103 (10 min); the open 102's 300 min is left out
        assertEquals(2, r.businessHours().resolutionSla().n());
        assertEquals(1.0, r.businessHours().resolutionSla().estimate(), 0);
        assertEquals(5400, r.businessHours().resolution().max(), 0);
        assertEquals(1.0, r.elapsed().firstContactResolution().estimate(), 0);
        assertEquals(2, byGroup.result().asMap().get(SegmentKey.of("Billing")).tickets());
    }

    @Test
    void readsTheGeneratedTicketsCsv() throws IOException {
        Path f = file("tickets.csv", "ticket_id,customer_id,opened_at,channel,first_response_min,resolution_hours,"
                + "contacts,channel_switches\n"
                + "t1,c0000004,2026-11-26T11:30:15Z,chat,1.2,3.6,1,0\n"
                + "t2,c0000005,2026-08-08T08:30:41Z,phone,25.6,60.4,4,1\n");
        assertTrue(TicketRecordReader.isTicketExport(f, null));
        TicketRecordReader reader = TicketRecordReader.builder().build();
        List<TicketRecord> l = new ArrayList<>();
        reader.read(f, l::add);
        assertEquals(72, l.get(0).elapsed().firstReplySeconds(), 1e-9);
        assertEquals(3.6 * 3600, l.get(0).elapsed().fullResolutionSeconds(), 1e-9);
        assertEquals(4, l.get(1).contacts());
        assertTrue(l.get(1).solved());
        assertEquals(-1, l.get(1).reopens());
        TicketRecordReader.TicketColumns cols = reader.describe(f);
        assertEquals("'resolution_hours' is not empty", cols.solvedRule());
        assertEquals(Optional.of(FirstContactRule.ONE_CONTACT), cols.firstContactRule());
        assertEquals(Map.of("first_reply", "minutes", "full_resolution", "hours"), cols.units());
    }

    @Test
    void readsNdjsonAndExplicitColumns() throws IOException {
        Path f = file("t.ndjson", "{\"number\":\"7\",\"state\":\"solved\",\"answer_time\":90,\"reopens\":0}\n"
                + "{\"number\":\"8\",\"state\":\"open\",\"answer_time\":null,\"reopens\":2}\n");
        assertFalse(TicketRecordReader.isTicketExport(f, null));
        TicketRecordReader.Builder b = TicketRecordReader.builder().columns("ticket=number,status=state,"
                + "first_reply=answer_time");
        BadInputException e = assertThrows(BadInputException.class, () -> b.build().read(f, t -> { }));
        assertTrue(e.getMessage().contains("column 'answer_time' (first_reply): its name does not say the unit"),
                e.getMessage());
        List<TicketRecord> l = new ArrayList<>();
        b.durationUnit(ChronoUnit.SECONDS).build().read(f, l::add);
        assertEquals(90, l.get(0).elapsed().firstReplySeconds(), 0);
        assertTrue(Double.isNaN(l.get(1).elapsed().firstReplySeconds()));
        assertFalse(l.get(1).solved());
        assertThrows(IllegalArgumentException.class, () -> TicketRecordReader.builder().durationUnit(ChronoUnit.DAYS));
        assertThrows(IllegalArgumentException.class, () -> TicketRecordReader.builder().columns("speed=x"));
    }

    @Test
    void isTicketExportTellsExportsFromEventLogs() {
        assertTrue(TicketRecordReader.isTicketExport(List.of(ZENDESK_HEADER.split(","))));
        assertFalse(TicketRecordReader.isTicketExport(List.of("ticket_id", "customer_id", "timestamp", "event_type",
                "author", "channel", "team")));
        assertFalse(TicketRecordReader.isTicketExport(List.of("response_id", "nps", "csat")));
        assertEquals(ChronoUnit.MINUTES, TicketRecordReader.unitOf("First reply time in minutes within business hours"));
        assertEquals(ChronoUnit.HOURS, TicketRecordReader.unitOf("resolution_hours"));
        assertEquals(ChronoUnit.SECONDS, TicketRecordReader.unitOf("wait_s"));
        assertEquals(null, TicketRecordReader.unitOf("answer_time"));
    }

    /** The message of reading a file with {@code row} after T1, without the temporary directory. */
    private String fails(String name, String row) throws IOException {
        Path f = file(name, zendesk(T1, row));
        return assertThrows(BadInputException.class, () -> TicketRecordReader.builder().build().read(f, t -> { }))
                .getMessage().replace(dir + "/", "");
    }

    private String message(Path f, TicketRecordReader.Builder b) {
        return assertThrows(BadInputException.class, () -> b.build().read(f, t -> { })).getMessage()
                .replace(dir + "/", "");
    }

    @Test
    void badValuesNameFileLineColumnAndValue() throws IOException {
        // line 3 (header, T1, then this row), First reply time in minutes is field 22
        String e = fails("u.csv", T3.replace(",0,0,,,10,", ",0,0,12m,,10,"));
        assertEquals("u.csv:3:22: column 'First reply time in minutes' value '12m': first_reply must be a duration"
                + " >= 0 written as a number (e.g. 12 or 1.5), or empty", e);
        e = fails("n.csv", T3.replace(",0,0,,,10,", ",0,0,-5,,10,"));
        assertEquals("n.csv:3:22: column 'First reply time in minutes' value '-5': first_reply must be >= 0: -5",
                e);
        e = fails("s.csv", T3.replace("Not Offered", "Great"));
        assertTrue(e.startsWith("s.csv:3:17: column 'Satisfaction Score' value 'Great': satisfaction"
                + " must be Good, Bad, Offered, Unoffered"), e);
        e = fails("st.csv", T3.replace("Closed", "Escalated"));
        assertTrue(e.startsWith("st.csv:3:9: column 'Status' value 'Escalated': status must be one of"),
                e);
        e = fails("r.csv", T3.replace(",1,1,0,0,,,", ",1,1,1.5,0,,,"));
        assertEquals("r.csv:3:20: column 'Reopens' value '1.5': reopens must be a whole number >= 0, or empty",
                e);
        e = fails("b.csv", T3.replace("2026-03-04 10:10:00,0,", "2026-03-03 10:10:00,0,"));
        assertTrue(e.startsWith("b.csv:3:15: column 'Solved at' value '2026-03-03 10:10:00': the ticket"
                + " is solved at 2026-03-03T10:10:00Z, before it was created at 2026-03-04T10:00:00Z"), e);
        e = fails("t.csv", T3.replace("2026-03-04 10:00:00", "4 March"));
        assertTrue(e.startsWith("t.csv:3:13: column 'Created at' value '4 March': time must be"),
                e);
        e = fails("d.csv", T3.replace("1,103,", "1,101,"));
        assertEquals("d.csv:3:2: column 'Id' value '101': ticket 101 was already read on line 2; a ticket export has"
                + " one row per ticket", e);
        e = fails("i.csv", T3.replace("1,103,", "1,,"));
        assertTrue(e.startsWith("i.csv:3:2: column 'Id' value '': ticket id is empty"), e);
    }

    @Test
    void skipCountsEveryRejectedRow() throws IOException {
        Path f = file("m.csv", zendesk(T1, T3.replace(",0,0,,,10,", ",0,0,abc,,10,"), T2,
                T3.replace("Not Offered", "meh")));
        List<TicketRecord> l = new ArrayList<>();
        ReadSummary s = TicketRecordReader.builder().errors(ErrorPolicy.SKIP).build().read(f, l::add);
        assertEquals(4, s.rows());
        assertEquals(2, s.accepted());
        assertEquals(2, l.size());
        assertEquals(2, s.rejected().total());
        assertEquals(Map.of("unparseable duration", 1L, "unknown satisfaction", 1L), s.rejected().counts());
    }

    @Test
    void fileProblemsAlwaysFail() throws IOException {
        Path noDuration = file("nd.csv", "Id,Status,Via\n1,Solved,Mail\n");
        String e = message(noDuration, TicketRecordReader.builder().errors(ErrorPolicy.SKIP));
        assertTrue(e.startsWith("nd.csv:1: a ticket export needs at least one duration column"),
                e);
        Path noId = file("ni.csv", "Status,First reply time in minutes\nSolved,5\n");
        e = message(noId, TicketRecordReader.builder());
        assertTrue(e.contains("ni.csv:1: required column for the ticket export ticket is not in the"
                + " header"), e);
        Path noSolved = file("ns.csv", "Id,First reply time in minutes\n1,5\n");
        e = message(noSolved, TicketRecordReader.builder());
        assertTrue(e.contains("needs a status, a solved time or a full resolution time column"),
                e);
        Path attr = file("a.csv", zendesk(T1));
        e = message(attr, TicketRecordReader.builder().attributes("Region"));
        assertTrue(e.contains("'Region'"), e);
        Path empty = file("e.csv", zendesk());
        assertThrows(BadInputException.class, () -> TicketRecordReader.builder().build().read(empty, t -> { }));
        assertThrows(BadInputException.class, () -> TicketRecordReader.isTicketExport(dir.resolve("none.csv"), null));
    }
}
