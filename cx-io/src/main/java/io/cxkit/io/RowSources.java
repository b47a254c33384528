package io.cxkit.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a {@link RowSource} for bytes: JSON through Jackson, CSV through the byte-level UTF-8
 * parser when it can (UTF-8 and a one-byte delimiter) and the character parser otherwise; a UTF-16
 * byte-order mark decides the charset. Every reader opens its input here.
 */
final class RowSources {
    private RowSources() {
    }

    /**
     * Opens rows of a stream (not closed here; the source closes it); a CSV header must not repeat a
     * name.
     *
     * @param raw the bytes
     * @param source the name used in messages
     * @param format the format
     * @param charset the CSV charset
     * @param delimiter the CSV delimiter, or 0 to detect it
     * @param limits the per-row limits (field length, JSON depth, fields or keys per row)
     */
    static RowSource open(InputStream raw, String source, InputFormat format, Charset charset, char delimiter,
            SourceLimits limits) {
        RowSource rows = open(raw, source, format, charset, delimiter, limits, 0);
        checkUnique(rows, source);
        return rows;
    }

    /**
     * Opens rows of a stream whose header may repeat names (the caller decides what they mean),
     * after skipping {@code skipLines} lines before the header (CSV only). Gzip input (by its
     * magic bytes, whatever the file is called) is decompressed; ZIP, XLSX, XLS and Parquet files
     * are recognised by their bytes and refused with a message saying what to do.
     */
    static RowSource open(InputStream raw, String source, InputFormat format, Charset charset, char delimiter,
            SourceLimits limits, int skipLines) {
        int maxField = limits.maxField();
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        Charset cs = charset;
        try {
            byte[] magic = peek(in, 4);
            if ((magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
                magic = peek(in, 4);
            }
            refuseBinary(magic, source);
            if (format == InputFormat.JSON) {
                if (skipLines > 0) {
                    throw new IllegalArgumentException("skipRows applies to CSV input only: " + skipLines);
                }
                return new JsonSource(in, source, maxField, limits.maxDepth(), limits.maxColumns());
            }
            int b0 = magic[0] & 0xFF;
            int b1 = magic[1] & 0xFF;
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
                if (skipLines > 0) {
                    throw new IllegalArgumentException("skipRows needs a file without a UTF-16 byte-order mark: "
                            + skipLines);
                }
                cs = StandardCharsets.UTF_16; // the BOM decides the byte order and is consumed
            }
            if (skipLines > 0) {
                skip(in, skipLines, source);
            }
        } catch (ZipException e) {
            throw BadInputException.file(source, 0, "broken gzip", "the file starts like gzip but cannot be"
                    + " decompressed (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (cs.equals(StandardCharsets.UTF_8) && Utf8CsvSource.supports(delimiter)) {
            return new Utf8CsvSource(in, source, delimiter, maxField, limits.maxColumns());
        }
        return new CsvSource(in, source, cs, delimiter, maxField, limits.maxColumns());
    }

    /** The first n bytes (zeros past the end), leaving the stream where it was. */
    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        in.reset();
        return b;
    }

    private static void refuseBinary(byte[] m, String source) {
        String what = null;
        if (m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4) {
            what = "a ZIP archive or an Excel .xlsx workbook: unzip it, or open the workbook and save the sheet"
                    + " as CSV (UTF-8), then read the .csv";
        } else if ((m[0] & 0xFF) == 0xD0 && (m[1] & 0xFF) == 0xCF && (m[2] & 0xFF) == 0x11
                && (m[3] & 0xFF) == 0xE0) {
            what = "a legacy Excel .xls workbook: open it and save the sheet as CSV (UTF-8), then read the .csv";
        } else if (m[0] == 'P' && m[1] == 'A' && m[2] == 'R' && m[3] == '1') {
            what = "a Parquet file: export it to CSV first, e.g. duckdb -c \"COPY (FROM 'f.parquet') TO 'f.csv'\"";
        }
        if (what != null) {
            throw BadInputException.file(source, 0, "not a text file", "the file is " + what);
        }
    }

    /** Skips lines (LF, CRLF or CR ends) and a UTF-8 byte-order mark before them. */
    private static void skip(BufferedInputStream in, int lines, String source) throws IOException {
        byte[] bom = peek(in, 3);
        if ((bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        }
        int left = lines;
        while (left > 0) {
            int c = in.read();
            if (c < 0) {
                throw BadInputException.file(source, 0, "empty file", "the file has fewer than " + lines
                        + " lines to skip before the header");
            }
            if (c == '\n') {
                left--;
            } else if (c == '\r') {
                left--;
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
            }
        }
    }

    /** Fails for a CSV header that repeats a name (JSON keys are unique by construction). */
    static void checkUnique(RowSource rows, String source) {
        if (rows instanceof JsonSource) {
            return;
        }
        List<String> header = rows.columns();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw new BadInputException(new RowError(source, 1, i + 1, name, "", "duplicate column",
                        "duplicate column name '" + name + "' (columns " + (before + 1) + " and " + (i + 1) + ")"));
            }
        }
    }
}
