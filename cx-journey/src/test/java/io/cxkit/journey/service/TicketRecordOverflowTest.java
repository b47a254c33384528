package io.cxkit.journey.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.IncompatibleAccumulatorException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Found while reading: {@code TicketRecordAccumulator.combine} added its counts with {@code +=},
 * so a ticket count past {@code Long.MAX_VALUE} wrapped (the contract: combine checks its counts
 * before it changes anything).
 */
class TicketRecordOverflowTest {

    @Test
    void aTicketCountThatWouldOverflowIsRefusedAndChangesNothing() {
        TicketRecordAccumulator acc = ServiceMetrics.builder().build().recordAccumulator(FirstContactRule.ZERO_REOPENS);
        acc.accept(new TicketRecord("t1", true, Optional.empty(), Optional.empty(), Optional.empty(),
                new TicketTimes(60, 120, 30), TicketTimes.none(), 0, 1, -1, TicketSatisfaction.UNOFFERED));
        for (int i = 0; i < 62; i++) {
            acc.combine(acc.copy()); // 2^62 tickets
        }
        byte[] before = acc.encode();
        IncompatibleAccumulatorException e = assertThrows(IncompatibleAccumulatorException.class,
                () -> acc.combine(acc.copy()));
        assertTrue(e.getMessage().contains("ticket count would overflow"), e.getMessage());
        assertArrayEquals(before, acc.encode());
    }
}
