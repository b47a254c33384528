package io.cxkit.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON in UTF-16 or UTF-32 (RFC 8259 section 8.1, detected from the first four bytes as Jackson
 * does: a byte-order mark, or the pattern of zero bytes around the first ASCII character) re-encoded
 * as UTF-8, so that the JSON source always sees UTF-8 and its offsets are bytes. Bytes that are not
 * valid in the detected charset are an {@link java.nio.charset.CharacterCodingException}.
 */
final class Utf8Transcoder extends InputStream {
    private final Reader in;
    private final char[] chars = new char[8192];
    private int carry;
    private byte[] bytes = new byte[0];
    private int at;
    private boolean eof;

    private Utf8Transcoder(InputStream raw, Charset charset) {
        this.in = new InputStreamReader(raw, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The stream as UTF-8: itself (buffered) when it is UTF-8 already, else re-encoded. */
    static InputStream utf8(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = in.read();
        }
        in.reset();
        Charset cs = charset(b[0], b[1], b[2], b[3]);
        return cs == null ? in : new Utf8Transcoder(in, cs);
    }

    /** The UTF-16/32 charset the first bytes show, or null for UTF-8 (or too little input to tell). */
    private static Charset charset(int b0, int b1, int b2, int b3) {
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return Charset.forName("UTF-32");
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            return Charset.forName("UTF-32LE"); // the decoder skips a little-endian mark only with this name
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            return StandardCharsets.UTF_16; // the mark decides the byte order and is consumed
        }
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 > 0) {
            return Charset.forName("UTF-32BE");
        }
        if (b0 > 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b0 == 0 && b1 > 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 > 0 && b1 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (at == bytes.length) {
            if (eof) {
                return -1;
            }
            int n = in.read(chars, carry, chars.length - carry);
            int total = carry + Math.max(n, 0);
            eof = n < 0;
            // a high surrogate at the end waits for its pair
            int keep = !eof && total > 0 && Character.isHighSurrogate(chars[total - 1]) ? 1 : 0;
            bytes = new String(chars, 0, total - keep).getBytes(StandardCharsets.UTF_8);
            at = 0;
            if (keep == 1) {
                chars[0] = chars[total - 1];
            }
            carry = keep;
        }
        int n = Math.min(len, bytes.length - at);
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
