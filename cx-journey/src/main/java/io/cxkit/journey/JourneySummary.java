package io.cxkit.journey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.NameDictionary;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSketch;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mergeable summary of many journeys' facts: duration and touchpoint-count distributions, the
 * share of journeys with a channel switch, a cross-channel re-contact or a loop, and how many
 * journeys reached each stage and ended in each outcome (see {@link CustomerJourney} for the
 * facts).
 *
 * <pre>{@code
 * JourneySummary s = JourneySummary.create();
 * journeys.forEach(s::accept);
 * s.result();   // Journeys[n=120, duration median 3.2 h, ..., channel switch 41.7% [...]]
 * }</pre>
 *
 * <p>{@link #accept(LogJourney)} reads a journey of an {@link EventLog} without allocating per
 * event: the facts are counted over the journey's ids (distinct touchpoints and stages by a stamp
 * per id, resolving outcomes matched once per log), outcome and stage counts sit in arrays indexed
 * by the summary's own name ids, and names are compared only in results, encodings and combines.
 * {@link #accept(CustomerJourney)} counts the same facts through the same code.
 */
public final class JourneySummary implements Accumulator<JourneySummary, JourneySummaryResult> {
    /** Encoding type name. */
    public static final String TYPE = "journey-summary";

    private long journeys;
    private long withSwitch;
    private long withRecontact;
    private long withLoop;
    private final QuantileSketch duration = QuantileSketch.create();
    private final QuantileSketch touchpoints = QuantileSketch.create();
    /** Journey outcomes and stages reached, by name id, with their journey counts. */
    private final NameDictionary outcomes = new NameDictionary();
    private long[] outcomeCount = new long[8];
    private final NameDictionary stages = new NameDictionary();
    private long[] stageCount = new long[8];
    /** Per journey scratch: the summary's ids of the stages reached. */
    private int[] reached = new int[8];
    /** The log last read: its outcome and stage ids here, resolving outcomes, and stamps per touchpoint and stage. */
    private EventLog log;
    private int[] logOutcome;
    private boolean[] logResolves;
    private int[] logStage;
    private int[] touchpointStamp;
    private int[] stageStamp;
    private int stamp;

    private JourneySummary() {
    }

    /**
     * An empty summary.
     *
     * @return a new accumulator
     */
    public static JourneySummary create() {
        return new JourneySummary();
    }

    /**
     * Adds one journey.
     *
     * @param j the journey
     */
    public void accept(CustomerJourney j) {
        Check.notNull(j, "journey");
        List<JourneyStage> st = j.stagesReached();
        if (st.size() > reached.length) {
            reached = new int[Math.max(st.size(), reached.length * 2)];
        }
        for (int i = 0; i < st.size(); i++) {
            reached[i] = stageId(st.get(i).name());
        }
        add(j.duration().toMillis(), j.touchpointCount(), j.channelSwitches() > 0, j.crossChannelRecontacts() > 0,
                j.loops() > 0, j.outcome().map(this::outcomeId).orElse(LogJourney.NONE), st.size());
    }

    /**
     * Adds one journey of an event log, counting the facts {@link #accept(CustomerJourney)} counts for
     * {@code journey.toCustomerJourney()} (a cross-channel re-contact after an outcome other than
     * {@value CustomerJourney#RESOLVED}, compared case-insensitively).
     *
     * @param journey the journey view (read now, not kept)
     * @throws NullPointerException if the journey is null
     */
    public void accept(LogJourney journey) {
        Check.notNull(journey, "journey");
        bind(journey.log());
        int m = journey.size();
        if (++stamp == 0) {
            Arrays.fill(touchpointStamp, 0);
            Arrays.fill(stageStamp, 0);
            stamp = 1;
        }
        boolean switched = false;
        boolean recontact = false;
        boolean loop = false;
        int stageCountHere = 0;
        for (int i = 0; i < m; i++) {
            int t = journey.touchpoint(i);
            loop |= touchpointStamp[t] == stamp;
            touchpointStamp[t] = stamp;
            int s = journey.stage(i);
            if (s != LogJourney.NONE && stageStamp[s] != stamp) {
                stageStamp[s] = stamp;
                if (logStage[s] == LogJourney.NONE) {
                    logStage[s] = stageId(log.stages().get(s).name());
                }
                if (stageCountHere == reached.length) {
                    reached = Arrays.copyOf(reached, reached.length * 2);
                }
                reached[stageCountHere++] = logStage[s];
            }
            if (i > 0 && journey.channel(i) != journey.channel(i - 1)) {
                switched = true;
                int o = journey.outcome(i - 1);
                recontact |= o == LogJourney.NONE || !logResolves[o];
            }
        }
        int o = journey.outcome();
        if (o != LogJourney.NONE && logOutcome[o] == LogJourney.NONE) {
            logOutcome[o] = outcomeId(log.outcomes().name(o));
        }
        long millis = (journey.timeNanos(m - 1) - journey.timeNanos(0)) / 1_000_000L;
        add(millis, m, switched, recontact, loop, o == LogJourney.NONE ? LogJourney.NONE : logOutcome[o],
                stageCountHere);
    }

    private void bind(EventLog journeyLog) {
        if (journeyLog == log) {
            return;
        }
        log = journeyLog;
        logOutcome = new int[log.outcomes().size()];
        logResolves = new boolean[logOutcome.length];
        Arrays.fill(logOutcome, LogJourney.NONE);
        for (int o = 0; o < logOutcome.length; o++) {
            logResolves[o] = log.outcomes().name(o).toLowerCase(Locale.ROOT).equals(CustomerJourney.RESOLVED);
        }
        logStage = new int[log.stages().size()];
        Arrays.fill(logStage, LogJourney.NONE);
        touchpointStamp = new int[log.touchpoints().size()];
        stageStamp = new int[logStage.length];
        stamp = 0;
    }

    private int outcomeId(String name) {
        int id = outcomes.idOf(name);
        if (id == outcomeCount.length) {
            outcomeCount = Arrays.copyOf(outcomeCount, id * 2);
        }
        return id;
    }

    private int stageId(String name) {
        int id = stages.idOf(name);
        if (id == stageCount.length) {
            stageCount = Arrays.copyOf(stageCount, id * 2);
        }
        return id;
    }

    /** The one implementation: a journey's facts, its outcome id (or NONE) and {@code reached[0, stagesReached)}. */
    private void add(long durationMillis, int touchpointCount, boolean switched, boolean recontact, boolean loop,
            int outcome, int stagesReached) {
        journeys++;
        duration.accept(durationMillis / 1000.0);
        touchpoints.accept(touchpointCount);
        if (switched) {
            withSwitch++;
        }
        if (recontact) {
            withRecontact++;
        }
        if (loop) {
            withLoop++;
        }
        if (outcome != LogJourney.NONE) {
            outcomeCount[outcome]++;
        }
        for (int i = 0; i < stagesReached; i++) {
            stageCount[reached[i]]++;
        }
    }

    @Override
    public JourneySummary combine(JourneySummary other) {
        Check.notNull(other, "other");
        // every count is at most the journey count, so one check covers them all
        journeys = ExactCounts.checkAdd(journeys, other.journeys, "journey count");
        withSwitch += other.withSwitch;
        withRecontact += other.withRecontact;
        withLoop += other.withLoop;
        duration.combine(other.duration);
        touchpoints.combine(other.touchpoints);
        for (int o = 0; o < other.outcomes.size(); o++) {
            outcomeCount[outcomeId(other.outcomes.name(o))] += other.outcomeCount[o];
        }
        for (int s = 0; s < other.stages.size(); s++) {
            stageCount[stageId(other.stages.name(s))] += other.stageCount[s];
        }
        return this;
    }

    /** Name to count, in name order, leaving out names counted 0 times. */
    private static TreeMap<String, Long> counts(NameDictionary names, long[] counts) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (counts[i] > 0) {
                out.put(names.name(i), counts[i]);
            }
        }
        return out;
    }

    @Override
    public JourneySummaryResult result() {
        return new JourneySummaryResult(journeys, duration.summary(), touchpoints.summary(),
                ProportionEstimate.of(withSwitch, journeys), ProportionEstimate.of(withRecontact, journeys),
                ProportionEstimate.of(withLoop, journeys), counts(outcomes, outcomeCount), counts(stages, stageCount));
    }

    @Override
    public JourneySummary emptyCopy() {
        return new JourneySummary();
    }

    @Override
    public JourneySummary copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 1).putLongs(new long[] {journeys, withSwitch, withRecontact, withLoop})
                .putBytes(duration.encode()).putBytes(touchpoints.encode());
        for (Map<String, Long> m : List.of(counts(outcomes, outcomeCount), counts(stages, stageCount))) {
            w.putInt(m.size());
            m.forEach((k, v) -> w.putString(k).putLong(v));
        }
        return w.toBytes();
    }

    /**
     * Reads a summary written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the summary
     * @throws IllegalArgumentException if the encoding is invalid
     */
    public static JourneySummary decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        JourneySummary s = new JourneySummary();
        long[] c = in.getCounts("journey count");
        if (c.length != 4 || c[1] > c[0] || c[2] > c[0] || c[3] > c[0]) {
            throw in.corrupt("has counts " + Arrays.toString(c)
                    + ", expected 4: journeys, and at most that many with a switch, recontact and loop");
        }
        s.journeys = c[0];
        s.withSwitch = c[1];
        s.withRecontact = c[2];
        s.withLoop = c[3];
        QuantileSketch duration = QuantileSketch.decode(in.getBytes());
        QuantileSketch touchpoints = QuantileSketch.decode(in.getBytes());
        if (duration.n() != s.journeys || touchpoints.n() != s.journeys
                || duration.relativeAccuracy() != s.duration.relativeAccuracy()
                || touchpoints.relativeAccuracy() != s.touchpoints.relativeAccuracy()) {
            throw in.corrupt("has " + duration.n() + " durations and " + touchpoints.n() + " touchpoint counts for "
                    + s.journeys + " journeys");
        }
        s.duration.combine(duration);
        s.touchpoints.combine(touchpoints);
        long outcomeTotal = 0;
        for (int kind = 0; kind < 2; kind++) {
            NameDictionary names = kind == 0 ? s.outcomes : s.stages;
            int n = in.getSize("name count", 12);
            for (int i = 0; i < n; i++) {
                String name = in.getString();
                long count = in.getCount("count of " + name);
                if (name.isBlank() || count == 0 || count > s.journeys || names.find(name) >= 0) {
                    throw in.corrupt("has a blank, repeated or impossible entry '" + name + "' = " + count + " for "
                            + s.journeys + " journeys");
                }
                if (kind == 0) {
                    s.outcomeCount[s.outcomeId(name)] = count;
                    outcomeTotal += count;
                } else {
                    s.stageCount[s.stageId(name)] = count;
                }
            }
        }
        if (outcomeTotal > s.journeys) {
            throw in.corrupt("has " + outcomeTotal + " outcomes for " + s.journeys + " journeys (one at most each)");
        }
        in.end();
        return s;
    }

    /**
     * Returns e.g. {@code JourneySummary[120 journeys]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "JourneySummary[" + journeys + " journeys]";
    }
}
