package io.cxkit.journey.service;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSketch;
import java.time.Duration;
import java.util.Optional;

/**
 * Mergeable service metrics over ticket-export rows ({@link TicketRecord}, one per ticket): exact
 * counts and quantile sketches (seconds) of first reply, full resolution and requester wait, each in
 * elapsed time and within business hours. Made by {@link ServiceMetrics#recordAccumulator}, which
 * gives the SLA targets; combining requires the same targets and {@link FirstContactRule}.
 *
 * <p><b>Definitions</b> (each rate has a Wilson interval through {@link ProportionEstimate}):
 * <ul>
 *   <li><b>First reply</b>: over tickets with a first-reply value, solved or not.
 *   <li><b>Full resolution</b> and <b>requester wait</b>: over <em>solved</em> tickets with a value;
 *       an unsolved ticket's values are still growing and are left out.
 *   <li><b>First-contact resolution</b>: solved tickets that meet the {@link FirstContactRule}
 *       (0 reopens, or 1 contact) / solved tickets whose deciding value is known.
 *   <li><b>One-touch</b>: solved with at most one agent reply (Zendesk's definition: fewer than two
 *       replies) / solved tickets with a replies value.
 *   <li><b>Reopened</b>: tickets reopened at least once / tickets with a reopens value.
 *   <li><b>SLA attainment</b>: first replies within the target / tickets with a first reply;
 *       resolutions within the target / solved tickets with a resolution, in each time basis. A
 *       target is met when the time is at most the target (compared in whole milliseconds).
 *   <li><b>Satisfaction</b>: counted per {@link TicketSatisfaction}; see
 *       {@link TicketSatisfactionResult}.
 * </ul>
 */
public final class TicketRecordAccumulator implements Accumulator<TicketRecordAccumulator, TicketRecordResult> {
    /** Encoding type name. */
    public static final String TYPE = "ticket-record-metrics";
    private static final int COUNTS = 8 + 2 * Basis.COUNTS + 5;

    private final long frTargetMillis;
    private final long resTargetMillis;
    private final FirstContactRule rule;
    private long tickets;
    private long solved;
    private long reopensKnown;
    private long reopened;
    private long fcrKnown;
    private long fcr;
    private long oneTouchKnown;
    private long oneTouch;
    private final Basis elapsed = new Basis();
    private final Basis business = new Basis();
    private final long[] satisfaction = new long[TicketSatisfaction.values().length];

    /** Times and SLA counts of one time basis. */
    private static final class Basis {
        static final int COUNTS = 2;
        final QuantileSketch firstReply = QuantileSketch.create();
        final QuantileSketch resolution = QuantileSketch.create();
        final QuantileSketch wait = QuantileSketch.create();
        long frWithin;
        long resWithin;

        void accept(TicketTimes t, boolean solved, long frTarget, long resTarget) {
            double fr = t.firstReplySeconds();
            if (!Double.isNaN(fr)) {
                firstReply.accept(fr);
                if (Math.round(fr * 1000) <= frTarget) {
                    frWithin++;
                }
            }
            if (!solved) {
                return;
            }
            double res = t.fullResolutionSeconds();
            if (!Double.isNaN(res)) {
                resolution.accept(res);
                if (Math.round(res * 1000) <= resTarget) {
                    resWithin++;
                }
            }
            double w = t.requesterWaitSeconds();
            if (!Double.isNaN(w)) {
                wait.accept(w);
            }
        }

        void combine(Basis o) {
            firstReply.combine(o.firstReply);
            resolution.combine(o.resolution);
            wait.combine(o.wait);
            frWithin += o.frWithin;
            resWithin += o.resWithin;
        }
    }

    TicketRecordAccumulator(Duration firstResponseTarget, Duration resolutionTarget, FirstContactRule rule) {
        this(firstResponseTarget == null ? -1 : firstResponseTarget.toMillis(),
                resolutionTarget == null ? -1 : resolutionTarget.toMillis(), rule);
    }

    private TicketRecordAccumulator(long frTargetMillis, long resTargetMillis, FirstContactRule rule) {
        Check.notNull(rule, "first-contact rule");
        this.frTargetMillis = frTargetMillis;
        this.resTargetMillis = resTargetMillis;
        this.rule = rule;
    }

    /**
     * The rule that decides first-contact resolution.
     *
     * @return the rule
     */
    public FirstContactRule firstContactRule() {
        return rule;
    }

