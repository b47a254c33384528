package io.cxkit.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the time values of exports to epoch seconds. Without a pattern these are recognised:
 * <ul>
 *   <li>ISO-8601 date-times with an offset or {@code Z}, or without one (then read in the given
 *       zone; a space may replace the {@code T}); the offset may also be written {@code -0800}
 *       and after a space, as Delighted does ({@code 2024-03-01 14:22:10 -0800});</li>
 *   <li>dates ({@code 2026-03-02}, the start of the day in the zone) and basic ISO dates of
 *       exactly eight digits ({@code 20260115});</li>
 *   <li>US dates {@code M/d/yyyy} with an optional time {@code h:mm[:ss] AM|PM} or
 *       {@code H:mm[:ss]} ({@code 03/01/2024 10:10:05 AM}); a first field above 12 is rejected,
 *       never silently read day-first (give {@code dd/MM/yyyy} as the pattern);</li>
 *   <li>German dates {@code d.M.yyyy} with an optional {@code H:mm[:ss]} ({@code 01.03.2024 14:05});</li>
 *   <li>epoch seconds or milliseconds: any other integer (one whose magnitude is at least 10^11
 *       is read as milliseconds, i.e. any epoch-seconds value after the year 5138 would be
 *       misread, which no survey has).</li>
 * </ul>
 * Every time must lie in the years 1000 to 9999; anything else is a row error. With a pattern
 * ({@link java.time.format.DateTimeFormatter} syntax, e.g. {@code dd/MM/yyyy HH:mm}) only that
 * pattern is accepted: with an offset or zone in the pattern it decides, otherwise the zone does,
 * and a pattern without a time of day gives the start of the day.
 *
 * <p><b>Size.</b> About 560 lines: one parser per recognised layout (ISO with and without offset,
 * US, German, basic ISO dates, epoch numbers) and the byte-level fast path of the ISO {@code …Z}
 * shape that the event reader uses per row; they share the field checks and the day cache, so they
 * stay together.
 */
