package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.io.CalendarFile;
import io.cxkit.io.DriverReader;
import io.cxkit.io.JourneyEventReader;
import io.cxkit.io.TicketEventReader;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TopPaths;
import io.cxkit.journey.service.ServiceMetrics;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.service.TicketEvent;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.drivers.KeyDrivers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cx funnel, paths, service and drivers: hand-worked files, generated data equal to the API, bad input. */
class JourneyCommandsTest {
    @TempDir
    static Path data;
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    // Four customers. a: home, cart, buy within 20 min; b: home, cart, then buy two days later;
    // c: home only; d: cart only.
    static final String EVENTS = "customer_id,timestamp,touchpoint,channel,segment\n"
            + "a,2026-03-01T10:00:00Z,home,web,x\n"
            + "a,2026-03-01T10:05:00Z,cart,web,x\n"
            + "a,2026-03-01T10:20:00Z,buy,web,x\n"
            + "b,2026-03-01T11:00:00Z,home,web,y\n"
            + "b,2026-03-01T11:10:00Z,cart,web,y\n"
            + "b,2026-03-03T11:10:00Z,buy,web,y\n"
            + "c,2026-03-01T12:00:00Z,home,mobile_app,x\n"
            + "d,2026-03-01T13:00:00Z,cart,web,y\n";

    // Monday 2 March 2026. t1: a bot reply at 10 min, an agent reply at 30 min, solved after 2 h.
    // t2: agent reply after 2 h, solved after exactly 24 h.
    static final String TICKETS = "ticket_id,customer_id,timestamp,event_type,author,channel,team\n"
            + "t1,a,2026-03-02T09:00:00Z,created,customer,email,desk\n"
            + "t1,a,2026-03-02T09:10:00Z,agent_reply,bot,email,desk\n"
            + "t1,a,2026-03-02T09:30:00Z,agent_reply,agent,email,desk\n"
            + "t1,a,2026-03-02T11:00:00Z,solved,agent,email,desk\n"
            + "t2,b,2026-03-02T10:00:00Z,created,customer,phone,voice\n"
            + "t2,b,2026-03-02T12:00:00Z,Agent Reply,agent,phone,voice\n"
            + "t2,b,2026-03-03T10:00:00Z,solved,agent,phone,voice\n";

