package io.cxkit.core;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * cxkit's versioned binary encoding of accumulator state, used to move partial results between
 * threads, processes and machines.
 *
 * <p>Layout (big-endian): the 4-byte magic {@code "CXAC"}, a 2-byte container format version
 * (currently {@value #FORMAT_VERSION}), the type name as a length-prefixed UTF-8 string, a 2-byte
 * payload version chosen by the type, then the type's payload. A reader rejects a different magic,
 * an unknown container version, a different type name, a payload version newer than it knows,
 * truncated input and trailing bytes, each with a message that says which.
 *
 * <p>Example:
 * <pre>{@code
 * byte[] bytes = Encoding.writer("nps", 1).putLong(n).putDoubles(sums).toBytes();
 * Encoding.Reader r = Encoding.reader(bytes, "nps", 1);
 * long n = r.getLong();
 * }</pre>
 */
public final class Encoding {

    /** The magic number at the start of every encoded accumulator: ASCII {@code "CXAC"}. */
    public static final int MAGIC = 0x43584143;
    /** The container format version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private Encoding() {
    }

    /**
     * Starts an encoding of one accumulator.
     *
     * @param type the type name written into the header and checked when reading
     * @param payloadVersion the version of the type's payload layout, in [0, 65535]
     * @return a writer positioned after the header
     */
    public static Writer writer(String type, int payloadVersion) {
        Check.notNull(type, "type");
        Check.inRange(payloadVersion, 0, 0xFFFF, "payloadVersion");
        return new Writer().putIntRaw(MAGIC).putShortRaw(FORMAT_VERSION).putString(type)
                .putShortRaw(payloadVersion);
    }

    /**
     * Opens an encoded accumulator, checking its header.
     *
     * @param bytes the encoded bytes
     * @param type the expected type name
     * @param maxPayloadVersion the newest payload version the caller can read
     * @return a reader positioned at the payload; {@link Reader#payloadVersion()} tells its version
     * @throws IllegalArgumentException if the header does not match
     */
    public static Reader reader(byte[] bytes, String type, int maxPayloadVersion) {
        Check.notNull(bytes, "bytes");
        Reader r = new Reader(ByteBuffer.wrap(bytes), type);
        int magic = r.getInt();
        if (magic != MAGIC) {
            throw new IllegalArgumentException(String.format(
                    "not a cxkit encoding: expected magic 0x%08X, found 0x%08X", MAGIC, magic));
        }
        int format = r.getShort();
        if (format != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported cxkit encoding format version " + format
                    + " (this library reads version " + FORMAT_VERSION + ")");
        }
        String found = r.getString();
        if (!found.equals(type)) {
            throw new IllegalArgumentException(
                    "encoded accumulator is a '" + found + "', expected a '" + type + "'");
        }
        int version = r.getShort();
        if (version > maxPayloadVersion) {
            throw new IllegalArgumentException("encoded '" + type + "' has payload version " + version
                    + ", newer than the newest this library reads (" + maxPayloadVersion + ")");
        }
        r.payloadVersion = version;
        return r;
    }

    /** Appends primitive values to a growing buffer. Not thread-safe. */
    public static final class Writer {
        private ByteBuffer buf = ByteBuffer.allocate(64);

        private Writer() {
        }

        private void ensure(int extra) {
            if (buf.remaining() < extra) {
                int cap = Math.max(buf.capacity() * 2, buf.position() + extra);
                buf = ByteBuffer.wrap(Arrays.copyOf(buf.array(), cap)).position(buf.position());
            }
        }

        private Writer putIntRaw(int v) {
            ensure(4);
            buf.putInt(v);
            return this;
        }

        private Writer putShortRaw(int v) {
            ensure(2);
            buf.putShort((short) v);
            return this;
        }

        /**
         * Appends a boolean as one byte.
         *
         * @param v the value
         * @return this writer
         */
        public Writer putBoolean(boolean v) {
            ensure(1);
            buf.put(v ? (byte) 1 : (byte) 0);
            return this;
        }

        /**
         * Appends an int.
         *
         * @param v the value
         * @return this writer
         */
        public Writer putInt(int v) {
            return putIntRaw(v);
        }

        /**
         * Appends a long.
         *
         * @param v the value
         * @return this writer
         */
        public Writer putLong(long v) {
            ensure(8);
            buf.putLong(v);
            return this;
        }

        /**
         * Appends a double (IEEE 754 bits, so NaN and infinities round-trip).
         *
         * @param v the value
         * @return this writer
         */
        public Writer putDouble(double v) {
            ensure(8);
            buf.putDouble(v);
            return this;
        }

        /**
         * Appends a UTF-8 string with its length.
         *
         * @param s the string, not null
         * @return this writer
         */
        public Writer putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return putBytes(b);
        }

        /**
         * Appends a byte array with its length.
         *
         * @param b the bytes, not null
         * @return this writer
         */
        public Writer putBytes(byte[] b) {
            putIntRaw(b.length);
            ensure(b.length);
            buf.put(b);
            return this;
        }

        /**
         * Appends a long array with its length.
         *
         * @param values the values, not null
         * @return this writer
         */
        public Writer putLongs(long[] values) {
            putIntRaw(values.length);
            ensure(8 * values.length);
            for (long v : values) {
                buf.putLong(v);
            }
            return this;
        }

        /**
         * Appends a double array with its length.
         *
         * @param values the values, not null
         * @return this writer
         */
        public Writer putDoubles(double[] values) {
            putIntRaw(values.length);
            ensure(8 * values.length);
            for (double v : values) {
                buf.putDouble(v);
            }
            return this;
        }

        /**
         * Returns the bytes written so far.
         *
         * @return a new array with the encoding
         */
        public byte[] toBytes() {
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /** Reads primitive values back in the order they were written. */
    public static final class Reader {
        private final ByteBuffer buf;
        private final String type;
        private int payloadVersion;

        private Reader(ByteBuffer buf, String type) {
            this.buf = buf;
            this.type = type;
        }

        /**
         * Returns the payload version found in the header.
         *
         * @return the payload version
         */
        public int payloadVersion() {
            return payloadVersion;
        }

        private IllegalArgumentException truncated() {
            return new IllegalArgumentException("encoded '" + type + "' is truncated at byte "
                    + buf.position() + " of " + buf.limit());
        }

        private int getShort() {
            try {
                return buf.getShort() & 0xFFFF;
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        /**
         * Reads a boolean.
         *
         * @return the value
         */
        public boolean getBoolean() {
            try {
                byte b = buf.get();
                if (b != 0 && b != 1) {
                    throw new IllegalArgumentException(
                            "encoded '" + type + "' has an invalid boolean byte " + b);
                }
                return b == 1;
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        /**
         * Reads an int.
         *
         * @return the value
         */
        public int getInt() {
            try {
                return buf.getInt();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        /**
         * Reads a long.
         *
         * @return the value
         */
        public long getLong() {
            try {
                return buf.getLong();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        /**
         * Reads a double.
         *
         * @return the value
         */
        public double getDouble() {
            try {
                return buf.getDouble();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        private int getLength(int elementSize) {
            int len = getInt();
            if (len < 0 || (long) len * elementSize > buf.remaining()) {
                throw new IllegalArgumentException("encoded '" + type + "' has an invalid length " + len
                        + " at byte " + (buf.position() - 4));
            }
            return len;
        }

        /**
         * Reads a length-prefixed byte array.
         *
         * @return the bytes
         */
        public byte[] getBytes() {
            byte[] b = new byte[getLength(1)];
            buf.get(b);
            return b;
        }

        /**
         * Reads a length-prefixed UTF-8 string.
         *
         * @return the string
         */
        public String getString() {
            return new String(getBytes(), StandardCharsets.UTF_8);
        }

        /**
         * Reads a length-prefixed long array.
         *
         * @return the values
         */
        public long[] getLongs() {
            long[] v = new long[getLength(8)];
            for (int i = 0; i < v.length; i++) {
                v[i] = buf.getLong();
            }
            return v;
        }

        /**
         * Reads a length-prefixed double array.
         *
         * @return the values
         */
        public double[] getDoubles() {
            double[] v = new double[getLength(8)];
            for (int i = 0; i < v.length; i++) {
                v[i] = buf.getDouble();
            }
            return v;
        }

        /**
         * Checks that every byte was read.
         *
         * @throws IllegalArgumentException if bytes remain
         */
        public void end() {
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException("encoded '" + type + "' has " + buf.remaining()
                        + " unexpected trailing bytes");
            }
        }
    }
}
