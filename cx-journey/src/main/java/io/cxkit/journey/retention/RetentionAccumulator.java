package io.cxkit.journey.retention;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cohort retention and churn from customer activity: each customer belongs to the cohort of the
 * calendar period (in an explicit {@link ZoneId}) of their first activity; the table gives, per
 * cohort and period offset, the share of the cohort active in that period, with Wilson intervals;
 * churn per period is the share of the previous period's active customers not active in it.
 *
 * <pre>{@code
 * RetentionAccumulator acc = RetentionAccumulator.create(TimeGrain.MONTH, ZoneId.of("Europe/Berlin"));
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
 * periods (the cohort of a customer can only be known from all of their activity). {@link #combine}
 * unions the sets, so any split of the activity merges to exactly the single-pass table.
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
    private final TimeGrain grain;
    private final ZoneId zone;
    private final Map<String, TreeSet<LocalDate>> active = new HashMap<>();
    /** Start of the earliest and the latest active period, null while empty. */
    private LocalDate first;
    private LocalDate last;

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
    public static RetentionAccumulator create(TimeGrain grain, ZoneId zone) {
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
        LocalDate start = grain.bucketOf(time, zone).start();
        if (first == null || start.isBefore(first) || start.isAfter(last)) {
            LocalDate from = first == null || start.isBefore(first) ? start : first;
            LocalDate to = last == null || start.isAfter(last) ? start : last;
            if (exceedsSpan(from, to)) {
                throw new InvalidInputException("activity of customer " + customerId + " at " + time
                        + " would make retention span more than " + MAX_PERIODS + " " + grain + " periods ("
                        + from + " to " + to + "): check the time, or use a coarser grain");
            }
            first = from;
            last = to;
        }
        active.computeIfAbsent(customerId, k -> new TreeSet<>()).add(start);
    }

    /** Whether more than {@link #MAX_PERIODS} periods lie from {@code from} to {@code to}, inclusive. */
    private boolean exceedsSpan(LocalDate from, LocalDate to) {
        TimeBucket b = new TimeBucket(grain, from);
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
        return active.size();
    }

    @Override
    public RetentionResult result() {
        if (active.isEmpty()) {
            return new RetentionResult(grain, 0, List.of(), List.of());
        }
        List<TimeBucket> periods = new ArrayList<>();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (TimeBucket b = new TimeBucket(grain, first); !b.start().isAfter(last); b = b.next()) {
            index.put(b.start(), periods.size());
            periods.add(b);
        }
        int p = periods.size();
        TreeMap<Integer, long[]> cohorts = new TreeMap<>(); // cohort index -> [size, retained at offset...]
        long[] activeIn = new long[p];
        long[] lost = new long[p];
        for (TreeSet<LocalDate> s : active.values()) {
            int c = index.get(s.first());
            long[] row = cohorts.computeIfAbsent(c, k -> new long[1 + p - k]);
            row[0]++;
            int previous = -2;
            for (LocalDate d : s) {
                int i = index.get(d);
                row[1 + i - c]++;
                activeIn[i]++;
                if (previous >= 0 && i != previous + 1) {
                    lost[previous + 1]++; // active in `previous`, not in the period after it
                }
                previous = i;
            }
            if (previous + 1 < p) {
                lost[previous + 1]++;
            }
        }
        List<CohortRow> rows = new ArrayList<>();
        cohorts.forEach((c, row) -> {
            List<RetentionCell> cells = new ArrayList<>();
            for (int k = 0; k + 1 < row.length; k++) {
                cells.add(new RetentionCell(k, periods.get(c + k), row[1 + k], ProportionEstimate.of(row[1 + k], row[0])));
            }
            rows.add(new CohortRow(periods.get(c), row[0], cells));
        });
        List<ChurnPeriod> churn = new ArrayList<>();
        for (int i = 1; i < p; i++) {
            churn.add(new ChurnPeriod(periods.get(i), activeIn[i - 1], lost[i],
                    ProportionEstimate.of(lost[i], activeIn[i - 1])));
        }
        return new RetentionResult(grain, active.size(), rows, churn);
    }

    @Override
    public RetentionAccumulator combine(RetentionAccumulator other) {
        Check.notNull(other, "other");
        if (other.grain != grain || !other.zone.equals(zone)) {
            throw new IncompatibleAccumulatorException("cannot combine retention accumulators with different periods: "
                    + grain + " " + zone + " vs " + other.grain + " " + other.zone);
        }
        if (other.first != null) {
            LocalDate from = first == null || other.first.isBefore(first) ? other.first : first;
            LocalDate to = last == null || other.last.isAfter(last) ? other.last : last;
            if (exceedsSpan(from, to)) {
                throw new InvalidInputException("combined retention activity would span more than " + MAX_PERIODS + " "
                        + grain + " periods (" + from + " to " + to + "): check the times, or use a coarser grain");
            }
            first = from;
            last = to;
        }
        for (Map.Entry<String, TreeSet<LocalDate>> e : other.active.entrySet()) {
            active.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).addAll(e.getValue());
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
                .putInt(active.size());
        for (Map.Entry<String, TreeSet<LocalDate>> e : new TreeMap<>(active).entrySet()) {
            long[] days = e.getValue().stream().mapToLong(LocalDate::toEpochDay).toArray();
            w.putString(e.getKey()).putLongs(days);
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
        RetentionAccumulator acc = in.valid("zone", () -> create(grain, ZoneId.of(zoneId)));
        int n = in.getSize("customer count", 8);
        for (int i = 0; i < n; i++) {
            String id = in.getString();
            TreeSet<LocalDate> s = new TreeSet<>();
            long previous = Long.MIN_VALUE;
            for (long d : in.getLongs()) {
                if (d < MIN_EPOCH_DAY || d > MAX_EPOCH_DAY || d <= previous) {
                    throw in.corrupt("has activity on epoch day " + d + " for customer '" + id + "': days must be"
                            + " increasing and in [" + MIN_EPOCH_DAY + ", " + MAX_EPOCH_DAY + "] (years -9999..9999)");
                }
                previous = d;
                LocalDate date = LocalDate.ofEpochDay(d);
                if (!acc.grain.bucketOf(date).start().equals(date)) {
                    throw in.corrupt("has a period start that is not one: " + date);
                }
                s.add(date);
            }
            if (s.isEmpty() || id.isBlank() || acc.active.put(id, s) != null) {
                throw in.corrupt("has a blank or repeated customer, or one without activity: '" + id + "'");
            }
            LocalDate from = acc.first == null || s.first().isBefore(acc.first) ? s.first() : acc.first;
            LocalDate to = acc.last == null || s.last().isAfter(acc.last) ? s.last() : acc.last;
            if (acc.exceedsSpan(from, to)) {
                throw in.corrupt("has activity spanning more than " + MAX_PERIODS + " periods: " + from + " to " + to);
            }
            acc.first = from;
            acc.last = to;
        }
        in.end();
        return acc;
    }

    @Override
    public String toString() {
        return "RetentionAccumulator[" + grain + " in " + zone + ", customers=" + active.size() + "]";
    }
}
