package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.SegmentKey;
import io.cxkit.core.TimeGrain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level UTF-8 reader against the char-level one (the same text in UTF-16, which goes
 * through {@link CsvSource}), the parallel read against the one-thread read, and the byte parsers
 * of numbers and times against the String ones.
 */
class ByteCsvTest {
    private static final String[] VALUES = {"web", "app", "phone, support", "K\u00f6ln", "\u65e5\u672c",
        "say \"hi\"", "emoji \ud83d\ude00", " padded ", "", "multi\nline", "tp07", "a;b", "tab\there", "x|y"};
    private static final String[] SCORES = {"0", "7", "10", "9", "", "", "11", "x", " 8 ", "7.0", "+5", "-1",
        "\"6\"", "00009"};
    private static final String[] TIMES = {"2026-01-05T10:00:00Z", "2026-02-28T23:59:59.123Z",
        "2026-03-01T00:30:00+01:00", "2026-03-01 08:00:00", "2026-04-02", "1767225600", "1767225600123",
        "2026-02-30T10:00:00Z", "soon", "2026-05-01T10:00:00-07:30", "\"2026-06-01T00:00:00Z\"", ""};
    private static final String[] WEIGHTS = {"1", "1.5", "0.25", "2.000", "3e0", "", "0", "-1", "NaN", ".5",
        "12345678901234567", "\"1.0\""};

    /** A random survey CSV exercising quoting, line ends, delimiters and bad values. */
    static String randomCsv(SplittableRandom rnd, int rows, char d, boolean bad) {
        String[] eols = {"\n", "\r\n", "\r"};
        String eol = eols[rnd.nextInt(eols.length)];
        StringBuilder sb = new StringBuilder();
        if (rnd.nextBoolean()) {
            sb.append('\uFEFF');
        }
        sb.append(String.join(String.valueOf(d), "id", "touchpoint", "time", "NPS", "csat", "ces", "weight"))
                .append(eol);
        for (int i = 0; i < rows; i++) {
            String[] f = {"r" + i, VALUES[rnd.nextInt(VALUES.length)], TIMES[rnd.nextInt(bad ? TIMES.length : 7)],
                SCORES[rnd.nextInt(bad ? SCORES.length : 6)], String.valueOf(1 + rnd.nextInt(5)),
                rnd.nextInt(3) == 0 ? "" : String.valueOf(1 + rnd.nextInt(7)),
                WEIGHTS[rnd.nextInt(bad ? WEIGHTS.length : 5)]};
            for (int k = 0; k < f.length; k++) {
                if (k > 0) {
                    sb.append(d);
                }
                String v = f[k];
                boolean mustQuote = v.indexOf(d) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0;
                if (v.startsWith("\"")) {
                    sb.append(v); // already quoted
                } else if (mustQuote || rnd.nextInt(20) == 0) {
                    sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(v);
                }
            }
            if (bad && rnd.nextInt(50) == 0) {
                sb.append(d).append("extra"); // ragged
            }
            if (bad && rnd.nextInt(60) == 0) {
                sb.append(d).append(rnd.nextBoolean() ? "\"x\"y" : "\"stray"); // broken quoting: skipped to the next line
            }
            sb.append(eol);
            if (rnd.nextInt(40) == 0) {
                sb.append(eol); // blank line
            }
        }
        return sb.toString();
    }

    private static SurveyReader.Builder builder(boolean skip) {
        SurveyReader.Builder b = SurveyReader.builder().segmentBy("touchpoint")
                .period(TimeGrain.MONTH, ZoneId.of("Europe/Berlin"));
        return skip ? b.errors(ErrorPolicy.SKIP) : b;
    }

