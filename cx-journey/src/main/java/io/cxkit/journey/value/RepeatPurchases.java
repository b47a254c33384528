package io.cxkit.journey.value;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mergeable accumulator from a transaction log (customer, day, amount) to each customer's
 * calibration summary ({@link CustomerSummary}: x, t_x, T, average repeat spend, holdout counts).
 *
 * <pre>{@code
 * RepeatPurchases acc = RepeatPurchases.of(LocalDate.parse("1997-09-30"), LocalDate.parse("1998-06-30"));
 * rows.forEach(r -> acc.accept(r.customer(), r.day(), r.amount()));
 * RepeatPurchasesResult base = acc.result();
 * BgNbd.Fit fit = BgNbd.fit(base);
 * }</pre>
 *
 * <p>Conventions (those of {@link io.cxkit.journey.value}): all records of a customer on one day are
 * one transaction (amounts added); the first purchase is not a repeat; repeats on the calibration
 * end date count in calibration; durations are days / {@code daysPerUnit} (7, weeks, by default).
 * Records after the holdout end (without a holdout: after the calibration end) are counted and left
 * out; so are customers whose first purchase falls after the calibration end.
 *
 * <p>State is every customer's purchase days, so memory grows with customers × purchase days (a
 * customer's first purchase can only be known from all of their records); {@link #combine} appends,
 * and the summary does not depend on the order or split of the records.
 */
