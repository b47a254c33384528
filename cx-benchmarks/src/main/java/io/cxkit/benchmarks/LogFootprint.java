package io.cxkit.benchmarks;

import io.cxkit.journey.EventLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the bytes an {@link EventLog} holds per event, two ways: JOL's walk of everything the
 * log references ({@link GraphLayout#totalSize()}: columns, dictionaries with their strings, index
 * arrays), and the used heap after full collections before and after building it (the builder's
 * garbage collected, the log kept). The generated events ({@link JourneyData}) exist in both heap
 * readings, so only the log is counted; the customer and touchpoint strings are the generator's,
 * so the heap reading leaves them out while JOL counts them (a reader would have made them: JOL's
 * figure is the one to quote). This is a measurement, not a timing: it runs outside JMH.
 *
 * <pre>{@code
 * java -Xmx8g -cp cx-benchmarks/target/benchmarks.jar io.cxkit.benchmarks.LogFootprint 10000000 1000000
 * }</pre>
 */
public final class LogFootprint {
    private LogFootprint() {
    }

    /**
     * What one measurement found.
     *
     * @param events events in the log
     * @param customers customers in the log
     * @param jolBytes bytes reachable from the log (JOL)
     * @param heapBytes growth of the used heap after GC while the log is held
     * @param reportedBytes what the log says it holds ({@link EventLog#residentBytes()})
     * @param byClass JOL's table of the reachable objects by class (count, bytes)
     */
    public record Footprint(long events, long customers, long jolBytes, long heapBytes, long reportedBytes,
            String byClass) {
        /**
         * JOL bytes per event.
         *
         * @return the ratio
         */
        public double jolPerEvent() {
            return (double) jolBytes / events;
        }

        /**
         * Heap bytes per event.
         *
         * @return the ratio
         */
        public double heapPerEvent() {
            return (double) heapBytes / events;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "event log footprint: %,d events, %,d customers: %.2f bytes/event"
                    + " reachable (JOL, %,d bytes), %.2f bytes/event heap growth after GC (%,d bytes), %.2f"
                    + " bytes/event by residentBytes() (%,d bytes)", events, customers, jolPerEvent(), jolBytes,
                    heapPerEvent(), heapBytes, (double) reportedBytes / events, reportedBytes) + System.lineSeparator() + byClass;
        }
    }

    /**
     * Builds the log of {@code data} and measures it.
     *
     * @param data the events
     * @return the footprint
     */
    public static Footprint measure(JourneyData data) {
        long before = usedAfterGc();
        EventLog log = data.log();
        long after = usedAfterGc();
        GraphLayout layout = GraphLayout.parseInstance(log);
        Footprint f = new Footprint(log.size(), log.customerCount(), layout.totalSize(), after - before,
                log.residentBytes(), layout.toFootprint());
        if (log.size() != data.size) {
            throw new IllegalStateException("log holds " + log.size() + " events, expected " + data.size);
        }
        return f;
    }

    private static long usedAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, m.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * Prints the footprint for {@code [events [customers]]} (default 10,000,000 and 1,000,000).
     *
     * @param args events and customers
     */
    public static void main(String[] args) {
        // JOL cannot take field offsets of records (Channel) through Unsafe; this mode measures them.
        System.setProperty("jol.magicFieldOffset", "true");
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.println(measure(new JourneyData(events, customers, JourneyData.SEED)));
    }
}
