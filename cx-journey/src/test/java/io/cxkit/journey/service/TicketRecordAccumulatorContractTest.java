package io.cxkit.journey.service;

import io.cxkit.core.Channel;
import io.cxkit.core.contract.AccumulatorContractTest;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

class TicketRecordAccumulatorContractTest extends AccumulatorContractTest<TicketRecordAccumulator, TicketRecordResult> {
    private static final ServiceMetrics METRICS = ServiceMetrics.builder()
            .firstResponseTarget(Duration.ofHours(1)).resolutionTarget(Duration.ofHours(8)).build();
    private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.CHAT, Channel.PHONE};
    private static final TicketSatisfaction[] SATISFACTION = TicketSatisfaction.values();
    private int next;

    @Override
    protected TicketRecordAccumulator create() {
        return METRICS.recordAccumulator(FirstContactRule.ZERO_REOPENS);
    }

    @Override
    protected void accept(TicketRecordAccumulator acc, SplittableRandom random) {
        boolean solved = random.nextInt(5) > 0;
        double firstReply = random.nextInt(10) == 0 ? Double.NaN : 60.0 * random.nextInt(600);
        double resolution = solved ? 60.0 * (1 + random.nextInt(5000)) : Double.NaN;
        double wait = solved ? resolution / 2 : Double.NaN;
        TicketTimes elapsed = new TicketTimes(firstReply, resolution, wait);
        TicketTimes business = random.nextBoolean() ? TicketTimes.none()
                : new TicketTimes(firstReply / 3, resolution / 3, wait / 3);
        acc.accept(new TicketRecord("t" + next++, solved, Optional.empty(),
                Optional.of(CHANNELS[random.nextInt(CHANNELS.length)]), Optional.of("desk"), elapsed, business,
                solved ? random.nextInt(3) : -1, random.nextInt(4), -1, SATISFACTION[random.nextInt(SATISFACTION.length)]));
    }

    @Override
    protected TicketRecordAccumulator decode(byte[] bytes) {
        return TicketRecordAccumulator.decode(bytes);
    }

    @Override
    protected TicketRecordAccumulator incompatible() {
        return METRICS.recordAccumulator(FirstContactRule.ONE_CONTACT);
    }

    @Override
    protected String goldenName() {
        return "ticket-records";
    }
}
