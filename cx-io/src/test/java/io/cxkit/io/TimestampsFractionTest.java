package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Timestamps.instant keeps the fraction of a second that epochSecond floors away (issue 12 item 5). */
class TimestampsFractionTest {
    private final Timestamps utc = new Timestamps(ZoneId.of("UTC"));
    private final Timestamps berlin = new Timestamps(ZoneId.of("Europe/Berlin"));

    @Test
    void isoFractionsAreKeptToTheNanosecond() {
        assertEquals(Instant.parse("2026-03-02T10:00:00.900Z"), utc.instant("2026-03-02T10:00:00.900Z"));
        assertEquals(Instant.parse("2026-03-02T10:00:02.999Z"), utc.instant("2026-03-02T10:00:02.999Z"));
        assertEquals(Instant.parse("2026-03-02T10:00:00.5Z"), utc.instant("2026-03-02T10:00:00.5Z"));
        assertEquals(Instant.parse("2026-03-02T10:00:00.123456789Z"), utc.instant("2026-03-02T10:00:00.123456789Z"));
        // digits past nanoseconds are dropped, as java.time would refuse them
        assertEquals(Instant.parse("2026-03-02T10:00:00.123456789Z"), utc.instant("2026-03-02T10:00:00.1234567891Z"));
        assertEquals(Instant.parse("2026-03-02T09:00:00.250Z"), utc.instant("2026-03-02T10:00:00.250+01:00"));
        assertEquals(Instant.parse("2026-03-02T09:00:00.750Z"), berlin.instant("2026-03-02 10:00:00.750"));
        assertEquals(1_772_445_600_900L, utc.epochMilli("2026-03-02T10:00:00.900Z"));
    }

    @Test
    void epochMillisecondsKeepTheirMilliseconds() {
        assertEquals(Instant.ofEpochMilli(1_772_445_660_500L), utc.instant("1772445660500"));
        assertEquals(Instant.ofEpochMilli(-100_000_000_001L), utc.instant("-100000000001"));
        assertEquals(Instant.ofEpochSecond(1_772_445_660L), utc.instant("1772445660"));
        assertEquals(60_500, utc.epochMilli("1772445660500") - utc.epochMilli("1772445600000"));
    }

    @Test
    void wholeSecondsDatesAndErrorsAreAsBefore() {
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), utc.instant("2026-03-02T10:00:00Z"));
        assertEquals(Instant.parse("2026-03-01T23:00:00Z"), berlin.instant("2026-03-02"));
        assertEquals(utc.epochSecond("2026-03-02T10:00:00.900Z"), utc.instant("2026-03-02T10:00:00.900Z")
                .getEpochSecond());
        assertThrows(IllegalArgumentException.class, () -> utc.instant("yesterday"));
        assertThrows(IllegalArgumentException.class, () -> utc.instant(""));
    }
}
