package io.cxkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A char-level CSV parser (RFC 4180 quoting, any one-character delimiter, LF/CRLF/CR line ends).
 * Fields are kept as offsets into one buffer; strings are made only for selected columns.
 */
final class CsvSource implements RowSource {
    static final int MAX_COLUMNS = 10_000;
    private final Reader in;
    private final String source;
    private final int maxField;
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

    CsvSource(InputStream raw, String source, Charset charset, char delimiter, int maxField) {
        this.source = source;
        this.maxField = maxField;
        this.in = new InputStreamReader(raw, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        fill();
        if (limit > 0 && buf[0] == '\uFEFF') {
            pos = 1;
        }
        this.delimiter = delimiter != 0 ? delimiter : detectDelimiter();
        if (!readRow()) {
            throw BadInputException.file(source, 0, "empty file", "the file is empty: expected a header row");
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
        while (readRow()) {
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
        return false;
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
                        throw new BadInputException(new RowError(source, rowLine, fields + 1, columnName(fields), "",
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
                        throw new BadInputException(new RowError(source, line, fields + 1, columnName(fields),
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
        if (fields == starts.length) {
            if (fields >= MAX_COLUMNS) {
                throw new BadInputException(new RowError(source, rowLine, fields, "", "", "too many columns",
                        "row has more than " + MAX_COLUMNS + " columns"));
            }
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = s;
        ends[fields] = e;
        quoted[fields] = q;
        fields++;
    }

    private BadInputException tooLong(int s) {
        return new BadInputException(new RowError(source, rowLine, fields + 1, columnName(fields),
                new String(buf, s, Math.min(40, limit - s)), "field too long",
                "field is longer than the limit of " + maxField + " characters"));
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
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (CharacterCodingException e) {
            throw new BadInputException(new RowError(source, line, 0, "", "", "bad encoding",
                    "the bytes are not valid " + charsetName() + " (a Latin-1 or Windows-1252 export? convert it"
                            + " to UTF-8 or name its charset)"), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private String charsetName() {
        return in instanceof InputStreamReader ? ((InputStreamReader) in).getEncoding() : "text";
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