    @BeforeAll
    static void generate() {
        new SampleCompany(6000, 1200, 11).write(data, SampleCompany.allTables(), EnumSet.of(SampleCompany.Format.CSV));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(CxTestSupport.Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    // ---- funnel ----

    @Test
    void funnelOnAHandWorkedFile() throws IOException {
        Path f = file("events.csv", EVENTS);
        JsonNode j = json(cx("funnel", f.toString(), "--steps", "home,cart,buy", "--within", "1d", "--format", "json"));
        assertEquals("cxkit/funnel/v1", j.get("schema").asText());
        JsonNode o = j.get("overall");
        assertEquals(4, o.get("journeys").asLong());
        // home: a, b, c; cart: a, b; buy: only a (b bought outside the one-day window).
        long[][] want = {{3, 2, 1}, {2, 1, 1}, {1, 1, 0}};
        for (int s = 0; s < 3; s++) {
            JsonNode step = o.get("steps").get(s);
            assertEquals(want[s][0], step.get("entered").asLong(), "entered " + s);
            assertEquals(want[s][1], step.get("converted").asLong(), "converted " + s);
            assertEquals(want[s][2], step.get("dropped").asLong(), "dropped " + s);
        }
        assertEquals(0.75, o.get("steps").get(0).get("fromPrevious").get("estimate").asDouble(), 1e-12);
        assertEquals(1.0 / 3, o.get("conversion").get("estimate").asDouble(), 1e-12);
        assertEquals(2, j.get("input").get("accepted").asLong() / 4);
        // Without the window b converts too.
        JsonNode open = json(cx("funnel", f.toString(), "--steps", "home,cart,buy", "--format", "json"));
        assertEquals(2, open.get("overall").get("completed").asLong());
        // By segment: x = a, c; y = b, d.
        JsonNode by = json(cx("funnel", f.toString(), "--steps", "home,cart,buy", "--within", "P1D", "--by",
                "segment", "--format", "json"));
        JsonNode x = by.get("segments").get(0);
        assertEquals("x", x.get("key").get("segment").asText());
        assertEquals(2, x.get("result").get("steps").get(0).get("entered").asLong());
        assertEquals(1, x.get("result").get("completed").asLong());
        JsonNode y = by.get("segments").get(1);
        assertEquals(1, y.get("result").get("steps").get(0).get("entered").asLong());
        assertEquals(0, y.get("result").get("completed").asLong());
        // Table output.
        CxTestSupport.Run t = cx("funnel", f.toString(), "--steps", "home,cart,buy", "--within", "24h", "--mode",
                "strict");
        assertEquals(0, t.code(), t.err());
        // The window echoed as typed (not PT24H, not 1d); JSON keeps ISO-8601 and adds the text and seconds.
        assertTrue(t.out().contains("Funnel home > cart > buy (strict, window 24h)"), t.out());
        JsonNode w = json(cx("funnel", f.toString(), "--steps", "home,cart,buy", "--within", " 24h", "--format",
                "json"));
        assertEquals("PT24H", w.get("window").asText());
        assertEquals("24h", w.get("windowText").asText());
        assertEquals(86_400, w.get("windowSeconds").asLong());
        assertTrue(w.get("windowSeconds").isIntegralNumber(), w.toString());
        JsonNode none = json(cx("funnel", f.toString(), "--steps", "home,cart,buy", "--format", "json"));
        assertTrue(none.get("window").isNull() && none.get("windowText").isNull()
                && none.get("windowSeconds").isNull(), none.toString());
        assertTrue(t.out().contains("(all): 4 journeys, 3 entered, 1 completed"), t.out());
    }

    @Test
    void funnelOnGeneratedDataEqualsTheApi() throws IOException {
        Path f = data.resolve("interactions.csv");
        String[] steps = {"social_ad", "product_page", "checkout_app", "onboarding_app"};
        JsonNode j = json(cx("funnel", f.toString(), "--steps", String.join(",", steps), "--within", "1d",
                "--split-gap", "30d", "--mode", "any", "--by", "channel", "--format", "json"));
        List<JourneyEvent> events = new ArrayList<>();
        JourneyEventReader.builder().build().read(f, events::add);
        List<CustomerJourney> journeys = JourneyBuilder.create().splitOnInactivity(Duration.ofDays(30))
                .build(events);
        FunnelResult api = Funnel.builder().steps(steps).mode(io.cxkit.journey.funnel.FunnelMode.ANY_ORDER)
                .window(Duration.ofDays(1)).build().run(journeys);
        JsonNode o = j.get("overall");
        assertEquals(api.journeys(), o.get("journeys").asLong());
        assertEquals(api.completed(), o.get("completed").asLong());
        assertTrue(api.completed() > 100, api.toString());
        for (int s = 0; s < steps.length; s++) {
            assertEquals(api.steps().get(s).entered(), o.get("steps").get(s).get("entered").asLong());
            assertEquals(api.steps().get(s).timeFromPrevious().n(),
                    o.get("steps").get(s).get("timeFromPreviousSeconds").get("n").asLong());
        }
        assertEquals("any", j.get("mode").asText());
        assertEquals("PT720H", j.get("journeys").get("splitGap").asText());
        assertEquals("30d", j.get("journeys").get("splitGapText").asText());
        assertEquals(30 * 86_400, j.get("journeys").get("splitGapSeconds").asLong());
        long sum = 0;
        for (JsonNode seg : j.get("segments")) {
            sum += seg.get("result").get("journeys").asLong();
        }
        assertEquals(api.journeys(), sum);
    }

    @Test
    void funnelBadInput() throws IOException {
        Path f = file("events.csv", EVENTS);
        CxTestSupport.Run unknown = cx("funnel", f.toString(), "--steps", "home,chekout");
        assertEquals(Cx.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("unknown funnel step: touchpoint 'chekout'"), unknown.err());
        for (String w : List.of("--within=-1h", "--within=0s", "--within=PT0S")) {
            CxTestSupport.Run r = cx("funnel", f.toString(), "--steps", "home,cart", w);
            assertEquals(Cx.USAGE, r.code(), w);
            assertTrue(r.err().contains("--within must be > 0"), r.err());
        }
        assertEquals(Cx.USAGE, cx("funnel", f.toString(), "--steps", "home", "--within", "soon").code());
        assertEquals(Cx.USAGE, cx("funnel", f.toString(), "--steps", "home", "--mode", "sideways").code());
        assertEquals(Cx.USAGE, cx("funnel", f.toString(), "--steps", "home", "--split-gap", "1d", "--by-case").code());
        assertEquals(Cx.USAGE, cx("funnel", f.toString(), "--steps", "home", "--columns", "nonsense").code());
        CxTestSupport.Run missing = cx("funnel", file("nochannel.csv", "customer_id,timestamp,touchpoint\n"
                + "a,2026-03-01T10:00:00Z,home\n").toString(), "--steps", "home");
        assertEquals(Cx.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("nochannel.csv:1: ") && missing.err().contains("channel"), missing.err());
        Path bad = file("bad.csv", EVENTS + "e,yesterday,home,web,x\n");
        CxTestSupport.Run fail = cx("funnel", bad.toString(), "--steps", "home,cart");
        assertEquals(Cx.BAD_INPUT, fail.code());
        assertTrue(fail.err().contains("bad.csv:10:2: column 'timestamp' value 'yesterday'"), fail.err());
        CxTestSupport.Run skip = cx("funnel", bad.toString(), "--steps", "home,cart", "--on-error", "skip");
        assertEquals(0, skip.code(), skip.err());
        assertTrue(skip.err().contains("1 rejected row") && skip.err().contains("unparseable time"), skip.err());
        assertTrue(skip.out().contains("(all): 4 journeys"), skip.out());
        // Explicit columns and a case split.
        Path renamed = file("renamed.csv", "who,when,page,via,session\n"
                + "a,2026-03-01T10:00:00Z,home,web,s1\n"
                + "a,2026-03-01T10:05:00Z,cart,web,s1\n"
                + "a,2026-03-02T10:00:00Z,home,web,s2\n");
        JsonNode j = json(cx("funnel", renamed.toString(), "--steps", "home,cart", "--by-case", "--columns",
                "customer=who,time=when,touchpoint=page,channel=via,case=session", "--format", "json"));
        assertEquals(2, j.get("overall").get("journeys").asLong());
        assertEquals(1, j.get("overall").get("completed").asLong());
        assertEquals("case", j.get("journeys").get("per").asText());
    }

    // ---- paths ----

    @Test
    void pathsOnAHandWorkedFile() throws IOException {
        Path f = file("events.csv", EVENTS);
        JsonNode j = json(cx("paths", f.toString(), "--top", "1", "--format", "json"));
        assertEquals("cxkit/paths/v1", j.get("schema").asText());
        assertEquals(4, j.get("journeysCounted").asLong());
        assertEquals(List.of("home", "cart", "buy"), JSON.convertValue(j.get("top").get(0).get("path"), List.class));
        assertEquals(2, j.get("top").get(0).get("count").asLong());
        assertEquals(2, j.get("other").get("count").asLong());
        assertEquals(2, j.get("other").get("variants").asLong());
        JsonNode first = j.get("transitions").get(0);  // (start) -> home: a, b, c
        assertEquals("(start)", first.get("from").asText());
        assertEquals("home", first.get("to").asText());
        assertEquals(3, first.get("count").asLong());
        JsonNode to = json(cx("paths", f.toString(), "--to", "buy", "--depth", "1", "--format", "json"));
        assertEquals(2, to.get("journeysCounted").asLong());
        assertEquals(2, to.get("journeysWithoutTouchpoint").asLong());
        assertEquals(List.of("cart", "buy"), JSON.convertValue(to.get("top").get(0).get("path"), List.class));
        CxTestSupport.Run t = cx("paths", f.toString(), "--from", "home", "--depth", "1");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("4 journeys, 3 counted (1 never visit home), 2 path variants"), t.out());
        assertTrue(t.out().contains("2   66.7%  home > cart"), t.out());
    }

    @Test
    void pathsOnGeneratedDataReconcileAndEqualTheApi() throws IOException {
        Path f = data.resolve("interactions.csv");
        JsonNode j = json(cx("paths", f.toString(), "--top", "5", "--split-gap", "30d", "--format", "json"));
        List<JourneyEvent> events = new ArrayList<>();
        JourneyEventReader.builder().build().read(f, events::add);
        PathVariants pv = PathVariants.create();
        JourneyBuilder.create().splitOnInactivity(Duration.ofDays(30)).build(events).forEach(pv::accept);
        TopPaths api = pv.result().top(5);
        long sum = j.get("other").get("count").asLong();
        for (int i = 0; i < 5; i++) {
            assertEquals(api.top().get(i).count(), j.get("top").get(i).get("count").asLong());
            sum += j.get("top").get(i).get("count").asLong();
        }
        assertEquals(api.journeys(), sum);
        assertEquals(j.get("journeysTotal").asLong(), sum);
        CxTestSupport.Run table = cx("paths", f.toString(), "--top", "3");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("Top 3 transitions"), table.out());
    }

