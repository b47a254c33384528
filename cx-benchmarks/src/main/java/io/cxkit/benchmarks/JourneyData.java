package io.cxkit.benchmarks;

import io.cxkit.core.Channel;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic interaction events for the journey benchmarks: {@code customers} customers, 50
 * touchpoints ({@code tp00} … {@code tp49}), the 8 predefined channels, {@code size} events in
 * global time order (the order an export is written in).
 *
 * <ul>
 *   <li>Events per customer: 1 + a geometric count, mean {@code size / customers}, adjusted so the
 *       total is exactly {@code size} (about 10% of customers have a single event, so whole-path
 *       variants have a head and a long tail).
 *   <li>Touchpoints follow a Markov chain: the first is {@code tp00} with probability 0.3, else
 *       Zipf-like over the 50; then with probability 0.45 the next one ({@code tpNN+1}), 0.1 the same
 *       again, otherwise Zipf-like.
 *   <li>Each customer has a main channel (uniform) that 70% of its events use; the rest are uniform.
 *   <li>Times: a start uniform over 2025, then exponential gaps with a mean of 12 hours in whole
 *       milliseconds; 2% of gaps are zero (same-instant events, ordered by input order).
 *   <li>An event at {@code tp03} has outcome {@code purchase} with probability 0.6 and then a value
 *       of 10.00–500.00; no other event has an outcome or a value.
 * </ul>
 * The same seed, size and customer count always give the same events.
 */
public final class JourneyData {
    /** The seed every journey benchmark uses. */
    public static final long SEED = 20261201L;
    /** The conversion outcome. */
    public static final String PURCHASE = "purchase";
    static final int TOUCHPOINTS = 50;
    static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    private static final long YEAR = 365L * 86_400_000L;
    private static final int INDEX_BITS = 27;

    final int size;
    final int customers;
    final long seed;
    final String[] customerNames;
    final String[] touchpointNames = new String[TOUCHPOINTS];
    final Channel[] channels = Channel.predefined().toArray(new Channel[0]);
    /** Per event, in input (time) order. */
    final int[] customer;
    final long[] millis;
    final byte[] touchpoint;
    final byte[] channel;
    /** Per event: the purchase value, or NaN when the event is not a purchase. */
    final double[] value;

    /**
     * Generates the events.
     *
     * @param size number of events, at least {@code customers} and below 2^27
     * @param customers number of customers, at least 1
     * @param seed the random seed
     * @throws IllegalArgumentException if the sizes are out of range
     */
    public JourneyData(int size, int customers, long seed) {
        if (customers < 1 || size < customers || size >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("journey data needs 1 <= customers <= size < 2^27: customers="
                    + customers + ", size=" + size);
        }
        this.size = size;
        this.customers = customers;
        this.seed = seed;
        for (int i = 0; i < TOUCHPOINTS; i++) {
            touchpointNames[i] = String.format("tp%02d", i);
        }
        customerNames = new String[customers];
        for (int c = 0; c < customers; c++) {
            customerNames[c] = String.format("C%07d", c);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] length = lengths(r, size, customers);
        // per customer, in customer order; then sorted into time order
        int[] cust = new int[size];
        long[] t = new long[size];
        byte[] tp = new byte[size];
        byte[] ch = new byte[size];
        double[] val = new double[size];
        int e = 0;
        for (int c = 0; c < customers; c++) {
            int main = r.nextInt(channels.length);
            long time = T0 + r.nextLong(YEAR);
            int cur = r.nextInt(10) < 3 ? 0 : zipf(r);
            for (int i = 0; i < length[c]; i++) {
                if (i > 0) {
                    time += r.nextInt(50) == 0 ? 0 : (long) (-Math.log(1 - r.nextDouble()) * 43_200_000.0);
                    int u = r.nextInt(100);
                    cur = u < 45 ? (cur + 1) % TOUCHPOINTS : u < 55 ? cur : zipf(r);
                }
                cust[e] = c;
                t[e] = time;
                tp[e] = (byte) cur;
                ch[e] = (byte) (r.nextInt(10) < 7 ? main : r.nextInt(channels.length));
                val[e] = cur == 3 && r.nextInt(10) < 6 ? (1000 + r.nextInt(49_001)) / 100.0 : Double.NaN;
                e++;
            }
        }
        int[] order = timeOrder(t);
        customer = new int[size];
        millis = new long[size];
        touchpoint = new byte[size];
        channel = new byte[size];
        value = new double[size];
        for (int i = 0; i < size; i++) {
            int from = order[i];
            customer[i] = cust[from];
            millis[i] = t[from];
            touchpoint[i] = tp[from];
            channel[i] = ch[from];
            value[i] = val[from];
        }
    }

    /**
     * The positions of {@code t} in (time, position) order: a stable least-significant-first radix
     * sort on 16 bits of the time after {@link #T0} at a time (any time span; the 100M-event data
     * with 1M customers spans more than two years).
     */
    private static int[] timeOrder(long[] t) {
        int n = t.length;
        long max = 0;
        for (long x : t) {
            if (x < T0) {
                throw new IllegalStateException("generated time before the start: " + x);
            }
            max = Math.max(max, x - T0);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] next = new int[n];
        for (int shift = 0; shift < 64 && (max >>> shift) != 0; shift += 16) {
            int[] count = new int[(1 << 16) + 1];
            for (int i = 0; i < n; i++) {
                count[(int) ((t[i] - T0) >>> shift & 0xFFFF) + 1]++;
            }
            for (int d = 0; d < 1 << 16; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int from = order[i];
                next[count[(int) ((t[from] - T0) >>> shift & 0xFFFF)]++] = from;
            }
            int[] swap = order;
            order = next;
            next = swap;
        }
        return order;
    }

