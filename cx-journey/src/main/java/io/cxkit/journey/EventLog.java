package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.NameDictionary;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Interaction events in columns: customer, touchpoint, outcome, case and segment as dictionary ids,
 * channel and stage as small ids, time as epoch nanoseconds, value as a {@code double}. Built by
 * {@link Builder} (an append per event, no object per event), then sorted once by (customer,
 * time, input order) with a primitive sort. Customers are ordered by their id as a string, so
 * journeys come out in the order {@link JourneyBuilder#build} gives them.
 *
 * <p>Journeys are index ranges over the sorted log, cut by the rules of a {@link JourneyBuilder}
 * (inactivity gap, ending outcome, case id) exactly as {@link JourneyBuilder#build} cuts them;
 * {@link #forEachJourney} hands each to the caller as one reused {@link LogJourney} view, and
 * {@link #scan} runs a mergeable accumulator over them on several threads.
 *
 * <p><b>Memory.</b> A log held in memory takes 14 bytes an event (time 8, touchpoint 4, channel 2);
 * stage, outcome, value, case id and segment take nothing while no event has one and are then kept
 * per chunk of 16,384 events sparse (2 bytes of offset plus the value for each event that has one)
 * or, once that is cheaper, dense (2, 4, 8, 4 and 4 bytes a slot), plus 8 bytes a customer for the index and the
 * dictionaries' names; {@link #residentBytes()} tells the total. The customer column is not kept:
 * the sorted log knows each customer's range. While building, the builder holds its buffer (the
 * same columns plus 4 bytes an event for the customer) and sorting adds 22 bytes an event (the
 * always-present columns in sorted order, each event's position and rank) and one copy of the
 * columns.
 *
 * <p><b>Spilling.</b> With {@link Builder#memoryBudget(long)}, the builder sorts what it holds by
 * (customer, time, input order) whenever the buffer would pass the budget and writes it as a run to
 * {@link Builder#tempDirectory(Path) a temp directory}; runs of equal size are merged sixteen at a
 * time while building, so the open runs stay few. The built log is then <i>spilled</i>: it keeps
 * only the dictionaries and each customer's rank (4 bytes a customer) in memory, and every
 * {@link #forEachJourney} or {@link #scan} merges the runs (k-way) and streams customer by customer,
 * with only one customer's events (per thread, a unit of customers) in memory. The journeys are
 * identical to those of the log held in memory. {@link #close()} deletes the runs (as does the
 * builder's {@code close()} when it is never built, a failure while spilling, and, as a last resort,
 * the garbage collector and JVM exit).
 *
 * <p>Times must lie in 1677-09-22 … 2262-04-11 (what epoch nanoseconds in a {@code long} hold).
 *
 * <p>(This file is long because it is one public concept, the log and its builder, mostly Javadoc;
 * the machinery sits in package-private classes beside it: {@code EventColumns} storage,
 * {@code EventBuffer} sorting, {@code SpillRuns} runs and merge, {@code JourneyCutter} cutting,
 * {@code ParallelScan} threads.)
 *
 * <p><b>Size.</b> About 900 lines, most of it the public contract of the log and its
 * {@link Builder} (appending, the memory budget, spilling, the dictionaries readers append ids
 * into); the work itself is in the package-private classes named above. The builder is nested
 * because it hands its columns and dictionaries to the log it builds without copying them.
 *
 * <pre>{@code
 * EventLog.Builder b = EventLog.builder();
 * b.add("c1", Instant.parse("2026-01-05T10:00:00Z"), "home", Channel.WEB, null, null, Double.NaN, null);
 * b.add("c1", Instant.parse("2026-01-05T10:02:00Z"), "cart", Channel.WEB, null, "purchase", 49.0, null);
 * EventLog log = b.build();
 * log.forEachJourney(JourneyBuilder.create(), j -> System.out.println(j.size()));  // 2
 * }</pre>
 */
public final class EventLog implements AutoCloseable {
    static final int NONE = -1;
    /** Runs of one level merged into one run of the next level once there are this many. */
    static final int FAN_IN = 16;
    /** Events a unit of {@link #scan} aims at. */
    static final int UNIT_EVENTS = 1 << 16;
    private static final Cleaner CLEANER = Cleaner.create();

    private final int size;
    private final NameDictionary customers;
    private final NameDictionary touchpoints;
    private final NameDictionary outcomes;
    private final NameDictionary cases;
    private final NameDictionary segments;
    private final List<Channel> channels;
    private final List<JourneyStage> stages;
    private final int unitCustomers;
    // held in memory: one segment of every customer
    private final Segment all;
    // spilled: runs on disk, and each customer's rank (its index in string order) by dictionary id
    private final SpillRuns.Files runs;
    private final int[] ranks;
    private final Cleaner.Cleanable cleanable;

    private EventLog(Builder b, Segment all, SpillRuns.Files runs, int[] ranks) {
        size = b.size;
        customers = b.customers;
        touchpoints = b.touchpoints;
        outcomes = b.outcomes;
        cases = b.cases;
        segments = b.segments;
        channels = List.copyOf(b.channels);
        stages = List.copyOf(b.stages);
        this.all = all;
        this.runs = runs;
        this.ranks = ranks;
        this.cleanable = runs == null ? null : CLEANER.register(this, runs);
        int nc = customers.size();
        this.unitCustomers = (int) Math.max(1, Math.min(nc, (long) UNIT_EVENTS * nc / Math.max(1, size)));
    }

    /**
     * One customer range of events held in memory: {@code cols[start[k], start[k + 1])} are the
     * events of the customer with dictionary id {@code ids[k]}, sorted by (time, input order).
     */
    static final class Segment {
        final EventColumns cols;
        final int[] start;
        final int[] ids;

        Segment(EventColumns cols, int[] start, int[] ids) {
            this.cols = cols;
            this.start = start;
            this.ids = ids;
        }

        void cut(JourneyCutter cutter, int from, int to) {
            for (int k = from; k < to; k++) {
                cutter.customer(cols, ids[k], start[k], start[k + 1]);
            }
        }
    }

    /**
     * A builder to append events to, holding everything in memory.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The log of the given events, held in memory.
     *
     * @param events the events, in input order
     * @return the sorted log
     * @throws NullPointerException if {@code events} or one of them is null
     */
    public static EventLog of(Iterable<JourneyEvent> events) {
        Check.notNull(events, "events");
        Builder b = builder();
        int index = 0;
        for (JourneyEvent e : events) {
            Check.notNull(e, "events[" + index + "]");
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
        return customers.size();
    }

    /**
     * Whether the events live in sorted runs on disk (the builder passed its memory budget) rather
     * than in memory.
     *
     * @return true when spilled
     */
    public boolean spilled() {
        return runs != null;
    }

    /**
     * How many run files a spilled log reads per pass (0 when held in memory).
     *
     * @return the count
     */
    public int runCount() {
        return runs == null ? 0 : runs.files.size();
    }

    /**
     * The bytes this log holds on the heap between passes: the event columns (held in memory: 14
     * bytes an event plus the sparse or dense chunks of the optional columns some event uses), the
     * customer index (8 bytes a customer in memory, 4 when spilled) and the dictionaries
     * ({@link NameDictionary#residentBytes()}). A pass over a spilled log adds 64 KiB a run and
     * the events of one customer per thread (a unit of about 65,536 events per thread in
     * {@link #scan}).
     *
     * @return the bytes
     */
    public long residentBytes() {
        long b = customers.residentBytes() + touchpoints.residentBytes() + outcomes.residentBytes()
                + cases.residentBytes() + segments.residentBytes();
        if (all != null) {
            b += all.cols.residentBytes() + 4L * all.start.length + 4L * all.ids.length;
        } else {
            b += 4L * ranks.length;
        }
        return b;
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
     * The segment dictionary: the ids {@link LogJourney#segment()} returns (values of the reader's
     * {@code by} column; empty when no event has a segment).
     *
     * @return the dictionary (read-only by contract)
     */
    public NameDictionary segments() {
        return segments;
    }

    /**
     * Hands every journey of every customer to {@code action}, customers in string order,
     * each customer's journeys in the order of {@link JourneyBuilder#build}.
     *
     * @param rules how events are cut into journeys
     * @param action called once per journey with a view that is reused: copy what you keep
     * @throws IllegalStateException if the log is spilled and was closed
     * @throws UncheckedIOException if a run of a spilled log cannot be read (naming the directory)
     */
    public void forEachJourney(JourneyBuilder rules, Consumer<? super LogJourney> action) {
        forEachJourney(rules, 0, customerCount(), action);
    }

    /**
     * Hands the journeys of customers {@code [fromCustomer, toCustomer)} (in string order) to
     * {@code action}; disjoint ranges can run on different threads. A spilled log reads its runs
     * from the start up to {@code toCustomer} for this.
     *
     * @param rules how events are cut into journeys
     * @param fromCustomer first customer index, inclusive
     * @param toCustomer last customer index, exclusive
     * @param action called once per journey with a view that is reused: copy what you keep
     * @throws NullPointerException if {@code rules} or {@code action} is null
     * @throws IllegalArgumentException if the range is not within [0, customerCount()]
     * @throws IllegalStateException if the log is spilled and was closed
     * @throws UncheckedIOException if a run of a spilled log cannot be read (naming the directory)
     */
    public void forEachJourney(JourneyBuilder rules, int fromCustomer, int toCustomer,
            Consumer<? super LogJourney> action) {
        Check.notNull(rules, "rules");
        Check.notNull(action, "action");
        if (fromCustomer < 0 || toCustomer > customerCount() || fromCustomer > toCustomer) {
            throw new IllegalArgumentException("customer range must lie in [0, " + customerCount()
                    + "]: [" + fromCustomer + ", " + toCustomer + ")");
        }
        JourneyCutter cutter = new JourneyCutter(this, rules, action);
        if (all != null) {
            all.cut(cutter, fromCustomer, toCustomer);
            return;
        }
        if (fromCustomer == toCustomer) {
            return;
        }
        EventColumns one = new EventColumns();
        try (SpillRuns.Cursor cursor = cursor()) {
            while (cursor.next(one)) {
                if (cursor.rank >= fromCustomer) {
                    cutter.customer(one, cursor.customer, 0, one.size());
                }
                if (cursor.rank + 1 >= toCustomer) {
                    break;
                }
            }
        }
    }

    private SpillRuns.Cursor cursor() {
        if (runs.files.isEmpty() && size > 0) {
            throw new IllegalStateException("the spilled event log was closed; its runs are deleted");
        }
        return new SpillRuns.Cursor(runs.files, ranks);
    }

    /**
     * Runs a mergeable accumulator over every journey on {@code threads} threads: the customers (in
     * string order) are cut into units of about 65,536 events, each unit gets its own accumulator
     * from {@code create}, is fed its journeys in order by {@code accept}, and the units' accumulators
     * are combined left to right in customer order by {@code combine}. The units depend only on the
     * log, so the result is the same for every thread count, and the same for a log held in memory
     * and its spilled twin; for an accumulator whose {@code combine} equals a single pass it equals
     * {@code forEachJourney} into one accumulator.
     *
     * <pre>{@code
     * FunnelAccumulator f = log.scan(JourneyBuilder.create(), 2,
     *         () -> FunnelAccumulator.of(funnel), FunnelAccumulator::accept, FunnelAccumulator::combine);
     * }</pre>
     *
     * <p>{@code accept} is called from worker threads, never on one accumulator from two threads at
     * once; {@code combine} is called on the calling thread. An exception from either stops the
     * scan and is rethrown (unchecked as is, checked wrapped).
     *
     * @param <A> the accumulator type
     * @param rules how events are cut into journeys
     * @param threads how many threads feed units, in [1, 1024]; 1 runs on the calling thread
     * @param create a new empty accumulator, called once per unit
     * @param accept feeds one journey (a reused view) to an accumulator
     * @param combine merges the right accumulator into the left and returns the result
     * @return the combined accumulator; {@code create.get()} when the log is empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code threads} is out of range
     * @throws IllegalStateException if the log is spilled and was closed
     */
    public <A> A scan(JourneyBuilder rules, int threads, Supplier<? extends A> create,
            BiConsumer<? super A, ? super LogJourney> accept, BinaryOperator<A> combine) {
        Check.notNull(rules, "rules");
        Check.notNull(create, "create");
        Check.notNull(accept, "accept");
        Check.notNull(combine, "combine");
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("scan threads must be in [1, 1024]: " + threads);
        }
        return new ParallelScan<A>(this, rules, threads, create, accept, combine).run();
    }

    /** Customers per unit of {@link #scan}. */
    int unitCustomers() {
        return unitCustomers;
    }

    /** The in-memory segment of every customer, or null when spilled. */
    Segment inMemory() {
        return all;
    }

    /** Streams a spilled log customer by customer. */
    SpillRuns.Cursor openCursor() {
        return cursor();
    }

    /**
     * Deletes the run files of a spilled log; a log held in memory has nothing to close. Passes
     * over a closed spilled log fail. Idempotent.
     */
    @Override
    public void close() {
        if (cleanable != null) {
            cleanable.clean();
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

    /**
     * Returns e.g. {@code EventLog[10000000 events, 1000000 customers, 50 touchpoints]}, with
     * {@code , spilled in 7 runs} when spilled.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "EventLog[" + size + " events, " + customerCount() + " customers, " + touchpoints.size()
                + " touchpoints" + (runs == null ? "" : ", spilled in " + runs.files.size() + " runs") + "]";
    }

    /**
     * Appends events; {@link #build()} sorts them into a log. Past a {@link #memoryBudget(long)
     * memory budget} it spills sorted runs to disk (see the class comment). Not thread-safe. Close a
     * builder that is abandoned before {@code build()} to delete its runs at once.
     */
    public static final class Builder implements AutoCloseable {
        private int size; // all events appended
        private final NameDictionary customers = new NameDictionary();
        private EventBuffer buffer = new EventBuffer(customers);
        private final NameDictionary touchpoints = new NameDictionary();
        private final NameDictionary outcomes = new NameDictionary();
        private final NameDictionary cases = new NameDictionary();
        private final NameDictionary segments = new NameDictionary();
        private final List<Channel> channels = new ArrayList<>();
        private final Map<Channel, Integer> channelIds = new HashMap<>();
        private final List<JourneyStage> stages = new ArrayList<>();
        private final Map<JourneyStage, Integer> stageIds = new HashMap<>();
        private long budget = Long.MAX_VALUE;
        private Path tempDirectory;
        private long spillAt = Long.MAX_VALUE; // buffered events that fill the budget
        private SpillRuns.Files runs;
        private Cleaner.Cleanable cleanable;
        private final long[] spilledBytes = new long[1];
        private boolean built;
        private String broken;
        private String lastCustomer;
        private int lastCustomerId;

        private Builder() {
        }

        /**
         * Bounds the heap the buffered events may take, sorting buffer included: past it the buffer
         * is written to disk as a sorted run (see {@link EventLog}). An event takes about 54 bytes
         * of budget (98 with stages, outcomes, values, case ids and segments), so 64 MiB buffers
         * about 1.2 million events. The dictionaries and, at a pass, 64 KiB a run come on top. Default:
         * no budget (never spills).
         *
         * @param bytes the budget, at least 1 (a budget below one event spills every event)
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is below 1
         */
        public Builder memoryBudget(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("memoryBudget must be at least 1 byte: " + bytes);
            }
            this.budget = bytes;
            updateSpillAt();
            return this;
        }

        /**
         * Where runs are written (default: {@code java.io.tmpdir}).
         *
         * @param directory an existing, writable directory
         * @return this builder
         * @throws NullPointerException if {@code directory} is null
         * @throws IllegalArgumentException if {@code directory} is not a directory
         */
        public Builder tempDirectory(Path directory) {
            Check.notNull(directory, "directory");
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("tempDirectory must be an existing directory: " + directory);
            }
            if (runs != null) {
                throw new IllegalStateException("tempDirectory must be set before the first spill, in "
                        + runs.directory);
            }
            this.tempDirectory = directory;
            return this;
        }

        /**
         * How many bytes of runs were written to disk so far (0 when nothing spilled), merges
         * while building included.
         *
         * @return the bytes
         */
        public long spilledBytes() {
            return spilledBytes[0];
        }

        /**
         * Appends one event.
         *
         * @param e the event
         * @return this builder
         * @throws NullPointerException if {@code e} is null
         */
        public Builder add(JourneyEvent e) {
            Check.notNull(e, "event");
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
            return add(customerId, epochNanos, touchpoint, channel, stage, outcome, value, caseId, null);
        }

        /**
         * Appends one event with its time in epoch nanoseconds and a segment.
         *
         * @param customerId the customer, not blank
         * @param epochNanos the time in nanoseconds since 1970-01-01T00:00Z
         * @param touchpoint the touchpoint, not blank
         * @param channel the channel, not null
         * @param stage the journey stage, or null
         * @param outcome the outcome, or null; not blank
         * @param value the value, or NaN for none; finite otherwise
         * @param caseId the case id, or null; not blank
         * @param segment the segment the event belongs to (e.g. a reader's {@code by} column), or
         *        null; not blank. A journey's segment is its first event's ({@link LogJourney#segment()})
         * @return this builder
         * @throws InvalidInputException if a field is missing or out of range
         * @throws IllegalStateException if the builder was already built
         * @throws UncheckedIOException if a run cannot be written (naming the temp directory)
         */
        public Builder add(String customerId, long epochNanos, String touchpoint, Channel channel,
                JourneyStage stage, String outcome, double value, String caseId, String segment) {
            usable();
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
            if (segment != null) {
                Check.notBlank(segment, "event segment");
            }
            if (Double.isInfinite(value)) {
                throw new InvalidInputException("event value must be finite: " + value);
            }
            if (size == Integer.MAX_VALUE - 1) {
                throw new InvalidInputException("an event log holds at most " + (Integer.MAX_VALUE - 1) + " events");
            }
            int ch = small(channelIds, channels, channel, "channels");
            int st = stage == null ? NONE : small(stageIds, stages, stage, "journey stages");
            if (!customerId.equals(lastCustomer)) { // files often hold a customer's events together
                lastCustomer = customerId;
                lastCustomerId = customers.idOf(customerId);
            }
            return append(lastCustomerId, epochNanos, touchpoints.idOf(touchpoint), ch, st,
                    outcome == null ? NONE : outcomes.idOf(outcome), value,
                    caseId == null ? NONE : cases.idOf(caseId), segment == null ? NONE : segments.idOf(segment));
        }

        /**
         * Appends one event given by the ids its names already have in this builder's dictionaries
         * ({@link #customers()}, {@link #touchpoints()}, {@link #outcomes()}, {@link #cases()},
         * {@link #segments()}; the channel as {@link #channelId(Channel)}). A reader that finds a
         * row's names by their bytes ({@link NameDictionary#find(byte[], int, int)}) appends it this
         * way without a {@code String} per field; a row with a name the builder has not seen goes
         * through {@link #add(String, long, String, Channel, JourneyStage, String, double, String, String)},
         * which adds the names. The event is the one that add would append with those names.
         *
         * @param customer the customer's id, in [0, customers().size())
         * @param epochNanos the time in nanoseconds since 1970-01-01T00:00Z
         * @param touchpoint the touchpoint's id, in [0, touchpoints().size())
         * @param channel the channel's id ({@link #channelId(Channel)}), not −1
         * @param stage the journey stage's id ({@link #stageId(JourneyStage)}), or −1 for none
         * @param outcome the outcome's id, or −1 for none
         * @param value the value, or NaN for none; finite otherwise
         * @param caseId the case id's id, or −1 for none
         * @param segment the segment's id, or −1 for none
         * @return this builder
         * @throws InvalidInputException if an id was never given out or the value is infinite
         * @throws IllegalStateException if the builder was already built
         * @throws UncheckedIOException if a run cannot be written (naming the temp directory)
         */
        public Builder addIds(int customer, long epochNanos, int touchpoint, int channel, int stage, int outcome,
                double value, int caseId, int segment) {
            usable();
            requireId(customer, customers.size(), false, "customer");
            requireId(touchpoint, touchpoints.size(), false, "touchpoint");
            requireId(channel, channels.size(), false, "channel");
            requireId(stage, stages.size(), true, "stage");
            requireId(outcome, outcomes.size(), true, "outcome");
            requireId(caseId, cases.size(), true, "caseId");
            requireId(segment, segments.size(), true, "segment");
            if (Double.isInfinite(value)) {
                throw new InvalidInputException("event value must be finite: " + value);
            }
            return append(customer, epochNanos, touchpoint, channel, stage, outcome, value, caseId, segment);
        }

        private static void requireId(int id, int size, boolean optional, String what) {
            if ((id < 0 || id >= size) && !(optional && id == NONE)) {
                throw new InvalidInputException("event " + what + " id must be in [0, " + size + ")"
                        + (optional ? " or -1 for none" : "") + ": " + id);
            }
        }

        /** Appends an event whose fields are checked ids. */
        private Builder append(int customer, long epochNanos, int tp, int ch, int st, int oc, double value, int cs,
                int sg) {
            if (size == Integer.MAX_VALUE - 1) {
                throw new InvalidInputException("an event log holds at most " + (Integer.MAX_VALUE - 1) + " events");
            }
            if (buffer.size() >= spillAt) {
                spill();
            }
            int columnsBefore = buffer.optionalColumns();
            buffer.add(customer, epochNanos, tp, ch, st, oc, value, cs, sg);
            size++;
            if (buffer.optionalColumns() != columnsBefore) {
                updateSpillAt();
            }
            return this;
        }

        /**
         * The customer dictionary: the ids {@link #addIds} takes. Read-only by contract: a name
         * added here directly would be a customer without events.
         *
         * @return the dictionary
         */
        public NameDictionary customers() {
            return customers;
        }

        /**
         * The touchpoint dictionary ({@link #addIds}); read-only by contract.
         *
         * @return the dictionary
         */
        public NameDictionary touchpoints() {
            return touchpoints;
        }

        /**
         * The outcome dictionary ({@link #addIds}); read-only by contract.
         *
         * @return the dictionary
         */
        public NameDictionary outcomes() {
            return outcomes;
        }

        /**
         * The case-id dictionary ({@link #addIds}); read-only by contract.
         *
         * @return the dictionary
         */
        public NameDictionary cases() {
            return cases;
        }

        /**
         * The segment dictionary ({@link #addIds}); read-only by contract.
         *
         * @return the dictionary
         */
        public NameDictionary segments() {
            return segments;
        }

        /**
         * The id of a channel among this builder's channels ({@link #addIds}), or −1 when no event
         * added so far has it.
         *
         * @param channel the channel
         * @return its id or −1
         * @throws NullPointerException if {@code channel} is null
         */
        public int channelId(Channel channel) {
            Integer id = channelIds.get(Check.notNull(channel, "channel"));
            return id == null ? NONE : id;
        }

        /**
         * The id of a journey stage among this builder's stages ({@link #addIds}), or −1 when no
         * event added so far has it.
         *
         * @param stage the stage
         * @return its id or −1
         * @throws NullPointerException if {@code stage} is null
         */
        public int stageId(JourneyStage stage) {
            Integer id = stageIds.get(Check.notNull(stage, "stage"));
            return id == null ? NONE : id;
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

        /** Buffered events that fill the budget: what the buffer, its customer column and the sort take. */
        private void updateSpillAt() {
            if (budget == Long.MAX_VALUE) {
                return;
            }
            long perEvent = 2L * buffer.columns().bytesPerEvent() + 4 + EventBuffer.SORT_BYTES;
            spillAt = Math.max(1, budget / perEvent);
        }

        /** Writes the buffer as a sorted run and empties it; merges runs once {@link #FAN_IN} share a level. */
        private void spill() {
            if (buffer.size() == 0) {
                return;
            }
            if (runs == null) {
                Path dir = tempDirectory != null ? tempDirectory : Path.of(System.getProperty("java.io.tmpdir"));
                runs = new SpillRuns.Files(dir);
                cleanable = CLEANER.register(this, runs);
            }
            try {
                int[] rank = buffer.ranks();
                EventBuffer.Sorted sorted = buffer.sort(rank);
                int[] start = sorted.start;
                int[] order = buffer.customerOrder();
                EventColumns cols = buffer.columns();
                long[] optional = cols.withOptional();
                try (SpillRuns.Writer w = new SpillRuns.Writer(runs.directory, spilledBytes)) {
                    runs.add(w.file(), 0);
                    for (int r = 0; r < rank.length; r++) {
                        if (start[r + 1] > start[r]) {
                            w.block(order[r], start[r + 1] - start[r]);
                            for (int k = start[r]; k < start[r + 1]; k++) {
                                w.event(sorted, k, cols, optional);
                            }
                        }
                    }
                }
                buffer.clear();
                runs.mergeTail(FAN_IN, rank, spilledBytes);
            } catch (RuntimeException e) {
                broken = e.toString();
                close();
                throw e;
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
         * Sorts the events into a log: in memory when nothing was spilled, else spills the rest and
         * returns a spilled log over the runs. The builder cannot be used afterwards.
         *
         * @return the log
         * @throws IllegalStateException if the builder was already built or closed
         * @throws UncheckedIOException if a run cannot be written (naming the temp directory)
         */
        public EventLog build() {
            usable();
            built = true;
            if (runs == null) {
                int[] rank = buffer.ranks();
                EventColumns cols = buffer.columns();
                long[] optional = cols.withOptional();
                EventBuffer.Sorted s = buffer.sort(rank);
                EventColumns sorted = new EventColumns();
                for (int k = 0; k < s.time.length; k++) {
                    sorted.addFrom(s, k, cols, optional);
                }
                int[] order = buffer.customerOrder();
                buffer = null;
                return new EventLog(this, new Segment(sorted, s.start, order), null, null);
            }
            spill();
            SpillRuns.Files owned = new SpillRuns.Files(runs.directory);
            for (int k = 0; k < runs.files.size(); k++) {
                owned.add(runs.files.get(k), runs.levels.get(k));
            }
            runs.handedOver = true;
            int[] rank = buffer.ranks();
            buffer = null;
            return new EventLog(this, null, owned, rank);
        }

        private void usable() {
            if (built) {
                throw new IllegalStateException("the event log was already built; start a new builder");
            }
            if (broken != null) {
                throw new IllegalStateException("the event log builder failed and was closed: " + broken);
            }
        }

        /**
         * Deletes the runs spilled so far unless {@link #build()} handed them to a log; a builder
         * that never spilled has nothing to close. Idempotent.
         */
        @Override
        public void close() {
            if (cleanable != null) {
                cleanable.clean();
            }
        }

        /**
         * Returns e.g. {@code EventLog.Builder[2000000 events, 1200000 buffered, 3 runs]}.
         *
         * @return a short description
         */
        @Override
        public String toString() {
            return "EventLog.Builder[" + size + " events, " + (buffer == null ? 0 : buffer.size()) + " buffered, "
                    + (runs == null ? 0 : runs.files.size()) + " runs]";
        }
    }
}
