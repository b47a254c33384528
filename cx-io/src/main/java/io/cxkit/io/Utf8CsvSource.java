package io.cxkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A byte-level CSV parser for UTF-8 input (RFC 4180 quoting with doubled quotes and quoted line
 * breaks, any single-byte delimiter, LF/CRLF/CR line ends, a UTF-8 byte-order mark skipped). It
 * behaves like {@link CsvSource} (same rows, line numbers, limits and messages) but never decodes
 * the bytes into characters: fields are kept as offsets into one byte buffer, and the reader asks
 * for numbers ({@link #digits}, {@link #decimal}, {@link #epochSecond}) and dictionary ids
 * ({@link #lookup}) straight from the bytes. Strings are made only for header names, for values
 * that are not in the simple form (they then go through the String path of every {@link RowSource},
 * {@link #value}), for the first occurrence of a segment value, and for error messages.
 *
 * <p>All input is checked to be valid UTF-8 as it is read (eight bytes at a time while it is
 * ASCII), so a file in another encoding fails as it does in {@link CsvSource}, also in columns that
 * are not used.
 *
 * <p><b>Why two CSV parsers.</b> Its record scanner repeats {@link CsvSource}'s on bytes instead of
 * chars, deliberately: {@link CsvSource} serves every charset, this one the UTF-8 files almost all
 * exports are, at about half the cost per row (the survey reader went from 218–270 to 102–110 ns
 * a row at 10M rows, BENCHMARKS.md "CSV: the library's reader"). The test CsvParsersAgreeProperties
 * holds the two to the same rows, line numbers, values and row problems.
 *
 * <p><b>Size.</b> One byte-level parser: the record scanner, the UTF-8 check and the number
 * parsers share the buffer and its offsets in the hot loop, so they are not split.
 */
final class Utf8CsvSource implements RowSource {
    /** {@link #digits} of an empty or absent field. */
    static final int EMPTY = -1;
    /** {@link #digits} of a field that is not 1–9 plain digits (parse it from the String). */
    static final int OTHER = -2;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};
    private final InputStream in;
    private final String source;
    private final int maxField;
    private final int maxColumns;
    private final byte delimiter;
    private byte[] buf = new byte[1 << 18];
    private int pos;
    private int limit;
    private boolean eof;
    private int rowStart;
    private int fieldStart;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];
    private int fields;
    private int checked;
    /** The position of the first invalid byte not yet reported with its row, or -1 (checking stops there). */
    private int badAt = -1;
    private final long base;
    private long shifted;
    private long stopAt = Long.MAX_VALUE;
    private long line = 1;
    private long rowLine;
    private final List<String> header;
    private int[] selected = new int[0];
    private RowError problem;

    /**
     * Opens the source and reads the header.
     *
     * @param delimiter the delimiter, or 0 to detect it; must be below 0x80
     * @param maxColumns the most fields a row may have
     */
    Utf8CsvSource(InputStream raw, String source, char delimiter, int maxField, int maxColumns) {
        this.in = raw;
        this.source = source;
        this.maxField = maxField;
        this.maxColumns = maxColumns;
        this.base = 0;
        fill();
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
        this.delimiter = (byte) (delimiter != 0 ? delimiter : detectDelimiter());
        boolean any;
        try {
            any = readRow();
        } catch (BrokenRow e) {
            throw new BadInputException(e.error()); // a broken header breaks the whole file
        }
        if (!any) {
            throw BadInputException.file(source, 0, "empty file", "the file is empty: expected a header row");
        }
        if (badAt >= 0 && badAt < pos) {
            throw new BadInputException(badEncodingRow()); // the header is not in this charset: the file is not
        }
        List<String> h = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            h.add(field(i).strip()); // names are checked by RowSources (an export may repeat them)
        }
        this.header = List.copyOf(h);
        fitHeader();
    }

    /**
     * A part of a file for a parallel read: {@code raw} starts at byte {@code base} of the file,
     * which is the start of a row (after a line feed) of a file whose header and delimiter are
     * known. Line numbers count from 1 at {@code base}; the caller adds the lines before it.
     */
    Utf8CsvSource(InputStream raw, String source, char delimiter, int maxField, int maxColumns, long base,
            List<String> header) {
        this.in = raw;
        this.source = source;
        this.maxField = maxField;
        this.maxColumns = maxColumns;
        this.base = base;
        this.delimiter = (byte) delimiter;
        this.header = header;
        fitHeader();
    }

    private void fitHeader() {
        if (starts.length < header.size() + 16) {
            int n = header.size() + 16;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            quoted = Arrays.copyOf(quoted, n);
        }
    }

    /** Whether a delimiter can be used by this parser (one byte in UTF-8, or 0 to detect). */
    static boolean supports(char delimiter) {
        return delimiter < 0x80;
    }

    private char detectDelimiter() {
        int[] counts = new int[4];
        char[] candidates = {',', ';', '\t', '|'};
        boolean inQuotes = false;
        for (int i = pos; i < limit; i++) {
            byte c = buf[i];
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
        return (char) delimiter;
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

    /** Makes {@link #next} stop at the first row that starts at or after this file offset. */
    void stopAt(long offset) {
        this.stopAt = offset;
    }

    /** The file offset after the last row read. */
    long offset() {
        return base + shifted + pos;
    }

    /** The line number the next row would have (1 + line ends read so far, counted from the part start). */
    long nextLine() {
        return line;
    }

    @Override
    public boolean next() {
        while (base + shifted + pos < stopAt) {
            try {
                if (!readRow()) {
                    return false;
                }
            } catch (BrokenRow e) {
                problem = e.error();
                skipBrokenRow();
                return true;
            }
            if (badAt >= 0 && badAt < pos) {
                problem = badEncodingRow();
                badAt = -1;
                checked = pos; // the rest of the broken row is not checked; what follows is
                checkEncoding(eof);
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
        return false;
    }

    /**
     * Moves past a broken row: it is taken to be its first line (a stray quote would otherwise
     * swallow the rows after it), so reading goes on at the line after the row's first line end.
     * The bytes skipped are dropped from the buffer as they are passed.
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
            byte c = buf[pos++];
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
        if (badAt >= 0 && badAt < pos) {
            badAt = -1;
            checked = pos;
            checkEncoding(eof);
        }
    }

    /** The current row's error for its first invalid byte: the line and field it is in. */
    private RowError badEncodingRow() {
        long at = rowLine;
        for (int k = rowStart; k < badAt; k++) {
            if (buf[k] == '\n') {
                at++;
            }
        }
        int f = 0;
        while (f + 1 < fields && badAt >= starts[f + 1] - (quoted[f + 1] ? 1 : 0)) {
            f++;
        }
        return new RowError(source, at, fields == 0 ? 0 : f + 1, fields == 0 ? "" : columnName(f),
                fields == 0 ? "" : field(f), "bad encoding", CsvSource.badEncoding("UTF-8"));
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
        String s = new String(buf, starts[f], ends[f] - starts[f], StandardCharsets.UTF_8);
        return quoted[f] && s.indexOf('"') >= 0 ? s.replace("\"\"", "\"") : s;
    }

    /**
     * The i-th selected value as a whole number when it is written as 1–9 plain digits
     * (unquoted, no sign or spaces); {@link #EMPTY} when it is empty or absent; {@link #OTHER}
     * otherwise (then {@link #value} and the String rules decide).
     */
    int digits(int i) {
        int f = selected[i];
        if (f < 0 || f >= fields) {
            return EMPTY;
        }
        int s = starts[f];
        int e = ends[f];
        if (e == s) {
            return quoted[f] ? OTHER : EMPTY;
        }
        if (e - s > 9 || quoted[f]) {
            return OTHER;
        }
        byte[] b = buf;
        int v = 0;
        for (int k = s; k < e; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) {
                return OTHER;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * The i-th selected value as a decimal when it is written as plain digits with at most one
     * point between digits and at most 15 digits (then {@code mantissa / 10^k} is exact-rounded, equal to
     * {@link Double#parseDouble}); NaN otherwise.
     */
    double decimal(int i) {
        int f = selected[i];
        if (f < 0 || f >= fields || quoted[f]) {
            return Double.NaN;
        }
        byte[] b = buf;
        long m = 0;
        int digits = 0;
        int scale = -1;
        for (int k = starts[f], e = ends[f]; k < e; k++) {
            byte c = b[k];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15 || scale == 0) {
            return Double.NaN; // also "5." (the strict syntax of Cells wants a digit after the point)
        }
        return scale <= 0 ? m : m / POW10[scale];
    }

    /** The i-th selected value through {@link Timestamps#epochSecond(byte[], int, int)}; MIN_VALUE if not simple. */
    long epochSecond(int i, Timestamps ts) {
        int f = selected[i];
        if (f < 0 || f >= fields || quoted[f]) {
            return Long.MIN_VALUE;
        }
        return ts.epochSecond(buf, starts[f], ends[f]);
    }

    /** {@link #plain} of a value whose bytes are the value: unquoted, not empty, no white space or non-ASCII at either end. */
    static final int PLAIN = 1;

    /**
     * Whether the i-th selected value can be read from its bytes ({@link #buffer()} from
     * {@link #start} to {@link #end}) as {@link #value} would give it: {@link #PLAIN}; {@link #EMPTY}
     * when it is empty (unquoted) or absent; {@link #OTHER} otherwise (quoted, or a first or last
     * byte that {@code strip()} might remove), then {@link #value} and the String rules decide.
     */
    int plain(int i) {
        int f = selected[i];
        if (f < 0 || f >= fields) {
            return EMPTY;
        }
        int s = starts[f];
        int e = ends[f];
        if (quoted[f]) {
            return OTHER;
        }
        if (s == e) {
            return EMPTY;
        }
        byte first = buf[s];
        byte last = buf[e - 1];
        return first > ' ' && last > ' ' ? PLAIN : OTHER; // bytes are signed: non-ASCII is negative
    }

    /** The buffer of the current row's bytes (replaced as the source reads on: use it within a row). */
    byte[] buffer() {
        return buf;
    }

    /** Where the i-th selected value starts in {@link #buffer()} (a {@link #PLAIN} value). */
    int start(int i) {
        return starts[selected[i]];
    }

    /** Where the i-th selected value ends in {@link #buffer()}, exclusive (a {@link #PLAIN} value). */
    int end(int i) {
        return ends[selected[i]];
    }

    /** The i-th selected value through {@link Timestamps#epochNanos(byte[], int, int)}; MIN_VALUE if not simple. */
    long epochNanos(int i, Timestamps ts) {
        int f = selected[i];
        if (f < 0 || f >= fields || quoted[f]) {
            return Long.MIN_VALUE;
        }
        return ts.epochNanos(buf, starts[f], ends[f]);
    }

    /** The id of the i-th selected value's bytes in a dictionary, or -1 (not there, or quoted). */
    int lookup(int i, ByteKeys keys) {
        int f = selected[i];
        if (f < 0 || f >= fields || quoted[f]) {
            return -1;
        }
        return keys.find(buf, starts[f], ends[f] - starts[f]);
    }

    /** Remembers the id of the i-th selected value's bytes (unquoted values only). */
    void remember(int i, ByteKeys keys, int id) {
        int f = selected[i];
        if (f >= 0 && f < fields && !quoted[f]) {
            keys.put(buf, starts[f], ends[f] - starts[f], id);
        }
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
        if (fastRow()) {
            return true;
        }
        if (pos == limit && !fill()) {
            return false;
        }
        final byte d = delimiter;
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
                    byte c = buf[pos];
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
                    byte c = buf[pos];
                    if (c != d && c != '\n' && c != '\r') {
                        throw new BrokenRow(new RowError(source, line, fields + 1, columnName(fields),
                                charAt(pos), "bad quoting",
                                "unexpected character after a closing quote (quotes inside a quoted field are"
                                        + " written twice: \"\")"));
                    }
                }
            } else {
                byte[] b = buf;
                int p = pos;
                int lim = limit;
                while (true) {
                    if (p == lim) {
                        pos = p;
                        boolean more = fill(); // may move the row to the start of the buffer
                        b = buf;
                        p = pos;
                        lim = limit;
                        if (!more) {
                            break;
                        }
                    }
                    byte c = b[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                pos = p;
                end = p;
            }
            addField(fieldStart, end, q);
            if (pos == limit && !fill()) {
                return true;
            }
            byte c = buf[pos];
            if (c == d) {
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

    /**
     * The common case of {@link #readRow}, eight bytes at a time: a row without quotes that lies
     * wholly in the buffer, with no field over the limit and no more fields than the arrays hold.
     * The delimiters and line ends of a word are found with bit arithmetic (a byte equals a value
     * iff the XOR with it is zero), so there is no branch per byte. Returns false, having changed
     * nothing, for anything else; {@link #readRow} then parses the row byte by byte.
     */
    private boolean fastRow() {
        byte[] b = buf;
        int lim = limit - 8;
        int p = pos;
        int n = 0;
        int[] st = starts;
        int[] en = ends;
        int cap = st.length - 10;
        long dd = (delimiter & 0xFFL) * ONES;
        st[0] = p;
        while (p <= lim) {
            long w = (long) LONGS.get(b, p);
            if (zeroBytes(w ^ QUOTE) != 0 || n > cap) {
                return false;
            }
            long m = zeroBytes(w ^ dd);
            // control bytes (< 0x20) that are not the delimiter: line ends, or (rare) a control
            // character inside a field, which the byte-by-byte parser handles
            long nl = ~(((w & 0x7F7F7F7F7F7F7F7FL) + 0x6060606060606060L) | w) & 0x8080808080808080L & ~m;
            if (nl != 0) {
                m &= (nl & -nl) - 1; // the delimiters before the line end
            }
            int c = Long.bitCount(m);
            // Four field ends without branches (beyond c they are garbage that later writes replace).
            int k = p + (Long.numberOfTrailingZeros(m) >>> 3);
            en[n] = k;
            st[n + 1] = k + 1;
            m &= m - 1;
            k = p + (Long.numberOfTrailingZeros(m) >>> 3);
            en[n + 1] = k;
            st[n + 2] = k + 1;
            m &= m - 1;
            k = p + (Long.numberOfTrailingZeros(m) >>> 3);
            en[n + 2] = k;
            st[n + 3] = k + 1;
            m &= m - 1;
            k = p + (Long.numberOfTrailingZeros(m) >>> 3);
            en[n + 3] = k;
            st[n + 4] = k + 1;
            m &= m - 1;
            for (int j = n + 4; m != 0; j++) {
                k = p + (Long.numberOfTrailingZeros(m) >>> 3);
                en[j] = k;
                st[j + 1] = k + 1;
                m &= m - 1;
            }
            n += c;
            if (nl != 0) {
                int end = p + (Long.numberOfTrailingZeros(nl) >>> 3);
                if (end - pos > maxField || (b[end] != '\n' && b[end] != '\r')) {
                    return false; // a field may be over the limit, or has a control character
                }
                if (n >= maxColumns) {
                    return false; // more fields than allowed: the byte-by-byte parser reports it
                }
                en[n++] = end;
                int next = end + 1;
                if (b[end] == '\r') {
                    if (next > lim + 7) {
                        return false;
                    }
                    if (b[next] == '\n') {
                        next++;
                    }
                }
                boolean[] q = quoted;
                for (int j = 0; j < n; j++) {
                    q[j] = false;
                }
                fields = n;
                pos = next;
                line++;
                return true;
            }
            p += 8;
        }
        return false;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long QUOTE = '"' * ONES;

    /** The high bit of every byte of {@code y} that is zero (exact: no borrow between bytes). */
    private static long zeroBytes(long y) {
        long t = (y & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(t | y | 0x7F7F7F7F7F7F7F7FL);
    }

    /**
     * Checks that {@code buf[checked, limit)} is strict UTF-8 (no overlong forms, surrogates or code
     * points above U+10FFFF, as Java's decoder), eight ASCII bytes at a time; a sequence cut by the
     * end of the buffer is checked after the next read. Checking stops at the first invalid byte
     * ({@link #badAt}); the row that holds it is reported (at the line of the byte) and checking goes
     * on after that row.
     */
    private void checkEncoding(boolean atEnd) {
        if (badAt >= 0) {
            return; // resumed once the row with the bad byte is read
        }
        byte[] b = buf;
        int end = limit;
        int i = checked;
        while (i < end) {
            if (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
                continue;
            }
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            if (c < 0xC2 || c > 0xF4) {
                badAt = i;
                break;
            }
            int n = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
            int k = 1;
            while (k <= n && i + k < end && (b[i + k] & 0xC0) == 0x80) {
                k++;
            }
            if (k <= n && i + k < end) {
                badAt = i;
                break;
            }
            if (k <= n) {
                if (atEnd) {
                    badAt = i;
                }
                break; // cut by the end of the buffer (checked after the next read)
            }
            int c1 = b[i + 1] & 0xFF;
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90)
                    || (c == 0xF4 && c1 >= 0x90)) {
                badAt = i;
                break;
            }
            i += n + 1;
        }
        checked = i;
    }

    /** The character at a byte position, for messages. */
    private String charAt(int p) {
        String s = new String(buf, p, Math.min(4, limit - p), StandardCharsets.UTF_8);
        return s.substring(0, Character.charCount(s.codePointAt(0)));
    }

    private String columnName(int f) {
        return header != null && f < header.size() ? header.get(f) : "";
    }

    private void addField(int s, int e, boolean q) {
        if (e - s > maxField && chars(s, e) > maxField) {
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

    /** UTF-16 length of the bytes (the limit is in characters, as for {@link CsvSource}). */
    private long chars(int s, int e) {
        long n = 0;
        for (int k = s; k < e; k++) {
            int c = buf[k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                n += (c & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return n;
    }

    private BrokenRow tooLong(int s) {
        String v = new String(buf, s, Math.min(160, limit - s), StandardCharsets.UTF_8);
        return new BrokenRow(ReadLimit.FIELD_LENGTH.rowError(source, rowLine, fields + 1, columnName(fields),
                v.substring(0, Math.min(40, v.length())), "field is longer than the limit of "
                        + ReadLimit.count(maxField) + " characters"));
    }

    /** Reads more input, keeping the current row in the buffer; false at end of input. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        if (pos - fieldStart > maxField && chars(fieldStart, pos) > maxField) {
            throw tooLong(fieldStart);
        }
        if (rowStart > 0) {
            int shift = rowStart;
            if (badAt >= 0 && badAt < shift) {
                badAt = -1; // dropped with a broken row being skipped: check again from the buffer start
                checked = shift;
            } else if (badAt >= 0) {
                badAt -= shift;
            }
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            limit -= shift;
            shifted += shift;
            checked = Math.max(0, checked - shift);
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
            int n = in.readNBytes(buf, limit, buf.length - limit);
            if (n <= 0) {
                eof = true;
                checkEncoding(true);
                return false;
            }
            limit += n;
            checkEncoding(false);
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