public final class RepeatPurchases implements Accumulator<RepeatPurchases, RepeatPurchasesResult> {
    /** Encoding type name. */
    public static final String TYPE = "repeat-purchases";
    /** Days in a week, the default time unit. */
    public static final double DAYS_PER_WEEK = 7;
    private static final long NO_HOLDOUT = Long.MIN_VALUE;
    /** Earliest and latest day a transaction may fall on: years -9999..9999. */
    private static final long MIN_DAY = LocalDate.of(-9999, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    /** The largest amount one record may carry, so that sums over any number of records stay finite. */
    public static final double MAX_AMOUNT = 1e15;

    private final long calibrationEnd;
    private final long holdoutEnd;
    private final double daysPerUnit;
    private final Map<String, Days> customers = new HashMap<>();
    private long records;

    /** One customer's records: parallel growable arrays of epoch days and amounts. */
    private static final class Days {
        long[] day = new long[2];
        double[] amount = new double[2];
        int n;

        void add(long d, double a) {
            if (n == day.length) {
                day = Arrays.copyOf(day, n * 2);
                amount = Arrays.copyOf(amount, n * 2);
            }
            day[n] = d;
            amount[n] = a;
            n++;
        }
    }

    private RepeatPurchases(long calibrationEnd, long holdoutEnd, double daysPerUnit) {
        this.calibrationEnd = calibrationEnd;
        this.holdoutEnd = holdoutEnd;
        this.daysPerUnit = daysPerUnit;
    }

    /**
     * An accumulator in weeks without a holdout period.
     *
     * @param calibrationEnd last day of calibration (inclusive)
     * @return a new accumulator
     */
    public static RepeatPurchases of(LocalDate calibrationEnd) {
        return of(calibrationEnd, null, DAYS_PER_WEEK);
    }

    /**
     * An accumulator in weeks with a holdout period.
     *
     * @param calibrationEnd last day of calibration (inclusive)
     * @param holdoutEnd last day of the holdout (inclusive), after the calibration end; null for none
     * @return a new accumulator
     */
    public static RepeatPurchases of(LocalDate calibrationEnd, LocalDate holdoutEnd) {
        return of(calibrationEnd, holdoutEnd, DAYS_PER_WEEK);
    }

    /**
     * An accumulator with an explicit time unit.
     *
     * @param calibrationEnd last day of calibration (inclusive)
     * @param holdoutEnd last day of the holdout (inclusive), after the calibration end; null for none
     * @param daysPerUnit the time unit in days, in [1, 366] (7 = weeks, 1 = days, 365.25/12 = months)
     * @return a new accumulator
     * @throws NullPointerException if the calibration end is null
     * @throws IllegalArgumentException if the holdout end is not
     *     after it, or the unit is outside [1, 366] days
     */
    public static RepeatPurchases of(LocalDate calibrationEnd, LocalDate holdoutEnd, double daysPerUnit) {
        Check.notNull(calibrationEnd, "calibrationEnd");
        if (holdoutEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd must be after calibrationEnd " + calibrationEnd + ": " + holdoutEnd);
        }
        checkUnit(daysPerUnit);
        return new RepeatPurchases(calibrationEnd.toEpochDay(), holdoutEnd == null ? NO_HOLDOUT : holdoutEnd.toEpochDay(),
                daysPerUnit);
    }

    static void checkUnit(double daysPerUnit) {
        // Purchases are counted per day (same-day records are one transaction), so a unit below a day
        // has no meaning; a tiny unit would also make the per-unit tallies of result() overflow.
        if (!(daysPerUnit >= 1 && daysPerUnit <= 366)) {
            throw new IllegalArgumentException("daysPerUnit must be in [1, 366] (1 = days, 7 = weeks): " + daysPerUnit);
        }
    }

    /**
     * Records one transaction record.
     *
     * @param customerId the customer; not blank
     * @param day the day of purchase
     * @param amount the amount, finite and &gt;= 0 (a return is not a purchase)
     * @throws IllegalArgumentException naming the argument, the rule and the value
     */
    public void accept(String customerId, LocalDate day, double amount) {
        if (day == null) {
            throw new IllegalArgumentException("transaction day must not be missing (customer " + customerId + ")");
        }
        accept(customerId, day.toEpochDay(), amount);
    }

    /**
     * Records one transaction record, the day given as days since 1970-01-01.
     *
     * @param customerId the customer; not blank
     * @param epochDay the day of purchase, {@link LocalDate#toEpochDay()}
     * @param amount the amount, finite and &gt;= 0
     * @throws IllegalArgumentException naming the argument, the rule and the value
     */
    public void accept(String customerId, long epochDay, double amount) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank: " + customerId);
        }
        if (epochDay < MIN_DAY || epochDay > MAX_DAY) {
            throw new InvalidInputException("transaction day must lie in years -9999..9999: epoch day " + epochDay
                    + " (customer " + customerId + ")");
        }
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("transaction amount must be finite and >= 0: " + amount
                    + " (customer " + customerId + ", " + LocalDate.ofEpochDay(epochDay) + ")");
        }
        if (amount > MAX_AMOUNT) {
            throw new InvalidInputException("transaction amount must be at most " + MAX_AMOUNT + ": " + amount
                    + " (customer " + customerId + ")");
        }
        customers.computeIfAbsent(customerId, k -> new Days()).add(epochDay, amount);
        records++;
    }

    /**
     * Customers seen so far (including any whose first purchase is after the calibration end).
     *
     * @return the count
     */
    public long customers() {
        return customers.size();
    }

    /**
     * Records accepted so far.
     *
     * @return the count
     */
    public long records() {
        return records;
    }

    @Override
    public RepeatPurchases combine(RepeatPurchases other) {
        if (other.calibrationEnd != calibrationEnd || other.holdoutEnd != holdoutEnd
                || Double.compare(other.daysPerUnit, daysPerUnit) != 0) {
            throw new IncompatibleAccumulatorException("cannot combine repeat-purchase accumulators with different windows: "
                    + describe() + " vs " + other.describe());
        }
        if (other == this) {
            return combine(copyOf(other));
        }
        other.customers.forEach((id, o) -> {
            Days d = customers.computeIfAbsent(id, k -> new Days());
            for (int i = 0; i < o.n; i++) {
                d.add(o.day[i], o.amount[i]);
            }
        });
        records += other.records;
        return this;
    }

    private static RepeatPurchases copyOf(RepeatPurchases a) {
        RepeatPurchases c = a.emptyCopy();
        a.customers.forEach((id, o) -> {
            Days d = new Days();
            d.day = Arrays.copyOf(o.day, Math.max(2, o.n));
            d.amount = Arrays.copyOf(o.amount, Math.max(2, o.n));
            d.n = o.n;
            c.customers.put(id, d);
        });
        c.records = a.records;
        return c;
    }

    private String describe() {
        return "calibration to " + LocalDate.ofEpochDay(calibrationEnd)
                + (holdoutEnd == NO_HOLDOUT ? "" : ", holdout to " + LocalDate.ofEpochDay(holdoutEnd))
                + ", " + daysPerUnit + " days per unit";
    }

    @Override
    public RepeatPurchasesResult result() {
        long last = holdoutEnd == NO_HOLDOUT ? calibrationEnd : holdoutEnd;
        long transactions = 0;
        long merged = 0;
        long after = 0;
        long late = 0;
        List<CustomerSummary> out = new ArrayList<>(customers.size());
        long firstDay = Long.MAX_VALUE;
        for (Days d : customers.values()) {
            for (int i = 0; i < d.n; i++) {
                firstDay = Math.min(firstDay, d.day[i]);
            }
        }
        long[] byUnit = new long[firstDay == Long.MAX_VALUE || firstDay > last ? 0
                : (int) Math.floor((last - firstDay) / daysPerUnit) + 1];
        for (Map.Entry<String, Days> e : new TreeMap<>(customers).entrySet()) {
            Days d = e.getValue();
            long[] day = Arrays.copyOf(d.day, d.n);
            double[] amount = Arrays.copyOf(d.amount, d.n);
            sortByDay(day, amount);
            int kept = 0;
            for (int i = 0; i < day.length; i++) {
                if (day[i] > last) {
                    after++;
                } else if (kept > 0 && day[kept - 1] == day[i]) {
                    amount[kept - 1] += amount[i];
                    merged++;
                } else {
                    day[kept] = day[i];
                    amount[kept] = amount[i];
                    kept++;
                }
            }
            if (kept == 0 || day[0] > calibrationEnd) {
                late++;
                continue;
            }
            transactions += kept;
            int x = 0;
            double repeatSpend = 0;
            long lastRepeat = day[0];
            int holdout = 0;
            double holdoutSpend = 0;
            for (int i = 1; i < kept; i++) {
                byUnit[(int) Math.floor((day[i] - firstDay) / daysPerUnit)]++;
                if (day[i] <= calibrationEnd) {
                    x++;
                    repeatSpend += amount[i];
                    lastRepeat = day[i];
                } else {
                    holdout++;
                    holdoutSpend += amount[i];
                }
            }
            out.add(new CustomerSummary(e.getKey(), LocalDate.ofEpochDay(day[0]), x, (lastRepeat - day[0]) / daysPerUnit,
                    (calibrationEnd - day[0]) / daysPerUnit, x == 0 ? Double.NaN : repeatSpend / x, holdout, holdoutSpend));
        }
        return new RepeatPurchasesResult(LocalDate.ofEpochDay(calibrationEnd),
                holdoutEnd == NO_HOLDOUT ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(holdoutEnd)), daysPerUnit,
                out, records, transactions, merged, after, late,
                byUnit.length == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(firstDay)), byUnit);
    }

    private static void sortByDay(long[] day, double[] amount) {
        // insertion sort: a customer's records are few and usually already in order
        for (int i = 1; i < day.length; i++) {
            long d = day[i];
            double a = amount[i];
            int j = i - 1;
            while (j >= 0 && day[j] > d) {
                day[j + 1] = day[j];
                amount[j + 1] = amount[j];
                j--;
            }
            day[j + 1] = d;
            amount[j + 1] = a;
        }
    }

    @Override
    public RepeatPurchases emptyCopy() {
        return new RepeatPurchases(calibrationEnd, holdoutEnd, daysPerUnit);
    }

    @Override
    public RepeatPurchases copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 1).putLong(calibrationEnd).putLong(holdoutEnd).putDouble(daysPerUnit)
                .putLong(records).putInt(customers.size());
        for (Map.Entry<String, Days> e : new TreeMap<>(customers).entrySet()) {
            Days d = e.getValue();
            w.putString(e.getKey()).putLongs(Arrays.copyOf(d.day, d.n)).putDoubles(Arrays.copyOf(d.amount, d.n));
        }
        return w.toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}, validating what it reads: the window, the
     * unit, non-negative finite amounts, one entry per customer and a record count that matches.
     *
     * @param bytes the encoded bytes
     * @return the accumulator
     * @throws IllegalArgumentException if the bytes are not a valid encoding (the message says why)
     */
    public static RepeatPurchases decode(byte[] bytes) {
        return Encoding.decodeConsistent(TYPE, bytes, RepeatPurchases::decodeChecked);
    }

    private static RepeatPurchases decodeChecked(byte[] bytes) {
        Encoding.Reader r = Encoding.reader(bytes, TYPE, 1);
        long cal = r.getLong();
        long hold = r.getLong();
        double unit = r.getDouble();
        if (cal < MIN_DAY || cal > MAX_DAY || hold != NO_HOLDOUT && (hold < MIN_DAY || hold > MAX_DAY)) {
            throw new CorruptEncodingException("encoded '" + TYPE + "' has a window end outside years -9999..9999: "
                    + cal + ", " + hold);
        }
        if (hold != NO_HOLDOUT && hold <= cal) {
            throw new IllegalArgumentException("encoded repeat-purchases: holdout end " + hold + " not after calibration end " + cal);
        }
        checkUnit(unit);
        RepeatPurchases acc = new RepeatPurchases(cal, hold, unit);
        long records = r.getLong();
        int n = r.getInt();
        if (n < 0) {
            throw new IllegalArgumentException("encoded repeat-purchases: negative customer count " + n);
        }
        long seen = 0;
        for (int i = 0; i < n; i++) {
            String id = r.getString();
            long[] day = r.getLongs();
            double[] amount = r.getDoubles();
            if (id.isBlank() || day.length == 0 || day.length != amount.length || acc.customers.containsKey(id)) {
                throw new IllegalArgumentException("encoded repeat-purchases: bad entry for customer '" + id + "' ("
                        + day.length + " days, " + amount.length + " amounts, duplicate " + acc.customers.containsKey(id) + ")");
            }
            Days d = new Days();
            for (int k = 0; k < day.length; k++) {
                if (day[k] < MIN_DAY || day[k] > MAX_DAY) {
                    throw new CorruptEncodingException("encoded '" + TYPE + "' has a day outside years -9999..9999: "
                            + day[k] + " (customer " + id + ")");
                }
                if (!(amount[k] >= 0) || Double.isInfinite(amount[k]) || amount[k] > MAX_AMOUNT) {
                    throw new IllegalArgumentException("encoded repeat-purchases: amount must be finite and >= 0: "
                            + amount[k] + " (customer " + id + ")");
                }
                d.add(day[k], amount[k]);
            }
            acc.customers.put(id, d);
            seen += day.length;
        }
        r.end();
        if (seen != records) {
            throw new IllegalArgumentException("encoded repeat-purchases: record count " + records
                    + " does not match the " + seen + " records encoded");
        }
        acc.records = records;
        return acc;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RepeatPurchases[%d customers, %d records; %s]", customers.size(), records,
                describe());
    }
}
