package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.JourneyEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A corpus of hostile files, written here: every structural problem of one row, in CSV and NDJSON,
 * under both policies. Under SKIP each is one rejected row counted by its reason, at the right line,
 * and the rows around it are read; under FAIL the same problem stops the read with
 * {@code file:line:column}.
 */
class HostileInputTest {
    private static final int LIMIT = 64;

    /** Bytes of a file from pieces: Strings in UTF-8, byte arrays as they are. */
    private static byte[] file(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object o : pieces) {
            out.writeBytes(o instanceof byte[] b ? b : String.valueOf(o).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static final byte[] INVALID = {(byte) 0xFF};

    /** One bad row of each structural kind between good rows: reason, line, column. */
    private static final byte[] CSV = file(
            "nps,note\n",                               // 1
            "9,ok\n",                                   // 2
            "8,\"bad\"x\n",                             // 3 bad quoting
            "7,ok\n",                                   // 4
            "6,caf", INVALID, "\n",                     // 5 bad encoding
            "10,", "y".repeat(LIMIT + 1), "\n",         // 6 field too long
            "5,ok\n",                                   // 7
            "4,", "z,".repeat(LIMIT), "\n",             // 8 too many columns
            "3,ok\n",                                   // 9
            "2,\"stray\n",                              // 10 unterminated quote (to the end of the file)
            "1,ok\n");                                  // 11

    private static final String[][] CSV_REJECTED = {
        {"bad quoting", "3", "2"}, {"bad encoding", "5", "2"}, {"field too long", "6", "2"},
        {"too many columns", "8", "65"}, {"unterminated quote", "10", "2"}};

    private static final byte[] NDJSON = file(
            "{\"nps\":9,\"note\":\"ok\"}\n",                          // 1
            "{\"nps\":8,\"note\":\"a\",}\n",                           // 2 trailing comma
            "{\"nps\":7,\"note\":\"ok\"}\n",                          // 3
            "{\"nps\":6,\"nps\":5}\n",                                // 4 duplicate key
            "{\"nps\":5,\"note\":\"caf", INVALID, "\"}\n",            // 5 invalid UTF-8
            "{\"nps\":4,\"note\":\"", "y".repeat(LIMIT + 1), "\"}\n", // 6 string too long
            "{\"nps\":3,\"x\":", "[".repeat(40), "]".repeat(40), "}\n", // 7 nested too deep
            "{\"nps\":2,\"note\":\"ok\"}\n",                          // 8
            "{\"nps\":1,\"note\":\"ok\"", "\n",                      // 9 not closed on its line
            "{\"nps\":0,\"note\":\"ok\"}\n",                          // 10
            "garbage\n",                                              // 11
            "{\"nps\":10,", keys(LIMIT), "\"z\":0}\n",                 // 12 too many keys
            "{\"nps\":10,\"note\":\"ok\"}\n");                        // 13

    private static final String[][] NDJSON_REJECTED = {
        {"malformed JSON", "2"}, {"duplicate key", "4"}, {"bad encoding", "5"}, {"field too long", "6"},
        {"nesting too deep", "7"}, {"malformed JSON", "9"}, {"malformed JSON", "11"}, {"too many columns", "12"}};

    private static String keys(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("\"k").append(i).append("\":1,");
        }
        return sb.toString();
    }

    private static SurveyReader.Builder reader(ErrorPolicy policy) {
        return SurveyReader.builder().errors(policy).maxFieldLength(LIMIT).maxColumns(LIMIT);
    }

    private static SurveyReadResult read(SurveyReader.Builder b, byte[] bytes, InputFormat f) {
        return b.build().read(new ByteArrayInputStream(bytes), f == InputFormat.CSV ? "in.csv" : "in.ndjson", f);
    }

    @Test
    void csvUnderSkipRejectsEachBrokenRowAndReadsTheRest() {
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.US_ASCII}) {
            SurveyReadResult r = read(reader(ErrorPolicy.SKIP).charset(cs), CSV, InputFormat.CSV);
            assertEquals(10, r.rows(), cs + ": " + r.rejected());
            assertEquals(5, r.accepted(), cs + ": " + r.rejected());
            assertEquals(5, r.report().overall().nps().n());
            assertEquals(5, r.rejected().total());
            for (String[] want : CSV_REJECTED) {
                assertEquals(1L, r.rejected().counts().get(want[0]), cs + " " + want[0] + ": " + r.rejected());
                RowError e = r.rejected().examples().get(want[0]).get(0);
                assertEquals(Long.parseLong(want[1]), e.line(), cs + " " + e);
                assertEquals(Integer.parseInt(want[2]), e.column(), cs + " " + e);
            }
        }
    }

    @Test
    void csvUnderFailStopsAtEachProblemWithItsPosition() {
        for (String[] want : CSV_REJECTED) {
            byte[] one = only(CSV, Integer.parseInt(want[1]));
            for (Charset cs : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.US_ASCII}) {
                BadInputException e = assertThrows(BadInputException.class,
                        () -> read(reader(ErrorPolicy.FAIL).charset(cs), one, InputFormat.CSV));
                assertEquals(want[0], e.error().reason(), cs + ": " + e.getMessage());
                assertTrue(e.getMessage().startsWith("in.csv:" + want[1] + ":" + want[2] + ":"), e.getMessage());
            }
        }
    }

    /** The header, some good rows and the one line {@code n} of the corpus at its own line number. */
    private static byte[] only(byte[] corpus, int n) {
        String[] lines = new String(corpus, StandardCharsets.ISO_8859_1).split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length - 1; i++) {
            boolean keep = i == 0 || i + 1 == n || !isBad(i + 1);
            sb.append(keep ? lines[i] : corpus == CSV ? "0,filler" : "{\"nps\":0}").append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isBad(int line) {
        for (String[] r : CSV_REJECTED) {
            if (Integer.parseInt(r[1]) == line) {
                return true;
            }
        }
        return false;
    }

    @Test
    void invalidUtf8IsReportedAtItsOwnLineFarFromTheBufferStart() {
        StringBuilder sb = new StringBuilder("nps,note\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("9,ok\n");
        }
        byte[] bytes = file(sb, "8,caf", INVALID, "\n", "7,ok\n");
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.US_ASCII}) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> read(reader(ErrorPolicy.FAIL).charset(cs), bytes, InputFormat.CSV));
            assertTrue(e.getMessage().startsWith("in.csv:5002:2: column 'note' value 'caf\ufffd': the bytes are"
                    + " not valid "), e.getMessage());
            SurveyReadResult r = read(reader(ErrorPolicy.SKIP).charset(cs), bytes, InputFormat.CSV);
            assertEquals(5001, r.accepted());
            assertEquals(5002, r.rejected().examples().get("bad encoding").get(0).line());
        }
    }

    @Test
    void ndjsonUnderSkipRejectsEachBrokenLineAndReadsTheRest() {
        SurveyReadResult r = read(reader(ErrorPolicy.SKIP), NDJSON, InputFormat.JSON);
        assertEquals(13, r.rows(), r.rejected().toString());
        assertEquals(5, r.accepted(), r.rejected().toString());
        assertEquals(8, r.rejected().total());
        Map<String, List<Long>> lines = new LinkedHashMap<>();
        for (String[] want : NDJSON_REJECTED) {
            lines.computeIfAbsent(want[0], k -> new ArrayList<>()).add(Long.parseLong(want[1]));
        }
        lines.forEach((reason, at) -> {
            assertEquals((long) at.size(), r.rejected().counts().get(reason), reason + ": " + r.rejected());
            List<Long> got = r.rejected().examples().get(reason).stream().map(RowError::line).toList();
            assertEquals(at, got, reason);
        });
    }

    @Test
    void ndjsonUnderFailStopsAtTheFirstBrokenLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> read(reader(ErrorPolicy.FAIL), NDJSON, InputFormat.JSON));
        assertEquals("malformed JSON", e.error().reason());
        assertTrue(e.getMessage().startsWith("in.ndjson:2:"), e.getMessage());
        BadInputException dup = assertThrows(BadInputException.class, () -> read(reader(ErrorPolicy.FAIL),
                file("{\"nps\":1}\n{\"nps\":6,\"nps\":5}\n"), InputFormat.JSON));
        assertEquals("in.ndjson:2:16: column 'nps' value '': key 'nps' appears more than once in the object",
                dup.getMessage());
    }

    @Test
    void aBrokenFirstLineDoesNotHideTheColumns() {
        SurveyReadResult r = read(reader(ErrorPolicy.SKIP), file("{\"nps\":9,}\n{\"nps\":8}\n{\"nps\":7}\n"),
                InputFormat.JSON);
        assertEquals(3, r.rows());
        assertEquals(2, r.accepted());
        assertEquals(1, r.rejected().examples().get("malformed JSON").get(0).line());
        BadInputException e = assertThrows(BadInputException.class, () -> read(reader(ErrorPolicy.SKIP),
                file("{\"nps\":9,}\n{\"nps\":\n"), InputFormat.JSON));
        assertEquals("malformed JSON", e.error().reason());
    }

    @Test
    void inAJsonArrayDuplicateKeysAreRowsButBrokenSyntaxFailsTheFile() {
        SurveyReadResult r = read(reader(ErrorPolicy.SKIP), file("[{\"nps\":9},\n{\"nps\":8,\"nps\":1},\n7,\n",
                "{\"nps\":6}]"), InputFormat.JSON);
        assertEquals(4, r.rows());
        assertEquals(2, r.accepted());
        assertEquals(1L, r.rejected().counts().get("duplicate key"));
        assertEquals(1L, r.rejected().counts().get("not an object"));
        BadInputException e = assertThrows(BadInputException.class, () -> read(reader(ErrorPolicy.SKIP),
                file("[{\"nps\":9},\n{\"nps\":8,},\n{\"nps\":6}]"), InputFormat.JSON));
        assertEquals("malformed JSON", e.error().reason());
        assertEquals(2, e.error().line());
    }

    @Test
    void wholeFileProblemsStillFailUnderSkip() {
        assertEquals("empty file", assertThrows(BadInputException.class,
                () -> read(reader(ErrorPolicy.SKIP), new byte[0], InputFormat.CSV)).error().reason());
        assertEquals("no data rows", assertThrows(BadInputException.class,
                () -> read(reader(ErrorPolicy.SKIP), file("nps\n"), InputFormat.CSV)).error().reason());
        assertEquals("bad encoding", assertThrows(BadInputException.class,
                () -> read(reader(ErrorPolicy.SKIP), file("nps,caf", INVALID, "\n9,x\n"), InputFormat.CSV))
                .error().reason());
        assertEquals("too many columns", assertThrows(BadInputException.class,
                () -> read(reader(ErrorPolicy.SKIP), file("nps,", "c,".repeat(LIMIT), "\n9\n"), InputFormat.CSV))
                .error().reason());
        assertEquals("no such file", assertThrows(BadInputException.class,
                () -> reader(ErrorPolicy.SKIP).build().read(java.nio.file.Path.of("target/none.csv"))).error()
                .reason());
    }

    @Test
    void everyEventReaderSkipsBrokenRows() {
        byte[] events = file("customer,time,touchpoint,channel\n", "c1,2026-01-01T10:00:00Z,web,web\n",
                "c1,\"2026-01-02\"x,app,app\n", "c2,2026-01-03T10:00:00Z,caf", INVALID, ",web\n",
                "c2,2026-01-04T10:00:00Z,app,app\n");
        List<JourneyEvent> got = new ArrayList<>();
        ReadSummary s = JourneyEventReader.builder().errors(ErrorPolicy.SKIP).build()
                .read(new ByteArrayInputStream(events), "ev.csv", InputFormat.CSV, got::add);
        assertEquals(4, s.rows());
        assertEquals(2, s.accepted());
        assertEquals(2, got.size());
        assertEquals(1L, s.rejected().counts().get("bad quoting"));
        assertEquals(4, s.rejected().examples().get("bad encoding").get(0).line());
        byte[] ndjson = file("{\"customer\":\"c1\",\"time\":\"2026-01-01T10:00:00Z\",\"touchpoint\":\"web\","
                + "\"channel\":\"web\"}\n", "{\"customer\":\"c1\",,}\n");
        ReadSummary j = JourneyEventReader.builder().errors(ErrorPolicy.SKIP).build()
                .read(new ByteArrayInputStream(ndjson), "ev.ndjson", InputFormat.JSON, e -> { });
        assertEquals(1, j.accepted());
        assertEquals(1L, j.rejected().counts().get("malformed JSON"));
    }

    @Test
    void utf16AndUtf32NdjsonSkipBrokenLinesToo() {
        String text = "{\"nps\":9,\"city\":\"K\u00f6ln \ud83d\ude00\"}\n{\"nps\":8,}\n{\"nps\":7,\"city\":\"x\"}\n";
        for (String cs : new String[] {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE"}) {
            SurveyReadResult r = read(reader(ErrorPolicy.SKIP).segmentBy("city"), text.getBytes(Charset.forName(cs)),
                    InputFormat.JSON);
            assertEquals(3, r.rows(), cs);
            assertEquals(2, r.accepted(), cs);
            assertEquals(2, r.rejected().examples().get("malformed JSON").get(0).line(), cs);
            assertEquals("K\u00f6ln \ud83d\ude00", r.report().segments().keys().get(0).part(0), cs);
        }
        byte[] badUtf16 = file(new byte[] {0, '{', 0, '"', 0, 'n', 0, 'p', 0, 's', 0, '"', 0, ':', 0, '9', (byte) 0xDC,
            0, 0, '}'});
        assertEquals("bad encoding", assertThrows(BadInputException.class,
                () -> read(reader(ErrorPolicy.SKIP), badUtf16, InputFormat.JSON)).error().reason());
    }
}
