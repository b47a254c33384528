package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.journey.service.BusinessCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link BusinessCalendar} from a small text file of {@code key = value} lines ({@code #}
 * starts a comment; blank lines are ignored; keys are case-insensitive):
 *
 * <pre>
 * # support desk hours
 * zone     = Europe/Berlin          # required, exactly once (anywhere in the file)
 * weekdays = 09:00-17:00            # Monday to Friday
 * sat      = 10:00-14:00            # mon, tue, wed, thu, fri, sat, sun (or full day names)
 * sun      = closed
 * holiday  = 2026-12-25, 2026-12-26 # one or more dates; the key may repeat
 * from     = 2026-07-01             # a new schedule from this date: the lines below change it
 * weekdays = 08:00-16:00
 * </pre>
 *
 * <p>Days without hours are closed. Times are {@code HH:MM}; an end of {@code 24:00} or
 * {@code 00:00} means the end of the day; the end must be after the start. Lines apply in order, as
 * the {@link BusinessCalendar.Builder} calls of the same names. Any problem — an unknown key, a line
 * without {@code =}, a bad zone, time or date, a missing or repeated zone — is a
 * {@link BadInputException} naming {@code file:line}, the key and the value.
 */
public final class CalendarFile {
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private CalendarFile() {
    }

    /**
     * Reads a calendar file (UTF-8).
     *
     * @param file the file
     * @return the calendar
     * @throws BadInputException for a missing or malformed file
     */
    public static BusinessCalendar read(Path file) {
        Check.notNull(file, "file");
        String source = String.valueOf(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw BadInputException.file(source, 0, "no such file", "no such file");
        } catch (MalformedInputException e) {
            throw BadInputException.file(source, 0, "bad encoding", "the calendar file is not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, source);
    }

    /**
     * Parses the lines of a calendar file.
     *
     * @param lines the lines
     * @param source the name used in messages
     * @return the calendar
     * @throws BadInputException for a malformed line, or a calendar without any working hours
     */
    public static BusinessCalendar parse(List<String> lines, String source) {
        Check.notNull(lines, "lines");
        ZoneId zone = null;
        int zoneLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] kv = keyValue(lines.get(i), source, i + 1);
            if (kv != null && kv[0].equals("zone")) {
                if (zone != null) {
                    throw bad(source, i + 1, kv, "zone is given twice (first on line " + zoneLine + ")");
                }
                try {
                    zone = ZoneId.of(kv[1]);
                } catch (DateTimeException e) {
                    throw bad(source, i + 1, kv, "zone must be a time-zone id such as Europe/Berlin or UTC");
                }
                zoneLine = i + 1;
            }
        }
        if (zone == null) {
            throw BadInputException.file(source, 0, "bad calendar",
                    "the calendar has no 'zone = ...' line (e.g. zone = Europe/Berlin)");
        }
        BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
        for (int i = 0; i < lines.size(); i++) {
            String[] kv = keyValue(lines.get(i), source, i + 1);
            if (kv == null || kv[0].equals("zone")) {
                continue;
            }
            try {
                apply(b, kv);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw bad(source, i + 1, kv, e.getMessage());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw BadInputException.file(source, 0, "bad calendar", e.getMessage());
        }
    }

    private static void apply(BusinessCalendar.Builder b, String[] kv) {
        String key = kv[0];
        String value = kv[1];
        switch (key) {
            case "holiday":
            case "holidays":
                for (String d : value.split(",")) {
                    b.holiday(date(d.strip()));
                }
                return;
            case "from":
                b.from(date(value));
                return;
            case "weekdays":
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                        hours(b, d, value);
                    }
                }
                return;
            default:
                DayOfWeek day = DAYS.get(key.length() >= 3 ? key.substring(0, 3) : key);
                if (day == null || !(key.length() == 3 || key.equals(day.name().toLowerCase(Locale.ROOT)))) {
                    throw new IllegalArgumentException("unknown key: expected zone, weekdays, mon..sun, holiday"
                            + " or from");
                }
                hours(b, day, value);
        }
    }

    private static void hours(BusinessCalendar.Builder b, DayOfWeek day, String value) {
        if (value.equalsIgnoreCase("closed")) {
            b.closed(day);
            return;
        }
        int dash = value.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("hours must be HH:MM-HH:MM or closed");
        }
        b.hours(day, time(value.substring(0, dash).strip()), time(value.substring(dash + 1).strip()));
    }

    private static LocalTime time(String s) {
        if (s.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time must be HH:MM (00:00 to 24:00): '" + s + "'", e);
        }
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date must be YYYY-MM-DD: '" + s + "'", e);
        }
    }

    /** The key (lower case) and value of a line, or null for a blank or comment line. */
    private static String[] keyValue(String line, String source, int no) {
        int hash = line.indexOf('#');
        String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (l.isEmpty()) {
            return null;
        }
        int eq = l.indexOf('=');
        if (eq <= 0) {
            throw new BadInputException(new RowError(source, no, 0, "", l, "bad calendar",
                    "calendar lines must be key = value"));
        }
        return new String[] {l.substring(0, eq).strip().toLowerCase(Locale.ROOT), l.substring(eq + 1).strip()};
    }

    private static BadInputException bad(String source, int line, String[] kv, String message) {
        return new BadInputException(new RowError(source, line, 0, kv[0], kv[1], "bad calendar", message));
    }
}
