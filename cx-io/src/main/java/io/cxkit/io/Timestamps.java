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
 * Parses the time values of exports to epoch seconds: ISO-8601 date-times with an offset or
 * {@code Z}, or without one (then read in the given zone; a space may replace the {@code T}),
 * dates ({@code 2026-03-02}, the start of the day in the zone), and epoch seconds or milliseconds
 * (an integer whose magnitude is at least 10^11 is read as milliseconds, i.e. any epoch-seconds
 * value after the year 5138 would be misread, which no survey has). {@link #instant(String)} keeps
 * the fraction of a second (ISO digits up to nanoseconds, the milliseconds of epoch milliseconds);
 * the event readers use it, so funnel windows, gaps, transition times and service durations are
 * exact to the millisecond the journey engine computes in. {@code epochSecond} floors, for
 * calendar periods.
 */
final class Timestamps {
    static final String RULE = "time must be ISO-8601 (2026-03-02T10:15:00Z, with or without offset), a date"
            + " (2026-03-02) or epoch seconds/milliseconds";
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final ZoneId zone;
    private final ZoneOffset fixed;

    Timestamps(ZoneId zone) {
        this.zone = zone;
        this.fixed = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
    }

    /** Epoch seconds of a value; throws IllegalArgumentException with {@link #RULE}. */
    long epochSecond(String s) {
        int len = s.length();
        if (len == 0) {
            throw new IllegalArgumentException("time is empty");
        }
        char c0 = s.charAt(0);
        if (len >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            long fast = fast(s);
            if (fast != Long.MIN_VALUE) {
                return fast;
            }
            return slow(s);
        }
        if (Character.isDigit(c0) || c0 == '-') {
            try {
                long v = Long.parseLong(s);
                return Math.abs(v) >= MILLIS_THRESHOLD ? Math.floorDiv(v, 1000) : v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(RULE, e);
            }
        }
        throw new IllegalArgumentException(RULE);
    }

    /**
     * The instant of a value, keeping its fraction of a second: the digits after the seconds of an
     * ISO-8601 time (up to nanoseconds), or the milliseconds of an epoch-milliseconds value.
     * Otherwise as {@link #epochSecond(String)}, whose exception it throws.
     */
    java.time.Instant instant(String s) {
        return java.time.Instant.ofEpochSecond(epochSecond(s), nanos(s));
    }

    /** {@link #instant(String)} in epoch milliseconds (a sub-millisecond fraction is dropped). */
    long epochMilli(String s) {
        return instant(s).toEpochMilli();
    }

    /**
     * The fraction of a second of a value {@link #epochSecond(String)} accepted, in nanoseconds:
     * epochSecond floors, so this is the non-negative remainder.
     */
    private static int nanos(String s) {
        int len = s.length();
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
        char c0 = s.charAt(0);
        if (Character.isDigit(c0) || c0 == '-') {
            long v = Long.parseLong(s); // epochSecond accepted it
            return Math.abs(v) >= MILLIS_THRESHOLD ? (int) Math.floorMod(v, 1000L) * 1_000_000 : 0;
        }
        return 0;
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
        if (len == 0) {
            return Long.MIN_VALUE;
        }
        if (len <= 18 && b[s] >= '0' && b[s] <= '9') {
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
                return v >= MILLIS_THRESHOLD ? v / 1000 : v;
            }
        }
        if (len < 19 || b[s + 4] != '-' || b[s + 7] != '-' || (b[s + 10] != 'T' && b[s + 10] != ' ')
                || b[s + 13] != ':' || b[s + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int y = digits(b, s, 4);
        int mo = digits(b, s + 5, 2);
        int d = digits(b, s + 8, 2);
        int h = digits(b, s + 11, 2);
        int mi = digits(b, s + 14, 2);
        int sec = digits(b, s + 17, 2);
        if ((y | mo | d | h | mi | sec) < 0 || h > 23 || mi > 59 || sec > 59) {
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
        long day = epochDay(y, mo, d);
        if (day == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return day * 86_400L + h * 3600L + mi * 60L + sec - offset;
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
