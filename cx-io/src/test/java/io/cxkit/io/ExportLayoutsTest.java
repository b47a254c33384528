package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.RatingScale;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of exports in the layouts of Qualtrics, SurveyMonkey, Delighted and Zendesk, written
 * here from one set of answers (with a byte-order mark, CRLF line ends, quoted commas and line
 * breaks), each read with no options and compared with the same answers in a plain CSV: the
 * reports must be identical, segment by segment and month by month.
 */
class ExportLayoutsTest {
    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final String[] REGIONS = {"north", "south", "east, coast"};
    private static final String[] CSAT5 = {"Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied",
        "Satisfied", "Very satisfied"};
    private static final String[] AGREE7 = {"Strongly disagree", "Disagree", "Somewhat disagree",
        "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"};
    private static final String[] EASE5 = {"Very difficult", "Difficult", "Neither easy nor difficult", "Easy",
        "Very easy"};
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(CxJacksonModule.of(0.95));

    @TempDir
    Path dir;

    /** One response: scores (-1: no answer), region, local time, and whether Qualtrics would count it. */
    private record Answer(int nps, int csat, int ces, String region, LocalDateTime local, String status,
            boolean finished) {
        boolean counted() {
            return status.equals("IP Address") && finished;
        }
    }

    private static List<Answer> answers(int n, long seed) {
        Random rnd = new Random(seed);
        List<Answer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int nps = rnd.nextInt(10) == 0 ? -1 : rnd.nextInt(11);
            int csat = rnd.nextInt(12) == 0 ? -1 : 1 + rnd.nextInt(5);
            int ces = rnd.nextInt(9) == 0 ? -1 : 1 + rnd.nextInt(7);
            LocalDateTime t = LocalDateTime.of(2024, 1, 31, 22, 0).plusMinutes(rnd.nextInt(60 * 24 * 70));
            String status = i % 17 == 5 ? "Survey Preview" : i % 23 == 7 ? "Spam" : "IP Address";
            boolean finished = i % 13 != 3;
            l.add(new Answer(nps, csat, ces, REGIONS[rnd.nextInt(3)], t, status, finished));
        }
        return l;
    }

    private static String cell(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static String line(String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(i > 0 ? "," : "").append(cell(cells[i]));
        }
        return sb.append("\r\n").toString();
    }

    private static String num(int v) {
        return v < 0 ? "" : Integer.toString(v);
    }

    /** The same answers as a plain CSV with UTC times (only the rows a layout counts). */
    private Path plain(List<Answer> as, boolean cesOnFive, String name) throws IOException {
        StringBuilder sb = new StringBuilder("nps,csat,ces,Region,time\n");
        for (Answer a : as) {
            int ces = cesOnFive && a.ces() > 5 ? 5 : a.ces();
            sb.append(num(a.nps())).append(',').append(num(a.csat())).append(',').append(num(ces)).append(',')
                    .append(cell(a.region())).append(',')
                    .append(a.local().atZone(DENVER).toInstant()).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    /** NPS answers only, as a plain CSV with UTC times. */
    private Path plainNps(List<Answer> as, String name) throws IOException {
        StringBuilder sb = new StringBuilder("nps,Region,time\n");
        for (Answer a : as) {
            sb.append(num(a.nps())).append(',').append(cell(a.region())).append(',')
                    .append(a.local().atZone(DENVER).toInstant()).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), "\uFEFF" + text, StandardCharsets.UTF_8);
    }

    private static JsonNode scores(SurveyReadResult r) {
        JsonNode j = JSON.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) j).remove("input");
        return j;
    }

    private static SurveyReader.Builder byRegionAndMonth() {
        return SurveyReader.builder().segmentBy("region").period(TimeGrain.MONTH);
    }

    @Test
    void qualtricsExportReadsLikeThePlainFile() throws IOException {
        List<Answer> as = answers(400, 11);
        StringBuilder q = new StringBuilder();
        q.append(line("StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
                "RecordedDate", "ResponseId", "Region", "Q1", "Q1_NPS_GROUP", "Q2", "Q3", "Q4"));
        q.append(line("Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                "Finished", "Recorded Date", "Response ID", "Region",
                "How likely are you to recommend us to a friend or colleague?",
                "How likely are you to recommend us to a friend or colleague? - Group",
                "Overall, how satisfied are you with your visit?", "The company made it easy for me to handle my issue.",
                "Anything else?\nTell us, please."));
        String z = "\"timeZone\":\"America/Denver\"";
        q.append(line("{\"ImportId\":\"startDate\"," + z + "}", "{\"ImportId\":\"endDate\"," + z + "}",
                "{\"ImportId\":\"status\"}", "{\"ImportId\":\"ipAddress\"}", "{\"ImportId\":\"progress\"}",
                "{\"ImportId\":\"duration\"}", "{\"ImportId\":\"finished\"}",
                "{\"ImportId\":\"recordedDate\"," + z + "}", "{\"ImportId\":\"_recordId\"}",
                "{\"ImportId\":\"QID9\"}", "{\"ImportId\":\"QID1\"}", "{\"ImportId\":\"QID1_NPS_GROUP\"}",
                "{\"ImportId\":\"QID2\"}", "{\"ImportId\":\"QID3\"}", "{\"ImportId\":\"QID4_TEXT\"}"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        int k = 0;
        for (Answer a : as) {
            String nps = a.nps() == 0 ? "0 - Not at all likely" : a.nps() == 10 ? "10 - Extremely likely" : num(a.nps());
            String group = a.nps() < 0 ? "" : a.nps() >= 9 ? "Promoter" : a.nps() >= 7 ? "Passive" : "Detractor";
            String t = f.format(a.local());
            q.append(line(t, t, a.status(), "10.0.0." + k, a.finished() ? "100" : "40", "61",
                    a.finished() ? (k % 2 == 0 ? "True" : "1") : "False", t, "R_" + k++, a.region(), nps, group,
                    a.csat() < 0 ? "" : CSAT5[a.csat() - 1], a.ces() < 0 ? "" : AGREE7[a.ces() - 1],
                    "Fine, \"really\"\nthanks"));
        }
        Path file = write("qualtrics.csv", q.toString());
        SurveyReadResult r = byRegionAndMonth().build().read(file);
        List<Answer> counted = as.stream().filter(Answer::counted).toList();
        SurveyReadResult p = byRegionAndMonth().zone(DENVER).build().read(plain(counted, false, "plain.csv"));
        assertEquals(scores(p), scores(r));
        assertEquals("qualtrics", r.input().layout());
        assertEquals("America/Denver", r.input().timeZone());
        assertEquals(Map.of("nps", "Q1", "csat", "Q2", "ces", "Q3", "time", "RecordedDate"),
                Map.of("nps", r.columns().get("nps"), "csat", r.columns().get("csat"), "ces", r.columns().get("ces"),
                        "time", r.columns().get("time")));
        assertEquals("question wording", r.input().rules().get("csat"));
        long previews = as.stream().filter(a -> a.status().equals("Survey Preview")).count();
        long unfinished = as.stream().filter(a -> !a.finished()).count();
        assertEquals(unfinished, r.input().excluded().get("Finished=False"));
        assertTrue(r.input().excluded().get("Status=Survey Preview") <= previews);
        assertEquals(as.size() - counted.size(), r.input().excludedTotal());
        assertEquals(counted.size(), r.accepted());
        assertEquals("unweighted", r.input().weight());
        // By ID or by question text, the same column.
        SurveyReadResult byText = byRegionAndMonth().columns(ColumnMapping.auto().with(ColumnMapping.Role.NPS,
                "How likely are you to recommend us to a friend or colleague?")).build().read(file);
        assertEquals(scores(r), scores(byText));
        assertEquals("named by question text", byText.input().rules().get("nps"));
        // Read in parallel parts: the header rows are read once, the exclusions add up.
        SurveyReadResult parallel = byRegionAndMonth().threads(3).minPartBytes(5_000).build().read(file);
        assertEquals(scores(r), scores(parallel));
        assertEquals(r.input(), parallel.input());
    }

    @Test
    void surveyMonkeyExportReadsLikeThePlainFile() throws IOException {
        List<Answer> as = answers(300, 12);
        StringBuilder s = new StringBuilder();
        s.append(line("Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
                "First Name", "Last Name", "Custom Data 1", "Region",
                "How likely is it that you would recommend this company to a friend or colleague?",
                "How satisfied were you with our support?", "Which channels did you use?", "", "",
                "How easy was it to get your issue resolved?", "Any other comments?"));
        s.append(line("", "", "", "", "", "", "", "", "", "Response", "Response", "Response", "Phone", "Email", "Chat",
                "Response", "Open-Ended Response"));
        DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
        int k = 0;
        for (Answer a : as) {
            int ces = a.ces() > 5 ? 5 : a.ces();
            String t = us.format(a.local());
            s.append(line(Long.toString(114000000000L + k), "4051", t, t, "10.0.0.1", "", "", "", "", a.region(),
                    num(a.nps()), a.csat() < 0 ? "" : CSAT5[a.csat() - 1], k % 2 == 0 ? "Phone" : "", "Email",
                    k % 3 == 0 ? "Chat" : "", ces < 0 ? "" : EASE5[ces - 1], "ok, \"good\"\nbye"));
            k++;
        }
        Path file = write("surveymonkey.csv", s.toString());
        RatingScale ces5 = RatingScale.of(1, 5, 4);
        SurveyReadResult r = byRegionAndMonth().zone(DENVER).cesScale(ces5).build().read(file);
        SurveyReadResult p = byRegionAndMonth().zone(DENVER).cesScale(ces5).build().read(plain(as, true, "p.csv"));
        assertEquals(scores(p), scores(r));
        assertEquals("surveymonkey", r.input().layout());
        assertEquals("End Date", r.columns().get("time"));
        assertEquals("How satisfied were you with our support?", r.columns().get("csat"));
        assertEquals(as.size(), r.accepted());
    }

    @Test
    void delightedExportReadsLikeThePlainFile() throws IOException {
        List<Answer> as = answers(200, 13);
        StringBuilder s = new StringBuilder(line("Response ID", "Person ID", "Email", "Name", "Score", "Comment",
                "Permalink", "Created At", "Updated At", "Region"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");
        int k = 0;
        List<Answer> answered = new ArrayList<>();
        for (Answer a : as) {
            if (a.nps() < 0) {
                continue; // Delighted writes a row per answer
            }
            answered.add(new Answer(a.nps(), -1, -1, a.region(), a.local(), a.status(), true));
            String t = f.format(a.local().atZone(DENVER));
            s.append(line(Integer.toString(k), "p" + k, "x@example.com", "X, Y", num(a.nps()), "Great,\n\"really\"",
                    "https://delighted.com/r/" + k++, t, t, a.region()));
        }
        Path file = write("delighted.csv", s.toString());
        SurveyReadResult r = byRegionAndMonth().zone(DENVER).build().read(file);
        SurveyReadResult p = byRegionAndMonth().zone(DENVER).build().read(plainNps(answered, "p.csv"));
        assertEquals(scores(p), scores(r));
        assertEquals("delighted layout", r.input().rules().get("nps"));
        assertEquals("Score", r.columns().get("nps"));
    }

    @Test
    void zendeskTicketExportIsABinaryCsat() throws IOException {
        String[] scores = {"Good", "Bad", "Offered", "Unoffered", "Good", "Good", "Bad", "Good"};
        StringBuilder s = new StringBuilder(line("Id", "Requester", "Group", "Via", "Created at", "Solved at",
                "Satisfaction Score", "Satisfaction Comment", "First reply time in minutes",
                "Full resolution time in minutes", "Reopens"));
        StringBuilder p = new StringBuilder("csat,group\n");
        for (int i = 0; i < 40; i++) {
            String v = scores[i % scores.length];
            String g = i % 3 == 0 ? "Tier 2" : "Support, EU";
            s.append(line(Integer.toString(1000 + i), "A B", g, "Email", "2024-03-0" + (1 + i % 9) + " 14:22",
                    "2024-03-10 09:00", v, "slow, but ok", "12", "480", "0"));
            p.append(v.equals("Good") ? "1" : v.equals("Bad") ? "0" : "").append(',').append(cell(g)).append('\n');
        }
        Path file = write("zendesk.csv", s.toString());
        SurveyReadResult r = SurveyReader.builder().segmentBy("Group").build().read(file);
        SurveyReadResult plainRead = SurveyReader.builder().segmentBy("group").csatScale(RatingScale.of(0, 1, 1))
                .build().read(Files.writeString(dir.resolve("z.csv"), p.toString()));
        JsonNode a = scores(r);
        JsonNode b = scores(plainRead);
        assertEquals(b.get("overall"), a.get("overall"));
        assertEquals(b.get("segments").get(0).get("csat"), a.get("segments").get(0).get("csat"));
        assertEquals("zendesk", r.input().layout());
        assertEquals("0-1, satisfied >= 1", r.input().scales().get("csat"));
        assertEquals(30, r.report().overall().csat().n());
        assertEquals(10, r.report().overall().csat().missing());
    }

    @Test
    void gzipStdinAndSkippedRowsReadTheSameRows() throws IOException {
        String csv = "nps,weight\n10,1\n0,2\n9,1.5\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Path f = Files.write(dir.resolve("r.csv.gz"), gz.toByteArray());
        SurveyReader reader = SurveyReader.builder().build();
        JsonNode expected = scores(reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s",
                InputFormat.CSV));
        assertEquals(expected, scores(reader.read(f)));
        Path titled = Files.writeString(dir.resolve("t.csv"), "Survey export\r\nGenerated 2024-03-01\r\n" + csv
                + "11,1\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> SurveyReader.builder().skipRows(2).build().read(titled));
        assertEquals("t.csv:7:1: column 'nps' value '11': NPS score must be in [0, 10]: 11", e.getMessage());
    }

    @Test
    void binaryFilesAreNamedNotBlamedOnTheCharset() throws IOException {
        Path xlsx = Files.write(dir.resolve("r.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        BadInputException e = assertThrows(BadInputException.class, () -> SurveyReader.builder().build().read(xlsx));
        assertTrue(e.getMessage().startsWith("r.xlsx: the file is a ZIP archive or an Excel .xlsx workbook"),
                e.getMessage());
        Path parquet = Files.write(dir.resolve("r.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
        assertTrue(assertThrows(BadInputException.class, () -> SurveyReader.builder().build().read(parquet))
                .getMessage().contains("Parquet"));
    }

    @Test
    void decimalCommasInSemicolonFiles() {
        String csv = "nps;gewicht;weight\n10;x;1,82\n0;y;0,5\n";
        SurveyReadResult r = SurveyReader.builder().build().read(new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8)), "de.csv", InputFormat.CSV);
        assertEquals(2, r.report().overall().nps().n());
        assertEquals((1.82 - 0.5) / 2.32 * 100, r.report().overall().nps().estimate(), 1e-9);
        BadInputException e = assertThrows(BadInputException.class, () -> SurveyReader.builder().decimalComma(true)
                .build().read(new ByteArrayInputStream("nps,weight\n10,1.5\n".getBytes(StandardCharsets.UTF_8)),
                        "c.csv", InputFormat.CSV));
        assertEquals("non-numeric weight", e.error().reason());
    }

    @Test
    void timesInTheCommonExportFormats() {
        Timestamps utc = new Timestamps(ZoneOffset.UTC);
        long t = LocalDateTime.of(2024, 3, 1, 10, 10, 5).toEpochSecond(ZoneOffset.UTC);
        assertEquals(t, utc.epochSecond("03/01/2024 10:10:05 AM"));
        assertEquals(t + 12 * 3600, utc.epochSecond("3/1/2024 10:10:05 PM"));
        assertEquals(t - 36_605, utc.epochSecond("01.03.2024"));
        assertEquals(t + 8 * 3600, utc.epochSecond("2024-03-01 10:10:05 -0800"));
        assertEquals(t - 36_605, utc.epochSecond("20240301"));
        assertEquals(1_767_225_600L, utc.epochSecond("1767225600"));
        assertEquals(t, new Timestamps(ZoneOffset.UTC, "dd/MM/yyyy HH:mm:ss").epochSecond("01/03/2024 10:10:05"));
        for (String bad : new String[] {"-9223372036854775808", "9223372036854775807", "20241301", "13/01/2024",
            "99999999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> utc.epochSecond(bad), bad);
        }
    }

    @Test
    void hugeEpochTimesAreRowErrorsNotCrashes() {
        SurveyReader r = SurveyReader.builder().period(TimeGrain.DAY).errors(ErrorPolicy.SKIP).build();
        SurveyReadResult res = r.read(new ByteArrayInputStream(("nps,time\n9,-9223372036854775808\n"
                + "9,9223372036854775807\n10,2024-03-01\n").getBytes(StandardCharsets.UTF_8)), "t.csv", InputFormat.CSV);
        assertEquals(2, res.rejected().counts().get("unparseable time"));
        assertEquals(1, res.accepted());
    }

    @Test
    void scoreColumnsByWordingButNotCategoriesOrText() {
        ExportHeader h = header("Respondent,Q1 NPS,NPS category,NPS date,Q2 CSAT rating,Why did you give that score?");
        ColumnMapping.Choice[] c = ColumnMapping.auto().resolve(h, "x.csv", Map.of());
        assertEquals(1, c[ColumnMapping.Role.NPS.ordinal()].index());
        assertEquals("question wording", c[ColumnMapping.Role.NPS.ordinal()].rule());
        assertEquals(4, c[ColumnMapping.Role.CSAT.ordinal()].index());
        assertEquals(-1, c[ColumnMapping.Role.CES.ordinal()].index());
        // Words, not substrings: "another" is not "other", "update" is not "date".
        ExportHeader w = header("Would you recommend us to another person?,How satisfied are you with the update?,"
                + "Q5_TEXT,Other (please specify),a,b");
        ColumnMapping.Choice[] d = ColumnMapping.auto().resolve(w, "x.csv", Map.of());
        assertEquals(0, d[ColumnMapping.Role.NPS.ordinal()].index());
        assertEquals(1, d[ColumnMapping.Role.CSAT.ordinal()].index());
    }

    private static ExportHeader header(String line) {
        RowSource rows = RowSources.open(new ByteArrayInputStream((line + "\n1,2,3,4,5,6\n").getBytes(
                StandardCharsets.UTF_8)), "x.csv", InputFormat.CSV, StandardCharsets.UTF_8, (char) 0,
                new SourceLimits(1000, 8, ReadLimit.COLUMNS.defaultValue()));
        return ExportHeader.read(rows, "x.csv", null, 0, rows.columns());
    }

    @Test
    void answerLabelsAsToolsWriteThem() {
        AnswerLabels l = AnswerLabels.standard();
        assertEquals(10, l.score("10 - Extremely likely", 0, 10));
        assertEquals(0, l.score("0 = Not at all likely", 0, 10));
        assertEquals(10, l.score("Extremely likely - 10", 0, 10));
        assertEquals(10, l.score("Extremely likely 10", 0, 10));
        assertEquals(5, l.score("Very satisfied (5)", 1, 5));
        assertEquals(4, l.score("4 stars", 1, 5));
        assertEquals(2, l.score("Somewhat dissatisfied", 1, 5));
        assertEquals(3, l.score("somewhat  disagree.", 1, 7));
        assertEquals(1, l.score("Good, I\u2019m satisfied", 0, 1));
        assertEquals(0, l.score("Bad", 0, 1));
        assertEquals(AnswerLabels.UNKNOWN, l.score("Good", 1, 5));
        assertEquals(AnswerLabels.UNKNOWN, l.score("Very satisfied", 0, 10));
        assertEquals(AnswerLabels.NO_ANSWER, l.score("Unoffered", 0, 1));
        assertEquals(AnswerLabels.UNKNOWN, l.score("5.5", 1, 7));
        AnswerLabels mine = AnswerLabels.parse("Loved it=5, Hated it = 1");
        assertEquals(5, mine.score("LOVED IT", 1, 5));
        assertEquals(1, mine.score("hated it", 1, 5));
        assertThrows(IllegalArgumentException.class, () -> AnswerLabels.parse("Loved it"));
        assertThrows(IllegalArgumentException.class, () -> AnswerLabels.parse("Loved it=x"));
    }
}
