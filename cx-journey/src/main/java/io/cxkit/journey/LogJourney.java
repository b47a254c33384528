package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.core.JourneyStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One journey as a view over an {@link EventLog}: events {@code 0 … size()−1} in time order, read
 * column by column as ids (touchpoint, channel, stage, outcome) and primitives (time, value). The
 * analyses read this view, so counting a journey allocates nothing. {@link EventLog#forEachJourney}
 * reuses one view for every journey: copy out what you keep, or call {@link #toCustomerJourney()}.
 *
 * <p>Absent fields read as {@link #NONE} (ids) and {@code NaN} (value).
 */
public final class LogJourney {
    /** The id an absent stage, outcome or case reads as: {@value}. */
    public static final int NONE = EventLog.NONE;

    private final EventLog log;
    private EventColumns cols;
    private int customer;
    private int caseIndex;
    private int[] positions;
    private int from;
    private int size;

    LogJourney(EventLog log) {
        this.log = log;
    }

    void set(EventColumns cols, int customer, int caseIndex, int[] positions, int from, int to) {
        this.cols = cols;
        this.customer = customer;
        this.caseIndex = caseIndex;
        this.positions = positions;
        this.from = from;
        this.size = to - from;
    }

    private int at(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("journey event index must be in [0, " + size + "): " + i);
        }
        return positions == null ? from + i : positions[from + i];
    }

    /**
     * The log this journey reads; its dictionaries name the ids.
     *
     * @return the log
     */
    public EventLog log() {
        return log;
    }

    /**
     * The number of events, at least 1.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * The customer's id in {@link EventLog#customers()}.
     *
     * @return the id
     */
    public int customer() {
        return customer;
    }

    /**
     * The customer.
     *
     * @return the customer id
     */
    public String customerId() {
        return log.customers().name(customer);
    }

    /**
     * The case id's index in {@link EventLog#cases()} when the journey was cut by case and has one,
     * else {@link #NONE}.
     *
     * @return the index or NONE
     */
    public int caseIdIndex() {
        return caseIndex;
    }

    /**
     * The case id when the journey was cut by case and its events have one.
     *
     * @return the case id, or empty
     */
    public Optional<String> caseId() {
        return caseIndex == NONE ? Optional.empty() : Optional.of(log.cases().name(caseIndex));
    }

    /**
     * Event {@code i}'s time in nanoseconds since the epoch.
     *
     * @param i the event index
     * @return the time
     */
    public long timeNanos(int i) {
        return cols.timeAt(at(i));
    }

    /**
     * Event {@code i}'s time in whole milliseconds since the epoch (rounded down), the resolution
     * funnel windows and inactivity gaps are compared at.
     *
     * @param i the event index
     * @return the time
     */
    public long timeMillis(int i) {
        return EventLog.millis(cols.timeAt(at(i)));
    }

    /**
     * Event {@code i}'s time.
     *
     * @param i the event index
     * @return the time
     */
    public Instant time(int i) {
        return EventLog.instant(cols.timeAt(at(i)));
    }

    /**
     * Event {@code i}'s touchpoint id in {@link EventLog#touchpoints()}.
     *
     * @param i the event index
     * @return the id
     */
    public int touchpoint(int i) {
        return cols.touchpointAt(at(i));
    }

    /**
     * Event {@code i}'s touchpoint.
     *
     * @param i the event index
     * @return the touchpoint name
     */
    public String touchpointName(int i) {
        return log.touchpoints().name(touchpoint(i));
    }

    /**
     * Event {@code i}'s channel id in {@link EventLog#channels()}.
     *
     * @param i the event index
     * @return the id
     */
    public int channel(int i) {
        return cols.channelAt(at(i));
    }

    /**
     * Event {@code i}'s stage id in {@link EventLog#stages()}, or {@link #NONE}.
     *
     * @param i the event index
     * @return the id or NONE
     */
    public int stage(int i) {
        return cols.stageAt(at(i));
    }

    /**
     * Event {@code i}'s outcome id in {@link EventLog#outcomes()}, or {@link #NONE}.
     *
     * @param i the event index
     * @return the id or NONE
     */
    public int outcome(int i) {
        return cols.outcomeAt(at(i));
    }

    /**
     * Event {@code i}'s value, or {@code NaN} when it has none.
     *
     * @param i the event index
     * @return the value or NaN
     */
    public double value(int i) {
        return cols.valueAt(at(i));
    }

    /**
     * The journey's segment: the segment id in {@link EventLog#segments()} of its first event, or
     * {@link #NONE} when that event has none.
     *
     * @return the id or NONE
     */
    public int segment() {
        return cols.segmentAt(at(0));
    }

    /**
     * The journey's segment name (its first event's), when it has one.
     *
     * @return the segment, or empty
     */
    public Optional<String> segmentName() {
        int g = segment();
        return g == NONE ? Optional.empty() : Optional.of(log.segments().name(g));
    }

    /**
     * The journey's outcome: the outcome id of its last event that has one, or {@link #NONE}.
     *
     * @return the id or NONE
     */
    public int outcome() {
        for (int i = size - 1; i >= 0; i--) {
            int o = outcome(i);
            if (o != NONE) {
                return o;
            }
        }
        return NONE;
    }

    /**
     * Event {@code i} as an object (allocates; for predicates and output, not for counting).
     *
     * @param i the event index
     * @return the event
     */
    public JourneyEvent event(int i) {
        int e = at(i);
        int st = cols.stageAt(e);
        int o = cols.outcomeAt(e);
        double v = cols.valueAt(e);
        int c = cols.caseAt(e);
        Channel ch = log.channels().get(cols.channelAt(e));
        Optional<JourneyStage> stage = st == NONE ? Optional.empty() : Optional.of(log.stages().get(st));
        return new JourneyEvent(customerId(), EventLog.instant(cols.timeAt(e)), log.touchpoints().name(cols.touchpointAt(e)),
                ch, stage, o == NONE ? Optional.empty() : Optional.of(log.outcomes().name(o)),
                Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v),
                c == NONE ? Optional.empty() : Optional.of(log.cases().name(c)));
    }

    /**
     * This journey as an object, equal to the one {@link JourneyBuilder#build} makes.
     *
     * @return a new journey
     */
    public CustomerJourney toCustomerJourney() {
        List<JourneyEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(event(i));
        }
        return new CustomerJourney(customerId(), caseId(), events, CustomerJourney.lastOutcome(events));
    }

    /**
     * Returns e.g. {@code LogJourney[c1, 3 events]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "LogJourney[" + customerId() + caseId().map(c -> " case " + c).orElse("") + ", " + size + " events]";
    }
}
