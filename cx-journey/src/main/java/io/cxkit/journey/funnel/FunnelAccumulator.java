package io.cxkit.journey.funnel;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSketch;
import io.cxkit.core.QuantileSummary;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import io.cxkit.journey.LogJourney;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mergeable funnel counts: journeys offered, journeys reaching each step, and sketches of the
 * time from step to step and from the first step (seconds). See {@link Funnel} for the semantics.
 *
 * <p>One matcher serves both entry points. {@link #accept(LogJourney)} gives it the journey's
 * events in the log's columns, with the touchpoint, stage and outcome steps compiled to the ids of
 * the journey's {@link EventLog} once per log (a step naming something the log never holds matches
 * nothing): it compares ints and allocates nothing per journey or event; only a
 * {@link FunnelStep#of(String, java.util.function.Predicate) predicate step} builds the
 * {@link JourneyEvent} it tests. {@link #accept(CustomerJourney)} gives it the journey's event
 * objects, tested with {@link FunnelStep#matches}. {@link #acceptReached(int, long[])} is the
 * primitive entry for callers that match steps themselves. Combining requires the same funnel
 * definition (mode, window and steps). The encoding carries the definition with the counts and
 * sketches, so {@link #decode(byte[])} rebuilds the funnel; a funnel with a predicate step, which
 * no encoding can carry, is decoded with {@link #decode(byte[], Funnel)}, which also reads cxkit
 * 0.1's encodings.
 *
 * <p><b>Size.</b> About 550 lines because the matcher (three modes, the window, two event sources)
 * and the encoding (definition, counts, sketches, two decodes) share the accumulator's private
 * arrays; split apart, each half would need the other's internals.
 *
 * <p>Not thread-safe; count in one accumulator per thread and {@link #combine} them
 * ({@link Funnel#run(EventLog, JourneyBuilder, int)} does).
 */
public final class FunnelAccumulator implements Accumulator<FunnelAccumulator, FunnelResult> {
    /** Encoding type name. */
    public static final String TYPE = "funnel";

    private static final int TOUCHPOINT = 0;
    private static final int STAGE = 1;
    private static final int OUTCOME = 2;
    private static final int PREDICATE = 3;
    /** The compiled id of a step whose target the log never holds: no event id equals it. */
    private static final int ABSENT = Integer.MIN_VALUE;
    private static final long UNSEEN = Long.MIN_VALUE;

    private final Funnel funnel;
    private final int k;
    private long journeys;
    private final long[] reached;
    private final QuantileSketch[] fromPrevious;
    private final QuantileSketch[] fromFirst;
    private final long[] scratch;
    private final boolean anyOrder;
    private final boolean strict;
    private final long windowMillis;
    private final int[] kind;
    private final LogEvents logEvents;
    private final ObjectEvents objectEvents;

    FunnelAccumulator(Funnel funnel) {
        this.funnel = funnel;
        this.k = funnel.steps().size();
        this.reached = new long[k];
        this.fromPrevious = new QuantileSketch[k];
        this.fromFirst = new QuantileSketch[k];
        for (int s = 0; s < k; s++) {
            fromPrevious[s] = QuantileSketch.create();
            fromFirst[s] = QuantileSketch.create();
        }
        this.scratch = new long[k];
        this.anyOrder = funnel.mode() == FunnelMode.ANY_ORDER;
        this.strict = funnel.mode() == FunnelMode.STRICT;
        this.windowMillis = funnel.windowMillis();
        this.kind = new int[k];
        for (int s = 0; s < k; s++) {
            kind[s] = switch (funnel.steps().get(s).kind()) {
                case "touchpoint" -> TOUCHPOINT;
                case "stage" -> STAGE;
                case "outcome" -> OUTCOME;
                default -> PREDICATE;
            };
        }
        this.logEvents = new LogEvents();
        this.objectEvents = new ObjectEvents();
    }

    /**
     * The funnel this accumulator counts.
     *
     * @return the funnel
     */
    public Funnel funnel() {
        return funnel;
    }

    /**
     * Counts one journey: the same matching as {@link #accept(LogJourney)}, over the journey's
     * event objects (times in {@link java.time.Instant#toEpochMilli() epoch milliseconds}).
     *
     * @param journey the journey
     * @throws NullPointerException if {@code journey} is null
     */
    public void accept(CustomerJourney journey) {
        Check.notNull(journey, "journey");
        objectEvents.events = journey.events();
        int depth = match(objectEvents);
        objectEvents.events = null; // not kept
        acceptReached(depth, scratch);
    }

    /**
     * Counts one journey of an event log, allocating nothing unless a predicate step builds the
     * events it tests. Event times are compared in whole epoch milliseconds
     * ({@link LogJourney#timeMillis(int)}).
     *
     * @param journey the journey view (read now, not kept)
     * @throws NullPointerException if {@code journey} is null
     */
    public void accept(LogJourney journey) {
        Check.notNull(journey, "journey");
        logEvents.set(journey);
        acceptReached(match(logEvents), scratch);
    }

    /** The events the matcher reads: one journey's, from a log's columns or from objects. */
    private abstract static class Events {
        abstract int size();

        abstract long timeMillis(int i);

        /** Whether event {@code i} reaches step {@code s}. */
        abstract boolean matches(int s, int i);
    }

    /** A journey of an event log, the steps compiled to the log's ids. */
    private final class LogEvents extends Events {
        private final int[] target = new int[k];
        private EventLog compiledFor;
        private LogJourney j;
        private int eventIndex; // the predicate steps' event cache: index in the current journey
        private JourneyEvent event;

        void set(LogJourney journey) {
            if (journey.log() != compiledFor) {
                compile(journey.log());
            }
            j = journey;
            eventIndex = -1;
            event = null;
        }

        /** Resolves each step's target to the log's id for it (ABSENT when the log never holds it). */
        private void compile(EventLog log) {
            for (int s = 0; s < k; s++) {
                FunnelStep step = funnel.steps().get(s);
                int id = switch (kind[s]) {
                    case TOUCHPOINT -> log.touchpoints().find(step.target());
                    case OUTCOME -> log.outcomes().find(step.target());
                    case STAGE -> stageId(log, step);
                    default -> 0;
                };
                target[s] = id < 0 ? ABSENT : id;
            }
            compiledFor = log;
        }

        @Override
        int size() {
            return j.size();
        }

        @Override
        long timeMillis(int i) {
            return j.timeMillis(i);
        }

        @Override
        boolean matches(int s, int i) {
            switch (kind[s]) {
                case TOUCHPOINT:
                    return j.touchpoint(i) == target[s];
                case STAGE:
                    return j.stage(i) == target[s];
                case OUTCOME:
                    return j.outcome(i) == target[s];
                default:
                    if (eventIndex != i) {
                        event = j.event(i);
                        eventIndex = i;
                    }
                    return funnel.steps().get(s).matches(event);
            }
        }
    }

    /** The log's id of the step's stage (stages are equal by name and order), or -1. */
    private static int stageId(EventLog log, FunnelStep step) {
        for (int id = 0; id < log.stages().size(); id++) {
            JourneyStage st = log.stages().get(id);
            if (st.name().equals(step.target()) && st.order() == step.stageOrder()) {
                return id;
            }
        }
        return -1;
    }

    /** A journey's event objects. */
    private final class ObjectEvents extends Events {
        private List<JourneyEvent> events;

        @Override
        int size() {
            return events.size();
        }

        @Override
        long timeMillis(int i) {
            return events.get(i).time().toEpochMilli();
        }

        @Override
        boolean matches(int s, int i) {
            return funnel.steps().get(s).matches(events.get(i));
        }
    }

    /** Fills {@code scratch} with the epoch-millisecond time each step was reached; returns the depth. */
    private int match(Events j) {
        return anyOrder ? matchAnyOrder(j) : matchInOrder(j);
    }

    /** ORDERED and STRICT: the first event matching step 0 anchors; later steps in order. */
    private int matchInOrder(Events j) {
        int n = j.size();
        int anchor = 0;
        while (anchor < n && !j.matches(0, anchor)) {
            anchor++;
        }
        if (anchor == n) {
            return 0;
        }
        long t0 = j.timeMillis(anchor);
        long deadline = deadline(t0);
        scratch[0] = t0;
        int s = 1;
        for (int i = anchor + 1; i < n && s < k; i++) {
            long t = j.timeMillis(i);
            if (t > deadline) {
                break;
            }
            if (j.matches(s, i)) {
                scratch[s++] = t;
            } else if (strict) {
                break;
            }
        }
        return s;
    }

    /**
     * ANY_ORDER: the first event matching any step anchors; each step at its first occurrence
     * within the window; step s is reached when steps 0..s all occurred, at the latest of them.
     */
    private int matchAnyOrder(Events j) {
        int n = j.size();
        int anchor = -1;
        for (int i = 0; i < n && anchor < 0; i++) {
            for (int s = 0; s < k; s++) {
                if (j.matches(s, i)) {
                    anchor = i;
                    break;
                }
            }
        }
        if (anchor < 0) {
            return 0;
        }
        long deadline = deadline(j.timeMillis(anchor));
        Arrays.fill(scratch, UNSEEN);
        for (int i = anchor; i < n; i++) {
            long t = j.timeMillis(i);
            if (t > deadline) {
                break;
            }
            for (int s = 0; s < k; s++) {
                if (scratch[s] == UNSEEN && j.matches(s, i)) {
                    scratch[s] = t;
                }
            }
        }
        int depth = 0;
        long done = UNSEEN;
        while (depth < k && scratch[depth] != UNSEEN) {
            done = Math.max(done, scratch[depth]);
            scratch[depth] = done; // the prefix completes when its last step occurs
            depth++;
        }
        return depth;
    }

    private long deadline(long t0) {
        return t0 > 0 && windowMillis > Long.MAX_VALUE - t0 ? Long.MAX_VALUE : t0 + windowMillis;
    }

    /**
     * Counts one journey that reached {@code depth} steps at the given times.
     *
     * @param depth steps reached, in [0, number of steps]
     * @param stepTimesMillis epoch milliseconds at which steps {@code 0..depth−1} were reached,
     *     non-decreasing
     * @throws IllegalArgumentException if the depth is out of range or the times decrease
     */
    public void acceptReached(int depth, long[] stepTimesMillis) {
        if (depth < 0 || depth > k) {
            throw new IllegalArgumentException("funnel depth must be in [0, " + k + "]: " + depth);
        }
        if (stepTimesMillis == null || stepTimesMillis.length < depth) {
            throw new IllegalArgumentException("funnel step times must have at least depth=" + depth
                    + " entries: " + (stepTimesMillis == null ? "null" : stepTimesMillis.length));
        }
        for (int s = 1; s < depth; s++) {
            if (stepTimesMillis[s] < stepTimesMillis[s - 1]) {
                throw new IllegalArgumentException("funnel step times must not decrease: step " + s
                        + " at " + stepTimesMillis[s] + " before step " + (s - 1) + " at "
                        + stepTimesMillis[s - 1]);
            }
        }
        journeys++;
        for (int s = 0; s < depth; s++) {
            reached[s]++;
            if (s > 0) {
                fromPrevious[s].accept((stepTimesMillis[s] - stepTimesMillis[s - 1]) / 1000.0);
                fromFirst[s].accept((stepTimesMillis[s] - stepTimesMillis[0]) / 1000.0);
            }
        }
    }

    /**
     * Journeys counted so far (entered or not).
     *
     * @return the count
     */
    public long journeys() {
        return journeys;
    }

    @Override
    public FunnelAccumulator combine(FunnelAccumulator other) {
        Check.notNull(other, "other");
        if (!funnel.signature().equals(other.funnel.signature())) {
            throw new IncompatibleAccumulatorException("cannot combine funnels with different definitions: "
                    + funnel.signature() + " vs " + other.funnel.signature());
        }
        // reached[s] <= journeys and every sketch holds reached[s] values, so one check covers all
        journeys = ExactCounts.checkAdd(journeys, other.journeys, "funnel journey count");
        for (int s = 0; s < k; s++) {
            reached[s] += other.reached[s];
            fromPrevious[s].combine(other.fromPrevious[s]);
            fromFirst[s].combine(other.fromFirst[s]);
        }
        return this;
    }

    @Override
    public FunnelResult result() {
        List<FunnelStepResult> out = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            long entered = reached[s];
            long converted = s + 1 < k ? reached[s + 1] : entered;
            ProportionEstimate prev = ProportionEstimate.of(entered, s == 0 ? journeys : reached[s - 1]);
            ProportionEstimate first = ProportionEstimate.of(entered, reached[0]);
            QuantileSummary tPrev = fromPrevious[s].summary();
            QuantileSummary tFirst = fromFirst[s].summary();
            out.add(new FunnelStepResult(funnel.steps().get(s).name(), s, entered, converted,
                    entered - converted, prev, first, tPrev, tFirst));
        }
        return new FunnelResult(funnel.mode(), funnel.window(), journeys, out);
    }

    @Override
    public FunnelAccumulator emptyCopy() {
        return new FunnelAccumulator(funnel);
    }

    @Override
    public FunnelAccumulator copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 2).putString(funnel.signature())
                .putString(funnel.mode().name()).putBoolean(funnel.window().isPresent());
        funnel.window().ifPresent(d -> w.putLong(d.getSeconds()).putInt(d.getNano()));
        w.putInt(k);
        for (FunnelStep step : funnel.steps()) {
            w.putString(step.kind()).putString(step.name());
            if (step.kind().equals("stage")) {
                w.putInt(step.stageOrder());
            }
        }
        w.putLong(journeys).putLongs(reached);
        for (int s = 0; s < k; s++) {
            w.putBytes(fromPrevious[s].encode()).putBytes(fromFirst[s].encode());
        }
        return w.toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}, with the funnel definition the encoding
     * carries (mode, window and steps). A step made by {@link FunnelStep#of(String, java.util.function.Predicate)} is a predicate,
     * which no encoding can carry: decode such an accumulator, and encodings written by cxkit 0.1
     * (payload version 1, which carry only a signature of the definition), with
     * {@link #decode(byte[], Funnel)}.
     *
     * @param bytes the encoding
     * @return the accumulator
     * @throws CorruptEncodingException if the encoding is invalid, of version 1, or has a predicate
     *     step
     */
    public static FunnelAccumulator decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 2);
        if (in.payloadVersion() < 2) {
            throw in.corrupt("has payload version " + in.payloadVersion() + ", which does not carry the funnel"
                    + " definition: decode it with decode(bytes, funnel)");
        }
        String sig = in.getString();
        Funnel funnel = readDefinition(in, null);
        if (!sig.equals(funnel.signature())) {
            throw in.corrupt("has a signature that does not match its definition: " + sig + " vs " + funnel.signature());
        }
        return readCounts(in, funnel);
    }

    /**
     * Reads an accumulator written by {@link #encode()}, or by cxkit 0.1, for the given funnel; the
     * encoding's definition must be the funnel's (mode, window, step kinds and names; a predicate step
     * is matched by name, since predicates cannot be encoded).
     *
     * @param bytes the encoding
     * @param funnel the funnel it was made with
     * @return the accumulator
     * @throws CorruptEncodingException if the encoding is invalid or was made with another funnel
     * @throws NullPointerException if {@code funnel} is null
     */
    public static FunnelAccumulator decode(byte[] bytes, Funnel funnel) {
        Check.notNull(funnel, "funnel");
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 2);
        String sig = in.getString();
        if (!sig.equals(funnel.signature())) {
            throw in.corrupt("has a different funnel definition: " + sig + " vs " + funnel.signature());
        }
        if (in.payloadVersion() >= 2) {
            readDefinition(in, funnel);
        }
        return readCounts(in, funnel);
    }

    /** Reads the definition; with {@code expected}, checks it against that funnel and returns it. */
    private static Funnel readDefinition(Encoding.Reader in, Funnel expected) {
        FunnelMode mode = in.getEnum(FunnelMode.class, "funnel mode");
        Duration window = in.getBoolean() ? in.valid("conversion window", () -> positive(in.getLong(), in.getInt()))
                : null;
        int n = in.getSize("step count", 8);
        Funnel.Builder b = Funnel.builder().mode(mode).window(window);
        for (int s = 0; s < n; s++) {
            String kind = in.getString();
            String name = in.getString();
            FunnelStep step = switch (kind) {
                case "touchpoint" -> in.valid("touchpoint step", () -> FunnelStep.ofTouchpoint(name));
                case "outcome" -> in.valid("outcome step", () -> FunnelStep.ofOutcome(name));
                case "stage" -> {
                    int order = in.getInt();
                    yield in.valid("stage step", () -> FunnelStep.ofStage(JourneyStage.of(name, order)));
                }
                case "predicate" -> {
                    if (expected == null || s >= expected.steps().size()) {
                        throw in.corrupt("has the predicate step '" + name + "', which an encoding cannot carry:"
                                + " decode it with decode(bytes, funnel)");
                    }
                    yield expected.steps().get(s);
                }
                default -> throw in.corrupt("has an unknown step kind '" + kind + "'");
            };
            b.step(step);
        }
        Funnel f = in.valid("funnel definition", b::build);
        if (expected != null && !f.steps().equals(expected.steps())) {
            throw in.corrupt("has different funnel steps: " + f.steps() + " vs " + expected.steps());
        }
        return expected == null ? f : expected;
    }

    private static Duration positive(long seconds, int nanos) {
        if (nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException("nanoseconds must be in [0, 999999999]: " + nanos);
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    private static FunnelAccumulator readCounts(Encoding.Reader in, Funnel funnel) {
        FunnelAccumulator a = new FunnelAccumulator(funnel);
        a.journeys = in.getCount("journey count");
        long[] r = in.getCounts("reached count");
        if (r.length != a.k) {
            throw in.corrupt("has " + r.length + " step counts, expected " + a.k);
        }
        for (int s = 0; s < a.k; s++) {
            if (r[s] > (s == 0 ? a.journeys : r[s - 1])) {
                throw in.corrupt("has step " + (s + 1) + " reached by " + r[s] + ", more than "
                        + (s == 0 ? "the " + a.journeys + " journeys" : "the " + r[s - 1] + " reaching step " + s)
                        + ": reached counts never increase");
            }
        }
        System.arraycopy(r, 0, a.reached, 0, a.k);
        for (int s = 0; s < a.k; s++) {
            QuantileSketch previous = QuantileSketch.decode(in.getBytes());
            QuantileSketch first = QuantileSketch.decode(in.getBytes());
            long expected = s == 0 ? 0 : r[s];
            if (previous.n() != expected || first.n() != expected
                    || previous.relativeAccuracy() != a.fromPrevious[s].relativeAccuracy()
                    || first.relativeAccuracy() != a.fromFirst[s].relativeAccuracy()) {
                throw in.corrupt("has " + previous.n() + " and " + first.n() + " step times for step " + (s + 1)
                        + ", expected " + expected + " (one per journey reaching it after the first)");
            }
            a.fromPrevious[s].combine(previous);
            a.fromFirst[s].combine(first);
        }
        in.end();
        return a;
    }

    /**
     * Returns e.g. {@code FunnelAccumulator[3 steps, 120 journeys, reached [80, 40, 10]]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "FunnelAccumulator[" + k + " steps, " + journeys + " journeys, reached "
                + Arrays.toString(reached) + "]";
    }
}