    private static Object outcome(SurveyReader r, byte[] bytes) {
        try {
            SurveyReadResult res = r.read(new ByteArrayInputStream(bytes), "in.csv", InputFormat.CSV);
            return res.rows() + "\n" + res.report() + "\n" + res.rejected() + "\n" + res.columns();
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    @Test
    void byteReaderMatchesTheCharReaderOnRandomFiles() {
        SplittableRandom rnd = new SplittableRandom(7);
        char[] delimiters = {',', ';', '\t', '|'};
        for (int t = 0; t < 120; t++) {
            char d = delimiters[t % 4];
            boolean bad = t % 3 != 0;
            String csv = randomCsv(rnd, 1 + rnd.nextInt(300), d, bad);
            for (boolean skip : new boolean[] {true, false}) {
                SurveyReader r = builder(skip).build();
                Object utf8 = outcome(r, csv.getBytes(StandardCharsets.UTF_8));
                Object chars = outcome(r, csv.getBytes(StandardCharsets.UTF_16));
                assertEquals(chars, utf8, "file " + t + " skip=" + skip + ":\n" + csv);
            }
        }
    }

    @Test
    void longFilesAcrossBufferRefills() {
        SplittableRandom rnd = new SplittableRandom(11);
        String csv = randomCsv(rnd, 40_000, ',', true);
        SurveyReader r = builder(true).build();
        assertTrue(csv.length() > 3 * (1 << 18));
        assertEquals(outcome(r, csv.getBytes(StandardCharsets.UTF_16)), outcome(r, csv.getBytes(StandardCharsets.UTF_8)));
        // a long quoted field that spans several buffers, and a 4-byte character on a buffer boundary
        StringBuilder sb = new StringBuilder("note,nps\n\"").append("y".repeat(600_000)).append("\",9\n");
        sb.append("a".repeat((1 << 18) - 1 - sb.length() % (1 << 18))).append("\ud83d\ude00,7\n");
        SurveyReadResult res = SurveyReader.builder().errors(ErrorPolicy.SKIP).build().read(
                new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "in.csv", InputFormat.CSV);
        assertEquals(2, res.rows());
        assertEquals(2, res.accepted());
    }

    @Test
    void invalidUtf8AnywhereIsBadEncoding() {
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5, 0x41},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}};
        for (byte[] seq : bad) {
            for (String tail : new String[] {"\n", ""}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("nps,note\n9,ok\n8,".getBytes(StandardCharsets.UTF_8));
                out.writeBytes(seq);
                out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
                BadInputException e = assertThrows(BadInputException.class, () -> SurveyReader.builder()
                        .build().read(new ByteArrayInputStream(out.toByteArray()), "in.csv", InputFormat.CSV));
                assertEquals("bad encoding", e.error().reason());
                assertEquals(3, e.error().line());
                SurveyReadResult skipped = SurveyReader.builder().errors(ErrorPolicy.SKIP).build()
                        .read(new ByteArrayInputStream(out.toByteArray()), "in.csv", InputFormat.CSV);
                assertEquals(1, skipped.accepted());
                assertEquals(1L, skipped.rejected().counts().get("bad encoding"));
            }
        }
        byte[] ok = "nps,note\n9,\u00e4\u20ac\ud83d\ude00\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, SurveyReader.builder().build().read(new ByteArrayInputStream(ok), "in.csv", InputFormat.CSV)
                .rows());
    }

    @Test
    void fieldLimitCountsCharactersNotBytes() {
        SurveyReader r = SurveyReader.builder().segmentBy("city").maxFieldLength(16).build();
        String sixteen = "\u00e4".repeat(16);
        SurveyReadResult ok = r.read(new ByteArrayInputStream(("nps,city\n9," + sixteen + "\n")
                .getBytes(StandardCharsets.UTF_8)), "in.csv", InputFormat.CSV);
        assertEquals(SegmentKey.of(sixteen), ok.report().segments().keys().get(0));
        BadInputException e = assertThrows(BadInputException.class, () -> r.read(new ByteArrayInputStream(
                ("nps,city\n9," + sixteen + "\u00e4\n").getBytes(StandardCharsets.UTF_8)), "in.csv", InputFormat.CSV));
        assertEquals("field too long", e.error().reason());
        // the value shows the first 40 characters from the field start, as the char-level reader does
        assertTrue(e.getMessage().startsWith("in.csv:2:2: column 'city' value '" + sixteen + "\u00e4"), e.getMessage());
        assertTrue(e.getMessage().endsWith("field is longer than the limit of 16 characters (raise it with"
                + " maxFieldLength(int))"), e.getMessage());
    }

    @Test
    void unweightedIgnoresTheWeightColumn() {
        String with = "nps,weight\n9,2\n3,1\n10,5\n";
        String without = "nps\n9\n3\n10\n";
        SurveyReadResult a = SurveyReader.builder().unweighted().build().read(
                new ByteArrayInputStream(with.getBytes(StandardCharsets.UTF_8)), "a.csv", InputFormat.CSV);
        SurveyReadResult b = SurveyReader.builder().build().read(
                new ByteArrayInputStream(without.getBytes(StandardCharsets.UTF_8)), "b.csv", InputFormat.CSV);
        assertEquals(b.report(), a.report());
        assertEquals(null, a.columns().get("weight"));
        assertNotEquals(a.report(), SurveyReader.builder().build().read(
                new ByteArrayInputStream(with.getBytes(StandardCharsets.UTF_8)), "a.csv", InputFormat.CSV).report());
    }

    @Test
    void timesFromBytesEqualTheStringParser() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (String zone : new String[] {"UTC", "Europe/Berlin", "+05:30"}) {
            Timestamps t = new Timestamps(ZoneId.of(zone));
            int fast = 0;
            for (int i = 0; i < 20_000; i++) {
                String s = randomTime(rnd);
                byte[] b = ("#" + s + "#").getBytes(StandardCharsets.UTF_8);
                long v = t.epochSecond(b, 1, b.length - 1);
                if (v == Long.MIN_VALUE) {
                    continue;
                }
                fast++;
                assertEquals(t.epochSecond(s), v, s);
            }
            assertTrue(fast > 5_000, "the byte parser should handle the common forms: " + fast);
        }
        Timestamps utc = new Timestamps(ZoneId.of("UTC"));
        for (String s : new String[] {"2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
            "2026-01-01T10:00:00+18:00", "2026-01-01T10:00:00+01:60", "12x", "2026-01-01T10:00:00Q", ""}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(Long.MIN_VALUE, utc.epochSecond(b, 0, b.length), s);
        }
    }

    private static String randomTime(SplittableRandom rnd) {
        int kind = rnd.nextInt(4);
        if (kind == 0) {
            long sec = rnd.nextLong(-2_000_000_000L, 4_000_000_000L);
            return Long.toString(rnd.nextBoolean() ? Math.abs(sec) : Math.abs(sec) * 1000 + rnd.nextInt(1000));
        }
        String s = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", 1960 + rnd.nextInt(100), 1 + rnd.nextInt(13),
                1 + rnd.nextInt(31), rnd.nextBoolean() ? 'T' : ' ', rnd.nextInt(25), rnd.nextInt(61), rnd.nextInt(61));
        if (rnd.nextInt(3) == 0) {
            s += "." + rnd.nextInt(1000);
        }
        return switch (kind) {
            case 1 -> s + "Z";
            case 2 -> s + String.format("%c%02d:%02d", rnd.nextBoolean() ? '+' : '-', rnd.nextInt(19), rnd.nextInt(61));
            default -> s;
        };
    }

    @Test
    void parallelReadEqualsTheOneThreadRead(@TempDir Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 12; t++) {
            boolean bad = t % 2 == 1;
            String csv = randomCsv(rnd, 2_000 + rnd.nextInt(3_000), ',', bad).replace("multi\nline", "multi line")
                    .replace("\r\n", "\n").replace('\r', '\n');
            Path f = dir.resolve("f" + t + ".csv");
            Files.writeString(f, csv);
            for (boolean skip : new boolean[] {true, false}) {
                SurveyReader one = builder(skip).build();
                SurveyReader many = builder(skip).threads(2 + t % 3).minPartBytes(5_000).build();
                assertEquals(outcome(one, f), outcome(many, f), "file " + t + " skip=" + skip);
                if (skip) {
                    assertNotNull(many.readParallel(f), "no quoted line feeds: the file must be split");
                }
            }
        }
    }

    @Test
    void quotedLineFeedAtASplitPointFallsBackToOneThread(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("note,nps,tp\n");
        for (int i = 0; i < 400; i++) {
            sb.append("\"line one\nline two\nline three\",").append(i % 11).append(",t").append(i % 3).append('\n');
        }
        Path f = dir.resolve("q.csv");
        Files.writeString(f, sb.toString());
        SurveyReader many = SurveyReader.builder().segmentBy("tp").threads(64).minPartBytes(100).build();
        assertNull(many.readParallel(f));
        SurveyReadResult r = many.read(f);
        assertEquals(400, r.rows());
        assertEquals(SurveyReader.builder().segmentBy("tp").build().read(f).report(), r.report());
    }

    @Test
    void parallelReadReportsTheFirstBadRowWithItsFileLine(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("nps,tp\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append(i == 4_321 || i == 4_900 ? "12" : String.valueOf(i % 11)).append(",t").append(i % 5).append('\n');
        }
        Path f = dir.resolve("b.csv");
        Files.writeString(f, sb.toString());
        SurveyReader many = SurveyReader.builder().segmentBy("tp").threads(3).minPartBytes(2_000).build();
        BadInputException e = assertThrows(BadInputException.class, () -> many.read(f));
        assertEquals("b.csv:4323:1: column 'nps' value '12': NPS score must be in [0, 10]: 12", e.getMessage());
        SurveyReadResult skip = SurveyReader.builder().segmentBy("tp").threads(3).minPartBytes(2_000)
                .errors(ErrorPolicy.SKIP).build().read(f);
        assertEquals(2, skip.rejected().total());
        assertEquals(4_902, skip.rejected().examples().get("score out of range").get(1).line());
        assertThrows(IllegalArgumentException.class, () -> SurveyReader.builder().threads(0));
    }

    private static Object outcome(SurveyReader r, Path f) {
        try {
            SurveyReadResult res = r.read(f);
            return res.rows() + "\n" + res.report() + "\n" + res.rejected() + "\n" + res.columns();
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }
}
