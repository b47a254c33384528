package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.NameDictionary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Interaction events in columns: customer, touchpoint, outcome and case as dictionary ids, channel
 * and stage as small ids, time as epoch nanoseconds, value as a {@code double}. Built by
 * {@link Builder} (an append per event, no object per event), then sorted once by (customer,
 * time, input order) with a primitive sort. Customers are ordered by their id as a string, so
 * journeys come out in the order {@link JourneyBuilder#build} gives them.
 *
 * <p>Journeys are index ranges over the sorted log, cut by the rules of a {@link JourneyBuilder}
 * (inactivity gap, ending outcome, case id) exactly as {@link JourneyBuilder#build} cuts them;
 * {@link #forEachJourney} hands each to the caller as one reused {@link LogJourney} view.
 *
 * <p>Times must lie in 1677-09-22 … 2262-04-11 (what epoch nanoseconds in a {@code long} hold).
 *
 * <pre>{@code
 * EventLog.Builder b = EventLog.builder();
 * b.add("c1", Instant.parse("2026-01-05T10:00:00Z"), "home", Channel.WEB, null, null, Double.NaN, null);
 * b.add("c1", Instant.parse("2026-01-05T10:02:00Z"), "cart", Channel.WEB, null, "purchase", 49.0, null);
 * EventLog log = b.build();
 * log.forEachJourney(JourneyBuilder.perCustomer(), j -> System.out.println(j.size()));  // 2
 * }</pre>
 */
public final class EventLog {
    static final int NONE = -1;

    private final int size;
    private final int[] customer;
    private final long[] time;
    private final int[] touchpoint;
    private final short[] channel;
    private final short[] stage;
    private final int[] outcome; // null when no event has one
    private final double[] value; // null when no event has one; NaN = none
    private final int[] caseId; // null when no event has one
    private final NameDictionary customers;
    private final NameDictionary touchpoints;
    private final NameDictionary outcomes;
    private final NameDictionary cases;
    private final List<Channel> channels;
    private final List<JourneyStage> stages;
    private final int[] customerStart; // by customer index (sorted order): first event; length customers + 1
    private final int[] customerAt; // by customer index: dictionary id

    private EventLog(Builder b) {
        size = b.size;
        customers = b.customers;
        touchpoints = b.touchpoints;
        outcomes = b.outcomes;
        cases = b.cases;
        channels = List.copyOf(b.channels);
        stages = List.copyOf(b.stages);
        int nc = customers.size();
        int[] rank = customers.sortedRanks();
        customerStart = new int[nc + 1];
        for (int i = 0; i < size; i++) {
            customerStart[rank[b.customer[i]] + 1]++;
        }
        for (int r = 0; r < nc; r++) {
            customerStart[r + 1] += customerStart[r];
        }
        customerAt = new int[nc];
        for (int id = 0; id < nc; id++) {
            customerAt[rank[id]] = id;
        }
        int[] perm = new int[size];
        int[] fill = Arrays.copyOf(customerStart, nc);
        for (int i = 0; i < size; i++) {
            perm[fill[rank[b.customer[i]]]++] = i; // stable: input order within a customer
        }
        int[] scratch = new int[16];
        for (int r = 0; r < nc; r++) {
            int from = customerStart[r];
            int to = customerStart[r + 1];
            if (to - from > scratch.length) {
                scratch = new int[Math.max(to - from, scratch.length * 2)];
            }
            sortByTime(perm, from, to, b.time, scratch);
        }
        customer = permute(b.customer, perm);
        time = permute(b.time, perm);
        touchpoint = permute(b.touchpoint, perm);
        channel = permute(b.channel, perm);
        stage = permute(b.stage, perm);
        outcome = b.outcome == null ? null : permute(b.outcome, perm);
        value = b.value == null ? null : permute(b.value, perm);
        caseId = b.caseId == null ? null : permute(b.caseId, perm);
    }

    /** Stable merge sort of {@code perm[from, to)} by {@code time[perm[i]]}. */
    private static void sortByTime(int[] perm, int from, int to, long[] time, int[] scratch) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = time[perm[i - 1]] <= time[perm[i]];
        }
        if (sorted) {
            return;
        }
        if (n <= 24) {
            for (int i = from + 1; i < to; i++) {
                int p = perm[i];
                long t = time[p];
                int j = i - 1;
                while (j >= from && time[perm[j]] > t) {
                    perm[j + 1] = perm[j];
                    j--;
                }
                perm[j + 1] = p;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sortByTime(perm, from, mid, time, scratch);
        sortByTime(perm, mid, to, time, scratch);
        System.arraycopy(perm, from, scratch, 0, mid - from);
        int i = 0;
        int left = mid - from;
        int j = mid;
        int k = from;
        while (i < left && j < to) {
            perm[k++] = time[perm[j]] < time[scratch[i]] ? perm[j++] : scratch[i++];
        }
        while (i < left) {
            perm[k++] = scratch[i++];
        }
    }

    private static int[] permute(int[] a, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    private static long[] permute(long[] a, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    private static short[] permute(short[] a, int[] perm) {
        short[] out = new short[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    private static double[] permute(double[] a, int[] perm) {
        double[] out = new double[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    /**
     * A builder to append events to.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The log of the given events.
     *
     * @param events the events, in input order
     * @return the sorted log
     * @throws IllegalArgumentException if {@code events} or one of them is null
     */
    public static EventLog of(Iterable<JourneyEvent> events) {
        if (events == null) {
            throw new IllegalArgumentException("events must not be null");
        }
        Builder b = builder();
        int index = 0;
        for (JourneyEvent e : events) {
            if (e == null) {
                throw new IllegalArgumentException("events[" + index + "] must not be null");
            }
            b.add(e);
            index++;
        }
        return b.build();
    }

    /**
     * The number of events.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * The number of distinct customers.
     *
     * @return the count
     */
    public int customerCount() {
        return customerAt.length;
    }

    /**
     * The touchpoint dictionary: the ids {@link LogJourney#touchpoint(int)} returns.
     *
     * @return the dictionary (read-only by contract)
     */
    public NameDictionary touchpoints() {
        return touchpoints;
    }

    /**
     * The outcome dictionary: the ids {@link LogJourney#outcome(int)} returns.
     *
     * @return the dictionary (read-only by contract)
     */
    public NameDictionary outcomes() {
        return outcomes;
    }

    /**
     * The customer dictionary: the ids {@link LogJourney#customer()} returns.
     *
     * @return the dictionary (read-only by contract)
     */
    public NameDictionary customers() {
        return customers;
    }

    /**
     * The case-id dictionary: the ids {@link LogJourney#caseIdIndex()} returns.
     *
     * @return the dictionary (read-only by contract)
     */
    public NameDictionary cases() {
        return cases;
    }

    /**
     * The channels by id ({@link LogJourney#channel(int)}).
     *
     * @return the channels
     */
    public List<Channel> channels() {
        return channels;
    }

    /**
     * The journey stages by id ({@link LogJourney#stage(int)}).
     *
     * @return the stages
     */
    public List<JourneyStage> stages() {
        return stages;
    }

    /**
     * Hands every journey of every customer to {@code action}, customers in string order,
     * each customer's journeys in the order of {@link JourneyBuilder#build}.
     *
     * @param rules how events are cut into journeys
     * @param action called once per journey with a view that is reused: copy what you keep
     */
    public void forEachJourney(JourneyBuilder rules, Consumer<? super LogJourney> action) {
        forEachJourney(rules, 0, customerCount(), action);
    }

    /**
     * Hands the journeys of customers {@code [fromCustomer, toCustomer)} (in string order) to
     * {@code action}; disjoint ranges can run on different threads.
     *
     * @param rules how events are cut into journeys
     * @param fromCustomer first customer index, inclusive
     * @param toCustomer last customer index, exclusive
     * @param action called once per journey with a view that is reused: copy what you keep
     * @throws IllegalArgumentException if the range is not within [0, customerCount()]
     */
    public void forEachJourney(JourneyBuilder rules, int fromCustomer, int toCustomer,
            Consumer<? super LogJourney> action) {
        if (rules == null || action == null) {
            throw new IllegalArgumentException("journey rules and action must not be null");
        }
        if (fromCustomer < 0 || toCustomer > customerCount() || fromCustomer > toCustomer) {
            throw new IllegalArgumentException("customer range must lie in [0, " + customerCount()
                    + "]: [" + fromCustomer + ", " + toCustomer + ")");
        }
        boolean[] ending = new boolean[outcomes.size()];
        for (int o = 0; o < ending.length; o++) {
            ending[o] = rules.endsOn(outcomes.name(o));
        }
        long gapMillis = rules.gapMillis();
        LogJourney view = new LogJourney(this);
        Cutter cutter = new Cutter(view, ending, gapMillis, action);
        for (int r = fromCustomer; r < toCustomer; r++) {
            int from = customerStart[r];
            int to = customerStart[r + 1];
            if (rules.groupsByCase() && caseId != null) {
                cutter.byCase(customerAt[r], from, to);
            } else {
                cutter.cut(customerAt[r], NONE, null, from, to, from, to);
            }
        }
    }

    /**
     * The journeys as objects, equal to {@code rules.build(events)} for the events of this log.
     *
     * @param rules how events are cut into journeys
     * @return the journeys
     */
    public List<CustomerJourney> journeys(JourneyBuilder rules) {
        List<CustomerJourney> out = new ArrayList<>();
        forEachJourney(rules, j -> out.add(j.toCustomerJourney()));
        return out;
    }

    /** Cuts one customer's (or one case's) events into journeys. */
    private final class Cutter {
        private final LogJourney view;
        private final boolean[] ending;
        private final long gapMillis;
        private final Consumer<? super LogJourney> action;
        private int[] positions = new int[16];
        private int[] scratch = new int[16];
        private long[] pieces = new long[16]; // byCase: (from, to) of each journey in positions
        private int pieceCount;
        private boolean collect;

        Cutter(LogJourney view, boolean[] ending, long gapMillis, Consumer<? super LogJourney> action) {
            this.view = view;
            this.ending = ending;
            this.gapMillis = gapMillis;
            this.action = action;
        }

        /** Cuts index range [a, b) of {@code pos} (or of the log itself when pos is null). */
        void cut(int cust, int caseIndex, int[] pos, int a, int b, int logFrom, int logTo) {
            int from = a;
            for (int i = a; i < b; i++) {
                int e = pos == null ? i : pos[i];
                if (i > from) {
                    int prev = pos == null ? i - 1 : pos[i - 1];
                    if (millis(time[e]) - millis(time[prev]) > gapMillis) {
                        emit(cust, caseIndex, pos, from, i);
                        from = i;
                    }
                }
                if (outcome != null && outcome[e] != NONE && ending[outcome[e]]) {
                    emit(cust, caseIndex, pos, from, i + 1);
                    from = i + 1;
                }
            }
            if (from < b) {
                emit(cust, caseIndex, pos, from, b);
            }
        }

        private void emit(int cust, int caseIndex, int[] pos, int from, int to) {
            if (collect) {
                if (pieceCount * 2 + 2 > pieces.length) {
                    pieces = Arrays.copyOf(pieces, pieces.length * 2);
                }
                pieces[pieceCount * 2] = from;
                pieces[pieceCount * 2 + 1] = to;
                pieceCount++;
                return;
            }
            view.set(cust, caseIndex, pos, from, to);
            action.accept(view);
        }

        void byCase(int cust, int from, int to) {
            int n = to - from;
            if (positions.length < n) {
                positions = new int[Math.max(n, positions.length * 2)];
                scratch = new int[positions.length];
            }
            for (int i = 0; i < n; i++) {
                positions[i] = from + i;
            }
            sortByCase(positions, 0, n);
            pieceCount = 0;
            collect = true;
            int g = 0;
            while (g < n) {
                int c = caseId[positions[g]];
                int h = g + 1;
                while (h < n && caseId[positions[h]] == c) {
                    h++;
                }
                cut(cust, c, positions, g, h, from, to);
                g = h;
            }
            collect = false;
            // journeys of one customer by (start, case id as a string), stable
            Integer[] order = new Integer[pieceCount];
            for (int i = 0; i < pieceCount; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> {
                int c = Long.compare(time[positions[(int) pieces[x * 2]]], time[positions[(int) pieces[y * 2]]]);
                if (c != 0) {
                    return c;
                }
                return caseName(caseId[positions[(int) pieces[x * 2]]])
                        .compareTo(caseName(caseId[positions[(int) pieces[y * 2]]]));
            });
            for (Integer p : order) {
                int a = (int) pieces[p * 2];
                int b = (int) pieces[p * 2 + 1];
                view.set(cust, caseId[positions[a]], positions, a, b);
                action.accept(view);
            }
        }

        private String caseName(int c) {
            return c == NONE ? "" : cases.name(c);
        }

        /** Stable merge sort of positions[from, to) by case id. */
        private void sortByCase(int[] p, int from, int to) {
            if (to - from < 2) {
                return;
            }
            int mid = (from + to) >>> 1;
            sortByCase(p, from, mid);
            sortByCase(p, mid, to);
            System.arraycopy(p, from, scratch, from, mid - from);
            int i = from;
            int j = mid;
            int k = from;
            while (i < mid && j < to) {
                p[k++] = caseId[p[j]] < caseId[scratch[i]] ? p[j++] : scratch[i++];
            }
            while (i < mid) {
                p[k++] = scratch[i++];
            }
        }
    }

    static long millis(long nanos) {
        return Math.floorDiv(nanos, 1_000_000L);
    }

    static long nanos(Instant t, String customer) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            throw new InvalidInputException("event time must lie between 1677-09-22 and 2262-04-11 to be"
                    + " held in an event log: " + t + " (customer " + customer + ")");
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    // ---- column access for LogJourney ----

    int customerAt(int e) {
        return customer[e];
    }

    long timeAt(int e) {
        return time[e];
    }

    int touchpointAt(int e) {
        return touchpoint[e];
    }

    int channelAt(int e) {
        return channel[e];
    }

    int stageAt(int e) {
        return stage[e];
    }

    int outcomeAt(int e) {
        return outcome == null ? NONE : outcome[e];
    }

    double valueAt(int e) {
        return value == null ? Double.NaN : value[e];
    }

    int caseAt(int e) {
        return caseId == null ? NONE : caseId[e];
    }

    /**
     * Returns e.g. {@code EventLog[10000000 events, 1000000 customers, 50 touchpoints]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "EventLog[" + size + " events, " + customerCount() + " customers, " + touchpoints.size()
                + " touchpoints]";
    }

    /** Appends events; {@link #build()} sorts them into a log. Not thread-safe. */
    public static final class Builder {
        private int size;
        private int[] customer = new int[64];
        private long[] time = new long[64];
        private int[] touchpoint = new int[64];
        private short[] channel = new short[64];
        private short[] stage = new short[64];
        private int[] outcome;
        private double[] value;
        private int[] caseId;
        private final NameDictionary customers = new NameDictionary();
        private final NameDictionary touchpoints = new NameDictionary();
        private final NameDictionary outcomes = new NameDictionary();
        private final NameDictionary cases = new NameDictionary();
        private final List<Channel> channels = new ArrayList<>();
        private final Map<Channel, Integer> channelIds = new HashMap<>();
        private final List<JourneyStage> stages = new ArrayList<>();
        private final Map<JourneyStage, Integer> stageIds = new HashMap<>();
        private boolean built;

        private Builder() {
        }

        /**
         * Appends one event.
         *
         * @param e the event
         * @return this builder
         * @throws IllegalArgumentException if {@code e} is null
         */
        public Builder add(JourneyEvent e) {
            if (e == null) {
                throw new IllegalArgumentException("event must not be null");
            }
            return add(e.customerId(), e.time(), e.touchpoint(), e.channel(), e.stage().orElse(null),
                    e.outcome().orElse(null), e.value().isPresent() ? e.value().getAsDouble() : Double.NaN,
                    e.caseId().orElse(null));
        }

        /**
         * Appends one event, with the checks of {@link JourneyEvent}.
         *
         * @param customerId the customer, not blank
         * @param time the time, within 1677-09-22 … 2262-04-11
         * @param touchpoint the touchpoint, not blank
         * @param channel the channel, not null
         * @param stage the journey stage, or null
         * @param outcome the outcome, or null; not blank
         * @param value the value, or NaN for none; finite otherwise
         * @param caseId the case id, or null; not blank
         * @return this builder
         * @throws InvalidInputException if a field is missing or out of range
         */
        public Builder add(String customerId, Instant time, String touchpoint, Channel channel, JourneyStage stage,
                String outcome, double value, String caseId) {
            Check.notBlank(customerId, "event customerId");
            if (time == null) {
                throw new InvalidInputException("event time must not be missing: null (customer " + customerId + ")");
            }
            return add(customerId, nanos(time, customerId), touchpoint, channel, stage, outcome, value, caseId);
        }

        /**
         * Appends one event with its time in epoch nanoseconds.
         *
         * @param customerId the customer, not blank
         * @param epochNanos the time in nanoseconds since 1970-01-01T00:00Z
         * @param touchpoint the touchpoint, not blank
         * @param channel the channel, not null
         * @param stage the journey stage, or null
         * @param outcome the outcome, or null; not blank
         * @param value the value, or NaN for none; finite otherwise
         * @param caseId the case id, or null; not blank
         * @return this builder
         * @throws InvalidInputException if a field is missing or out of range
         * @throws IllegalStateException if the builder was already built
         */
        public Builder add(String customerId, long epochNanos, String touchpoint, Channel channel,
                JourneyStage stage, String outcome, double value, String caseId) {
            if (built) {
                throw new IllegalStateException("the event log was already built; start a new builder");
            }
            Check.notBlank(customerId, "event customerId");
            Check.notBlank(touchpoint, "event touchpoint");
            if (channel == null) {
                throw new InvalidInputException("event channel must not be missing: null (customer "
                        + customerId + ")");
            }
            if (outcome != null) {
                Check.notBlank(outcome, "event outcome");
            }
            if (caseId != null) {
                Check.notBlank(caseId, "event caseId");
            }
            if (Double.isInfinite(value)) {
                throw new InvalidInputException("event value must be finite: " + value);
            }
            if (size == this.customer.length) {
                grow();
            }
            int i = size;
            this.customer[i] = customers.idOf(customerId);
            this.time[i] = epochNanos;
            this.touchpoint[i] = touchpoints.idOf(touchpoint);
            this.channel[i] = small(channelIds, channels, channel, "channels");
            this.stage[i] = stage == null ? NONE : small(stageIds, stages, stage, "journey stages");
            if (outcome != null) {
                if (this.outcome == null) {
                    this.outcome = filled(this.customer.length);
                }
                this.outcome[i] = outcomes.idOf(outcome);
            }
            if (!Double.isNaN(value)) {
                if (this.value == null) {
                    this.value = new double[this.customer.length];
                    Arrays.fill(this.value, Double.NaN);
                }
                this.value[i] = value;
            }
            if (caseId != null) {
                if (this.caseId == null) {
                    this.caseId = filled(this.customer.length);
                }
                this.caseId[i] = cases.idOf(caseId);
            }
            size++;
            return this;
        }

        private static <T> short small(Map<T, Integer> ids, List<T> list, T key, String what) {
            Integer id = ids.get(key);
            if (id == null) {
                if (list.size() == Short.MAX_VALUE) {
                    throw new InvalidInputException("an event log holds at most " + Short.MAX_VALUE + " " + what
                            + "; " + key + " is one more");
                }
                id = list.size();
                list.add(key);
                ids.put(key, id);
            }
            return (short) (int) id;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, NONE);
            return a;
        }

        private void grow() {
            int n = customer.length;
            int m = n + (n >> 1) + 16;
            if (m < 0 || m > Integer.MAX_VALUE - 16) {
                if (n >= Integer.MAX_VALUE - 16) {
                    throw new InvalidInputException("an event log holds at most " + (Integer.MAX_VALUE - 16)
                            + " events");
                }
                m = Integer.MAX_VALUE - 16;
            }
            customer = Arrays.copyOf(customer, m);
            time = Arrays.copyOf(time, m);
            touchpoint = Arrays.copyOf(touchpoint, m);
            channel = Arrays.copyOf(channel, m);
            stage = Arrays.copyOf(stage, m);
            if (outcome != null) {
                outcome = Arrays.copyOf(outcome, m);
                Arrays.fill(outcome, n, m, NONE);
            }
            if (value != null) {
                value = Arrays.copyOf(value, m);
                Arrays.fill(value, n, m, Double.NaN);
            }
            if (caseId != null) {
                caseId = Arrays.copyOf(caseId, m);
                Arrays.fill(caseId, n, m, NONE);
            }
        }

        /**
         * How many events were appended.
         *
         * @return the count
         */
        public int size() {
            return size;
        }

        /**
         * Sorts the events into a log. The builder cannot be used afterwards.
         *
         * @return the log
         */
        public EventLog build() {
            if (built) {
                throw new IllegalStateException("the event log was already built; start a new builder");
            }
            built = true;
            EventLog log = new EventLog(this);
            customer = null;
            time = null;
            touchpoint = null;
            channel = null;
            stage = null;
            outcome = null;
            value = null;
            caseId = null;
            return log;
        }
    }
}
