package io.cxkit.journey.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxkit.core.Channel;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.Events;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Funnel algebra on random logs: combine equals a single pass; first step equals journeys entering. */
public class FunnelProperties {

    public static List<CustomerJourney> randomJourneys(long seed, int events) {
        Random r = new Random(seed);
        String[] tps = {"home", "product", "cart", "checkout", "faq"};
        List<JourneyEvent> log = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            log.add(JourneyEvent.of("c" + r.nextInt(20), Events.at(r.nextInt(600)), tps[r.nextInt(tps.length)],
                    r.nextBoolean() ? Channel.WEB : Channel.MOBILE_APP));
        }
        return JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(90)).build(log);
    }

    @Property(tries = 60)
    void combineEqualsSinglePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int events,
            @ForAll @IntRange(min = 1, max = 4) int parts) {
        List<CustomerJourney> js = randomJourneys(seed, events);
        for (FunnelMode mode : FunnelMode.values()) {
            Funnel f = Funnel.builder().steps("product", "cart", "checkout").mode(mode)
                    .window(Duration.ofMinutes(45)).build();
            FunnelAccumulator[] acc = new FunnelAccumulator[parts];
            for (int p = 0; p < parts; p++) {
                acc[p] = f.accumulator();
            }
            for (int i = 0; i < js.size(); i++) {
                acc[(int) Math.floorMod(seed + i, (long) parts)].accept(js.get(i));
            }
            FunnelAccumulator merged = f.accumulator();
            for (int p = parts - 1; p >= 0; p--) {
                merged.combine(FunnelAccumulator.decode(acc[p].encode(), f));
            }
            assertEquals(f.run(js), merged.result(), "seed=" + seed);
            if (mode != FunnelMode.ANY_ORDER) {
                assertEquals(js.stream().filter(j -> j.path().contains("product")).count(),
                        merged.result().entered(), "seed=" + seed);
            }
        }
    }
}
