package io.cxkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a UTF-8 CSV file in parts with several threads, split after a line feed near each n-th of
 * the file. A split point may be a line feed inside a quoted field: that is detected exactly,
 * because the part before it must end its last row at the next part's start; then (and for files
 * too small to split, gzip files, or files with rows skipped before the header) {@link #read}
 * returns null and the file is read with one thread.
 */
final class ParallelCsvRead {
    private final SurveyReader.Builder b;

    ParallelCsvRead(SurveyReader.Builder b) {
        this.b = b;
    }

    /** One part of a parallel read. */
    private static final class Part {
        ResponseRun run;
        Utf8CsvSource rows;
        long n;
        Throwable error;

        void count() {
            try {
                n = run.count();
            } catch (RuntimeException | Error e) {
                error = e;
            }
        }
    }

    /** The result, or null when the file is read with one thread instead. */
    SurveyReadResult read(Path file) throws IOException {
        long size = Files.size(file);
        int n = (int) Math.min(b.threads, size / b.minPartBytes);
        if (n < 2 || b.skipRows > 0) {
            return null;
        }
        long[] starts = new long[n + 1];
        starts[n] = Long.MAX_VALUE;
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer magic = ByteBuffer.allocate(2);
            ch.read(magic, 0);
            if ((magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B) {
                return null; // gzip
            }
            for (int k = 1; k < n; k++) {
                starts[k] = nextLineStart(ch, size * k / n);
                if (starts[k] <= starts[k - 1] || starts[k] >= size) {
                    return null;
                }
            }
        }
        String name = String.valueOf(file.getFileName());
        Part[] parts = new Part[n];
        List<InputStream> streams = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                Part p = new Part();
                FileChannel ch = FileChannel.open(file);
                InputStream in = Channels.newInputStream(ch.position(starts[k]));
                streams.add(in);
                if (k == 0) {
                    RowSource rs = RowSources.open(in, name, InputFormat.CSV, b.charset, b.delimiter,
                            b.limits(), 0);
                    if (!(rs instanceof Utf8CsvSource)) {
                        return null; // a UTF-16 byte-order mark
                    }
                    p.rows = (Utf8CsvSource) rs;
                    p.run = new ResponseRun(b, p.rows, name, null, 0);
                    if (p.rows.offset() > starts[1]) {
                        return null; // header rows longer than a part
                    }
                } else {
                    p.rows = new Utf8CsvSource(in, name, parts[0].rows.delimiter(), b.maxFieldLength, b.maxColumns,
                            starts[k], parts[0].rows.columns());
                    p.run = new ResponseRun(b, p.rows, name, parts[0].run.header.forPart(), 0);
                }
                p.rows.stopAt(starts[k + 1]);
                parts[k] = p;
            }
            Thread[] workers = new Thread[n];
            for (int k = 1; k < n; k++) {
                workers[k] = new Thread(parts[k]::count, "cxkit-csv-" + k);
                workers[k].setDaemon(true);
                workers[k].start();
            }
            parts[0].count();
            for (int k = 1; k < n; k++) {
                try {
                    workers[k].join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted reading " + file));
                }
            }
            long lines = 0;
            long rows = 0;
            for (int k = 0; k < n; k++) {
                Part p = parts[k];
                if (k > 0 && parts[k - 1].error == null && parts[k - 1].rows.offset() != starts[k]) {
                    return null; // the split point was inside a quoted field
                }
                if (p.error != null) {
                    throw rebase(p.error, lines);
                }
                if (k > 0) {
                    parts[0].run.absorb(p.run, lines);
                }
                rows += p.n;
                lines += p.rows.nextLine() - 1;
            }
            return parts[0].run.result(rows);
        } finally {
            for (InputStream in : streams) {
                in.close();
            }
        }
    }

    /** The error of a part with line numbers of the whole file. */
    static RuntimeException rebase(Throwable t, long lines) {
        if (t instanceof Error e) {
            throw e;
        }
        if (lines > 0 && t instanceof BadInputException b) {
            return new BadInputException(ResponseRun.shift(b.error(), lines), b.getCause());
        }
        return (RuntimeException) t;
    }

    /** The offset after the first line feed at or after {@code from}, or -1. */
    private static long nextLineStart(FileChannel ch, long from) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long at = from;
        while (true) {
            buf.clear();
            int got = ch.read(buf, at);
            if (got <= 0) {
                return -1;
            }
            for (int i = 0; i < got; i++) {
                if (buf.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += got;
        }
    }
}