final class Timestamps {
    static final String RULE = "time must be ISO-8601 (2026-03-02T10:15:00Z, with or without offset), a date"
            + " (2026-03-02) or epoch seconds/milliseconds";
    /** The earliest accepted time, 1000-01-01T00:00Z. */
    static final long MIN_SECOND = -30_610_224_000L;
    /** The latest accepted time, 9999-12-31T23:59:59Z. */
    static final long MAX_SECOND = 253_402_300_799L;
    private static final java.util.regex.Pattern US = java.util.regex.Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp])\\.?[Mm]\\.?)?)?");
    private static final java.util.regex.Pattern DE = java.util.regex.Pattern.compile(
            "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final java.util.regex.Pattern SPACED_OFFSET = java.util.regex.Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*([+-])(\\d{2}):?(\\d{2})");
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final ZoneId zone;
    private final ZoneOffset fixed;
    private final DateTimeFormatter pattern;
    private final String patternText;

    Timestamps(ZoneId zone) {
        this(zone, null);
    }

    /**
     * Times in a zone, with only this pattern when it is not null.
     *
     * @throws IllegalArgumentException for a pattern that is not a DateTimeFormatter pattern
     */
    Timestamps(ZoneId zone, String pattern) {
        this.zone = zone;
        this.fixed = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
        this.patternText = pattern;
        this.pattern = pattern == null ? null : formatter(pattern);
    }

    /** A time pattern as a formatter (English month and AM/PM names), or an error naming it. */
    static DateTimeFormatter formatter(String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern, java.util.Locale.US);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("time format must be a DateTimeFormatter pattern such as"
                    + " 'dd/MM/yyyy HH:mm': '" + pattern + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Epoch seconds of a value; throws IllegalArgumentException with {@link #RULE}. */
    long epochSecond(String s) {
        long t = parse(s);
        if (t < MIN_SECOND || t > MAX_SECOND) {
            throw new IllegalArgumentException("time must be in the years 1000 to 9999");
        }
        return t;
    }

    private long parse(String s) {
        int len = s.length();
        if (len == 0) {
            throw new IllegalArgumentException("time is empty");
        }
        if (pattern != null) {
            return patterned(s);
        }
        char c0 = s.charAt(0);
        if (len >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            long fast = fast(s);
            if (fast != Long.MIN_VALUE) {
                return fast;
            }
            return slow(s);
        }
        if (len == 8 && Cells.syntax(s, '.')) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone).toEpochSecond();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("an eight-digit time is read as a basic ISO date (yyyyMMdd)"
                        + " and this is not a valid one; write epoch seconds with more digits or give a time format", e);
            }
        }
        if (s.indexOf('/') > 0) {
            return local(s, US, true);
        }
        if (s.indexOf('.') > 0 && s.indexOf('.') <= 2) {
            return local(s, DE, false);
        }
        if ((Character.isDigit(c0) || c0 == '-') && Cells.syntax(s, '.') && s.indexOf('.') < 0) {
            try {
                long v = Long.parseLong(s);
                return Math.abs(v) >= MILLIS_THRESHOLD ? Math.floorDiv(v, 1000) : v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("time must be in the years 1000 to 9999", e);
            }
        }
        throw new IllegalArgumentException(RULE);
    }

    /** A US (month first, AM/PM optional) or German (day first) date with an optional time, in the zone. */
    private long local(String s, java.util.regex.Pattern p, boolean monthFirst) {
        java.util.regex.Matcher m = p.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(RULE);
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int month = monthFirst ? a : b;
        int day = monthFirst ? b : a;
        if (monthFirst && a > 12) {
            throw new IllegalArgumentException("a date with slashes is read month first (MM/dd/yyyy, as US exports"
                    + " write it) and " + a + " is not a month; for day-first dates give the time format"
                    + " dd/MM/yyyy");
        }
        int h = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int mi = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (monthFirst && m.group(7) != null) {
            if (h < 1 || h > 12) {
                throw new IllegalArgumentException("hour must be 1 to 12 with AM/PM: " + h);
            }
            boolean pm = Character.toLowerCase(m.group(7).charAt(0)) == 'p';
            h = h % 12 + (pm ? 12 : 0);
        }
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), month, day, h, mi, sec);
            return fixed != null ? t.toEpochSecond(fixed) : t.atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(RULE + " (" + e.getMessage() + ")", e);
        }
    }

    private long patterned(String s) {
        try {
            java.time.temporal.TemporalAccessor t = pattern.parseBest(s, ZonedDateTime::from, OffsetDateTime::from,
                    LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime z) {
                return z.toEpochSecond();
            }
            if (t instanceof OffsetDateTime o) {
                return o.toEpochSecond();
            }
            if (t instanceof LocalDateTime l) {
                return l.atZone(zone).toEpochSecond();
            }
            return ((LocalDate) t).atStartOfDay(zone).toEpochSecond();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time must match the time format '" + patternText + "'", e);
        }
    }

    /**
     * The instant of a value, keeping its fraction of a second: the digits after the seconds of an
     * ISO-8601 time (up to nanoseconds), or the milliseconds of an epoch-milliseconds value.
     * Otherwise as {@link #epochSecond(String)}, whose exception it throws.
     */
    java.time.Instant instant(String s) {
        return java.time.Instant.ofEpochSecond(epochSecond(s), nanos(s));
    }

    /**
     * {@link #instant(String)} in epoch nanoseconds, without making an {@code Instant}.
     *
     * @throws ArithmeticException if the time lies outside 1677-09-22 … 2262-04-11
     */
    long epochNanos(String s) {
        return Math.addExact(Math.multiplyExact(epochSecond(s), 1_000_000_000L), nanos(s));
    }

    /** {@link #instant(String)} in epoch milliseconds (a sub-millisecond fraction is dropped). */
    long epochMilli(String s) {
        return instant(s).toEpochMilli();
    }

    /**
     * The fraction of a second of a value {@link #epochSecond(String)} accepted, in nanoseconds:
     * epochSecond floors, so this is the non-negative remainder. Shapes without a fraction (dates,
     * US and German dates, whole seconds) give 0.
     */
    private int nanos(String s) {
        int len = s.length();
        if (pattern != null) {
            java.time.temporal.TemporalAccessor t = pattern.parse(s); // epochSecond accepted it
            return t.isSupported(java.time.temporal.ChronoField.NANO_OF_SECOND)
                    ? t.get(java.time.temporal.ChronoField.NANO_OF_SECOND) : 0;
        }
        if (len >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            if (len <= 20 || s.charAt(19) != '.') {
                return 0;
            }
            int n = 0;
            int digits = 0;
            for (int i = 20; i < len && digits < 9; i++, digits++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                n = n * 10 + (c - '0');
            }
            for (; digits < 9; digits++) {
                n *= 10;
            }
            return n;
        }
        for (int i = s.charAt(0) == '-' ? 1 : 0; i < len; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return 0;
            }
        }
        long v = Long.parseLong(s); // an integer epochSecond accepted
        return Math.abs(v) >= MILLIS_THRESHOLD ? (int) Math.floorMod(v, 1000L) * 1_000_000 : 0;
    }

    /**
     * Epoch seconds of a value's UTF-8 bytes in the common shapes, without making a String: plain
     * digits (epoch seconds or milliseconds, at most 18 digits) and
     * {@code yyyy-MM-dd(T| )HH:mm:ss[.fraction](Z|±HH:MM)} (or without an offset when the zone is a
     * fixed offset). Long.MIN_VALUE for anything else, including invalid dates: then
     * {@link #epochSecond(String)} decides (and gives the error).
     */
    long epochSecond(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 0 || pattern != null) {
            return Long.MIN_VALUE;
        }
        if (len <= 18 && len != 8 && b[s] >= '0' && b[s] <= '9') {
            long v = 0;
            int k = s;
            if (len >= 8 && s + 8 <= b.length) {
                // eight digits at once: all bytes '0'..'9', then pairs, quads, the eight combined
                long w = (long) LONGS.get(b, s);
                if ((w & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L
                        && ((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L) {
                    long x = w - 0x3030303030303030L;
                    x = (x * 10 + (x >>> 8)) & 0x00FF00FF00FF00FFL;
                    x = (x * 100 + (x >>> 16)) & 0x0000FFFF0000FFFFL;
                    v = (x * 10000 + (x >>> 32)) & 0xFFFFFFFFL;
                    k += 8;
                }
            }
            for (; k < e; k++) {
                int d = b[k] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                v = v * 10 + d;
            }
            if (k == e) {
                long t = v >= MILLIS_THRESHOLD ? v / 1000 : v;
                return t <= MAX_SECOND ? t : Long.MIN_VALUE;
            }
        }
        if (len < 19 || b[s + 4] != '-' || b[s + 7] != '-' || (b[s + 10] != 'T' && b[s + 10] != ' ')
                || b[s + 13] != ':' || b[s + 16] != ':') {
            return Long.MIN_VALUE;
        }
        long local = localSecond(b, s);
        if (local == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        int i = s + 19;
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        long offset;
        if (i == e) {
            if (fixed == null) {
                return Long.MIN_VALUE;
            }
            offset = fixed.getTotalSeconds();
        } else if (i + 1 == e && b[i] == 'Z') {
            offset = 0;
        } else if (i + 6 == e && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
            int oh = digits(b, i + 1, 2);
            int om = digits(b, i + 4, 2);
            if ((oh | om) < 0 || oh > 17 || om > 59) {
                return Long.MIN_VALUE;
            }
            offset = (b[i] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
        } else {
            return Long.MIN_VALUE;
        }
        long t = local - offset;
        return t >= MIN_SECOND && t <= MAX_SECOND ? t : Long.MIN_VALUE;
    }

    /**
     * {@link #epochNanos(String)} of a value's UTF-8 bytes in the shapes of
     * {@link #epochSecond(byte[], int, int)}, keeping the fraction of a second as the String path
     * does (up to nine digits after the seconds of an ISO-8601 time, the milliseconds of an
     * epoch-milliseconds value); Long.MIN_VALUE for anything else and for times a {@code long}
     * of nanoseconds cannot hold: then the String path decides (and gives the error).
     */
    long epochNanos(byte[] b, int s, int e) {
        long utc = utcNanos(b, s, e);
        if (utc != Long.MIN_VALUE) {
            return utc;
        }
        long sec = epochSecond(b, s, e);
        if (sec == Long.MIN_VALUE || sec > 9_223_372_035L || sec < -9_223_372_036L) {
            return Long.MIN_VALUE;
        }
        int nanos = 0;
        int len = e - s;
        if (b[s + Math.min(4, len - 1)] == '-') { // ISO: digits after yyyy
            if (len > 20 && b[s + 19] == '.') {
                int digits = 0;
                for (int i = s + 20; i < e && digits < 9; i++, digits++) {
                    int d = b[i] - '0';
                    if (d < 0 || d > 9) {
                        break;
                    }
                    nanos = nanos * 10 + d;
                }
                for (; digits < 9; digits++) {
                    nanos *= 10;
                }
            }
        } else { // plain digits (epochSecond accepted them): milliseconds past the threshold
            long v = 0;
            for (int i = s; i < e; i++) {
                v = v * 10 + (b[i] - '0');
            }
            if (v >= MILLIS_THRESHOLD) {
                nanos = (int) (v % 1000) * 1_000_000;
            }
        }
        return sec * 1_000_000_000L + nanos;
    }

    /**
     * The local date-time {@code yyyy-MM-dd?HH:mm:ss} at {@code b[s..s+19)} (separators already
     * checked by the caller) as seconds since the epoch read as UTC, the date through the day cache;
     * MIN_VALUE for a field that is not digits or out of range. Shared by
     * {@link #epochSecond(byte[], int, int)} and {@link #utcNanos}.
     */
    private long localSecond(byte[] b, int s) {
        int y = digits(b, s, 4);
        int mo = digits(b, s + 5, 2);
        int d = digits(b, s + 8, 2);
        int h = digits(b, s + 11, 2);
        int mi = digits(b, s + 14, 2);
        int sec = digits(b, s + 17, 2);
        if ((y | mo | d | h | mi | sec) < 0 || h > 23 || mi > 59 || sec > 59) {
            return Long.MIN_VALUE;
        }
        long day = epochDay(y, mo, d);
        return day == Long.MIN_VALUE ? Long.MIN_VALUE : day * 86_400L + h * 3600L + mi * 60L + sec;
    }

    /**
     * The most common shape on its own: {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (the shape of
     * {@link java.time.Instant#toString()}), read with the date through the day cache; MIN_VALUE
     * for anything else (then {@link #epochNanos(byte[], int, int)} goes on as before). It shares
     * {@link #localSecond} with {@link #epochSecond(byte[], int, int)} but not that method itself:
     * that one returns only seconds, so the fraction would be found by a second scan, and it
     * branches on the offset forms this shape does not have (about a third of the time parse of a
     * 10M-event file).
     */
    private long utcNanos(byte[] b, int s, int e) {
        int len = e - s;
        if (len < 20 || b[e - 1] != 'Z' || b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T'
                || b[s + 13] != ':' || b[s + 16] != ':' || pattern != null) {
            return Long.MIN_VALUE;
        }
        long local = localSecond(b, s);
        if (local == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        int nanos = 0;
        int i = s + 19;
        if (i < e - 1) {
            if (b[i] != '.') {
                return Long.MIN_VALUE;
            }
            int count = 0;
            for (i++; i < e - 1; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return Long.MIN_VALUE;
                }
                if (count < 9) {
                    nanos = nanos * 10 + digit;
                    count++;
                }
            }
            for (; count < 9; count++) {
                nanos *= 10;
            }
        }
        long t = local;
        if (t < MIN_SECOND || t > MAX_SECOND || t > 9_223_372_035L || t < -9_223_372_036L) {
            return Long.MIN_VALUE;
        }
        return t * 1_000_000_000L + nanos;
    }

    private final int[] dayKeys = new int[1024];
    private final long[] days = new long[1024];

    /** The epoch day of a date, through a small cache; MIN_VALUE for an invalid date. */
    private long epochDay(int y, int mo, int d) {
        if (mo < 1 || mo > 12 || d < 1 || d > 31) {
            return Long.MIN_VALUE;
        }
        int key = (y * 16 + mo) * 32 + d;
        int slot = key & 1023;
        if (dayKeys[slot] == key) {
            return days[slot];
        }
        long day;
        try {
            day = LocalDate.of(y, mo, d).toEpochDay();
        } catch (DateTimeException ex) {
            return Long.MIN_VALUE;
        }
        dayKeys[slot] = key;
        days[slot] = day;
        return day;
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** yyyy-MM-dd[(T| )HH:mm:ss[.fraction]][Z|±HH:MM]; MIN_VALUE if not of that shape. */
    private long fast(String s) {
        int len = s.length();
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 2);
        int d = digits(s, 8, 2);
        if (y < 0 || mo < 0 || d < 0) {
            return Long.MIN_VALUE;
        }
        int h = 0;
        int mi = 0;
        int sec = 0;
        int i = 10;
        if (len > 10) {
            char t = s.charAt(10);
            if ((t != 'T' && t != ' ') || len < 19 || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return Long.MIN_VALUE;
            }
            h = digits(s, 11, 2);
            mi = digits(s, 14, 2);
            sec = digits(s, 17, 2);
            if (h < 0 || mi < 0 || sec < 0) {
                return Long.MIN_VALUE;
            }
            i = 19;
            if (i < len && s.charAt(i) == '.') {
                i++;
                while (i < len && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        try {
            if (i + 1 == len && s.charAt(i) == 'Z') {
                // The common case: day arithmetic without objects (LocalDate validates the date).
                if (h > 23 || mi > 59 || sec > 59) {
                    throw new DateTimeException("Invalid time " + s.substring(11, 19));
                }
                return LocalDate.of(y, mo, d).toEpochDay() * 86_400L + h * 3600L + mi * 60L + sec;
            }
            LocalDateTime ldt = LocalDateTime.of(y, mo, d, h, mi, sec);
            if (i == len) {
                return fixed != null ? ldt.toEpochSecond(fixed) : ldt.atZone(zone).toEpochSecond();
            }
            String rest = s.substring(i);
            if (rest.length() == 6 && (rest.charAt(0) == '+' || rest.charAt(0) == '-') && rest.charAt(3) == ':') {
                return ldt.toEpochSecond(ZoneOffset.of(rest));
            }
            return Long.MIN_VALUE;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(RULE + " (" + e.getMessage() + ")", e);
        }
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private long slow(String s) {
        java.util.regex.Matcher m = SPACED_OFFSET.matcher(s);
        if (m.matches()) {
            try {
                return LocalDateTime.parse(m.group(1).replace(' ', 'T'))
                        .toEpochSecond(ZoneOffset.of(m.group(2) + m.group(3) + ":" + m.group(4)));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(RULE + " (" + e.getMessage() + ")", e);
            }
        }
        try {
            return OffsetDateTime.parse(s).toEpochSecond();
        } catch (DateTimeParseException e) {
            // try the others
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.ISO_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            // try the others
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException e) {
            // try the others
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(RULE, e);
        }
    }
}
