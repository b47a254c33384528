package io.cxkit.journey.funnel;

import static io.cxkit.journey.Events.ev;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.JourneyStage;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The funnel encoding carries its definition, so {@code decode(byte[])} needs no funnel (issue 16). */
class FunnelEncodingTest {
    private static final List<CustomerJourney> JOURNEYS = JourneyBuilder.create().build(List.of(
            ev("a", 0, "home").withStage(JourneyStage.AWARENESS), ev("a", 2, "cart").withOutcome("added"),
            ev("a", 5, "pay"), ev("b", 0, "home").withStage(JourneyStage.AWARENESS), ev("b", 90, "cart")
                    .withOutcome("added")));

    private static String corrupt(Runnable decode) {
        return assertThrows(CorruptEncodingException.class, decode::run).getMessage();
    }

    @Test
    void decodeRebuildsTheFunnelFromTheBytes() {
        Funnel f = Funnel.builder().step(FunnelStep.ofStage(JourneyStage.AWARENESS)).step(FunnelStep.ofOutcome("added"))
                .step(FunnelStep.ofTouchpoint("pay")).mode(FunnelMode.ANY_ORDER).window(Duration.ofSeconds(3600, 5))
                .build();
        FunnelAccumulator acc = f.accumulator();
        JOURNEYS.forEach(acc::accept);
        FunnelAccumulator back = FunnelAccumulator.decode(acc.encode());
        assertEquals(acc.result(), back.result());
        assertEquals(f.steps(), back.funnel().steps());
        assertEquals(FunnelMode.ANY_ORDER, back.funnel().mode());
        assertEquals(Optional.of(Duration.ofSeconds(3600, 5)), back.funnel().window());
        assertArrayEquals(acc.encode(), back.encode());
        // the rebuilt funnel matches events as the original did, and combines with it
        JOURNEYS.forEach(back::accept);
        JOURNEYS.forEach(acc::accept);
        assertEquals(acc.result(), back.result());
        assertEquals(acc.result(), FunnelAccumulator.decode(acc.encode()).combine(f.accumulator()).result());
        assertEquals(Optional.empty(), FunnelAccumulator.decode(Funnel.builder().steps("home").build().accumulator()
                .encode()).funnel().window());
    }

    @Test
    void aPredicateStepNeedsTheFunnelAndTheFunnelMustMatch() {
        Funnel f = Funnel.builder().steps("home").step(FunnelStep.of("slow", e -> e.time().getEpochSecond() % 2 == 0))
                .build();
        byte[] bytes = f.accumulator().encode();
        assertTrue(corrupt(() -> FunnelAccumulator.decode(bytes)).contains(
                "has the predicate step 'slow', which an encoding cannot carry: decode it with decode(bytes, funnel)"));
        assertEquals(f.steps(), FunnelAccumulator.decode(bytes, f).funnel().steps());
        Funnel other = Funnel.builder().steps("home", "cart").build();
        assertTrue(corrupt(() -> FunnelAccumulator.decode(bytes, other)).contains("has a different funnel definition"));
        // stages are equal by name and order: a stage of the same name but another order is another step
        Funnel awareness = Funnel.builder().step(FunnelStep.ofStage(JourneyStage.AWARENESS)).build();
        Funnel renumbered = Funnel.builder().step(FunnelStep.ofStage(JourneyStage.of("awareness", 9))).build();
        assertTrue(corrupt(() -> FunnelAccumulator.decode(awareness.accumulator().encode(), renumbered))
                .contains("has different funnel steps"));
    }

    @Test
    void version1EncodingsNeedTheFunnel() throws IOException {
        byte[] v1;
        try (InputStream in = getClass().getResourceAsStream("/golden/funnel-v1.bin")) {
            v1 = in.readAllBytes();
        }
        assertTrue(corrupt(() -> FunnelAccumulator.decode(v1)).contains(
                "has payload version 1, which does not carry the funnel definition: decode it with decode(bytes, funnel)"));
        Funnel golden = Funnel.builder().steps("home", "product", "checkout").build();
        assertEquals(3, FunnelAccumulator.decode(v1, golden).funnel().steps().size());
    }
}
