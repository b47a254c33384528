package io.cxkit.journey.retention;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.LongIndex;
import io.cxkit.core.NameDictionary;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.LogJourney;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cohort retention and churn from customer activity: each customer belongs to the cohort of the
 * calendar period (in an explicit {@link ZoneId}) of their first activity; the table gives, per
 * cohort and period offset, the share of the cohort active in that period, with Wilson intervals;
 * churn per period is the share of the previous period's active customers not active in it.
 *
 * <pre>{@code
 * RetentionAccumulator acc = RetentionAccumulator.of(TimeGrain.MONTH, ZoneId.of("Europe/Berlin"));
 * events.forEach(e -> acc.accept(e.customerId(), e.time()));
 * RetentionResult t = acc.result();
 * t.cohort("2026-01").orElseThrow().cells().get(3).interval(0.95);   // month-3 retention, Wilson
 * }</pre>
 *
 * <p>Observation ends with the last period in which any activity was seen: cells after it are
 * absent rather than 0. "Active" means at least one activity in the period; a customer who skips a
 * period and comes back counts as churned in the skipped period and retained again later (classic
 * period-over-period retention, not "unbounded" retention).
 *
 * <p>State is, per customer, the set of active periods, so memory grows with customers × active
 * periods (the cohort of a customer can only be known from all of their activity): one packed
 * {@code (customer id, period)} key per active customer-period in a {@link LongIndex}, about
 * 20 bytes each, customers as ids in the accumulator's own dictionary. {@link #accept(LogJourney)}
 * reads a journey of an {@link EventLog} without allocating per event (a customer's events are in
 * time order, so the period of an event is looked up again only when it leaves the previous
 * event's period). {@link #combine} unions the sets, so any split of the activity merges to exactly
 * the single-pass table (and {@link EventLog#scan} splits a log by customer across threads).
 *
 * <p>The table has one row and one column per period between the first and the last activity, so
 * activity may span at most {@link #MAX_PERIODS} periods: an activity (or a combined or decoded
 * accumulator) that would stretch the span further is refused with a message naming the dates and
 * suggesting a coarser grain, rather than building a table of hundreds of thousands of periods
 * (a wrong date such as 1900-01-01 in daily activity would otherwise do that).
 */
public final class RetentionAccumulator implements Accumulator<RetentionAccumulator, RetentionResult> {
    /** Encoding type name. */
    public static final String TYPE = "retention";

    /** The earliest epoch day a decoded activity may fall on: 1 January of year -9999. */
    private static final long MIN_EPOCH_DAY = LocalDate.of(-9999, 1, 1).toEpochDay();
    /** The latest epoch day a decoded activity may fall on: 9999-12-31. */
    private static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    /** The most periods the activity may span, first to last inclusive (1,000 days, weeks, months, ...). */
    public static final int MAX_PERIODS = 1_000;
    private static final int UNSEEN = -1;
    private final TimeGrain grain;
    private final ZoneId zone;
    private final NameDictionary customers = new NameDictionary();
    /** Active (customer id, period start) pairs: customer in the high 32 bits, epoch day − MIN_EPOCH_DAY in the low. */
    private final LongIndex active = new LongIndex();
    /** Customers with at least one activity (a name may be in the dictionary from a refused activity). */
    private long activeCustomers;
    private boolean[] hasActivity = new boolean[16];
    /** Start of the earliest and the latest active period (epoch days); empty while {@code !any}. */
    private boolean any;
    private long first;
    private long last;
    /** The log last read, its customers' ids here, and the period of the last event looked up. */
    private EventLog log;
    private int[] logCustomer;
    private long periodFromNanos = 1;
    private long periodToNanos;
    private long periodDay;

    private RetentionAccumulator(TimeGrain grain, ZoneId zone) {
        this.grain = grain;
        this.zone = zone;
    }

    /**
     * An empty accumulator.
     *
     * @param grain the period length
     * @param zone the time zone in which periods are calendar periods
     * @return a new accumulator
     * @throws NullPointerException if an argument is null
     */
    public static RetentionAccumulator of(TimeGrain grain, ZoneId zone) {
        Check.notNull(grain, "grain");
        Check.notNull(zone, "zone");
        return new RetentionAccumulator(grain, zone);
    }

    /**
     * Records that a customer was active at an instant.
     *
     * @param customerId the customer; not blank
     * @param time when; not null
     * @throws IllegalArgumentException if an argument is missing or blank, or if the activity would
     *     span more than {@link #MAX_PERIODS} periods (an {@link InvalidInputException})
     */
    public void accept(String customerId, Instant time) {
        Check.notBlank(customerId, "customerId");
        if (time == null) {
            throw new IllegalArgumentException("activity time must not be missing: null (customer " + customerId + ")");
        }
        long day = grain.bucketOf(time, zone).start().toEpochDay();
        widen(day, customerId, time);
        add(customers.idOf(customerId), day);
    }

    /**
     * Adds every event of a journey of an event log as activity of its customer, as
     * {@link #accept(String, Instant)} of each event would.
     *
     * @param journey the journey view (read now, not kept)
     * @throws NullPointerException if the journey is null
     * @throws IllegalArgumentException if the activity would span
     *     more than {@link #MAX_PERIODS} periods (an {@link InvalidInputException})
     */
    public void accept(LogJourney journey) {
        Check.notNull(journey, "journey");
        if (journey.log() != log) {
            log = journey.log();
            logCustomer = new int[log.customerCount()];
            Arrays.fill(logCustomer, UNSEEN);
        }
        int c = journey.customer();
        for (int i = 0; i < journey.size(); i++) {
            long t = journey.timeNanos(i);
            if (t < periodFromNanos || t >= periodToNanos) {
                lookUpPeriod(t);
            }
            if (!any || periodDay < first || periodDay > last) {
                widen(periodDay, journey.customerId(), journey.time(i));
            }
            if (logCustomer[c] == UNSEEN) {
                logCustomer[c] = customers.idOf(journey.customerId());
            }
            add(logCustomer[c], periodDay);
        }
    }

    /** Sets the cached period to the one holding epoch nanos {@code t}, with its bounds in nanos. */
    private void lookUpPeriod(long t) {
        TimeBucket b = grain.bucketOf(Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L),
                Math.floorMod(t, 1_000_000_000L)), zone);
        periodDay = b.start().toEpochDay();
        periodFromNanos = nanos(b.start().atStartOfDay(zone).toInstant());
        periodToNanos = nanos(b.next().start().atStartOfDay(zone).toInstant());
    }

    /** Epoch nanos of an instant, saturated to the {@code long} range. */
    private static long nanos(Instant i) {
        long s = i.getEpochSecond();
        if (s >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (s <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return s * 1_000_000_000L + i.getNano();
    }

    /** Widens [first, last] to the period starting on {@code day}, refusing a span beyond MAX_PERIODS. */
    private void widen(long day, String customerId, Instant time) {
        if (!any || day < first || day > last) {
            long from = !any || day < first ? day : first;
            long to = !any || day > last ? day : last;
            if (exceedsSpan(from, to)) {
                throw new InvalidInputException("activity of customer " + customerId + " at " + time
                        + " would make retention span more than " + MAX_PERIODS + " " + grain + " periods ("
                        + LocalDate.ofEpochDay(from) + " to " + LocalDate.ofEpochDay(to)
                        + "): check the time, or use a coarser grain");
            }
            any = true;
            first = from;
            last = to;
        }
    }

    private void add(int customer, long day) {
        int before = active.size();
        active.indexOf(key(customer, day));
        if (active.size() > before) {
            if (customer >= hasActivity.length) {
                hasActivity = Arrays.copyOf(hasActivity, Math.max(customer + 1, hasActivity.length * 2));
            }
            if (!hasActivity[customer]) {
                hasActivity[customer] = true;
                activeCustomers++;
            }
        }
    }

    private static long key(int customer, long day) {
        return (long) customer << 32 | (day - MIN_EPOCH_DAY);
    }

    private static int customerOf(long key) {
        return (int) (key >>> 32);
    }

    private static long dayOf(long key) {
        return (key & 0xFFFFFFFFL) + MIN_EPOCH_DAY;
    }

    /** Whether more than {@link #MAX_PERIODS} periods lie from {@code fromDay} to {@code toDay}, inclusive. */
    private boolean exceedsSpan(long fromDay, long toDay) {
        LocalDate to = LocalDate.ofEpochDay(toDay);
        TimeBucket b = new TimeBucket(grain, LocalDate.ofEpochDay(fromDay));
        for (int i = 1; i < MAX_PERIODS; i++) {
            b = b.next();
            if (b.start().isAfter(to)) {
                return false;
            }
        }
        return !b.next().start().isAfter(to); // b is period MAX_PERIODS: is there one more before `to`?
    }

    /**
     * Adds every event of a journey as activity of its customer.
     *
     * @param journey the journey
     */
    public void accept(CustomerJourney journey) {
        Check.notNull(journey, "journey");
        for (JourneyEvent e : journey.events()) {
            accept(e.customerId(), e.time());
        }
    }

    /**
     * Customers seen so far.
     *
     * @return the count
     */
    public long customers() {
        return activeCustomers;
    }

    /** The active pairs sorted by (customer, period). */
    private long[] sortedActivity() {
        long[] keys = new long[active.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = active.key(i);
        }
        Arrays.sort(keys);
        return keys;
    }

    @Override
    public RetentionResult result() {
        if (active.size() == 0) {
            return new RetentionResult(grain, 0, List.of(), List.of());
        }
        List<TimeBucket> periods = new ArrayList<>();
        LocalDate lastDate = LocalDate.ofEpochDay(last);
        for (TimeBucket b = new TimeBucket(grain, LocalDate.ofEpochDay(first)); !b.start().isAfter(lastDate);
                b = b.next()) {
            periods.add(b);
        }
        int p = periods.size();
        long[] startDays = new long[p];
        for (int i = 0; i < p; i++) {
            startDays[i] = periods.get(i).start().toEpochDay();
        }
        long[][] cohorts = new long[p][]; // by cohort index: [size, retained at offset...]
        long[] activeIn = new long[p];
        long[] lost = new long[p];
        long[] keys = sortedActivity();
        int previous = -2;
        int cohort = -1;
        for (int k = 0; k < keys.length; k++) {
            int i = Arrays.binarySearch(startDays, dayOf(keys[k]));
            if (k == 0 || customerOf(keys[k]) != customerOf(keys[k - 1])) {
                cohort = i;
                if (cohorts[cohort] == null) {
                    cohorts[cohort] = new long[1 + p - cohort];
                }
                cohorts[cohort][0]++;
                previous = -2;
            }
            cohorts[cohort][1 + i - cohort]++;
            activeIn[i]++;
            if (previous >= 0 && i != previous + 1) {
                lost[previous + 1]++; // active in `previous`, not in the period after it
            }
            previous = i;
            boolean lastOfCustomer = k + 1 == keys.length || customerOf(keys[k + 1]) != customerOf(keys[k]);
            if (lastOfCustomer && previous + 1 < p) {
                lost[previous + 1]++;
            }
        }
        List<CohortRow> rows = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            long[] row = cohorts[c];
            if (row == null) {
                continue;
            }
            List<RetentionCell> cells = new ArrayList<>();
            for (int k = 0; k + 1 < row.length; k++) {
                cells.add(new RetentionCell(k, periods.get(c + k), row[1 + k], ProportionEstimate.of(row[1 + k], row[0])));
            }
            rows.add(new CohortRow(periods.get(c), row[0], cells));
        }
        List<ChurnPeriod> churn = new ArrayList<>();
        for (int i = 1; i < p; i++) {
            churn.add(new ChurnPeriod(periods.get(i), activeIn[i - 1], lost[i],
                    ProportionEstimate.of(lost[i], activeIn[i - 1])));
        }
        return new RetentionResult(grain, activeCustomers, rows, churn);
    }

    @Override
    public RetentionAccumulator combine(RetentionAccumulator other) {
        Check.notNull(other, "other");
        if (other.grain != grain || !other.zone.equals(zone)) {
            throw new IncompatibleAccumulatorException("cannot combine retention accumulators with different periods: "
                    + grain + " " + zone + " vs " + other.grain + " " + other.zone);
        }
        if (other == this) {
            return this; // the union with itself
        }
        if (other.active.size() > 0) {
            long from = !any || other.first < first ? other.first : first;
            long to = !any || other.last > last ? other.last : last;
            if (exceedsSpan(from, to)) {
                throw new InvalidInputException("combined retention activity would span more than " + MAX_PERIODS + " "
                        + grain + " periods (" + LocalDate.ofEpochDay(from) + " to " + LocalDate.ofEpochDay(to)
                        + "): check the times, or use a coarser grain");
            }
            any = true;
            first = from;
            last = to;
        }
        int[] ids = new int[other.customers.size()];
        Arrays.fill(ids, UNSEEN);
        for (int k = 0; k < other.active.size(); k++) {
            long key = other.active.key(k);
            int c = customerOf(key);
            if (ids[c] == UNSEEN) {
                ids[c] = customers.idOf(other.customers.name(c));
            }
            add(ids[c], dayOf(key));
        }
        return this;
    }

    @Override
    public RetentionAccumulator emptyCopy() {
        return new RetentionAccumulator(grain, zone);
    }

    @Override
    public RetentionAccumulator copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 1).putString(grain.name()).putString(zone.getId())
                .putInt((int) activeCustomers);
        long[] keys = sortedActivity();
        int n = customers.size();
        Integer[] order = new Integer[n];
        int[] from = new int[n + 1];
        for (long key : keys) {
            from[customerOf(key) + 1]++;
        }
        for (int c = 0; c < n; c++) {
            from[c + 1] += from[c];
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> customers.name(a).compareTo(customers.name(b)));
        for (int c : order) {
            long[] days = new long[from[c + 1] - from[c]];
            for (int k = 0; k < days.length; k++) {
                days[k] = dayOf(keys[from[c] + k]);
            }
            if (days.length > 0) {
                w.putString(customers.name(c)).putLongs(days);
            }
        }
        return w.toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the accumulator
     * @throws IllegalArgumentException if the encoding is invalid
     */
    public static RetentionAccumulator decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        TimeGrain grain = in.getEnum(TimeGrain.class, "time grain");
        String zoneId = in.getString();
        RetentionAccumulator acc = in.valid("zone", () -> of(grain, ZoneId.of(zoneId)));
        int n = in.getSize("customer count", 8);
        for (int i = 0; i < n; i++) {
            String id = in.getString();
            long[] days = in.getLongs();
            long previous = Long.MIN_VALUE;
            for (long d : days) {
                if (d < MIN_EPOCH_DAY || d > MAX_EPOCH_DAY || d <= previous) {
                    throw in.corrupt("has activity on epoch day " + d + " for customer '" + id + "': days must be"
                            + " increasing and in [" + MIN_EPOCH_DAY + ", " + MAX_EPOCH_DAY + "] (years -9999..9999)");
                }
                previous = d;
                LocalDate date = LocalDate.ofEpochDay(d);
                if (!acc.grain.bucketOf(date).start().equals(date)) {
                    throw in.corrupt("has a period start that is not one: " + date);
                }
            }
            if (days.length == 0 || id.isBlank() || acc.customers.find(id) >= 0) {
                throw in.corrupt("has a blank or repeated customer, or one without activity: '" + id + "'");
            }
            long from = !acc.any || days[0] < acc.first ? days[0] : acc.first;
            long to = !acc.any || days[days.length - 1] > acc.last ? days[days.length - 1] : acc.last;
            if (acc.exceedsSpan(from, to)) {
                throw in.corrupt("has activity spanning more than " + MAX_PERIODS + " periods: "
                        + LocalDate.ofEpochDay(from) + " to " + LocalDate.ofEpochDay(to));
            }
            acc.any = true;
            acc.first = from;
            acc.last = to;
            int c = acc.customers.idOf(id);
            for (long d : days) {
                acc.add(c, d);
            }
        }
        in.end();
        return acc;
    }

    @Override
    public String toString() {
        return "RetentionAccumulator[" + grain + " in " + zone + ", customers=" + activeCustomers + "]";
    }
}
