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
 * <p>Every failure to decode is a {@link CorruptEncodingException} (an
 * {@link IllegalArgumentException}). Bytes are only half of it: each type's {@code decode} also
 * checks that the decoded state is <em>possible</em> (counts non-negative and adding up, weight sums
 * finite and consistent with the counts, indexes in range) with the {@link Reader}'s checking
 * methods ({@link Reader#getCount}, {@link Reader#getSize}, {@link Reader#corrupt}), so that a
 * decoded accumulator never yields impossible numbers or an unexpected exception later.
 *
 * <p>Example:
 * <pre>{@code
 * byte[] bytes = Encoding.writer("nps", 1).putLong(n).putDoubles(sums).toBytes();
 * Encoding.Reader r = Encoding.reader(bytes, "nps", 1);
 * long n = r.getLong();
 * }</pre>
 *
 * <p><b>Size.</b> One concept in one file on purpose: the header and the Writer/Reader pair are
 * the wire format and must change together.
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
     * Runs a type's whole decode and reports any rule a decoded value breaks as corrupt bytes: a
     * value that passed the byte checks but not a constructor's or a nested combine's rule (an
     * {@link IllegalArgumentException}, {@link java.time.DateTimeException} or
     * {@link ArithmeticException}) becomes a {@link CorruptEncodingException} naming the type.
     *
     * @param <T> the decoded type
     * @param type the type name, for the message
     * @param bytes the encoded bytes
     * @param decode the type's decode, which may throw those exceptions
     * @return what {@code decode} returns
     * @throws CorruptEncodingException if {@code decode} throws one, or one of those exceptions
     */
    public static <T> T decodeConsistent(String type, byte[] bytes, java.util.function.Function<byte[], T> decode) {
        try {
            return decode.apply(bytes);
        } catch (CorruptEncodingException e) {
            throw e;
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw new CorruptEncodingException("encoded '" + type + "' is inconsistent: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an encoded accumulator, checking its header.
     *
     * @param bytes the encoded bytes
     * @param type the expected type name
     * @param maxPayloadVersion the newest payload version the caller can read
     * @return a reader positioned at the payload; {@link Reader#payloadVersion()} tells its version
     * @throws CorruptEncodingException if the header does not match
     */
    public static Reader reader(byte[] bytes, String type, int maxPayloadVersion) {
        Check.notNull(bytes, "bytes");
        Reader r = new Reader(ByteBuffer.wrap(bytes), Check.notNull(type, "type"));
        String found = r.typeName();
        if (!found.equals(type)) {
            throw new CorruptEncodingException(
                    "encoded accumulator is a '" + found + "', expected a '" + type + "'");
        }
        int version = r.getShort();
        if (version > maxPayloadVersion) {
            throw new CorruptEncodingException("encoded '" + type + "' has payload version " + version
                    + ", newer than the newest this library reads (" + maxPayloadVersion + ")");
        }
        r.payloadVersion = version;
        return r;
    }

    /**
     * Reads the type name from an encoding's header (after checking the magic number and the
     * container version), e.g. to find which type's {@code decode} reads the bytes.
     *
     * @param bytes the encoded bytes, not null
     * @return the type name, e.g. {@code "nps"}
     * @throws CorruptEncodingException if the bytes do not start with a cxkit header
     */
    public static String typeOf(byte[] bytes) {
        return new Reader(ByteBuffer.wrap(Check.notNull(bytes, "bytes")), "accumulator").typeName();
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

        /** Checks the magic number and the container version, then reads the type name. */
        private String typeName() {
            int magic = getInt();
            if (magic != MAGIC) {
                throw new CorruptEncodingException(String.format(
                        "not a cxkit encoding: expected magic 0x%08X, found 0x%08X", MAGIC, magic));
            }
            int format = getShort();
            if (format != FORMAT_VERSION) {
                throw new CorruptEncodingException("unsupported cxkit encoding format version " + format
                        + " (this library reads version " + FORMAT_VERSION + ")");
            }
            return getString();
        }

        private CorruptEncodingException truncated() {
            return new CorruptEncodingException("encoded '" + type + "' is truncated at byte "
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
                    throw corrupt("has an invalid boolean byte " + b);
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
                throw corrupt("has an invalid length " + len + " at byte " + (buf.position() - 4));
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
         * Returns an exception for an impossible value, its message prefixed with the type:
         * {@code corrupt("has a negative count: -1")} reads {@code "encoded 'nps' has a negative
         * count: -1"}.
         *
         * @param what what is wrong, naming the field and the value
         * @return the exception, to be thrown by the caller
         */
        public CorruptEncodingException corrupt(String what) {
            return new CorruptEncodingException("encoded '" + type + "' " + what);
        }

        /**
         * Reads a count: a long that must be {@code >= 0}.
         *
         * @param field the field's name, used in the message
         * @return the count
         * @throws CorruptEncodingException if negative
         */
        public long getCount(String field) {
            long v = getLong();
            if (v < 0) {
                throw corrupt("has a negative " + field + ": " + v);
            }
            return v;
        }

        /**
         * Reads the number of elements that follow, each taking at least {@code minBytesEach}
         * bytes: an int that must be {@code >= 0} and fit in the bytes left, so that a corrupt size
         * can neither make the caller allocate without bound nor loop long before failing.
         *
         * @param field the field's name, used in the message
         * @param minBytesEach the fewest bytes one element takes, {@code >= 1}
         * @return the size
         * @throws CorruptEncodingException if negative or larger than the remaining bytes allow
         */
        public int getSize(String field, int minBytesEach) {
            int v = getInt();
            if (v < 0) {
                throw corrupt("has a negative " + field + ": " + v);
            }
            if ((long) v * minBytesEach > buf.remaining()) {
                throw corrupt("has a " + field + " of " + v + ", more than the " + buf.remaining()
                        + " bytes left can hold");
            }
            return v;
        }

        /**
         * Reads a length-prefixed array of counts, each of which must be {@code >= 0}.
         *
         * @param field the field's name, used in the message
         * @return the counts
         * @throws CorruptEncodingException if any is negative
         */
        public long[] getCounts(String field) {
            long[] v = getLongs();
            for (int i = 0; i < v.length; i++) {
                if (v[i] < 0) {
                    throw corrupt("has a negative " + field + " at index " + i + ": " + v[i]);
                }
            }
            return v;
        }

        /**
         * Reads a double that must be finite.
         *
         * @param field the field's name, used in the message
         * @return the value
         * @throws CorruptEncodingException if NaN or infinite
         */
        public double getFinite(String field) {
            double v = getDouble();
            if (!Double.isFinite(v)) {
                throw corrupt("has a non-finite " + field + ": " + v);
            }
            return v;
        }

        /**
         * Reads a length-prefixed string that must be one of an enum's constant names.
         *
         * @param <E> the enum type
         * @param type the enum class
         * @param field the field's name, used in the message
         * @return the constant
         * @throws CorruptEncodingException if the name is not a constant of {@code type}
         */
        public <E extends Enum<E>> E getEnum(Class<E> type, String field) {
            String name = getString();
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            throw corrupt("has an unknown " + field + ": '" + name + "'");
        }

        /**
         * Checks the weight sums of {@code n} observations for what real weights can produce:
         * both finite; both zero when {@code n == 0}; otherwise {@code Σw} within
         * {@code n·[MIN_WEIGHT, MAX_WEIGHT]} ({@link Check#MIN_WEIGHT}), and, by Cauchy–Schwarz,
         * {@code (Σw)²/n <= Σw² <= (Σw)²} up to rounding (relative 1e-9).
         *
         * @param n the number of observations
         * @param sumW their sum of weights
         * @param sumW2 their sum of squared weights
         * @param field what the sums belong to, used in the message
         * @throws CorruptEncodingException if the sums are impossible
         */
        public void checkWeightSums(long n, double sumW, double sumW2, String field) {
            String values = " for " + field + ": n=" + n + ", Σw=" + sumW + ", Σw²=" + sumW2;
            if (!Double.isFinite(sumW) || !Double.isFinite(sumW2)) {
                throw corrupt("has a non-finite weight sum" + values);
            }
            if (n == 0) {
                if (sumW != 0 || sumW2 != 0) {
                    throw corrupt("has weight without observations" + values);
                }
                return;
            }
            double slack = 1e-9;
            double nd = n;
            boolean ok = sumW >= nd * Check.MIN_WEIGHT * (1 - slack) && sumW <= nd * Check.MAX_WEIGHT * (1 + slack)
                    && sumW2 * nd >= sumW * sumW * (1 - slack) && sumW2 <= sumW * sumW * (1 + slack);
            if (!ok) {
                throw corrupt("has weight sums no weights in [" + Check.MIN_WEIGHT + ", " + Check.MAX_WEIGHT
                        + "] can produce" + values);
            }
        }

        /**
         * Builds part of the decoded state with a constructor or factory that validates its
         * arguments, turning its {@link IllegalArgumentException} (or a {@link
         * java.time.DateTimeException} from a zone or date) into a {@link CorruptEncodingException}
         * naming {@code field}.
         *
         * @param <T> the built type
         * @param field what is built, used in the message
         * @param make builds it from values already read
         * @return what {@code make} returned
         * @throws CorruptEncodingException if {@code make} rejects the values
         */
        public <T> T valid(String field, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (CorruptEncodingException e) {
                throw e;
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new CorruptEncodingException("encoded '" + type + "' has an invalid " + field + ": "
                        + e.getMessage(), e);
            }
        }

        /**
         * Adds two decoded counts exactly: a total that overflows a {@code long} means no data can
         * have produced the encoding.
         *
         * @param a a count
         * @param b another count
         * @param field the total's name, used in the message
         * @return {@code a + b}
         * @throws CorruptEncodingException if the sum overflows
         */
        public long add(long a, long b, String field) {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                throw corrupt("has a " + field + " that overflows a long: " + a + " + " + b);
            }
        }

        /**
         * Checks that every byte was read.
         *
         * @throws CorruptEncodingException if bytes remain
         */
        public void end() {
            if (buf.hasRemaining()) {
                throw corrupt("has " + buf.remaining() + " unexpected trailing bytes");
            }
        }
    }
}
