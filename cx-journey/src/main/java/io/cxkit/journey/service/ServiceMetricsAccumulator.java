package io.cxkit.journey.service;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.ExactCounts;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSketch;
import java.time.Duration;
import java.util.Optional;

/**
 * Mergeable service metrics over tickets: exact counts and quantile sketches (seconds) of first
 * response, resolution and requester wait time. Made by {@link ServiceMetrics#accumulator()};
 * combining requires the same SLA targets.
 */
public final class ServiceMetricsAccumulator implements Accumulator<ServiceMetricsAccumulator, ServiceMetricsResult> {
    /** Encoding type name. */
    public static final String TYPE = "service-metrics";

    private final long frTargetMillis;
    private final long resTargetMillis;
    private long tickets;
    private long solved;
    private long reopened;
    private long repeat;
    private long fcr;
    private long frWithin;
    private long resWithin;
    private final QuantileSketch firstResponse = QuantileSketch.create();
    private final QuantileSketch resolution = QuantileSketch.create();
    private final QuantileSketch wait = QuantileSketch.create();

    ServiceMetricsAccumulator(Duration firstResponseTarget, Duration resolutionTarget) {
        this(firstResponseTarget == null ? -1 : firstResponseTarget.toMillis(),
                resolutionTarget == null ? -1 : resolutionTarget.toMillis());
    }

    private ServiceMetricsAccumulator(long frTargetMillis, long resTargetMillis) {
        this.frTargetMillis = frTargetMillis;
        this.resTargetMillis = resTargetMillis;
    }

    /**
     * Adds one ticket.
     *
     * @param t the ticket's facts
     */
    public void accept(TicketFacts t) {
        Check.notNull(t, "ticket facts");
        tickets++;
        if (t.solved()) {
            solved++;
        }
        if (t.reopens() > 0) {
            reopened++;
        }
        if (t.repeatContact()) {
            repeat++;
        }
        if (t.firstContactResolved()) {
            fcr++;
        }
        if (t.firstResponse().isPresent()) {
            long ms = t.firstResponse().get().toMillis();
            firstResponse.accept(ms / 1000.0);
            if (ms <= frTargetMillis) {
                frWithin++;
            }
        }
        if (t.resolution().isPresent()) {
            long ms = t.resolution().get().toMillis();
            resolution.accept(ms / 1000.0);
            if (ms <= resTargetMillis) {
                resWithin++;
            }
        }
        wait.accept(t.requesterWait().toMillis() / 1000.0);
    }

    @Override
    public ServiceMetricsAccumulator combine(ServiceMetricsAccumulator other) {
        Check.notNull(other, "other");
        if (frTargetMillis != other.frTargetMillis || resTargetMillis != other.resTargetMillis) {
            throw new IncompatibleAccumulatorException("cannot combine service metrics with different SLA targets: "
                    + targets() + " vs " + other.targets());
        }
        // every count is at most the ticket count, so one check covers them all
        tickets = ExactCounts.checkAdd(tickets, other.tickets, "ticket count");
        solved += other.solved;
        reopened += other.reopened;
        repeat += other.repeat;
        fcr += other.fcr;
        frWithin += other.frWithin;
        resWithin += other.resWithin;
        firstResponse.combine(other.firstResponse);
        resolution.combine(other.resolution);
        wait.combine(other.wait);
        return this;
    }

    private String targets() {
        return "first response " + (frTargetMillis < 0 ? "none" : Duration.ofMillis(frTargetMillis))
                + ", resolution " + (resTargetMillis < 0 ? "none" : Duration.ofMillis(resTargetMillis));
    }

    @Override
    public ServiceMetricsResult result() {
        return new ServiceMetricsResult(tickets, solved, firstResponse.summary(), resolution.summary(), wait.summary(),
                ProportionEstimate.of(fcr, solved), ProportionEstimate.of(repeat, tickets),
                ProportionEstimate.of(reopened, tickets),
                frTargetMillis < 0 ? ProportionEstimate.empty() : ProportionEstimate.of(frWithin, firstResponse.n()),
                resTargetMillis < 0 ? ProportionEstimate.empty() : ProportionEstimate.of(resWithin, resolution.n()),
                target(frTargetMillis), target(resTargetMillis));
    }

    private static Optional<Duration> target(long millis) {
        return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    @Override
    public ServiceMetricsAccumulator emptyCopy() {
        return new ServiceMetricsAccumulator(frTargetMillis, resTargetMillis);
    }

    @Override
    public ServiceMetricsAccumulator copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        return Encoding.writer(TYPE, 1).putLong(frTargetMillis).putLong(resTargetMillis)
                .putLongs(new long[] {tickets, solved, reopened, repeat, fcr, frWithin, resWithin})
                .putBytes(firstResponse.encode()).putBytes(resolution.encode()).putBytes(wait.encode()).toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the accumulator
     * @throws IllegalArgumentException if the encoding is invalid
     */
    public static ServiceMetricsAccumulator decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        long frTarget = in.getLong();
        long resTarget = in.getLong();
        if (frTarget < -1 || resTarget < -1) {
            throw in.corrupt("has SLA targets " + frTarget + " and " + resTarget + " ms (>= 0, or -1 for none)");
        }
        ServiceMetricsAccumulator a = new ServiceMetricsAccumulator(frTarget, resTarget);
        long[] c = in.getCounts("ticket count");
        if (c.length != 7) {
            throw in.corrupt("has " + c.length + " counts, expected 7");
        }
        a.tickets = c[0];
        a.solved = c[1];
        a.reopened = c[2];
        a.repeat = c[3];
        a.fcr = c[4];
        a.frWithin = c[5];
        a.resWithin = c[6];
        QuantileSketch fr = QuantileSketch.decode(in.getBytes());
        QuantileSketch res = QuantileSketch.decode(in.getBytes());
        QuantileSketch w = QuantileSketch.decode(in.getBytes());
        in.end();
        long t = a.tickets;
        boolean ok = a.solved <= t && a.reopened <= t && a.repeat <= t && a.fcr <= a.solved && fr.n() <= t
                && res.n() <= t && w.n() == t && a.frWithin <= fr.n() && a.resWithin <= res.n()
                && (frTarget >= 0 || a.frWithin == 0) && (resTarget >= 0 || a.resWithin == 0)
                && fr.relativeAccuracy() == a.firstResponse.relativeAccuracy()
                && res.relativeAccuracy() == a.resolution.relativeAccuracy()
                && w.relativeAccuracy() == a.wait.relativeAccuracy();
        if (!ok) {
            throw in.corrupt("has counts no tickets can produce: " + java.util.Arrays.toString(c) + " (tickets, solved,"
                    + " reopened, repeat, FCR, first responses within, resolutions within) with " + fr.n()
                    + " first responses, " + res.n() + " resolutions and " + w.n() + " waits");
        }
        a.firstResponse.combine(fr);
        a.resolution.combine(res);
        a.wait.combine(w);
        return a;
    }

    /**
     * Returns e.g. {@code ServiceMetricsAccumulator[120 tickets, 100 solved]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "ServiceMetricsAccumulator[" + tickets + " tickets, " + solved + " solved]";
    }
}