    /**
     * Adds one ticket.
     *
     * @param t the ticket's row
     * @throws NullPointerException if {@code t} is null
     */
    public void accept(TicketRecord t) {
        Check.notNull(t, "ticket record");
        tickets++;
        boolean s = t.solved();
        if (s) {
            solved++;
            int d = rule.decide(t);
            if (d >= 0) {
                fcrKnown++;
                fcr += d;
            }
            if (t.replies() >= 0) {
                oneTouchKnown++;
                if (t.replies() <= 1) {
                    oneTouch++;
                }
            }
        }
        if (t.reopens() >= 0) {
            reopensKnown++;
            if (t.reopens() > 0) {
                reopened++;
            }
        }
        elapsed.accept(t.elapsed(), s, frTargetMillis, resTargetMillis);
        business.accept(t.businessHours(), s, frTargetMillis, resTargetMillis);
        satisfaction[t.satisfaction().ordinal()]++;
    }

    @Override
    public TicketRecordAccumulator combine(TicketRecordAccumulator other) {
        Check.notNull(other, "other");
        if (frTargetMillis != other.frTargetMillis || resTargetMillis != other.resTargetMillis
                || rule != other.rule) {
            throw new IncompatibleAccumulatorException("cannot combine ticket record metrics with different configurations: "
                    + config() + " vs " + other.config());
        }
        // every count is at most the ticket count, so one check, before anything changes, covers them all
        tickets = ExactCounts.checkAdd(tickets, other.tickets, "ticket count");
        solved += other.solved;
        reopensKnown += other.reopensKnown;
        reopened += other.reopened;
        fcrKnown += other.fcrKnown;
        fcr += other.fcr;
        oneTouchKnown += other.oneTouchKnown;
        oneTouch += other.oneTouch;
        elapsed.combine(other.elapsed);
        business.combine(other.business);
        for (int i = 0; i < satisfaction.length; i++) {
            satisfaction[i] += other.satisfaction[i];
        }
        return this;
    }

    private String config() {
        return "first response target " + (frTargetMillis < 0 ? "none" : Duration.ofMillis(frTargetMillis))
                + ", resolution target " + (resTargetMillis < 0 ? "none" : Duration.ofMillis(resTargetMillis))
                + ", FCR " + rule.description();
    }

    @Override
    public TicketRecordResult result() {
        ProportionEstimate fcrRate = ProportionEstimate.of(fcr, fcrKnown);
        ProportionEstimate reopen = ProportionEstimate.of(reopened, reopensKnown);
        long[] s = satisfaction;
        return new TicketRecordResult(rule, service(elapsed, fcrRate, reopen), service(business, fcrRate, reopen),
                ProportionEstimate.of(oneTouch, oneTouchKnown), new TicketSatisfactionResult(
                        s[TicketSatisfaction.GOOD.ordinal()], s[TicketSatisfaction.BAD.ordinal()],
                        s[TicketSatisfaction.OFFERED.ordinal()], s[TicketSatisfaction.UNOFFERED.ordinal()],
                        s[TicketSatisfaction.NONE.ordinal()]));
    }

    private ServiceMetricsResult service(Basis b, ProportionEstimate fcrRate, ProportionEstimate reopen) {
        Duration frTarget = frTargetMillis < 0 ? null : Duration.ofMillis(frTargetMillis);
        Duration resTarget = resTargetMillis < 0 ? null : Duration.ofMillis(resTargetMillis);
        return new ServiceMetricsResult(tickets, solved, b.firstReply.summary(), b.resolution.summary(), b.wait.summary(),
                fcrRate, ProportionEstimate.empty(), reopen,
                frTarget == null ? ProportionEstimate.empty() : ProportionEstimate.of(b.frWithin, b.firstReply.n()),
                resTarget == null ? ProportionEstimate.empty() : ProportionEstimate.of(b.resWithin, b.resolution.n()),
                Optional.ofNullable(frTarget), Optional.ofNullable(resTarget));
    }

    @Override
    public TicketRecordAccumulator emptyCopy() {
        return new TicketRecordAccumulator(frTargetMillis, resTargetMillis, rule);
    }

