package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each case of issue 10's "What happened", as cx report now behaves: the exit code, the numbers, the words. */
class ExportsCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static JsonNode json(CxTestSupport.Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyRowRejectedUnderSkipIsAnErrorNotAnEmptyTable() throws IOException {
        CxTestSupport.Run r = cx("report", file("a.csv", "nps\n11\nx\n").toString(), "--on-error", "skip");
        assertEquals(Cx.BAD_INPUT, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no rows counted: 2 rows read, 0 excluded, 2 rejected {score out of range=1,"
                + " non-numeric score=1}"), r.err());
    }

    @Test
    void labelledNpsEndpointsAreAnswers() throws IOException {
        StringBuilder sb = new StringBuilder("Likelihood to recommend\n");
        for (int i = 0; i < 5; i++) {
            sb.append("10 - Extremely likely\n");
        }
        for (int i = 0; i < 9; i++) {
            sb.append(7 + i % 2).append('\n');
        }
        for (int i = 0; i < 16; i++) {
            sb.append(i % 4 == 0 ? "0 - Not at all likely" : Integer.toString(i % 7)).append('\n');
        }
        JsonNode j = json(cx("report", file("n.csv", sb.toString()).toString(), "--format", "json", "--on-error",
                "skip"));
        assertEquals(-36.666666666666664, j.at("/overall/nps/estimate").asDouble(), 1e-9);
        assertEquals(5, j.at("/overall/nps/promoters").asLong());
        assertEquals(0, j.at("/input/rejected/total").asLong());
    }

    @Test
    void csatAndCesScalesAreOptionsAndAreStated() throws IOException {
        Path f = file("s.csv", "csat,ces\n3,5\n2,4\n3,1\n1,2\n");
        JsonNode j = json(cx("report", f.toString(), "--format", "json", "--csat-scale", "1-3", "--ces-scale", "1-5"));
        assertEquals(50.0, j.at("/overall/csat/estimate").asDouble(), 1e-12);
        assertEquals(3, j.at("/overall/csat/scale/max").asInt());
        assertEquals(50.0, j.at("/overall/ces/percentAgree").asDouble(), 1e-12);
        assertEquals("1-3, satisfied >= 3", j.at("/input/scales/csat").asText());
        assertEquals("1-5, agree >= 4", j.at("/input/scales/ces").asText());
        CxTestSupport.Run t = cx("report", f.toString(), "--csat-scale", "1-3");
        assertTrue(t.out().contains("CSAT: column 'csat' (header name), scale 1-3, satisfied >= 3"), t.out());
        assertTrue(t.out().contains("CES: column 'ces' (header name), scale 1-7, agree >= 5"), t.out());
        assertEquals(Cx.USAGE, cx("report", f.toString(), "--csat-scale", "5-1").code());
    }

    @Test
    void aWeightColumnCanBeSwitchedOffAndTheTableSaysWhichWeighted() throws IOException {
        Path f = file("w.csv", "nps,weight\n10,3\n0,1\n");
        CxTestSupport.Run t = cx("report", f.toString());
        assertTrue(t.out().contains("weight: column 'weight'"), t.out());
        JsonNode u = json(cx("report", f.toString(), "--format", "json", "--unweighted"));
        assertEquals(0.0, u.at("/overall/nps/estimate").asDouble(), 1e-12);
        assertFalse(u.at("/overall/nps/weighted").asBoolean());
        assertEquals("unweighted", u.at("/input/weight").asText());
        JsonNode none = json(cx("report", f.toString(), "--format", "json", "--weight", "none"));
        assertEquals("unweighted", none.at("/input/weight").asText());
        assertEquals(50.0, json(cx("report", f.toString(), "--format", "json")).at("/overall/nps/estimate").asDouble(),
                1e-12);
    }

    @Test
    void twoNpsColumnsAreAmbiguous() throws IOException {
        Path f = file("a.csv", "NPS,Likelihood to recommend\n9,10\n");
        CxTestSupport.Run r = cx("report", f.toString());
        assertEquals(Cx.BAD_INPUT, r.code());
        assertEquals("cx: " + f + ":1: columns 'NPS' (header name), 'Likelihood to recommend' (header name) all look"
                + " like NPS; name one explicitly (--nps COLUMN) or switch NPS off (--nps none)"
                + System.lineSeparator(), r.err());
        assertEquals(1, json(cx("report", f.toString(), "--nps", "NPS", "--format", "json")).at("/overall/nps/n")
                .asLong());
    }

    @Test
    void qualtricsWithoutOptions() throws IOException {
        String z = "\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"Europe/Berlin\"\"}\"";
        Path f = file("q.csv", "StartDate,Status,Finished,RecordedDate,ResponseId,Q1,Q1_NPS_GROUP\r\n"
                + "Start Date,Response Type,Finished,Recorded Date,Response ID,\"How likely are you to recommend us?\","
                + "\"How likely are you to recommend us? - Group\"\r\n"
                + "x,x,x," + z + ",x,x,x\r\n"
                + "2024-01-31 23:30:00,IP Address,True,2024-01-31 23:30:00,R_1,10 - Extremely likely,Promoter\r\n"
                + "2024-02-01 00:30:00,Survey Preview,True,2024-02-01 00:30:00,R_2,0,Detractor\r\n"
                + "2024-02-01 00:30:00,IP Address,False,2024-02-01 00:30:00,R_3,0,Detractor\r\n"
                + "2024-02-01 00:30:00,IP Address,True,2024-02-01 00:30:00,R_4,3,Detractor\r\n");
        JsonNode j = json(cx("report", f.toString(), "--format", "json", "--period", "month"));
        assertEquals(2, j.at("/overall/nps/n").asLong());
        assertEquals("2024-01", j.at("/segments/0/key/period").asText());
        assertEquals("Europe/Berlin", j.at("/segmentation/zone").asText());
        assertEquals(2, j.at("/input/excluded/total").asLong());
        assertEquals("Status=Survey Preview", j.at("/input/excluded/rules/0/rule").asText());
        assertEquals("qualtrics", j.at("/input/layout").asText());
    }

    @Test
    void surveyMonkeyWithEmptyHeaderCellsAndTextAnswers() throws IOException {
        Path f = file("sm.csv", "Respondent ID,Collector ID,End Date,How satisfied are you?,Which?,,\n"
                + ",,,Response,A,B,C\n1,2,03/01/2024 10:10:05 AM,Very satisfied,A,,C\n"
                + "3,4,03/02/2024 01:10:05 PM,Dissatisfied,,B,\n");
        JsonNode j = json(cx("report", f.toString(), "--format", "json", "--period", "day"));
        assertEquals(50.0, j.at("/overall/csat/estimate").asDouble(), 1e-12);
        assertEquals("2024-03-01", j.at("/segments/0/key/period").asText());
    }

    @Test
    void delightedUsAndGermanDatesNeedNoOptions() throws IOException {
        Path d = file("d.csv", "Response ID,Email,Score,Created At\n1,a@b.c,9,2024-03-01 23:22:10 -0800\n");
        assertEquals("2024-03-02", json(cx("report", d.toString(), "--format", "json", "--period", "day"))
                .at("/segments/0/key/period").asText());
        Path us = file("u.csv", "nps,date\n9,03/01/2024 10:10:05 AM\n");
        assertEquals("2024-03-01", json(cx("report", us.toString(), "--format", "json", "--period", "day"))
                .at("/segments/0/key/period").asText());
        Path de = file("g.csv", "nps;datum\n9;01.03.2024\n");
        assertEquals("2024-03-01", json(cx("report", de.toString(), "--format", "json", "--period", "day", "--time",
                "datum")).at("/segments/0/key/period").asText());
        Path uk = file("k.csv", "nps,date\n9,13/01/2024\n");
        assertEquals("2024-01-13", json(cx("report", uk.toString(), "--format", "json", "--period", "day",
                "--time-format", "dd/MM/yyyy")).at("/segments/0/key/period").asText());
    }

    @Test
    void decimalCommasGzipStdinAndWorkbooks() throws IOException {
        Path semi = file("w.csv", "nps;weight\n10;1,82\n0;0,5\n");
        JsonNode j = json(cx("report", semi.toString(), "--format", "json"));
        assertEquals(2, j.at("/overall/nps/n").asLong());
        assertEquals((1.82 - 0.5) / 2.32 * 100, j.at("/overall/nps/estimate").asDouble(), 1e-9);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("nps\n10\n0\n9\n".getBytes(StandardCharsets.UTF_8));
        }
        Path g = Files.write(dir.resolve("r.csv.gz"), gz.toByteArray());
        assertEquals(3, json(cx("report", g.toString(), "--format", "json")).at("/overall/nps/n").asLong());
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(gz.toByteArray()));
            assertEquals(3, json(cx("report", "-", "--format", "json")).at("/overall/nps/n").asLong());
        } finally {
            System.setIn(stdin);
        }
        Path x = Files.write(dir.resolve("r.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        CxTestSupport.Run r = cx("report", x.toString());
        assertEquals(Cx.BAD_INPUT, r.code());
        assertTrue(r.err().contains("Excel .xlsx workbook") && !r.err().contains("Latin-1"), r.err());
    }

    @Test
    void zendeskTicketExportIsReadAsBinaryCsat() throws IOException {
        Path f = file("z.csv", "Id,Via,Group,Created at,Satisfaction Score,First reply time in minutes,"
                + "Full resolution time in minutes,Reopens\n1,Email,A,2024-03-01 10:00,Good,5,60,0\n"
                + "2,Web,A,2024-03-01 11:00,Bad,5,60,1\n3,Web,B,2024-03-01 12:00,Offered,5,60,0\n"
                + "4,Web,B,2024-03-01 13:00,Unoffered,5,60,0\n5,Web,B,2024-03-01 13:00,Good,5,60,0\n");
        JsonNode j = json(cx("report", f.toString(), "--format", "json", "--by", "Group"));
        assertEquals(3, j.at("/overall/csat/n").asLong());
        assertEquals(2, j.at("/overall/csat/missing").asLong());
        assertEquals(200.0 / 3, j.at("/overall/csat/estimate").asDouble(), 1e-9);
        assertEquals("zendesk layout", j.at("/input/rules/csat").asText());
    }

    @Test
    void maxRejectedFailsALenientRunPastTheThreshold() throws IOException {
        Path f = file("m.csv", "nps\n10\nx\n9\n7\n");
        assertEquals(Cx.BAD_INPUT, cx("report", f.toString(), "--on-error", "skip", "--max-rejected", "0").code());
        assertEquals(Cx.BAD_INPUT, cx("report", f.toString(), "--on-error", "skip", "--max-rejected", "20%").code());
        assertEquals(0, cx("report", f.toString(), "--on-error", "skip", "--max-rejected", "25%").code());
        CxTestSupport.Run r = cx("report", f.toString(), "--on-error", "skip", "--max-rejected", "lots");
        assertEquals(Cx.USAGE, r.code());
        assertTrue(r.err().startsWith("cx: --max-rejected must be a number of rows (10) or a percentage (1%)"),
                r.err());
    }

    @Test
    void whereFiltersRowsAndSaysHowMany() throws IOException {
        Path f = file("w.csv", "nps,region\n10,north\n0,south\n9,east\n");
        JsonNode j = json(cx("report", f.toString(), "--format", "json", "--where", "region=north,region=east"));
        assertEquals(2, j.at("/overall/nps/n").asLong());
        assertEquals(1, j.at("/input/excluded/total").asLong());
        CxTestSupport.Run none = cx("report", f.toString(), "--where", "region=west");
        assertEquals(Cx.BAD_INPUT, none.code());
        assertTrue(none.err().contains("no rows counted: 3 rows read, 3 excluded"), none.err());
    }

    @Test
    void usageErrorsAreOneLineThenAShortUsage() throws IOException {
        Path f = file("a.csv", "nps\n9\n");
        CxTestSupport.Run r = cx("report", f.toString(), "--zone", "Europe/Berln");
        assertEquals(Cx.USAGE, r.code());
        String[] lines = r.err().split("\\R");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].contains("did you mean Europe/Berlin?"), lines[0]);
        assertEquals("Usage: cx report [OPTIONS] FILE (see: cx report --help)", lines[1]);
        CxTestSupport.Run col = cx("report", file("r.csv", "Recommend,store\n9,a\n").toString(), "--nps", "Recomend");
        assertTrue(col.err().contains("(did you mean 'Recommend'?)"), col.err());
        assertFalse(col.err().contains("Exception"), col.err());
    }

    @Test
    void outWritesTheWholeDocumentToAFile() throws IOException {
        Path f = file("a.csv", "nps\n9\n10\n");
        Path out = dir.resolve("report.json");
        CxTestSupport.Run r = cx("report", f.toString(), "--format", "json", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(2, new ObjectMapper().readTree(out.toFile()).at("/overall/nps/n").asLong());
    }

    @Test
    void tinyCellsAreMarkedAndClippedIntervalsSaySo() throws IOException {
        Path f = file("t.csv", "ces\n7\n7\n6\n");
        CxTestSupport.Run t = cx("report", f.toString());
        assertTrue(t.out().contains("3*") && t.out().contains("7.00~"), t.out());
        JsonNode j = json(cx("report", f.toString(), "--format", "json", "--min-n", "2"));
        assertFalse(j.at("/overall/ces/lowN").asBoolean());
        assertTrue(j.at("/overall/ces/clipped").asBoolean());
        assertEquals(7.0, j.at("/overall/ces/upper").asDouble(), 0);
    }

    @Test
    void convertedValueMatchingNothingSaysSoAndListsTheValues() throws IOException {
        Path f = file("j.csv", "customer,time,touchpoint,outcome\nc1,2024-01-01T00:00:00Z,web,browse\n"
                + "c1,2024-01-02T00:00:00Z,shop,Renewed\nc2,2024-01-01T00:00:00Z,web,churned\n");
        CxTestSupport.Run r = cx("attribution", f.toString(), "--converted", "outcome=renewed");
        assertEquals(Cx.BAD_INPUT, r.code());
        assertEquals("cx: " + f + ": converted 'outcome=renewed' matches no row; values of 'outcome' seen: 'Renewed',"
                + " 'browse', 'churned'" + System.lineSeparator(), r.err());
        assertEquals(0, cx("attribution", f.toString(), "--converted", "outcome=Renewed").code());
    }

    @Test
    void everyCommandTakesTheSameReadingOptions() throws IOException {
        Path f = file("j.csv", "customer;time;touchpoint;converted\nc1;01/02/2024 10:00;web;0\n"
                + "c1;02/02/2024 10:00;shop;1\n");
        CxTestSupport.Run r = cx("attribution", f.toString(), "--delimiter", ";", "--time-format", "dd/MM/yyyy HH:mm",
                "--zone", "Europe/Berlin", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, new ObjectMapper().readTree(r.out()).at("/totals/conversions").asLong(), r.out());
        Path s = file("s.csv", "t,e\n4,1\n");
        CxTestSupport.Run z = cx("survival", s.toString(), "--time", "t", "--event", "e", "--zone", "UTC");
        assertEquals(Cx.USAGE, z.code());
        assertTrue(z.err().startsWith("cx: --zone does not apply: this command reads no times"), z.err());
        CxTestSupport.Run l = cx("funnel", f.toString(), "--steps", "web,shop", "--layout", "qualtrics");
        assertEquals(Cx.USAGE, l.code());
        assertTrue(l.err().contains("--layout qualtrics applies to survey exports (cx report)"), l.err());
    }
}
