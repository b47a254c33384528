package io.cxkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * An input stream that keeps the bytes from a mark on, so that a parser that gave up in the middle
 * of a row can be replaced by one that starts again at any later offset ({@link #rewind}). Offsets
 * are counted from the first byte of the underlying stream. Memory: the bytes from the mark to the
 * furthest byte read (one row plus the parser's read-ahead, when the mark is kept at the row start).
 */
final class RetainedInput extends InputStream {
    private final InputStream src;
    private byte[] data = new byte[1 << 16];
    private long dataBase;
    private int dataLen;
    private long next;
    private long keepFrom;
    private boolean srcEof;

    RetainedInput(InputStream src) {
        this.src = src;
    }

    @Override
    public int read() throws IOException {
        if (next == dataBase + dataLen && !more()) {
            return -1;
        }
        return data[(int) (next++ - dataBase)] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (next == dataBase + dataLen && !more()) {
            return -1;
        }
        int at = (int) (next - dataBase);
        int n = Math.min(len, dataLen - at);
        System.arraycopy(data, at, b, off, n);
        next += n;
        return n;
    }

    /** Bytes before this offset need not be kept. */
    void keepFrom(long offset) {
        keepFrom = offset;
    }

    /** The byte at an offset (at or after the mark), or -1 past the end. */
    int byteAt(long offset) {
        try {
            while (offset >= dataBase + dataLen) {
                if (!more()) {
                    return -1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data[(int) (offset - dataBase)] & 0xFF;
    }

    /** The offset after the first line feed at or after {@code offset} (or the end); drops what it passes. */
    long lineAfter(long offset) {
        long at = offset;
        int c;
        while ((c = byteAt(at)) >= 0) {
            at++;
            keepFrom = at;
            if (c == '\n') {
                break;
            }
        }
        return at;
    }

    /** Makes the next read start at this offset (at or after the mark). */
    void rewind(long offset) {
        next = offset;
    }

    /** Reads more of the underlying stream; false at its end. Drops bytes before the mark when full. */
    private boolean more() throws IOException {
        if (srcEof) {
            return false;
        }
        if (dataLen == data.length) {
            int drop = (int) Math.max(0, Math.min(Math.min(keepFrom, next) - dataBase, dataLen));
            if (drop > 0) {
                System.arraycopy(data, drop, data, 0, dataLen - drop);
                dataLen -= drop;
                dataBase += drop;
            }
            if (dataLen == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
        }
        int n = src.read(data, dataLen, data.length - dataLen);
        if (n < 0) {
            srcEof = true;
            return false;
        }
        dataLen += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        src.close();
    }
}
