package io.cxkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A char-level CSV parser (RFC 4180 quoting, any one-character delimiter, LF/CRLF/CR line ends).
 * Fields are kept as offsets into one buffer; strings are made only for selected columns. Bytes
 * that are not valid in the charset are decoded as U+FFFD and their positions remembered, so the row
 * that holds them is reported (at their line) and reading goes on after it.
 *
 * <p>{@link Utf8CsvSource} repeats this record scanner on bytes for UTF-8 input, deliberately (about
 * twice as fast; the reason and the figures are beside it).
 */
final class CsvSource implements RowSource {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean inEof;
    /** Positions in {@link #buf} of characters decoded from invalid bytes, ascending; {@link #badCount} used. */
    private int[] bad = new int[8];
    private int badCount;
    private final String source;
    private final int maxField;
    private final int maxColumns;
    private char delimiter;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private int rowStart;
    private int fieldStart;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];
    private int fields;
    private long line = 1;
    private long rowLine;
    private final List<String> header;
    private int[] selected = new int[0];
    private RowError problem;

    CsvSource(InputStream raw, String source, Charset charset, char delimiter, int maxField, int maxColumns) {
        this.source = source;
        this.maxField = maxField;
        this.maxColumns = maxColumns;
        this.in = raw;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        fill();
        if (limit > 0 && buf[0] == '\uFEFF') {
            pos = 1;
        }
        this.delimiter = delimiter != 0 ? delimiter : detectDelimiter();
        boolean any;
        try {
            any = readRow();
        } catch (BrokenRow e) {
            throw new BadInputException(e.error()); // a broken header breaks the whole file
        }
        if (!any) {
            throw BadInputException.file(source, 0, "empty file", "the file is empty: expected a header row");
        }
        if (badCount > 0 && bad[0] < pos) {
            throw new BadInputException(badEncodingRow()); // the header is not in this charset: the file is not
        }
        List<String> h = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            h.add(field(i).strip()); // names are checked by RowSources (an export may repeat them)
        }
        this.header = List.copyOf(h);
    }

    private char detectDelimiter() {
        int[] counts = new int[4];
        char[] candidates = {',', ';', '\t', '|'};
        boolean inQuotes = false;
        for (int i = pos; i < limit; i++) {
            char c = buf[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                break;
            } else if (!inQuotes) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    @Override
    public char delimiter() {
        return delimiter;
    }

    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public void select(List<String> names) {
        selected = new int[names.size()];
        for (int i = 0; i < selected.length; i++) {
            selected[i] = header.indexOf(names.get(i));
        }
    }

    @Override
    public void selectFields(int[] fields) {
        selected = fields.clone();
    }

    @Override
    public boolean next() {
        while (true) {
            try {
                if (!readRow()) {
                    return false;
                }
            } catch (BrokenRow e) {
                problem = e.error();
                skipBrokenRow();
                return true;
            }
            if (badCount > 0 && bad[0] < pos) {
                problem = badEncodingRow();
                dropBad(pos);
                return true;
            }
            if (fields == 1 && ends[0] == starts[0] && !quoted[0]) {
                continue; // blank line
            }
            problem = null;
            if (fields != header.size()) {
                problem = new RowError(source, rowLine, 0, "", "", "ragged row", "row has " + fields
                        + (fields == 1 ? " field" : " fields") + " but the header has " + header.size());
            }
            return true;
        }
    }

    /**
     * Moves past a broken row, taken to be its first line (as {@link Utf8CsvSource} does). The same
     * steps stand in Utf8CsvSource over bytes; they stay two copies on purpose (char[] here, byte[]
     * there, on each parser's hot path) and ByteCsvTest checks that both parsers agree.
     */
    private void skipBrokenRow() {
        pos = rowStart;
        fields = 0;
        while (true) {
            if (pos == limit) {
                rowStart = pos;
                fieldStart = pos;
                if (!fill()) {
                    break;
                }
            }
            char c = buf[pos++];
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (pos == limit) {
                    rowStart = pos;
                    fieldStart = pos;
                    fill();
                }
                if (pos < limit && buf[pos] == '\n') {
                    pos++;
                }
                break;
            }
        }
        line = rowLine + 1;
        dropBad(pos);
    }

    /** Forgets the invalid-byte positions before {@code p} (they were in a row already reported). */
    private void dropBad(int p) {
        int k = 0;
        while (k < badCount && bad[k] < p) {
            k++;
        }
        System.arraycopy(bad, k, bad, 0, badCount - k);
        badCount -= k;
    }

    /** The current row's error for its first invalid character: the line and field it is in. */
    private RowError badEncodingRow() {
        int at = bad[0];
        long l = rowLine;
        for (int k = rowStart; k < at; k++) {
            if (buf[k] == '\n') {
                l++;
            }
        }
        int f = 0;
        while (f + 1 < fields && at >= starts[f + 1] - (quoted[f + 1] ? 1 : 0)) {
            f++;
        }
        return new RowError(source, l, fields == 0 ? 0 : f + 1, fields == 0 ? "" : columnName(f),
                fields == 0 ? "" : field(f), "bad encoding", badEncoding(decoder.charset().name()));
    }

    /** The message for bytes that are not valid in a charset. */
    static String badEncoding(String charset) {
        return "the bytes are not valid " + charset + " (a Latin-1 or Windows-1252 export? convert it to UTF-8 or"
                + " name its charset)";
    }

    @Override
    public RowError rowProblem() {
        return problem;
    }

    @Override
    public String value(int i) {
        int f = selected[i];
        return f < 0 || f >= fields ? "" : field(f).strip();
    }

    private String field(int f) {
        String s = new String(buf, starts[f], ends[f] - starts[f]);
        return quoted[f] && s.indexOf('"') >= 0 ? s.replace("\"\"", "\"") : s;
    }

    @Override
    public long line() {
        return rowLine;
    }

    @Override
    public int column(int i) {
        return selected[i] + 1;
    }

    /** Parses one record into field offsets; false at end of input. */
    private boolean readRow() {
        rowStart = pos;
        fieldStart = pos; // not the last field of the previous row (fill() checks its length)
        rowLine = line;
        fields = 0;
        if (pos == limit && !fill()) {
            return false;
        }
        while (true) {
            fieldStart = pos;
            boolean q = false;
            int end;
            if (buf[pos] == '"') {
                q = true;
                pos++;
                fieldStart = pos;
                while (true) {
                    if (pos == limit && !fill()) {
                        throw new BrokenRow(new RowError(source, rowLine, fields + 1, columnName(fields), "",
                                "unterminated quote", "quoted field is not closed before the end of the file"));
                    }
                    char c = buf[pos];
                    if (c == '"') {
                        if (pos + 1 == limit) {
                            fill();
                        }
                        if (pos + 1 < limit && buf[pos + 1] == '"') {
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    pos++;
                }
                end = pos;
                pos++; // closing quote
                if (pos == limit) {
                    fill();
                }
                if (pos < limit) {
                    char c = buf[pos];
                    if (c != delimiter && c != '\n' && c != '\r') {
                        throw new BrokenRow(new RowError(source, line, fields + 1, columnName(fields),
                                String.valueOf(c), "bad quoting",
                                "unexpected character after a closing quote (quotes inside a quoted field are"
                                        + " written twice: \"\")"));
                    }
                }
            } else {
                while (true) {
                    if (pos == limit && !fill()) {
                        break;
                    }
                    char c = buf[pos];
                    if (c == delimiter || c == '\n' || c == '\r') {
                        break;
                    }
                    pos++;
                }
                end = pos;
            }
            addField(fieldStart, end, q);
            if (pos == limit && !fill()) {
                return true;
            }
            char c = buf[pos];
            if (c == delimiter) {
                pos++;
                if (pos == limit && !fill()) {
                    addField(pos, pos, false);
                    return true;
                }
                continue;
            }
            pos++;
            line++;
            if (c == '\r') {
                if (pos == limit) {
                    fill();
                }
                if (pos < limit && buf[pos] == '\n') {
                    pos++;
                }
            }
            return true;
        }
    }

    private String columnName(int f) {
        return header != null && f < header.size() ? header.get(f) : "";
    }

    private void addField(int s, int e, boolean q) {
        if (e - s > maxField) {
            throw tooLong(s);
        }
        if (fields >= maxColumns) {
            throw new BrokenRow(ReadLimit.COLUMNS.rowError(source, rowLine, fields + 1, "", "",
                    "row has more than " + ReadLimit.count(maxColumns) + " fields"));
        }
        if (fields == starts.length) {
            int n = (int) Math.min(fields * 2L, maxColumns + 16L);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            quoted = Arrays.copyOf(quoted, n);
        }
        starts[fields] = s;
        ends[fields] = e;
        quoted[fields] = q;
        fields++;
    }

    private BrokenRow tooLong(int s) {
        return new BrokenRow(ReadLimit.FIELD_LENGTH.rowError(source, rowLine, fields + 1, columnName(fields),
                new String(buf, s, Math.min(40, limit - s)), "field is longer than the limit of "
                        + ReadLimit.count(maxField) + " characters"));
    }

    /** Reads more input, keeping the current row in the buffer; false at end of input. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        if (pos - fieldStart > maxField) {
            throw tooLong(fieldStart);
        }
        if (rowStart > 0) {
            int shift = rowStart;
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            limit -= shift;
            pos -= shift;
            fieldStart -= shift;
            rowStart = 0;
            for (int i = 0; i < fields; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
            dropBad(shift); // those were in a broken row being skipped
            for (int k = 0; k < badCount; k++) {
                bad[k] -= shift;
            }
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            CharBuffer out = CharBuffer.wrap(buf, limit, buf.length - limit);
            while (out.position() == limit) {
                CoderResult r = decoder.decode(bytes, out, inEof);
                if (r.isError()) {
                    if (badCount == bad.length) {
                        bad = Arrays.copyOf(bad, badCount * 2);
                    }
                    bad[badCount++] = out.position();
                    out.put('\uFFFD');
                    bytes.position(bytes.position() + r.length());
                } else if (r.isOverflow()) {
                    break;
                } else if (inEof) {
                    decoder.flush(out);
                    break;
                } else {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        inEof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
            }
            if (out.position() == limit) {
                eof = true;
                return false;
            }
            limit = out.position();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