    /** Event counts per customer: 1 + geometric, then nudged so they add up to {@code size}. */
    private static int[] lengths(SplittableRandom r, int size, int customers) {
        int[] length = new int[customers];
        double extra = (double) size / customers - 1;
        double q = extra / (1 + extra); // geometric on {0, 1, ...} with mean extra
        long total = 0;
        for (int c = 0; c < customers; c++) {
            int k = q <= 0 ? 0 : (int) Math.min(10_000, Math.floor(Math.log(1 - r.nextDouble()) / Math.log(q)));
            length[c] = 1 + k;
            total += length[c];
        }
        while (total < size) {
            length[r.nextInt(customers)]++;
            total++;
        }
        while (total > size) {
            int c = r.nextInt(customers);
            if (length[c] > 1) {
                length[c]--;
                total--;
            }
        }
        return length;
    }

    /** Zipf-like over the touchpoints: index ⌊50·u²⌋. */
    private static int zipf(SplittableRandom r) {
        double u = r.nextDouble();
        return (int) (TOUCHPOINTS * u * u);
    }

    /**
     * The events appended to an event log builder (what a reader does), then sorted into the log.
     *
     * @return the log
     */
    public EventLog log() {
        EventLog.Builder b = EventLog.builder();
        for (int i = 0; i < size; i++) {
            double v = value[i];
            b.add(customerNames[customer[i]], millis[i] * 1_000_000L, touchpointNames[touchpoint[i]],
                    channels[channel[i]], null, Double.isNaN(v) ? null : PURCHASE, v, null);
        }
        return b.build();
    }

    /**
     * The events as objects (the "before" engine's input), sharing the name strings.
     *
     * @return the events in input order
     */
    public List<JourneyEvent> events() {
        List<JourneyEvent> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            JourneyEvent e = JourneyEvent.of(customerNames[customer[i]], Instant.ofEpochMilli(millis[i]),
                    touchpointNames[touchpoint[i]], channels[channel[i]]);
            if (!Double.isNaN(value[i])) {
                e = e.withOutcome(PURCHASE).withValue(value[i]);
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Writes the events as CSV: {@code event_id,customer_id,timestamp,touchpoint,channel,outcome,value},
     * the event id the row number from 0 (what SQL orders same-instant events by; cxkit uses file
     * order, which is the same), the time as ISO-8601 UTC with milliseconds
     * ({@code 2025-03-02T10:15:00.123Z}), empty outcome and value fields when absent.
     *
     * @param file where to write
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("event_id,customer_id,timestamp,touchpoint,channel,outcome,value\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder sb = new StringBuilder(128);
            long day = Long.MIN_VALUE;
            String dayText = "";
            for (int i = 0; i < size; i++) {
                sb.setLength(0);
                long ms = millis[i];
                long d = Math.floorDiv(ms, 86_400_000L);
                if (d != day) {
                    day = d;
                    dayText = iso.format(Instant.ofEpochMilli(d * 86_400_000L)).substring(0, 11); // yyyy-MM-ddT
                }
                long inDay = ms - d * 86_400_000L;
                sb.append(i).append(',').append(customerNames[customer[i]]).append(',').append(dayText);
                two(sb, inDay / 3_600_000L).append(':');
                two(sb, inDay / 60_000L % 60).append(':');
                two(sb, inDay / 1000 % 60).append('.');
                long milli = inDay % 1000;
                sb.append(milli < 100 ? (milli < 10 ? "00" : "0") : "").append(milli).append("Z,")
                        .append(touchpointNames[touchpoint[i]]).append(',').append(channels[channel[i]].name())
                        .append(',');
                if (!Double.isNaN(value[i])) {
                    long cents = Math.round(value[i] * 100);
                    sb.append(PURCHASE).append(',').append(cents / 100).append('.');
                    two(sb, cents % 100);
                } else {
                    sb.append(',');
                }
                sb.append('\n');
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }

    /**
     * Writes the CSV of {@code size} events over {@code customers} customers (seed {@link #SEED})
     * to {@code $TMPDIR/cxkit-bench} unless it is there, and prints its path: the 100M-event file
     * of BENCHMARKS.md is {@code JourneyData 100000000 1000000} (5.6 GB; about 12 GB of heap).
     *
     * @param args the number of events and of customers
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: JourneyData EVENTS CUSTOMERS, e.g. 100000000 1000000");
        }
        System.out.println(new JourneyData(Integer.parseInt(args[0]), Integer.parseInt(args[1]), SEED).csvFile());
    }

    /**
     * The CSV of this data in {@code $TMPDIR/cxkit-bench}, written once and reused.
     *
     * @return the file
     * @throws IOException if it cannot be written
     */
    public Path csvFile() throws IOException {
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "cxkit-bench");
        Files.createDirectories(dir);
        Path f = dir.resolve("events-" + size + "-" + customers + "-" + seed + ".csv");
        if (!Files.exists(f)) {
            Path tmp = Files.createTempFile(dir, "events", ".tmp");
            writeCsv(tmp);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
        }
        return f;
    }
}