    @Override
    public TicketRecordAccumulator copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        long[] c = new long[COUNTS];
        long[] head = {tickets, solved, reopensKnown, reopened, fcrKnown, fcr, oneTouchKnown, oneTouch,
            elapsed.frWithin, elapsed.resWithin, business.frWithin, business.resWithin};
        System.arraycopy(head, 0, c, 0, head.length);
        System.arraycopy(satisfaction, 0, c, head.length, satisfaction.length);
        Encoding.Writer w = Encoding.writer(TYPE, 1).putLong(frTargetMillis).putLong(resTargetMillis)
                .putInt(rule.ordinal()).putLongs(c);
        for (Basis b : new Basis[] {elapsed, business}) {
            w.putBytes(b.firstReply.encode()).putBytes(b.resolution.encode()).putBytes(b.wait.encode());
        }
        return w.toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}, checking that its counts are consistent
     * (none negative; known and successes within their totals; sketch sizes equal to the counts
     * they summarise at most).
     *
     * @param bytes the encoding
     * @return the accumulator
     * @throws IllegalArgumentException if the encoding is invalid or inconsistent
     */
    public static TicketRecordAccumulator decode(byte[] bytes) {
        return Encoding.decodeConsistent(TYPE, bytes, TicketRecordAccumulator::decodeChecked);
    }

    private static TicketRecordAccumulator decodeChecked(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        long fr = in.getLong();
        long res = in.getLong();
        int r = in.getInt();
        FirstContactRule[] rules = FirstContactRule.values();
        if (r < 0 || r >= rules.length) {
            throw new CorruptEncodingException("encoded '" + TYPE + "' has an unknown first-contact rule: " + r);
        }
        if (fr < -1 || res < -1) {
            throw new CorruptEncodingException("encoded '" + TYPE + "' has a negative SLA target: " + fr + ", " + res);
        }
        TicketRecordAccumulator a = new TicketRecordAccumulator(fr, res, rules[r]);
        long[] c = in.getLongs();
        if (c.length != COUNTS) {
            throw new CorruptEncodingException("encoded '" + TYPE + "' has " + c.length + " counts, expected " + COUNTS);
        }
        a.tickets = c[0];
        a.solved = c[1];
        a.reopensKnown = c[2];
        a.reopened = c[3];
        a.fcrKnown = c[4];
        a.fcr = c[5];
        a.oneTouchKnown = c[6];
        a.oneTouch = c[7];
        a.elapsed.frWithin = c[8];
        a.elapsed.resWithin = c[9];
        a.business.frWithin = c[10];
        a.business.resWithin = c[11];
        System.arraycopy(c, 12, a.satisfaction, 0, a.satisfaction.length);
        for (Basis b : new Basis[] {a.elapsed, a.business}) {
            b.firstReply.combine(QuantileSketch.decode(in.getBytes()));
            b.resolution.combine(QuantileSketch.decode(in.getBytes()));
            b.wait.combine(QuantileSketch.decode(in.getBytes()));
        }
        in.end();
        a.validate();
        return a;
    }

    private void validate() {
        long sat = 0;
        for (long s : satisfaction) {
            within(s, tickets, "satisfaction count");
            sat += s;
        }
        within(solved, tickets, "solved");
        within(reopensKnown, tickets, "tickets with reopens");
        within(reopened, reopensKnown, "reopened");
        within(fcrKnown, solved, "solved with an FCR value");
        within(fcr, fcrKnown, "first-contact resolved");
        within(oneTouchKnown, solved, "solved with replies");
        within(oneTouch, oneTouchKnown, "one-touch");
        if (sat != tickets) {
            throw new CorruptEncodingException("encoded '" + TYPE + "' has satisfaction counts summing to " + sat
                    + ", expected the " + tickets + " tickets");
        }
        for (Basis b : new Basis[] {elapsed, business}) {
            within(b.firstReply.n(), tickets, "first replies");
            within(b.resolution.n(), solved, "resolutions");
            within(b.wait.n(), solved, "requester waits");
            within(b.frWithin, b.firstReply.n(), "first replies within target");
            within(b.resWithin, b.resolution.n(), "resolutions within target");
        }
    }

    private static void within(long v, long max, String what) {
        if (v < 0 || v > max) {
            throw new CorruptEncodingException("encoded '" + TYPE + "' has " + what + " = " + v
                    + ", which must be in [0, " + max + "]");
        }
    }

    /**
     * Returns e.g. {@code TicketRecordAccumulator[120 tickets, 100 solved, FCR solved with 0 reopens]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "TicketRecordAccumulator[" + tickets + " tickets, " + solved + " solved, FCR " + rule.description()
                + "]";
    }
}
