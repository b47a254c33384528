package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.NameDictionary;
import io.cxkit.journey.EventLog;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte-level fast path of {@link JourneyEventReader#readInto}: a UTF-8 CSV row whose fields are
 * in the common shapes (names unquoted without surrounding white space, an ISO-8601 or epoch time,
 * a plain decimal value, no stage) is appended straight from the parser's buffer, its names found
 * by their bytes in the log builder's dictionaries and a row of known names appended as ids
 * ({@link EventLog.Builder#addIds}), so no {@code String} is made per field and row. Any other row
 * (including every row with a bad value) is left to the String path, which then decides exactly as
 * before; a row with a name the builder has not seen yet is appended through the builder's String
 * method with the names decoded once. So every row gives the event, the reject and the message it
 * gives on the String path.
 */
final class EventRowBytes {
    /** An absent id ({@link EventLog.Builder#addIds}). */
    private static final int NONE = -1;
    private final Timestamps ts;
    private final DistinctValues touchpointLimit;
    private final String source;
    private final int[] col;
    private final int segmentColumn;
    private final EventLog.Builder log;
    private final NameDictionary customers;
    private final NameDictionary touchpoints;
    private final NameDictionary outcomes;
    private final NameDictionary cases;
    private final NameDictionary segments;
    /** Channel names by their bytes: an index into {@link #channels}. */
    private final ByteKeys channelKeys = new ByteKeys();
    private Channel[] channels = new Channel[8];
    private int[] channelIds = new int[8];
    /** Touchpoint ids already counted by {@link #touchpointLimit} in this read. */
    private boolean[] counted = new boolean[64];
    private byte[] lastCustomer = new byte[32];
    private int lastCustomerLength = -1;
    private int lastCustomerId = -1;

    /**
     * @param col the selected column of each {@link JourneyEventReader.Field}, −1 when absent
     * @param segmentColumn the selected column of the segment, −1 for none
     */
    EventRowBytes(Timestamps ts, DistinctValues touchpointLimit, String source, int[] col, int segmentColumn,
            EventLog.Builder log) {
        this.ts = ts;
        this.touchpointLimit = touchpointLimit;
        this.source = source;
        this.col = col.clone();
        this.segmentColumn = segmentColumn;
        this.log = log;
        this.customers = log.customers();
        this.touchpoints = log.touchpoints();
        this.outcomes = log.outcomes();
        this.cases = log.cases();
        this.segments = log.segments();
    }

    /** Appends the current row when it is in the common shapes; false to leave it to the String path. */
    boolean append(Utf8CsvSource u) {
        int c = col[JourneyEventReader.Field.CUSTOMER.ordinal()];
        int tp = col[JourneyEventReader.Field.TOUCHPOINT.ordinal()];
        int ch = col[JourneyEventReader.Field.CHANNEL.ordinal()];
        int oc = col[JourneyEventReader.Field.OUTCOME.ordinal()];
        int cs = col[JourneyEventReader.Field.CASE.ordinal()];
        int v = col[JourneyEventReader.Field.VALUE.ordinal()];
        int st = col[JourneyEventReader.Field.STAGE.ordinal()];
        if (u.plain(c) != Utf8CsvSource.PLAIN || u.plain(tp) != Utf8CsvSource.PLAIN
                || u.plain(ch) != Utf8CsvSource.PLAIN || (st >= 0 && u.plain(st) != Utf8CsvSource.EMPTY)) {
            return false;
        }
        long nanos = u.epochNanos(col[JourneyEventReader.Field.TIME.ordinal()], ts);
        if (nanos == Long.MIN_VALUE) {
            return false;
        }
        double value = Double.NaN;
        if (v >= 0) {
            int p = u.plain(v);
            if (p == Utf8CsvSource.PLAIN) {
                value = u.decimal(v);
                if (Double.isNaN(value)) {
                    return false;
                }
            } else if (p != Utf8CsvSource.EMPTY) {
                return false;
            }
        }
        int outcomeShape = oc < 0 ? Utf8CsvSource.EMPTY : u.plain(oc);
        int caseShape = cs < 0 ? Utf8CsvSource.EMPTY : u.plain(cs);
        int segmentShape = segmentColumn < 0 ? Utf8CsvSource.EMPTY : u.plain(segmentColumn);
        if (outcomeShape == Utf8CsvSource.OTHER || caseShape == Utf8CsvSource.OTHER
                || segmentShape == Utf8CsvSource.OTHER) {
            return false;
        }
        // every field is valid: find the names (nothing is added to a dictionary before this point)
        byte[] b = u.buffer();
        int channelKey = channelKey(u, ch);
        if (channelIds[channelKey] < 0) {
            channelIds[channelKey] = log.channelId(channels[channelKey]);
        }
        int channel = channelIds[channelKey];
        int customer = customer(b, u.start(c), u.end(c));
        int touchpoint = touchpoints.find(b, u.start(tp), u.end(tp) - u.start(tp));
        int outcome = find(u, oc, outcomeShape, outcomes);
        int caseId = find(u, cs, caseShape, cases);
        int segment = find(u, segmentColumn, segmentShape, segments);
        if (touchpoint < 0 || touchpoint >= counted.length || !counted[touchpoint]) {
            touchpointLimit.add(touchpoint >= 0 ? touchpoints.name(touchpoint) : text(u, tp), source, u.line());
        }
        if (customer >= 0 && touchpoint >= 0 && channel >= 0 && (outcome >= 0 || outcomeShape == Utf8CsvSource.EMPTY)
                && (caseId >= 0 || caseShape == Utf8CsvSource.EMPTY)
                && (segment >= 0 || segmentShape == Utf8CsvSource.EMPTY)) {
            log.addIds(customer, nanos, touchpoint, channel, NONE, outcome, value, caseId,
                    segment);
        } else { // a name the builder has not seen: its String method adds the names
            log.add(text(u, c), nanos, text(u, tp), channels[channelKey],
                    null, outcomeShape == Utf8CsvSource.EMPTY ? null : text(u, oc), value,
                    caseShape == Utf8CsvSource.EMPTY ? null : text(u, cs),
                    segmentShape == Utf8CsvSource.EMPTY ? null : text(u, segmentColumn));
            if (touchpoint < 0) {
                touchpoint = touchpoints.find(b, u.start(tp), u.end(tp) - u.start(tp));
            }
        }
        if (touchpoint >= counted.length) {
            counted = Arrays.copyOf(counted, Math.max(touchpoint + 1, counted.length * 2));
        }
        counted[touchpoint] = true;
        return true;
    }

    /** The row's channel as an index into {@link #channels}, named as the String path names it. */
    private int channelKey(Utf8CsvSource u, int i) {
        byte[] b = u.buffer();
        int s = u.start(i);
        int len = u.end(i) - s;
        int k = channelKeys.find(b, s, len);
        if (k < 0) {
            k = channelKeys.size();
            if (k == channels.length) {
                channels = Arrays.copyOf(channels, k * 2);
                channelIds = Arrays.copyOf(channelIds, k * 2);
            }
            channels[k] = Channel.of(text(u, i));
            channelIds[k] = NONE;
            channelKeys.put(b, s, len, k);
        }
        return k;
    }

    /** The customer's id, −1 when new; the last row's customer is remembered (files often group a customer's rows). */
    private int customer(byte[] b, int s, int e) {
        int len = e - s;
        if (len == lastCustomerLength && lastCustomerId >= 0 && Arrays.equals(lastCustomer, 0, len, b, s, e)) {
            return lastCustomerId;
        }
        int id = customers.find(b, s, len);
        if (id >= 0) {
            if (len > lastCustomer.length) {
                lastCustomer = new byte[Math.max(len, lastCustomer.length * 2)];
            }
            System.arraycopy(b, s, lastCustomer, 0, len);
            lastCustomerLength = len;
            lastCustomerId = id;
        }
        return id;
    }

    private static int find(Utf8CsvSource u, int i, int shape, NameDictionary d) {
        return shape == Utf8CsvSource.PLAIN ? d.find(u.buffer(), u.start(i), u.end(i) - u.start(i)) : NONE;
    }

    private static String text(Utf8CsvSource u, int i) {
        return new String(u.buffer(), u.start(i), u.end(i) - u.start(i), StandardCharsets.UTF_8);
    }
}