    @Test
    void pathsBadInput() throws IOException {
        Path f = file("events.csv", EVENTS);
        CxTestSupport.Run unknown = cx("paths", f.toString(), "--from", "nowhere");
        assertEquals(Cx.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("unknown touchpoint 'nowhere'"), unknown.err());
        assertEquals(Cx.USAGE, cx("paths", f.toString(), "--from", "home", "--to", "buy").code());
        assertEquals(Cx.USAGE, cx("paths", f.toString(), "--top", "-1").code());
        assertEquals(Cx.USAGE, cx("paths", f.toString(), "--from", "home", "--depth", "0").code());
        assertEquals(Cx.BAD_INPUT, cx("paths", dir.resolve("none.csv").toString()).code());
    }

    // ---- service ----

    @Test
    void serviceOnAHandWorkedFile() throws IOException {
        Path f = file("tickets.csv", TICKETS);
        JsonNode j = json(cx("service", f.toString(), "--sla", "first-response=PT1H,resolution=P1D", "--format",
                "json"));
        assertEquals("cxkit/service/v1", j.get("schema").asText());
        JsonNode o = j.get("overall");
        assertEquals(2, o.get("tickets").asLong());
        assertEquals(2, o.get("solved").asLong());
        // First responses 30 min (the bot does not count) and 2 h; resolutions 2 h and 24 h.
        assertEquals(2, o.get("firstResponseSeconds").get("n").asLong());
        assertEquals(1800, o.get("firstResponseSeconds").get("min").asDouble(), 1e-9);
        assertEquals(7200, o.get("firstResponseSeconds").get("max").asDouble(), 1e-9);
        assertEquals(7200, o.get("resolutionSeconds").get("min").asDouble(), 1e-9);
        assertEquals(86_400, o.get("resolutionSeconds").get("max").asDouble(), 1e-9);
        assertEquals(0.5, o.get("sla").get("firstResponse").get("attainment").get("estimate").asDouble(), 1e-12);
        JsonNode target = o.get("sla").get("firstResponse");
        assertEquals("PT1H", target.get("target").asText());
        assertEquals("PT1H", target.get("targetText").asText());
        assertEquals(3600, target.get("targetSeconds").asLong());
        assertEquals("PT24H", o.get("sla").get("resolution").get("target").asText());
        assertEquals("P1D", o.get("sla").get("resolution").get("targetText").asText());
        assertEquals("PT168H", j.get("repeatWindow").asText());
        assertEquals("7d", j.get("repeatWindowText").asText());
        assertEquals(604_800, j.get("repeatWindowSeconds").asLong());
        assertEquals(1.0, o.get("sla").get("resolution").get("attainment").get("estimate").asDouble(), 1e-12);
        assertEquals(1.0, o.get("firstContactResolution").get("estimate").asDouble(), 1e-12);
        assertEquals(0.0, o.get("reopened").get("estimate").asDouble(), 1e-12);
        // Counting the bot: t1 is answered after 10 min, still one of two within 1 h; with a 15-min
        // target only the bot-answered ticket makes it.
        JsonNode bots = json(cx("service", f.toString(), "--count-bots", "--sla", "first-response=15m",
                "--format", "json"));
        assertEquals(0.5, bots.get("overall").get("sla").get("firstResponse").get("attainment").get("estimate")
                .asDouble(), 1e-12);
        JsonNode noBots = json(cx("service", f.toString(), "--sla", "first-response=15m", "--format", "json"));
        assertEquals(0.0, noBots.get("overall").get("sla").get("firstResponse").get("attainment").get("estimate")
                .asDouble(), 1e-12);
        // Business hours Mon-Fri 09-17 UTC: t2's resolution is 7 h on Monday + 1 h on Tuesday = 8 h.
        Path cal = file("hours.cal", "# desk\nzone = UTC\nweekdays = 09:00-17:00\nholiday = 2026-12-25\n");
        JsonNode b = json(cx("service", f.toString(), "--calendar", cal.toString(), "--sla", "resolution=8h",
                "--by", "channel", "--format", "json"));
        assertEquals("UTC", b.get("calendar").get("zone").asText());
        assertEquals(1.0, b.get("overall").get("sla").get("resolution").get("attainment").get("estimate").asDouble(),
                1e-12);
        JsonNode phone = b.get("segments").get(1);
        assertEquals("phone", phone.get("key").get("channel").asText());
        assertEquals(8 * 3600, phone.get("result").get("resolutionSeconds").get("median").asDouble(), 8 * 36);
        CxTestSupport.Run t = cx("service", f.toString(), "--by", "team", "--sla", "resolution=1d");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("team=voice: 1 tickets, 1 solved"), t.out());
        assertTrue(t.out().contains("resolved within 1d"), t.out());
    }

    @Test
    void serviceOnGeneratedDataEqualsTheApi() throws IOException {
        Path f = data.resolve("ticket_events.csv");
        Path cal = file("hours.cal", "zone = Europe/Berlin\nweekdays = 09:00-17:00\nsat = 10:00-14:00\n");
        JsonNode j = json(cx("service", f.toString(), "--calendar", cal.toString(), "--sla",
                "first-response=1h,resolution=1d", "--format", "json"));
        List<TicketEvent> events = new ArrayList<>();
        TicketEventReader.builder().build().read(f, events::add);
        ServiceMetricsResult api = ServiceMetrics.builder().calendar(CalendarFile.read(cal))
                .firstResponseTarget(Duration.ofHours(1)).resolutionTarget(Duration.ofDays(1)).build().run(events);
        JsonNode o = j.get("overall");
        assertEquals(api.tickets(), o.get("tickets").asLong());
        assertTrue(api.tickets() > 100);
        assertEquals(api.reopen().estimate(), o.get("reopened").get("estimate").asDouble(), 1e-12);
        assertEquals(api.firstResponseSla().estimate(), o.get("sla").get("firstResponse").get("attainment")
                .get("estimate").asDouble(), 1e-12);
        assertEquals(api.resolution().median(), o.get("resolutionSeconds").get("median").asDouble(), 1e-9);
        assertEquals(api.firstContactResolution().estimate(), o.get("firstContactResolution").get("estimate")
                .asDouble(), 1e-12);
    }

    @Test
    void serviceBadInput() throws IOException {
        Path f = file("tickets.csv", TICKETS);
        Path cal = file("bad.cal", "zone = UTC\nweekdays = 9-17\n");
        CxTestSupport.Run c = cx("service", f.toString(), "--calendar", cal.toString());
        assertEquals(Cx.BAD_INPUT, c.code());
        assertTrue(c.err().contains("bad.cal:2: column 'weekdays' value '9-17': time must be HH:MM"), c.err());
        Path noZone = file("nozone.cal", "weekdays = 09:00-17:00\n");
        CxTestSupport.Run z = cx("service", f.toString(), "--calendar", noZone.toString());
        assertEquals(Cx.BAD_INPUT, z.code());
        assertTrue(z.err().contains("no 'zone = ...' line"), z.err());
        Path unknownType = file("t.csv", TICKETS + "t2,b,2026-03-04T10:00:00Z,closed,agent,phone,voice\n");
        CxTestSupport.Run u = cx("service", unknownType.toString());
        assertEquals(Cx.BAD_INPUT, u.code());
        assertTrue(u.err().contains("t.csv:9:4: column 'event_type' value 'closed': event type must be one of"),
                u.err());
        CxTestSupport.Run skip = cx("service", unknownType.toString(), "--on-error", "skip", "--format", "json");
        JsonNode j = json(skip);
        assertEquals(1, j.get("input").get("rejected").get("total").asLong());
        assertEquals(2, j.get("overall").get("tickets").asLong());
        CxTestSupport.Run noCreated = cx("service", file("nc.csv", "ticket_id,customer_id,timestamp,event_type\n"
                + "t9,a,2026-03-02T09:00:00Z,solved\n").toString());
        assertEquals(Cx.BAD_INPUT, noCreated.code());
        assertTrue(noCreated.err().startsWith("cx: "), noCreated.err());
        CxTestSupport.Run missing = cx("service", file("m.csv", "ticket_id,customer_id,timestamp\n"
                + "t9,a,2026-03-02T09:00:00Z\n").toString());
        assertEquals(Cx.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("m.csv:1: ") && missing.err().contains("type"), missing.err());
        assertEquals(Cx.USAGE, cx("service", f.toString(), "--sla", "first-response=-1h").code());
        assertEquals(Cx.USAGE, cx("service", f.toString(), "--sla", "speed=1h").code());
        assertEquals(Cx.USAGE, cx("service", f.toString(), "--sla", "resolution=later").code());
        assertEquals(Cx.USAGE, cx("service", f.toString(), "--by", "region").code());
        assertEquals(Cx.USAGE, cx("service", f.toString(), "--repeat-window", "-1d").code());
        assertEquals(Cx.USAGE, cx("service", f.toString(), "--columns", "ticket").code());
    }

    // ---- drivers ----

    // y = x1 + x2 with uncorrelated x1, x2 of equal variance: R² = 1, each driver 0.5; one row misses x1.
    static final String DRIVERS = "overall,x1,x2,flat\n4,2,2,3\n2,2,0,3\n2,0,2,3\n0,0,0,3\n1,,1,3\n";

    @Test
    void driversOnAHandWorkedFile() throws IOException {
        Path f = file("drivers.csv", DRIVERS);
        for (String method : List.of("relative-weights", "shapley")) {
            JsonNode j = json(cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1,x2", "--method",
                    method, "--format", "json"));
            assertEquals("cxkit/drivers/v1", j.get("schema").asText());
            assertEquals(method, j.get("method").asText());
            assertEquals(1.0, j.get("rSquared").asDouble(), 1e-9);
            assertEquals(4, j.get("n").asLong());
            assertEquals(1, j.get("excluded").asLong());
            for (JsonNode d : j.get("importances")) {
                assertEquals(0.5, d.get("raw").asDouble(), 1e-9);
                assertEquals(1.0, d.get("mean").asDouble(), 1e-12);
            }
        }
        CxTestSupport.Run t = cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1,x2");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("5 rows read, 1 excluded"), t.out());
    }

    @Test
    void driversOnGeneratedDataEqualTheApiAndRankTheModel() throws IOException {
        Path f = data.resolve("responses.csv");
        List<String> drivers = List.of("ease", "speed", "friendliness", "price");
        JsonNode j = json(cx("drivers", f.toString(), "--outcome", "csat", "--drivers", String.join(",", drivers),
                "--format", "json"));
        KeyDrivers kd = KeyDrivers.of("csat", drivers);
        DriverReader.of("csat", drivers).read(f, kd::accept);
        KeyDriversResult api = kd.result(KeyDriverMethod.RELATIVE_WEIGHTS);
        assertEquals(api.rSquared(), j.get("rSquared").asDouble(), 1e-12);
        assertEquals(api.n(), j.get("n").asLong());
        assertEquals(api.excluded(), j.get("excluded").asLong());
        assertTrue(api.excluded() > 0, "onboarding responses have no CSAT and 3% skip price");
        for (int i = 0; i < drivers.size(); i++) {
            // The model's loadings: ease > speed > friendliness > price.
            assertEquals(drivers.get(i), j.get("importances").get(i).get("driver").asText());
            assertEquals(i + 1, j.get("importances").get(i).get("rank").asInt());
        }
        JsonNode b = json(cx("drivers", f.toString(), "--outcome", "nps", "--drivers", "ease,speed", "--method",
                "shapley", "--bootstrap", "100", "--seed", "3", "--format", "json"));
        assertEquals(100, b.get("resamples").asInt());
        JsonNode ease = b.get("importances").get(0);
        assertTrue(ease.get("rescaledInterval").get(0).asDouble() <= ease.get("rescaled").asDouble()
                && ease.get("rescaled").asDouble() <= ease.get("rescaledInterval").get(1).asDouble(), ease.toString());
        assertEquals(b.toString(), json(cx("drivers", f.toString(), "--outcome", "nps", "--drivers", "ease,speed",
                "--method", "shapley", "--bootstrap", "100", "--seed", "3", "--format", "json")).toString());
        CxTestSupport.Run t = cx("drivers", f.toString(), "--outcome", "nps", "--drivers", "ease,price",
                "--bootstrap", "100");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("100 bootstrap resamples, seed 42"), t.out());
        // Percent intervals written as everywhere else in the CLI: "51.5% [50.6, 52.4]" style, 1 decimal.
        assertTrue(java.util.regex.Pattern.compile("\\d\\.\\d% +\\d\\.\\d\\d   \\[\\d+\\.\\d, \\d+\\.\\d\\]")
                .matcher(t.out()).find(), t.out());
    }

    @Test
    void driversTakeTheSharedReadingOptions() throws IOException {
        String expected = json(cx("drivers", file("drivers.csv", DRIVERS).toString(), "--outcome", "overall",
                "--drivers", "x1,x2", "--format", "json")).get("importances").toString();
        // A ';' file, detected and forced; a windows-1252 header read with --charset.
        Path semi = file("semi.csv", DRIVERS.replace(',', ';'));
        for (String[] extra : List.of(new String[0], new String[] {"--delimiter", ";"})) {
            List<String> args = new ArrayList<>(List.of("drivers", semi.toString(), "--outcome", "overall",
                    "--drivers", "x1,x2", "--format", "json"));
            args.addAll(List.of(extra));
            assertEquals(expected, json(cx(args.toArray(String[]::new))).get("importances").toString());
        }
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, DRIVERS.replace("x1", "qualit\u00e9").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        JsonNode cp = json(cx("drivers", latin.toString(), "--outcome", "overall", "--drivers", "qualit\u00e9,x2",
                "--charset", "windows-1252", "--format", "json"));
        assertEquals(expected.replace("x1", "qualit\u00e9"), cp.get("importances").toString());
        assertEquals(Cx.BAD_INPUT, cx("drivers", latin.toString(), "--outcome", "overall", "--drivers",
                "qualit\u00e9,x2").code());
        // NDJSON by its name and, under another name, by --input-format; a bad row skipped with --on-error.
        String ndjson = "{\"overall\":4,\"x1\":2,\"x2\":2}\n{\"overall\":2,\"x1\":2,\"x2\":0}\n"
                + "{\"overall\":2,\"x1\":0,\"x2\":2}\n{\"overall\":0,\"x1\":0,\"x2\":0}\n"
                + "{\"overall\":1,\"x2\":1}\n{\"overall\":3,\"x1\":\"high\",\"x2\":1}\n";
        Path nd = file("d.ndjson", ndjson);
        Path txt = file("d.txt", ndjson);
        for (List<String> args : List.of(List.of(nd.toString()), List.of(txt.toString(), "--input-format", "json"))) {
            List<String> all = new ArrayList<>(List.of("drivers"));
            all.addAll(args);
            all.addAll(List.of("--outcome", "overall", "--drivers", "x1,x2", "--on-error", "skip", "--format", "json"));
            JsonNode j = json(cx(all.toArray(String[]::new)));
            assertEquals(expected, j.get("importances").toString());
            assertEquals(1, j.get("input").get("rejected").get("total").asLong());
            assertEquals(4, j.get("n").asLong());
        }
        // Options the command has no use for are usage errors naming the option.
        CxTestSupport.Run zone = cx("drivers", semi.toString(), "--outcome", "overall", "--drivers", "x1,x2",
                "--zone", "Europe/Berlin");
        assertEquals(Cx.USAGE, zone.code());
        assertTrue(zone.err().contains("--zone does not apply"), zone.err());
        CxTestSupport.Run layout = cx("drivers", semi.toString(), "--outcome", "overall", "--drivers", "x1,x2",
                "--layout", "qualtrics");
        assertEquals(Cx.USAGE, layout.code());
        assertTrue(layout.err().contains("--layout qualtrics applies to survey exports"), layout.err());
        assertEquals(Cx.USAGE, cx("drivers", semi.toString(), "--outcome", "overall", "--drivers", "x1,x2",
                "--charset", "klingon").code());
    }

    @Test
    void driversBadInput() throws IOException {
        Path f = file("drivers.csv", DRIVERS);
        CxTestSupport.Run flat = cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1,flat");
        assertEquals(Cx.BAD_INPUT, flat.code());
        assertTrue(flat.err().startsWith("cx: ") && flat.err().contains("flat"), flat.err());
        CxTestSupport.Run missing = cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1,speed");
        assertEquals(Cx.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("drivers.csv:1: ") && missing.err().contains("'speed'"), missing.err());
        Path text = file("text.csv", DRIVERS + "3,high,1,3\n");
        CxTestSupport.Run bad = cx("drivers", text.toString(), "--outcome", "overall", "--drivers", "x1,x2");
        assertEquals(Cx.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("text.csv:7:2: column 'x1' value 'high'"), bad.err());
        JsonNode skipped = json(cx("drivers", text.toString(), "--outcome", "overall", "--drivers", "x1,x2",
                "--on-error", "skip", "--format", "json"));
        assertEquals(1, skipped.get("input").get("rejected").get("total").asLong());
        Path empty = file("empty.csv", "overall,x1,x2\n,1,2\n");
        assertEquals(Cx.BAD_INPUT, cx("drivers", empty.toString(), "--outcome", "overall", "--drivers", "x1,x2")
                .code());
        assertEquals(Cx.USAGE, cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1", "--method",
                "magic").code());
        assertEquals(Cx.USAGE, cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1",
                "--bootstrap", "5").code());
        assertEquals(Cx.USAGE, cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1,x1").code());
        assertEquals(Cx.USAGE, cx("drivers", f.toString(), "--outcome", "overall", "--drivers", "x1",
                "--confidence", "2").code());
    }
}
