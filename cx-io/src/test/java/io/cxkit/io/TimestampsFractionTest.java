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
    void otherShapesAndPatterns() {
        Timestamps pattern = new Timestamps(ZoneId.of("UTC"), "dd/MM/yyyy HH:mm:ss.SSS");
        assertEquals(Instant.parse("2026-03-02T10:00:00.900Z"), pattern.instant("02/03/2026 10:00:00.900"));
        Timestamps noFraction = new Timestamps(ZoneId.of("UTC"), "dd/MM/yyyy HH:mm");
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), noFraction.instant("02/03/2026 10:00"));
        assertEquals(Instant.ofEpochSecond(utc.epochSecond("03/01/2024 10:10:05 AM")),
                utc.instant("03/01/2024 10:10:05 AM"));
        assertEquals(Instant.parse("2024-03-01T09:05:00Z"), berlin.instant("01.03.2024 10:05"));
        assertEquals(Instant.parse("2024-03-01T22:22:10.250Z"), utc.instant("2024-03-01 14:22:10.250 -0800"));
        assertEquals(Instant.parse("2024-03-01T22:22:10Z"), utc.instant("2024-03-01 14:22:10 -0800"));
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), utc.instant("20260115"));
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
