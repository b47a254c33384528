package io.cxkit.journey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSketch;
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
    private final TreeMap<String, long[]> outcomes = new TreeMap<>();
    private final TreeMap<String, long[]> stages = new TreeMap<>();

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
        journeys++;
        duration.accept(j.duration().toMillis() / 1000.0);
        touchpoints.accept(j.touchpointCount());
        if (j.channelSwitches() > 0) {
            withSwitch++;
        }
        if (j.crossChannelRecontacts() > 0) {
            withRecontact++;
        }
        if (j.loops() > 0) {
            withLoop++;
        }
        j.outcome().ifPresent(o -> outcomes.computeIfAbsent(o, k -> new long[1])[0]++);
        for (JourneyStage s : j.stagesReached()) {
            stages.computeIfAbsent(s.name(), k -> new long[1])[0]++;
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
        other.outcomes.forEach((k, v) -> outcomes.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        other.stages.forEach((k, v) -> stages.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        return this;
    }

    private static Map<String, Long> counts(TreeMap<String, long[]> m) {
        TreeMap<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    @Override
    public JourneySummaryResult result() {
        return new JourneySummaryResult(journeys, duration.summary(), touchpoints.summary(),
                ProportionEstimate.of(withSwitch, journeys), ProportionEstimate.of(withRecontact, journeys),
                ProportionEstimate.of(withLoop, journeys), counts(outcomes), counts(stages));
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
        for (TreeMap<String, long[]> m : java.util.List.of(outcomes, stages)) {
            w.putInt(m.size());
            m.forEach((k, v) -> w.putString(k).putLong(v[0]));
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
            throw in.corrupt("has counts " + java.util.Arrays.toString(c)
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
        for (TreeMap<String, long[]> m : java.util.List.of(s.outcomes, s.stages)) {
            int n = in.getSize("name count", 12);
            for (int i = 0; i < n; i++) {
                String name = in.getString();
                long count = in.getCount("count of " + name);
                if (name.isBlank() || count == 0 || count > s.journeys || m.put(name, new long[] {count}) != null) {
                    throw in.corrupt("has a blank, repeated or impossible entry '" + name + "' = " + count + " for "
                            + s.journeys + " journeys");
                }
                if (m == s.outcomes) {
                    outcomeTotal += count;
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
