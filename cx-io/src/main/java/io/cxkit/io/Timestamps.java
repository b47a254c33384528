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
 * value after the year 5138 would be misread, which no survey has).
 */
final class Timestamps {
    static final String RULE = "time must be ISO-8601 (2026-03-02T10:15:00Z, with or without offset), a date"
            + " (2026-03-02) or epoch seconds/milliseconds";
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
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
