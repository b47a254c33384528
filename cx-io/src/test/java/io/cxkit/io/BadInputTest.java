package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.TimeGrain;
import io.cxkit.survey.MissingAnswerPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Every bad-input case: the exact message under FAIL, and the rejection report under SKIP. */
class BadInputTest {

    private static BadInputException fail(String text, SurveyReader.Builder b) {
        return fail(text.getBytes(StandardCharsets.UTF_8), InputFormat.CSV, b);
    }

    private static BadInputException fail(byte[] bytes, InputFormat f, SurveyReader.Builder b) {
        String name = f == InputFormat.CSV ? "in.csv" : "in.json";
        return assertThrows(BadInputException.class,
                () -> b.build().read(new ByteArrayInputStream(bytes), name, f));
    }

    private static SurveyReadResult skip(String text, SurveyReader.Builder b) {
        return b.errors(ErrorPolicy.SKIP).build().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "in.csv", InputFormat.CSV);
    }

    @Test
    void outOfRangeScore() {
        BadInputException e = fail("id,nps\na,9\nb,11\n", SurveyReader.builder());
        assertEquals("in.csv:3:2: column 'nps' value '11': NPS score must be in [0, 10]: 11", e.getMessage());
        assertEquals("score out of range", e.error().reason());
        assertEquals(3, e.error().line());
    }

    @Test
    void nonNumericScore() {
        String labels = " or a known answer label (e.g. '10 - Extremely likely', 'Very satisfied', 'Strongly agree');"
                + " name others with labels (LABEL=SCORE)";
        assertEquals("in.csv:2:1: column 'csat' value 'good': CSAT score must be a whole number on [1, 5]" + labels,
                fail("csat\ngood\n", SurveyReader.builder()).getMessage());
        assertEquals("in.csv:2:1: column 'ces' value '4.5': CES score must be a whole number on [1, 7]" + labels,
                fail("ces\n4.5\n", SurveyReader.builder()).getMessage());
        assertEquals("in.csv:2:1: column 'nps' value 'NaN': NPS score must be a whole number on [0, 10]" + labels,
                fail("nps\nNaN\n", SurveyReader.builder()).getMessage());
        for (String v : new String[] {"5d", "5f", "0x5p0", "5.", ".5", "1e0", "5\u0000"}) {
            assertEquals("non-numeric score", fail("nps\n" + v + "\n", SurveyReader.builder()).error().reason(), v);
        }
    }

    @Test
    void emptyScoreUnderFailPolicy() {
        assertEquals("in.csv:3:2: column 'nps' value '': NPS score is missing and the missing-answer policy is FAIL",
                fail("x,nps\na,1\nb,\n", SurveyReader.builder().missingAnswers(MissingAnswerPolicy.FAIL)).getMessage());
    }

    @Test
    void badWeights() {
        String rule = "weight must be a number (digits with an optional sign and decimal part, e.g. 3, -2, 1.25)";
        assertEquals("in.csv:2:2: column 'weight' value 'NaN': " + rule,
                fail("nps,weight\n9,NaN\n", SurveyReader.builder()).getMessage());
        for (String v : new String[] {"5d", "5f", "0x5p0", "5.", ".5", "1e0", "Infinity"}) {
            assertEquals("in.csv:2:2: column 'weight' value '" + v + "': " + rule,
                    fail("nps,weight\n9," + v + "\n", SurveyReader.builder()).getMessage());
        }
        assertEquals("in.csv:2:2: column 'weight' value '-1': weight must be finite and > 0: -1",
                fail("nps,weight\n9,-1\n", SurveyReader.builder()).getMessage());
        assertEquals("in.csv:2:2: column 'weight' value '0': weight must be finite and > 0: 0",
                fail("nps,weight\n9,0\n", SurveyReader.builder()).getMessage());
        assertEquals("in.csv:2:2: column 'weight' value '': weight is empty (every row needs a weight when a weight"
                + " column is used)", fail("nps,weight\n9,\n", SurveyReader.builder()).getMessage());
        assertEquals("in.csv:2:2: column 'weight' value 'heavy': " + rule,
                fail("nps,weight\n9,heavy\n", SurveyReader.builder()).getMessage());
    }

    @Test
    void unparseableTime() {
        BadInputException e = fail("nps,time\n9,yesterday\n",
                SurveyReader.builder().period(TimeGrain.MONTH, ZoneId.of("UTC")));
        assertEquals("in.csv:2:2: column 'time' value 'yesterday': " + Timestamps.RULE, e.getMessage());
        assertTrue(fail("nps,time\n9,2026-02-30T10:00:00Z\n", SurveyReader.builder().period(TimeGrain.DAY,
                ZoneId.of("UTC"))).getMessage().startsWith("in.csv:2:2: column 'time' value '2026-02-30T10:00:00Z': "
                        + Timestamps.RULE));
    }

    @Test
    void missingRequiredColumns() {
        assertEquals("in.csv:1: required column 'Recommend?' (nps) is not in the header; columns are: a, b",
                fail("a,b\n1,2\n", SurveyReader.builder().columns(ColumnMapping.parse("nps=Recommend?"))).getMessage());
        assertEquals("in.csv:1: required column 'region' (segment attribute) is not in the header; columns are: nps",
                fail("nps\n1\n", SurveyReader.builder().segmentBy("region")).getMessage());
        assertTrue(fail("a,b\n1,2\n", SurveyReader.builder()).getMessage().startsWith("in.csv:1: no score column"));
        assertEquals("in.csv:1: required column 'time' (time, to split by month) is not in the header; columns are: nps",
                fail("nps\n1\n", SurveyReader.builder().period(TimeGrain.MONTH, ZoneId.of("UTC"))).getMessage());
        assertEquals("in.csv:1: columns 'NPS' (header name), 'nps' (header name) all look like NPS; name one"
                + " explicitly (nps=COLUMN) or switch NPS off (nps=none)",
                fail("NPS,nps\n1,2\n", SurveyReader.builder()).getMessage());
    }

    @Test
    void duplicateHeader() {
        BadInputException e = fail("nps,region,region\n1,a,b\n", SurveyReader.builder());
        assertEquals("in.csv:1:3: column 'region' value '': duplicate column name 'region' (columns 2 and 3)",
                e.getMessage());
    }

    @Test
    void raggedRows() {
        assertEquals("in.csv:3: row has 3 fields but the header has 2",
                fail("nps,a\n1,x\n2,y,z\n", SurveyReader.builder()).getMessage());
        assertEquals("in.csv:2: row has 1 field but the header has 2",
                fail("nps,a\n1\n", SurveyReader.builder()).getMessage());
    }

    @Test
    void wrongEncoding() {
        byte[] latin1 = "nps,city\n9,K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1);
        BadInputException e = fail(latin1, InputFormat.CSV, SurveyReader.builder());
        assertEquals("bad encoding", e.error().reason());
        assertTrue(e.getMessage().startsWith("in.csv:2:2: column 'city' value 'K\ufffdln': the bytes are not valid"
                + " UTF-8"), e.getMessage());
        SurveyReadResult ok = SurveyReader.builder().charset(StandardCharsets.ISO_8859_1).segmentBy("city").build()
                .read(new ByteArrayInputStream(latin1), "in.csv", InputFormat.CSV);
        assertEquals("K\u00f6ln", ok.report().segments().keys().get(0).part(0));
        BadInputException j = fail(new byte[] {'{', '"', 'n', 'p', 's', '"', ':', '"', (byte) 0xE9, '"', '}'},
                InputFormat.JSON, SurveyReader.builder());
        assertEquals("bad encoding", j.error().reason());
    }

    @Test
    void emptyAndHeaderOnlyFiles() {
        assertEquals("in.csv: the file is empty: expected a header row", fail("", SurveyReader.builder()).getMessage());
        assertEquals("in.csv: the file has a header but no data rows",
                fail("nps,csat\n", SurveyReader.builder()).getMessage());
        assertEquals("in.csv: the file has a header but no data rows",
                fail("\uFEFFnps,csat\r\n\r\n", SurveyReader.builder()).getMessage());
        assertEquals("in.json: the file is empty: expected JSON objects",
                fail(new byte[0], InputFormat.JSON, SurveyReader.builder()).getMessage());
        assertEquals("in.json:1: the file has no data rows (an empty JSON array)",
                fail("[ ]".getBytes(StandardCharsets.UTF_8), InputFormat.JSON, SurveyReader.builder()).getMessage());
    }

    @Test
    void absurdlyLongField() {
        String big = "x".repeat(200_000);
        BadInputException e = fail("note,nps\n" + big + ",9\n", SurveyReader.builder().maxFieldLength(100_000));
        assertTrue(e.getMessage().startsWith("in.csv:2:1: column 'note' value 'xxxx"), e.getMessage());
        assertTrue(e.getMessage().endsWith("field is longer than the limit of 100,000 characters (raise it with"
                + " maxFieldLength(int))"), e.getMessage());
        BadInputException q = fail("note,nps\n\"" + big + "\",9\n", SurveyReader.builder().maxFieldLength(100_000));
        assertEquals("field too long", q.error().reason());
        BadInputException j = fail(("{\"note\":\"" + big + "\",\"nps\":9}").getBytes(StandardCharsets.UTF_8),
                InputFormat.JSON, SurveyReader.builder().maxFieldLength(100_000));
        assertEquals("field too long", j.error().reason());
        assertTrue(j.getMessage().endsWith("string is longer than the limit of 100,000 characters (raise it with"
                + " maxFieldLength(int))"), j.getMessage());
    }

    @Test
    void deeplyNestedJson() {
        String deep = "{\"nps\":9,\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        BadInputException e = fail(deep.getBytes(StandardCharsets.UTF_8), InputFormat.JSON, SurveyReader.builder());
        assertEquals("nesting too deep", e.error().reason());
        assertTrue(e.getMessage().startsWith("in.json:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("value is nested deeper than 32 levels (raise it with maxNestingDepth(int))"),
                e.getMessage());
        BadInputException nested = fail("{\"nps\":{\"v\":9}}".getBytes(StandardCharsets.UTF_8), InputFormat.JSON,
                SurveyReader.builder());
        assertEquals("in.json:1:8: column 'nps' value '': value is a nested object; rows must be flat objects",
                nested.getMessage());
    }

    @Test
    void malformedJsonAndCsvQuoting() {
        BadInputException e = fail("{\"nps\":9}\n{\"nps\":".getBytes(StandardCharsets.UTF_8), InputFormat.JSON,
                SurveyReader.builder());
        assertEquals("malformed JSON", e.error().reason());
        assertEquals("in.json:2:1: value '9': expected a JSON object per row, found 9",
                fail("{\"nps\":9}\n9".getBytes(StandardCharsets.UTF_8), InputFormat.JSON, SurveyReader.builder())
                        .getMessage());
        assertEquals("unterminated quote", fail("nps,a\n9,\"open\n", SurveyReader.builder()).error().reason());
        assertEquals("bad quoting", fail("nps,a\n9,\"x\"y\n", SurveyReader.builder()).error().reason());
        assertEquals("duplicate key", fail("{\"nps\":9,\"nps\":8}".getBytes(StandardCharsets.UTF_8),
                InputFormat.JSON, SurveyReader.builder()).error().reason());
    }

    @Test
    void missingFile() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> SurveyReader.builder().build().read(Path.of("target/does-not-exist.csv")));
        assertEquals("target/does-not-exist.csv: no such file", e.getMessage());
    }

    @Test
    void skipPolicyCountsEveryReasonAndKeepsTheFirstRows() {
        StringBuilder csv = new StringBuilder("nps,weight,time\n");
        csv.append("9,1,2026-01-01\n");          // ok
        csv.append("11,1,2026-01-01\n");         // out of range
        csv.append("x,1,2026-01-01\n");          // non-numeric
        csv.append("9,-2,2026-01-01\n");         // bad weight
        csv.append("9,,2026-01-01\n");           // empty weight
        csv.append("9,1,soon\n");                // time
        csv.append("9,1\n");                     // ragged
        for (int i = 0; i < 7; i++) {
            csv.append("12,1,2026-01-02\n");     // more out of range
        }
        csv.append("3,2,2026-02-01\n");          // ok
        SurveyReadResult r = skip(csv.toString(), SurveyReader.builder().period(TimeGrain.MONTH, ZoneId.of("UTC")));
        assertEquals(15, r.rows());
        assertEquals(2, r.accepted());
        RejectedRows rej = r.rejected();
        assertEquals(13, rej.total());
        assertEquals(8L, rej.counts().get("score out of range"));
        assertEquals(RejectedRows.EXAMPLES_PER_REASON, rej.examples().get("score out of range").size());
        assertEquals(1L, rej.counts().get("non-numeric score"));
        assertEquals(1L, rej.counts().get("bad weight"));
        assertEquals(1L, rej.counts().get("empty weight"));
        assertEquals(1L, rej.counts().get("unparseable time"));
        assertEquals(1L, rej.counts().get("ragged row"));
        assertEquals("in.csv:3:1: column 'nps' value '11': NPS score must be in [0, 10]: 11",
                rej.examples().get("score out of range").get(0).toString());
        assertEquals(2, r.report().overall().nps().n());
        assertEquals(2, r.report().segments().size());
        assertTrue(rej.toString().startsWith("13 rejected rows\n  8 x score out of range"), rej.toString());
    }
}
