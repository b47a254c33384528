package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bad-input matrix: each case's message on stderr and exit code 1; usage errors exit 2. */
class ExitCodeTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private void bad(Path f, String expectedStderr, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "report";
        args[1] = f.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        CxTestSupport.Run r = cx(args);
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("cx: " + f + expectedStderr + System.lineSeparator(), r.err());
    }

    @Test
    void outOfRangeScore() throws IOException {
        bad(file("a.csv", "nps\n10\n11\n"), ":3:1: column 'nps' value '11': NPS score must be in [0, 10]: 11");
    }

    @Test
    void nonNumericScore() throws IOException {
        bad(file("a.csv", "id,csat\nx,great\n"), ":2:2: column 'csat' value 'great': CSAT score must be a whole number"
                + " on [1, 5] or a known answer label (e.g. '10 - Extremely likely', 'Very satisfied', 'Strongly agree');"
                + " name others with --labels LABEL=SCORE");
    }

    @Test
    void emptyScoreWithMissingPolicyFail() throws IOException {
        bad(file("a.csv", "id,ces\nx,\n"),
                ":2:2: column 'ces' value '': CES score is missing and the missing-answer policy is FAIL",
                "--missing", "fail");
    }

    @Test
    void emptyScoreIsMissingByDefault() throws IOException {
        CxTestSupport.Run r = cx("report", file("a.csv", "id,ces\nx,\ny,5\n").toString(), "--format", "json");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\"missing\" : 1"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NaN|weight must be a number (digits with an optional sign and decimal part, e.g. 3, -2, 1.25)",
        "5.|weight must be a number (digits with an optional sign and decimal part, e.g. 3, -2, 1.25)",
        "-3|weight must be finite and > 0: -3",
        "''|weight is empty (every row needs a weight when a weight column is used)"})
    void badWeight(String w, String rule) throws IOException {
        bad(file("w.csv", "nps,weight\n9," + w + "\n"), ":2:2: column 'weight' value '" + w + "': " + rule);
    }

    @Test
    void unparseableTime() throws IOException {
        bad(file("t.csv", "nps,date\n9,31/12/2026\n"), ":2:2: column 'date' value '31/12/2026': a date with slashes"
                + " is read month first (MM/dd/yyyy, as US exports write it) and 31 is not a month; for day-first dates"
                + " give --time-format dd/MM/yyyy", "--period", "month");
        bad(file("u.csv", "nps,date\n9,yesterday\n"), ":2:2: column 'date' value 'yesterday': time must be ISO-8601"
                + " (2026-03-02T10:15:00Z, with or without offset), a date (2026-03-02) or epoch seconds/milliseconds",
                "--period", "month");
    }

    @Test
    void missingRequiredColumn() throws IOException {
        bad(file("m.csv", "a,b\n1,2\n"), ":1: required column 'Recommend' (nps) is not in the header; columns are: a, b",
                "--nps", "Recommend");
        bad(file("m2.csv", "nps\n1\n"), ":1: required column 'region' (segment attribute) is not in the header;"
                + " columns are: nps", "--by", "region");
    }

    @Test
    void duplicateHeader() throws IOException {
        bad(file("d.csv", "nps,nps\n1,2\n"), ":1:2: column 'nps' value '': duplicate column name 'nps' (columns 1 and 2)");
    }

    @Test
    void raggedRow() throws IOException {
        bad(file("r.csv", "nps,tp\n1,a\n2,b,c\n"), ":3: row has 3 fields but the header has 2");
    }

    @Test
    void wrongEncoding() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "nps,city\n9,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1));
        bad(f, ":2:2: column 'city' value 'M\ufffdnchen': the bytes are not valid UTF-8 (a Latin-1 or Windows-1252"
                + " export? convert it to UTF-8 or name its charset, e.g. --charset windows-1252)");
        assertEquals(0, cx("report", f.toString(), "--charset", "ISO-8859-1", "--by", "city").code());
    }

    @Test
    void utf8BomIsFine() throws IOException {
        assertEquals(0, cx("report", file("bom.csv", "\uFEFFnps\n9\n").toString()).code());
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        bad(file("e.csv", ""), ": the file is empty: expected a header row");
        bad(file("h.csv", "nps,csat\n"), ": the file has a header but no data rows");
        bad(file("e.ndjson", ""), ": the file is empty: expected JSON objects");
    }

    @Test
    void absurdlyLongField() throws IOException {
        Path f = file("long.csv", "note,nps\n" + "y".repeat(1_100_000) + ",9\n");
        CxTestSupport.Run r = cx("report", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("cx: " + f + ":2:1: column 'note' value 'yyyy"), r.err());
        assertTrue(r.err().strip().endsWith("field is longer than the limit of 1,000,000 characters (raise it with"
                + " --max-field-length N)"), r.err());
    }

    @Test
    void deeplyNestedJson() throws IOException {
        Path f = file("deep.json", "[{\"nps\":9,\"x\":" + "[".repeat(500) + "]".repeat(500) + "}]");
        CxTestSupport.Run r = cx("report", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("cx: " + f + ":1:"), r.err());
        assertTrue(r.err().contains("value is nested deeper than 32 levels"), r.err());
    }

    @Test
    void noSuchFile() {
        CxTestSupport.Run r = cx("report", dir.resolve("nope.csv").toString());
        assertEquals(1, r.code());
        assertEquals("cx: " + dir.resolve("nope.csv") + ": no such file" + System.lineSeparator(), r.err());
    }

    @Test
    void skipReportsRejectedRowsAndSucceeds() throws IOException {
        Path f = file("s.csv", "nps,weight\n9,1\n11,1\nx,1\n5,-1\n");
        CxTestSupport.Run r = cx("report", f.toString(), "--on-error", "skip");
        assertEquals(0, r.code());
        assertTrue(r.err().startsWith("cx: 3 rejected rows\n  1 x score out of range\n    " + f
                + ":3:1: column 'nps' value '11'"), r.err());
        CxTestSupport.Run j = cx("report", f.toString(), "--on-error", "skip", "--format", "json");
        assertTrue(j.out().contains("\"total\" : 3"), j.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report",
        "report x.csv --bogus",
        "report x.csv --period fortnight",
        "report x.csv --zone Mars/Olympus",
        "report x.csv --confidence 1.5",
        "report x.csv --format xml",
        "report x.csv --on-error ignore",
        "generate --responses 10",
        "generate --responses 10 --customers 20 --out target/x",
        "frobnicate",
        "''"})
    void usageErrorsExitTwo(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        CxTestSupport.Run r = cx(args);
        assertEquals(2, r.code(), line + ": " + r.err());
        assertTrue(!r.err().isEmpty());
    }
}
