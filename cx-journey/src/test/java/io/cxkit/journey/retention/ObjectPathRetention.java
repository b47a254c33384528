package io.cxkit.journey.retention;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
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
 * Reference oracle: the object-path {@code RetentionAccumulator} as it was before it read the event
 * log (a {@code TreeSet} of period starts per customer name), kept verbatim apart from the encoding
 * and combine, so that equality tests can hold the columnar implementation to it.
 */
final class ObjectPathRetention {
    private final TimeGrain grain;
    private final ZoneId zone;
    private final Map<String, TreeSet<LocalDate>> active = new HashMap<>();
    /** Start of the earliest and the latest active period, null while empty. */
    private LocalDate first;
    private LocalDate last;

    static final int MAX_PERIODS = RetentionAccumulator.MAX_PERIODS;

    ObjectPathRetention(TimeGrain grain, ZoneId zone) {
        this.grain = grain;
        this.zone = zone;
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
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank: " + customerId);
        }
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
        if (journey == null) {
            throw new IllegalArgumentException("journey must not be missing: null");
        }
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

}
