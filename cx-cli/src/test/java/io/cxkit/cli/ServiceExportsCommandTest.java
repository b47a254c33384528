package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.io.TicketRecordReader;
import io.cxkit.journey.service.FirstContactRule;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.service.TicketRecord;
import io.cxkit.journey.service.TicketRecordAccumulator;
import io.cxkit.journey.service.TicketRecordResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cx service} on ticket exports (one row per ticket): the Zendesk export against independent
 * reference values, the generated tickets.csv against the library API, detection, bad input and
 * exit codes.
 */
class ServiceExportsCommandTest {
    @TempDir
    static Path data;
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REF = "/reference/service-exports/";

    @BeforeAll
    static void generate() {
        new SampleCompany(6000, 1200, 11).write(data, EnumSet.of(SampleCompany.Table.TICKETS,
                SampleCompany.Table.TICKET_EVENTS), EnumSet.of(SampleCompany.Format.CSV));
    }

    /** The committed Zendesk fixture (UTF-8 BOM, CRLF, quoted commas, quotes and a quoted newline). */
    private Path zendesk() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(REF + "zendesk-tickets.csv")) {
            Path f = dir.resolve("export-2026-03.csv");
            Files.write(f, in.readAllBytes());
            return f;
        }
    }

    private static JsonNode expected() throws IOException {
        try (InputStream in = ServiceExportsCommandTest.class.getResourceAsStream(REF + "expected.json")) {
            return JSON.readTree(in);
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(CxTestSupport.Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    /** The finding of issue 10: neither a Zendesk export nor cx generate's tickets.csv could be read. */
    @Test
    void readsAZendeskExportAndTheGeneratedTicketsCsv() throws IOException {
        CxTestSupport.Run z = cx("service", zendesk().toString());
        assertEquals(0, z.code(), z.err());
        assertTrue(z.out().contains("(all): 8 tickets, 6 solved"), z.out());
        CxTestSupport.Run t = cx("service", data.resolve("tickets.csv").toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("a ticket export, one row per ticket"), t.out());
    }

    private static void proportion(JsonNode want, JsonNode got, String what) {
        assertEquals(want.get("n").asLong(), got.get("n").asLong(), what + " n");
        assertEquals(want.get("successes").asDouble(), got.get("successes").asDouble(), 0, what + " successes");
        for (String k : List.of("estimate", "lower", "upper")) {
            assertEquals(want.get(k).asDouble(), got.get(k).asDouble(), 1e-9, what + " " + k);
        }
    }

    private static void seconds(JsonNode want, JsonNode got, String what) {
        assertEquals(want.get("n").asLong(), got.get("n").asLong(), what + " n");
        assertEquals(want.get("min").asDouble(), got.get("min").asDouble(), 0, what + " min");
        assertEquals(want.get("max").asDouble(), got.get("max").asDouble(), 0, what + " max");
    }

    @Test
    void zendeskExportEqualsTheReference() throws IOException {
        JsonNode want = expected();
        JsonNode j = json(cx("service", zendesk().toString(), "--sla", "first-response=1h,resolution=8h", "--by",
                "Group", "--format", "json"));
        assertEquals("cxkit/service/v1", j.get("schema").asText());
        assertEquals("tickets", j.get("rows").asText());
        assertEquals("Group", j.get("by").asText());
        assertEquals("'Status' is solved or closed", j.get("rules").get("solved").asText());
        assertEquals("minutes", j.get("units").get("first_reply_business").asText());
        JsonNode o = j.get("overall");
        // every cxkit/service/v1 result field is still there
        for (String k : List.of("tickets", "solved", "firstResponseSeconds", "resolutionSeconds",
                "requesterWaitSeconds", "firstContactResolution", "repeatContact", "reopened", "sla")) {
            assertTrue(o.has(k), k);
        }
        for (String k : List.of("calendar", "countBotReplies", "repeatWindow", "confidence", "segments", "input")) {
            assertTrue(j.has(k), k);
        }
        assertEquals(want.get("tickets").asLong(), o.get("tickets").asLong());
        assertEquals(want.get("solved").asLong(), o.get("solved").asLong());
        JsonNode e = want.get("elapsed");
        seconds(e.get("firstResponse"), o.get("firstResponseSeconds"), "first reply");
        seconds(e.get("resolution"), o.get("resolutionSeconds"), "resolution");
        seconds(e.get("requesterWait"), o.get("requesterWaitSeconds"), "requester wait");
        proportion(e.get("slaFirstResponse"), o.get("sla").get("firstResponse").get("attainment"), "SLA first reply");
        proportion(e.get("slaResolution"), o.get("sla").get("resolution").get("attainment"), "SLA resolution");
        JsonNode b = want.get("business");
        JsonNode ob = o.get("businessHours");
        seconds(b.get("firstResponse"), ob.get("firstResponseSeconds"), "business first reply");
        seconds(b.get("resolution"), ob.get("resolutionSeconds"), "business resolution");
        seconds(b.get("requesterWait"), ob.get("requesterWaitSeconds"), "business requester wait");
        proportion(b.get("slaFirstResponse"), ob.get("sla").get("firstResponse").get("attainment"), "business SLA");
        proportion(b.get("slaResolution"), ob.get("sla").get("resolution").get("attainment"), "business SLA res");
        assertEquals("8h", ob.get("sla").get("resolution").get("targetText").asText());
        assertEquals(8 * 3600, o.get("sla").get("resolution").get("targetSeconds").asLong());
        assertTrue(j.get("repeatWindowText").isNull(), "a ticket export has no repeat window");
        proportion(want.get("firstContactResolution"), o.get("firstContactResolution"), "FCR");
        proportion(want.get("oneTouch"), o.get("oneTouch"), "one-touch");
        proportion(want.get("reopened"), o.get("reopened"), "reopened");
        assertEquals(0, o.get("repeatContact").get("n").asLong());
        JsonNode ws = want.get("satisfaction");
        JsonNode s = o.get("satisfaction");
        for (String k : List.of("good", "bad", "offered", "unoffered", "empty")) {
            assertEquals(ws.get(k).asLong(), s.get(k).asLong(), k);
        }
        proportion(ws.get("csat"), s.get("csat"), "CSAT");
        proportion(ws.get("responseRate"), s.get("responseRate"), "response rate");
        // first reply sorted [1, 2, 15, 30, 45, 90, 240] min: the median is 30 min within the sketch's 1%
        assertEquals(1800, o.get("firstResponseSeconds").get("median").asDouble(), 18);
        assertEquals(2, o.get("leftOut").get("unsolved").asLong());
        assertEquals(1, o.get("leftOut").get("requesterWaitEmpty").asLong());
        assertEquals(1, o.get("leftOut").get("firstResponseEmpty").asLong());
        Iterator<JsonNode> segs = j.get("segments").elements();
        for (String g : List.of("Billing", "Tech")) {
            JsonNode seg = segs.next();
            assertEquals(g, seg.get("key").get("Group").asText());
            JsonNode wg = want.get("byGroup").get(g);
            assertEquals(wg.get("tickets").asLong(), seg.get("result").get("tickets").asLong());
            assertEquals(wg.get("solved").asLong(), seg.get("result").get("solved").asLong());
            proportion(wg.get("firstContactResolution"), seg.get("result").get("firstContactResolution"), g + " FCR");
        }
        assertEquals(8, j.get("input").get("accepted").asLong());
        assertEquals("Satisfaction Score", j.get("input").get("columns").get("satisfaction").asText());
    }

    @Test
    void zendeskTableSaysWhatItCountedAndLeftOut() throws IOException {
        CxTestSupport.Run r = cx("service", zendesk().toString(), "--sla", "first-response=1h", "--by", "Via");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("8 rows read, 8 tickets counted, 0 rejected"), out);
        assertTrue(out.contains("first_reply='First reply time in minutes' (minutes)"), out);
        assertTrue(out.contains("first-contact resolution: solved with 0 reopens ('Reopens'), of solved tickets"), out);
        assertTrue(out.contains("requester wait                 median"), out);
        assertTrue(out.contains("(n=5; 2 unsolved left out, 1 solved without a value)"), out);
        assertTrue(out.contains("first-contact resolution       66.7% [30.0, 90.3] (n=6)"), out);
        assertTrue(out.contains("satisfaction (Good of rated)   75.0% [30.1, 95.4] (3 good, 1 bad; 1 offered not"
                + " answered, 2 unoffered, 1 empty)"), out);
        assertTrue(out.contains("first reply within 1h          71.4% [35.9, 91.8] (n=7)"), out);
        assertTrue(out.contains("    within business hours        85.7% [48.7, 97.4] (n=7)"), out);
        assertTrue(out.contains("repeat contact                 not measured (no event history)"), out);
        assertTrue(out.contains("\nVia=Chat: 2 tickets, 2 solved"), out);
        // "channel" and "team" name the fields when the file has no such column (channels read lower case)
        JsonNode byChannel = json(cx("service", zendesk().toString(), "--by", "channel", "--format", "json"));
        assertEquals("chat", byChannel.get("segments").get(0).get("key").get("channel").asText());
        JsonNode byTeam = json(cx("service", zendesk().toString(), "--by", "team", "--format", "json"));
        assertEquals(4, byTeam.get("segments").get(0).get("result").get("tickets").asLong());
    }

    private static void sameSeconds(QuantileSummary q, JsonNode j) {
        assertEquals(q.n(), j.get("n").asLong());
        if (q.n() > 0) {
            assertEquals(q.median(), j.get("median").asDouble(), 1e-9);
            assertEquals(q.p90(), j.get("p90").asDouble(), 1e-9);
            assertEquals(q.max(), j.get("max").asDouble(), 1e-9);
        }
    }

    private static void sameProportion(ProportionEstimate p, JsonNode j) {
        assertEquals(p.n(), j.get("n").asLong());
        if (p.n() > 0) {
            Interval i = p.interval(0.95);
            assertEquals(p.estimate(), j.get("estimate").asDouble(), 1e-12);
            assertEquals(i.lower(), j.get("lower").asDouble(), 1e-12);
            assertEquals(i.upper(), j.get("upper").asDouble(), 1e-12);
        }
    }

    private static void sameResult(TicketRecordResult api, JsonNode o) {
        ServiceMetricsResult e = api.elapsed();
        assertEquals(api.tickets(), o.get("tickets").asLong());
        assertEquals(api.solved(), o.get("solved").asLong());
        sameSeconds(e.firstResponse(), o.get("firstResponseSeconds"));
        sameSeconds(e.resolution(), o.get("resolutionSeconds"));
        sameProportion(e.firstContactResolution(), o.get("firstContactResolution"));
        sameProportion(e.firstResponseSla(), o.get("sla").get("firstResponse").get("attainment"));
        sameProportion(e.resolutionSla(), o.get("sla").get("resolution").get("attainment"));
        sameProportion(e.reopen(), o.get("reopened"));
    }

    @Test
    void generatedTicketsCsvEqualsTheApi() throws IOException {
        Path f = data.resolve("tickets.csv");
        JsonNode j = json(cx("service", f.toString(), "--sla", "first-response=1h,resolution=1d", "--by", "channel",
                "--format", "json"));
        ServiceMetrics m = ServiceMetrics.builder().firstResponseTarget(Duration.ofHours(1))
                .resolutionTarget(Duration.ofDays(1)).build();
        TicketRecordAccumulator all = m.recordAccumulator(FirstContactRule.ONE_CONTACT);
        SegmentedAccumulator<TicketRecordAccumulator, TicketRecordResult> byChannel =
                SegmentedAccumulator.of(m.recordAccumulator(FirstContactRule.ONE_CONTACT));
        TicketRecordReader.builder().build().read(f, t -> {
            all.accept(t);
            byChannel.segment(TicketRecord.byChannel().apply(t)).accept(t);
        });
        TicketRecordResult api = all.result();
        assertTrue(api.tickets() > 500, api.toString());
        sameResult(api, j.get("overall"));
        assertEquals("solved in 1 contact ('contacts'), of solved tickets",
                j.get("rules").get("firstContactResolution").asText());
        assertEquals("hours", j.get("units").get("full_resolution").asText());
        JsonNode segs = j.get("segments");
        assertEquals(3, segs.size());
        for (JsonNode seg : segs) {
            String ch = seg.get("key").get("channel").asText();
            sameResult(byChannel.result().asMap().get(SegmentKey.of(ch)), seg.get("result"));
        }
        // the ticket events of the same sample still read as events, and their first replies agree
        JsonNode ev = json(cx("service", data.resolve("ticket_events.csv").toString(), "--format", "json"));
        assertEquals("events", ev.get("rows").asText());
        assertEquals(api.tickets(), ev.get("overall").get("tickets").asLong());
        assertEquals(api.elapsed().firstResponse().max(), ev.get("overall").get("firstResponseSeconds").get("max")
                .asDouble(), 0.5);
    }

    @Test
    void readLimitsApplyToTicketExports() throws IOException {
        Path f = file("t.csv", "Id,Full resolution time in minutes,Extra\n1,30,a\n2,45,b\n");
        CxTestSupport.Run ok = cx("service", f.toString(), "--max-columns", "3");
        assertEquals(0, ok.code(), ok.err());
        CxTestSupport.Run r = cx("service", f.toString(), "--max-columns", "2");
        assertEquals(Cx.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().strip().endsWith("(raise it with --max-columns N)"), r.err());
    }

    @Test
    void badInputExitsWithOneAndALine() throws IOException {
        String header = "Id,Status,First reply time in minutes,Full resolution time in minutes,Reopens\r\n";
        Path bad = file("bad.csv", header + "1,Solved,10,60,0\r\n2,Solved,ten,60,0\r\n");
        CxTestSupport.Run r = cx("service", bad.toString(), "--format", "json");
        assertEquals(Cx.BAD_INPUT, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("cx: " + bad + ":3:3: column 'First reply time in minutes' value 'ten':"
                + " first_reply must be a duration >= 0"), r.err());
        Path negative = file("neg.csv", header + "1,Solved,-4,60,0\r\n");
        CxTestSupport.Run n = cx("service", negative.toString());
        assertEquals(Cx.BAD_INPUT, n.code());
        assertTrue(n.err().contains("neg.csv:2:3: column 'First reply time in minutes' value '-4': first_reply must"
                + " be >= 0: -4"), n.err());
        // skip: the bad row is counted and listed; every row bad is an error, never an empty report
        JsonNode skip = json(cx("service", bad.toString(), "--on-error", "skip", "--format", "json"));
        assertEquals(1, skip.get("input").get("rejected").get("total").asLong());
        assertEquals(1, skip.get("overall").get("tickets").asLong());
        Path allBad = file("allbad.csv", header + "1,Solved,x,60,0\r\n2,Maybe,1,60,0\r\n");
        CxTestSupport.Run none = cx("service", allBad.toString(), "--on-error", "skip");
        assertEquals(Cx.BAD_INPUT, none.code());
        assertEquals("", none.out());
        assertTrue(none.err().contains("no rows counted: all 2 data rows were rejected"), none.err());
        Path eventsAllBad = file("ev.csv", "ticket_id,customer_id,timestamp,event_type\nt1,a,2026-03-02T09:00:00Z,"
                + "closed\n");
        CxTestSupport.Run ev = cx("service", eventsAllBad.toString(), "--on-error", "skip");
        assertEquals(Cx.BAD_INPUT, ev.code());
        assertTrue(ev.err().contains("no rows counted"), ev.err());
        // missing columns
        CxTestSupport.Run noSolved = cx("service", file("ns.csv", "Id,First reply time in minutes\n1,5\n").toString());
        assertEquals(Cx.BAD_INPUT, noSolved.code());
        assertTrue(noSolved.err().contains("ns.csv:1: a ticket export needs a status, a solved time or a full"
                + " resolution time column"), noSolved.err());
        CxTestSupport.Run noBy = cx("service", zendesk().toString(), "--by", "Region");
        assertEquals(Cx.BAD_INPUT, noBy.code());
        assertTrue(noBy.err().contains("'Region'"), noBy.err());
        // forcing the other shape names what is missing
        CxTestSupport.Run asEvents = cx("service", zendesk().toString(), "--rows", "events");
        assertEquals(Cx.BAD_INPUT, asEvents.code());
        assertTrue(asEvents.err().contains("required column for the ticket event"), asEvents.err());
        CxTestSupport.Run asTickets = cx("service", data.resolve("ticket_events.csv").toString(), "--rows", "tickets");
        assertEquals(Cx.BAD_INPUT, asTickets.code());
        assertTrue(asTickets.err().contains("a ticket export needs at least one duration column"), asTickets.err());
        // a column named explicitly without a unit in its name
        Path plain = file("plain.csv", "number,state,answer\n1,solved,90\n");
        CxTestSupport.Run unit = cx("service", plain.toString(), "--rows", "tickets", "--columns",
                "ticket=number,status=state,first_reply=answer");
        assertEquals(Cx.BAD_INPUT, unit.code());
        assertTrue(unit.err().contains("its name does not say the unit"), unit.err());
        JsonNode secs = json(cx("service", plain.toString(), "--rows", "tickets", "--columns",
                "ticket=number,status=state,first_reply=answer", "--duration-unit", "seconds", "--format", "json"));
        assertEquals(90, secs.get("overall").get("firstResponseSeconds").get("max").asDouble(), 0);
    }

    @Test
    void optionsThatDoNotApplyAreUsageErrors() throws IOException {
        Path z = zendesk();
        Path cal = file("hours.cal", "zone = UTC\nweekdays = 09:00-17:00\n");
        for (String[] args : List.of(new String[] {"--calendar", cal.toString()}, new String[] {"--count-bots"},
                new String[] {"--repeat-window", "3d"}, new String[] {"--columns", "speed=x"},
                new String[] {"--rows", "sideways"}, new String[] {"--sla", "first-response=0s"})) {
            String[] all = new String[args.length + 2];
            all[0] = "service";
            all[1] = z.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            CxTestSupport.Run r = cx(all);
            assertEquals(Cx.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
        }
        CxTestSupport.Run cal2 = cx("service", z.toString(), "--calendar", cal.toString());
        assertTrue(cal2.err().contains("--calendar applies to ticket events"), cal2.err());
        CxTestSupport.Run unit = cx("service", data.resolve("ticket_events.csv").toString(), "--duration-unit",
                "minutes");
        assertEquals(Cx.USAGE, unit.code());
        assertTrue(unit.err().contains("--duration-unit applies to a ticket export"), unit.err());
    }
}
