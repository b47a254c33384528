package io.cxkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.paths.PathVariants;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The journey rules reach the executors as their settings and are rebuilt there to the same rules. */
class JourneyPartitionTest {
    @Test
    void everyCombinationOfRulesIsRebuiltAsItWasGiven() {
        JourneyBuilder none = JourneyBuilder.create();
        List<JourneyBuilder> all = List.of(none, none.splitOnInactivity(Duration.ofMinutes(30)),
                none.splitOnOutcome(), none.splitOnOutcome(Set.of("purchase", "churn")), none.byCase(),
                none.splitOnInactivity(Duration.ofDays(2)).splitOnOutcome().byCase(),
                none.splitOnInactivity(Duration.ofSeconds(90)).splitOnOutcome(Set.of("purchase")).byCase());
        byte[] template = PathVariants.create().encode();
        for (JourneyBuilder rules : all) {
            JourneyPartition task = new JourneyPartition(JourneyPartition.Analysis.PATH_VARIANTS, "test",
                    JourneyColumns.create(), rules, template, Set.of());
            assertEquals(rules.toString(), task.rules().toString());
        }
    }
}
