package io.cxkit.benchmarks;

import io.cxkit.core.NameDictionary;
import io.cxkit.survey.ResponseColumns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal byte-level reader for the benchmark CSV layout
 * {@code customer,time,touchpoint,channel,nps,csat,ces,weight} (header line first, time in epoch
 * milliseconds, empty field = missing answer, no quoting) into a {@link ResponseColumns.Builder}.
 * It is the floor the real reader ({@code io.cxkit.io.SurveyReader}) is measured against in
 * {@code csvFixedLayoutFloor}: it knows this one layout and checks nothing beyond digits (no quotes,
 * no escapes, ASCII names), so it is never a user path.
 *
 * <p>Touchpoint and channel names go through cx-core's {@link NameDictionary} (the library's one
 * string-to-id encoder), which takes a {@code String}: one short string per name field and row.
 * Integers and decimals are parsed from bytes (a decimal with at most 15 digits is
 * {@code mantissa / 10^k}, which is correctly rounded and equals {@link Double#parseDouble}).
 */
public final class SurveyCsv {
    private final ResponseColumns.Builder builder;
    private final boolean weights;
    private final NameDictionary touchpoints = new NameDictionary();
    private final NameDictionary channels = new NameDictionary();
    private int[] touchpointIds = new int[16]; // dictionary id -> builder id
    private int[] channelIds = new int[16];
    private byte[] buf;
    private int pos;
    private int line;
    private int limit;

    private SurveyCsv(ResponseColumns.Builder builder, boolean weights) {
        this.builder = builder;
        this.weights = weights;
    }

    /**
     * Reads a whole file into {@code builder}.
     *
     * @param file the CSV file
     * @param builder where rows go
     * @param weights whether to read the weight column (otherwise it is skipped unparsed)
     * @return the builder
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException for a malformed line (the message gives the line number)
     */
    public static ResponseColumns.Builder read(Path file, ResponseColumns.Builder builder, boolean weights)
            throws IOException {
        SurveyCsv r = new SurveyCsv(builder, weights);
        r.buf = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int filled = 0;
            boolean header = true;
            while (true) {
                int got = in.read(r.buf, filled, r.buf.length - filled);
                if (got < 0) {
                    break;
                }
                filled += got;
                int end = lastNewline(r.buf, filled);
                if (end < 0) {
                    if (filled == r.buf.length) {
                        r.buf = java.util.Arrays.copyOf(r.buf, r.buf.length * 2);
                    }
                    continue;
                }
                r.parse(end + 1, header);
                header = false;
                System.arraycopy(r.buf, end + 1, r.buf, 0, filled - end - 1);
                filled -= end + 1;
            }
            if (filled > 0) {
                if (filled == r.buf.length) {
                    r.buf = java.util.Arrays.copyOf(r.buf, r.buf.length + 1);
                }
                r.buf[filled++] = '\n';
                r.parse(filled, header);
            }
        }
        return builder;
    }

    private static final int CHUNK = 1 << 20;

    private static int lastNewline(byte[] b, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads CSV bytes into {@code builder}.
     *
     * @param bytes the CSV content
     * @param builder where rows go
     * @param weights whether to read the weight column
     * @return the builder
     */
    public static ResponseColumns.Builder read(byte[] bytes, ResponseColumns.Builder builder, boolean weights) {
        SurveyCsv r = new SurveyCsv(builder, weights);
        r.buf = bytes;
        r.parse(bytes.length, true);
        return builder;
    }

    /** Parses the rows in {@code buf[0, n)}, which ends at a line end unless it is the whole input. */
    private void parse(int n, boolean header) {
        byte[] b = buf;
        limit = n;
        pos = 0;
        if (header) {
            line = 1;
            while (pos < n && b[pos] != '\n') {
                pos++;
            }
            pos++;
        }
        while (pos < n) {
            line++;
            if (b[pos] == '\n' || b[pos] == '\r') {
                skipEol();
                continue;
            }
            skipField();
            long t = parseLong();
            int tp = nameId(touchpoints, true);
            int ch = nameId(channels, false);
            builder.touchpoint(tp).channel(ch).time(t);
            builder.nps(parseAnswer());
            builder.csat(parseAnswer());
            builder.ces(parseAnswer());
            if (weights) {
                builder.weight(parseDecimal());
            } else {
                while (pos < n && b[pos] != '\n' && b[pos] != '\r') {
                    pos++;
                }
            }
            skipEol();
            builder.endRow();
        }
    }

    private void skipEol() {
        if (pos < limit && buf[pos] == '\r') {
            pos++;
        }
        if (pos < limit && buf[pos] == '\n') {
            pos++;
        } else if (pos < limit) {
            throw bad("expected end of line");
        }
    }

    private void skipField() {
        byte[] b = buf;
        int p = pos;
        while (p < limit && b[p] != ',' && b[p] != '\n') {
            p++;
        }
        if (p >= limit || b[p] != ',') {
            throw bad("too few fields");
        }
        pos = p + 1;
    }

    private long parseLong() {
        byte[] b = buf;
        int p = pos;
        long v = 0;
        int start = p;
        while (p < limit && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p] - '0');
            p++;
        }
        if (p == start || p - start > 18 || p >= limit || b[p] != ',') {
            throw bad("time must be epoch milliseconds followed by a comma");
        }
        pos = p + 1;
        return v;
    }

    private int parseAnswer() {
        byte[] b = buf;
        int p = pos;
        if (p < limit && b[p] == ',') {
            pos = p + 1;
            return ResponseColumns.MISSING;
        }
        int v = 0;
        int start = p;
        while (p < limit && b[p] >= '0' && b[p] <= '9' && p - start < 4) {
            v = v * 10 + (b[p] - '0');
            p++;
        }
        if (p == start || p >= limit || b[p] != ',') {
            throw bad("an answer must be an integer or empty");
        }
        pos = p + 1;
        return v;
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    private double parseDecimal() {
        byte[] b = buf;
        int start = pos;
        int p = pos;
        long m = 0;
        int digits = 0;
        int scale = -1;
        while (p < limit) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                break;
            }
            p++;
        }
        pos = p;
        if (digits == 0) {
            throw bad("weight must be a decimal number");
        }
        if (digits <= 15) {
            return scale <= 0 ? m : m / POW10[scale];
        }
        return Double.parseDouble(new String(b, start, p - start, StandardCharsets.US_ASCII));
    }

    private int nameId(NameDictionary names, boolean touchpoint) {
        byte[] b = buf;
        int start = pos;
        int p = start;
        while (p < limit && b[p] != ',' && b[p] != '\n') {
            p++;
        }
        if (p >= limit || b[p] != ',') {
            throw bad("too few fields");
        }
        pos = p + 1;
        int before = names.size();
        String name = new String(b, start, p - start, StandardCharsets.US_ASCII);
        int id = names.idOf(name);
        if (id == before) { // new: give it a builder id too
            int builderId = touchpoint ? builder.touchpointId(name) : builder.channelId(name);
            if (touchpoint) {
                touchpointIds = put(touchpointIds, id, builderId);
            } else {
                channelIds = put(channelIds, id, builderId);
            }
        }
        return touchpoint ? touchpointIds[id] : channelIds[id];
    }

    private static int[] put(int[] ids, int at, int value) {
        int[] a = at < ids.length ? ids : java.util.Arrays.copyOf(ids, Math.max(at + 1, ids.length * 2));
        a[at] = value;
        return a;
    }

    private IllegalArgumentException bad(String rule) {
        return new IllegalArgumentException("CSV line " + line + ": " + rule);
    }
}
