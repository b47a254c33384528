package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log spilled to disk past a tiny memory budget cuts exactly the journeys of the log held in memory. */
class EventLogSpillTest {

    static EventLog spilled(List<JourneyEvent> events, long budget, Path dir) {
        EventLog.Builder b = EventLog.builder().memoryBudget(budget).tempDirectory(dir);
        events.forEach(b::add);
        return b.build();
    }

    static long runFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".run")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 60)
    void spilledJourneysEqualTheObjectPath(@ForAll long seed, @ForAll @IntRange(min = 0, max = 500) int n,
            @ForAll @LongRange(min = 1, max = 3000) long budget) throws IOException {
        Path dir = Files.createTempDirectory("cxkit-spill-test");
        List<JourneyEvent> events = RandomLogs.events(seed, n);
        try (EventLog log = spilled(events, budget, dir)) {
            assertEquals(n, log.size());
            if (n >= 2 && budget < 40) { // below one event's share of the budget: every event spills
                assertTrue(log.spilled(), log.toString());
            }
            assertTrue(log.runCount() < 2 * EventLog.FAN_IN, log.toString());
            for (JourneyBuilder rules : EventLogProperties.RULES) {
                assertEquals(rules.build(events), log.journeys(rules), rules + " seed=" + seed + " " + log);
                // a second pass reads the same runs again
                assertEquals(rules.build(events), log.journeys(rules), rules + " seed=" + seed + " again");
            }
            int c = log.customerCount();
            JourneyBuilder rules = JourneyBuilder.create().byCase().splitOnOutcome();
            List<CustomerJourney> parted = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                log.forEachJourney(rules, c * p / 3, c * (p + 1) / 3, j -> parted.add(j.toCustomerJourney()));
            }
            assertEquals(rules.build(events), parted);
        }
        assertEquals(0, runFiles(dir), "runs are deleted on close");
        Files.delete(dir);
    }

    @Test
    void manyRunsAreMergedWhileBuildingAndDeletedOnClose(@TempDir Path dir) {
        List<JourneyEvent> events = RandomLogs.events(7, 3000);
        EventLog log = spilled(events, 1, dir);
        // one event per run: 3000 = 11·256 + 11·16 + 8 → 11 + 11 + 8 runs of levels 2, 1, 0
        assertEquals(30, log.runCount(), log.toString());
        assertEquals(30, runFiles(dir));
        assertEquals(EventLogProperties.RULES.get(6).build(events), log.journeys(EventLogProperties.RULES.get(6)));
        log.close();
        log.close();
        assertEquals(0, runFiles(dir));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> log.forEachJourney(JourneyBuilder.create(), j -> { }));
        assertEquals("the spilled event log was closed; its runs are deleted", e.getMessage());
    }

    @Test
    void anAbandonedBuilderDeletesItsRunsOnClose(@TempDir Path dir) {
        try (EventLog.Builder b = EventLog.builder().memoryBudget(100).tempDirectory(dir)) {
            RandomLogs.events(3, 50).forEach(b::add);
            assertTrue(runFiles(dir) > 0);
            assertTrue(b.spilledBytes() > 0);
        }
        assertEquals(0, runFiles(dir));
    }

    @Test
    void aTempDirectoryThatCannotBeWrittenIsNamedAndTheRunsAreDeleted(@TempDir Path dir) throws IOException {
        Path gone = Files.createDirectory(dir.resolve("gone"));
        EventLog.Builder b = EventLog.builder().memoryBudget(1).tempDirectory(gone);
        b.add("c1", 0L, "home", Channel.WEB, null, null, Double.NaN, null);
        Files.delete(gone);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> b.add("c2", 0L, "home", Channel.WEB, null, null, Double.NaN, null));
        assertTrue(e.getMessage().startsWith("event log spill could not create a run file in temp directory "
                + gone.toAbsolutePath() + ": "), e.getMessage());
        IllegalStateException again = assertThrows(IllegalStateException.class, b::build);
        assertTrue(again.getMessage().startsWith("the event log builder failed and was closed: "),
                again.getMessage());

        Path full = Files.createDirectory(dir.resolve("full"));
        EventLog.Builder c = EventLog.builder().memoryBudget(1).tempDirectory(full);
        c.add("c1", 0L, "home", Channel.WEB, null, null, Double.NaN, null);
        c.add("c2", 0L, "home", Channel.WEB, null, null, Double.NaN, null); // first run written
        assertEquals(1, runFiles(full));
        Files.setPosixFilePermissions(full, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (!Files.isWritable(full)) { // not as root: a read-only directory fails the second run
                assertThrows(UncheckedIOException.class,
                        () -> c.add("c3", 0L, "home", Channel.WEB, null, null, Double.NaN, null));
                Files.setPosixFilePermissions(full, PosixFilePermissions.fromString("rwxr-xr-x"));
                assertEquals(0, runFiles(full), "the first run is deleted on failure");
            }
        } finally {
            Files.setPosixFilePermissions(full, PosixFilePermissions.fromString("rwxr-xr-x"));
            c.close();
        }
        assertEquals(0, runFiles(full));
    }

    @Test
    void badOptionsAreRejectedWithTheRule(@TempDir Path dir) {
        assertEquals("memoryBudget must be at least 1 byte: 0", assertThrows(IllegalArgumentException.class,
                () -> EventLog.builder().memoryBudget(0)).getMessage());
        Path missing = dir.resolve("missing");
        assertEquals("tempDirectory must be an existing directory: " + missing,
                assertThrows(IllegalArgumentException.class, () -> EventLog.builder().tempDirectory(missing))
                        .getMessage());
    }

    @Test
    void aLogHeldInMemoryTakesAtMost24BytesAnEvent() {
        // 1,000,000 events of 100,000 customers, 50 touchpoints, 8 channels (the benchmark's shape)
        EventLog.Builder b = EventLog.builder();
        Channel[] channels = {Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL, Channel.PHONE, Channel.CHAT,
            Channel.STORE, Channel.SOCIAL, Channel.SMS};
        java.util.Random r = new java.util.Random(12);
        for (int i = 0; i < 1_000_000; i++) {
            b.add("c" + r.nextInt(100_000), 1_700_000_000_000_000_000L + r.nextInt(1 << 30) * 1000L,
                    "tp" + r.nextInt(50), channels[r.nextInt(8)], null, null, Double.NaN, null);
        }
        EventLog log = b.build();
        double perEvent = (double) log.residentBytes() / log.size();
        assertTrue(perEvent <= 24, "bytes an event: " + perEvent);
        assertTrue(perEvent >= 14, "bytes an event: " + perEvent); // time, touchpoint, channel; no stage
        assertFalse(log.spilled());
    }
}
