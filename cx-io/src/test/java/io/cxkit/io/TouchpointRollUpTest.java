package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import io.cxkit.core.CxArea;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.core.Touchpoint;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import io.cxkit.survey.SurveyScoresResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey scores by journey stage, CX area or channel through a touchpoint catalog: the responses'
 * touchpoint column rolled up by {@link TouchpointCatalog#rollUp} equals {@link SurveyScores} fed
 * with each response's catalog segment directly ({@link TouchpointCatalog#segment}), weighted,
 * with touchpoints the catalog does not hold, with a period and with a parallel read.
 */
class TouchpointRollUpTest {
    private static final TouchpointCatalog CATALOG = TouchpointCatalog.of(List.of(
            Touchpoint.of("checkout", "Checkout", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES),
            Touchpoint.of("app_checkout", "App checkout", Channel.MOBILE_APP, JourneyStage.PURCHASE, CxArea.SALES),
            Touchpoint.of("hotline", "Hotline", Channel.PHONE, JourneyStage.SUPPORT, CxArea.SUPPORT),
            Touchpoint.of("chat", "Chat", Channel.CHAT, JourneyStage.SUPPORT, CxArea.SUPPORT),
            Touchpoint.of("billing", "Billing portal", Channel.WEB, JourneyStage.RETENTION,
                    CxArea.SUPPORTING_SYSTEMS)));
    private static final String[] TOUCHPOINTS = {"checkout", "app_checkout", "hotline", "chat", "billing", "kiosk",
        "fax"};

    @TempDir
    Path dir;

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A weighted export with a touchpoint column, and the API fed with each row's segment at {@code level}. */
    private static String export(int n, TouchpointCatalog.Level level, SurveyScores api) {
        SplittableRandom rnd = new SplittableRandom(7 + level.ordinal());
        StringBuilder csv = new StringBuilder("respondent,Touchpoint,region,nps,csat,ces,weight,date\n");
        for (int i = 0; i < n; i++) {
            String tp = TOUCHPOINTS[rnd.nextInt(TOUCHPOINTS.length)];
            String region = rnd.nextBoolean() ? "north" : "south";
            int nps = rnd.nextInt(11);
            int csat = 1 + rnd.nextInt(5);
            int ces = 1 + rnd.nextInt(7);
            double w = 0.25 + rnd.nextInt(200) / 40.0;
            long epoch = 1_767_225_600L + rnd.nextInt(90 * 86400);
            csv.append('r').append(i).append(',').append(tp).append(',').append(region).append(',').append(nps)
                    .append(',').append(csat).append(',').append(ces).append(',').append(w).append(',')
                    .append(epoch).append('\n');
            SurveyResponse r = SurveyResponse.of("r" + i, Instant.ofEpochSecond(epoch))
                    .withAttribute(level.label(), CATALOG.segment(tp, level)).withAttribute("region", region)
                    .withAnswer("nps", nps).withAnswer("csat", csat).withAnswer("ces", ces).withWeight(w);
            api.accept(r);
        }
        return csv.toString();
    }

    @Test
    void rolledUpScoresEqualScoresOfTheMappedSegmentForEveryLevel() {
        for (TouchpointCatalog.Level level : TouchpointCatalog.Level.values()) {
            SurveyScores api = SurveyScores.of(ScoreCard.create(), Segmentation.of(level.label(), "region"));
            String csv = export(2_000, level, api);
            SurveyReadResult r = SurveyReader.builder().touchpointCatalog("catalog.csv", CATALOG, level)
                    .segmentBy("region").build().read(bytes(csv), "s.csv", InputFormat.CSV);
            SurveyScoresResult expected = api.result();
            assertEquals(expected, r.report(), level.label());
            assertTrue(expected.overall().nps().weighted());
            assertTrue(r.report().segments().asMap().keySet().stream()
                    .anyMatch(k -> k.part(0).equals(TouchpointCatalog.UNKNOWN)), level.label());
            TouchpointRollUp t = r.input().touchpoints().orElseThrow();
            assertEquals("Touchpoint", t.column());
            assertEquals(level, t.level());
            assertEquals("catalog.csv", t.catalog());
            assertEquals(5, t.catalogTouchpoints());
            assertEquals(List.of("fax", "kiosk"), t.notInCatalog());
            assertEquals("Touchpoint", r.columns().get("touchpoint"));
        }
    }

    @Test
    void withAPeriodAndAParallelReadTheNumbersAreTheSame() throws IOException {
        TouchpointCatalog.Level level = TouchpointCatalog.Level.AREA;
        SurveyScores api = SurveyScores.of(ScoreCard.create(), Segmentation.of(level.label(), "region")
                .period(TimeGrain.MONTH, ZoneOffset.UTC));
        String csv = export(20_000, level, api);
        Path f = Files.writeString(dir.resolve("s.csv"), csv);
        SurveyReader.Builder b = SurveyReader.builder().touchpointCatalog("catalog.csv", CATALOG, level)
                .segmentBy("region").period(TimeGrain.MONTH, ZoneOffset.UTC);
        SurveyReadResult one = b.build().read(f);
        SurveyReadResult two = b.threads(2).minPartBytes(1 << 14).build().readParallel(f);
        assertEquals(api.result(), one.report());
        assertEquals(one.report(), two.report());
        assertEquals(one.input(), two.input());
    }

    @Test
    void aFileWithoutATouchpointColumnIsBadInputNamingTheWayOut() {
        BadInputException e = assertThrows(BadInputException.class, () -> SurveyReader.builder()
                .touchpointCatalog("catalog.csv", CATALOG, TouchpointCatalog.Level.STAGE).build()
                .read(bytes("respondent,nps\nr1,9\n"), "s.csv", InputFormat.CSV));
        assertEquals("s.csv:1: no touchpoint column to roll up through catalog.csv: expected a column named"
                + " touchpoint, touchpoint_id or touchpoint_name (or name it with touchpointColumn); columns are:"
                + " respondent, nps", e.getMessage());
        BadInputException named = assertThrows(BadInputException.class, () -> SurveyReader.builder()
                .touchpointCatalog("catalog.csv", CATALOG, TouchpointCatalog.Level.STAGE).touchpointColumn("tp")
                .build().read(bytes("respondent,nps\nr1,9\n"), "s.csv", InputFormat.CSV));
        assertTrue(named.getMessage().contains("'tp'"), named.getMessage());
    }

    @Test
    void anExplicitTouchpointColumnAndTheJsonAndTableSayWhatWasRolledUp() {
        SurveyReadResult r = SurveyReader.builder().touchpointCatalog("catalog.csv", CATALOG,
                TouchpointCatalog.Level.STAGE).touchpointColumn("where").build().read(bytes(
                        "respondent,where,nps\nr1,checkout,9\nr2,kiosk,3\nr3,hotline,10\nr4,chat,7\n"), "s.csv",
                InputFormat.CSV);
        assertEquals(List.of("(not in catalog)", "purchase", "support"), r.report().segments().asMap().keySet()
                .stream().map(k -> k.part(0)).toList());
        assertEquals(List.of("stage"), r.report().segmentation().partNames());
        StringWriter json = new StringWriter();
        ReportFormat.JSON.write(r, 0.95, json);
        assertTrue(json.toString().contains("\"touchpointCatalog\" : {\n    \"file\" : \"catalog.csv\",\n"
                + "    \"touchpoints\" : 5,\n    \"column\" : \"where\",\n    \"level\" : \"stage\",\n"
                + "    \"notInCatalog\" : [ \"kiosk\" ]\n  }"), json.toString());
        assertTrue(json.toString().contains("\"touchpoint\" : \"where\""), json.toString());
        String summary = ReportFormat.summary(r);
        assertTrue(summary.contains("touchpoint: column 'where' rolled up by stage through catalog.csv (5"
                + " touchpoints); not in the catalog, under (not in catalog): kiosk\n"), summary);
        assertEquals("TouchpointRollUp[column 'where' by stage through catalog.csv (5 touchpoints), 1 not in"
                + " catalog]", r.input().touchpoints().orElseThrow().toString());
    }

    @Test
    void badArgumentsNameTheParameter() {
        SurveyReader.Builder b = SurveyReader.builder();
        assertThrows(NullPointerException.class, () -> b.touchpointCatalog("c", null, TouchpointCatalog.Level.AREA));
        assertThrows(NullPointerException.class, () -> b.touchpointCatalog("c", CATALOG, null));
        assertThrows(IllegalArgumentException.class, () -> b.touchpointCatalog(" ", CATALOG,
                TouchpointCatalog.Level.AREA));
        assertThrows(IllegalArgumentException.class, () -> b.touchpointColumn(" "));
        assertThrows(IllegalArgumentException.class, () -> new TouchpointRollUp("c", -1, "tp",
                TouchpointCatalog.Level.AREA, List.of()));
    }
}
