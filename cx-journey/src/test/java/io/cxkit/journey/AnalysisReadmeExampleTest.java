package io.cxkit.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.TimeGrain;
import io.cxkit.journey.attribution.AttributionAccumulator;
import io.cxkit.journey.attribution.AttributionJourney;
import io.cxkit.journey.attribution.AttributionModel;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.attribution.AttributionResult;
import io.cxkit.journey.retention.RetentionAccumulator;
import io.cxkit.journey.retention.RetentionResult;
import io.cxkit.journey.survival.LogRankTest;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalAccumulator;
import io.cxkit.journey.survival.SurvivalResult;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the examples of {@code README-analysis-section.md}. */
class AnalysisReadmeExampleTest {

    @Test
    void retentionAndSurvivalExample() {
        List<JourneyEvent> events = List.of(Events.ev("c1", 0, "web"), Events.ev("c2", 60, "app"));
        RetentionAccumulator cohorts = RetentionAccumulator.of(TimeGrain.MONTH, ZoneOffset.UTC);
        events.forEach(e -> cohorts.accept(e.customerId(), e.time()));
        RetentionResult table = cohorts.result();                 // cohort x month offset, Wilson intervals; churn per month

        SurvivalAccumulator survival = SurvivalAccumulator.create();
        survival.accept(306, true, "detractor");                 // churned after 306 days
        survival.accept(455, false, "promoter");                 // still a customer after 455 days (censored)
        SurvivalResult km = survival.result();
        MedianSurvival median = km.group("promoter").median();   // 95% log interval, as R prints it
        LogRankTest test = km.logRank();                         // chi-square, df, p, observed/expected per group

        assertEquals(2, table.customers());
        assertTrue(!median.reached());
        assertEquals(1, test.df());
    }

    @Test
    void attributionExample() {
        List<CustomerJourney> journeys = List.of(CustomerJourney.of("c1", List.of(Events.ev("c1", 0, "search"),
                Events.ev("c1", 5, "checkout").withOutcome("purchased").withValue(80))),
                CustomerJourney.of("c2", List.of(Events.ev("c2", 0, "email"))));
        AttributionAccumulator attribution = AttributionAccumulator.of(2, Duration.ofDays(7)); // Markov order 2, 7-day half-life
        journeys.forEach(j -> attribution.accept(AttributionJourney.of(j, Set.of("purchased"))));
        AttributionResult report = attribution.result();
        AttributionModelResult markov = report.model(AttributionModel.MARKOV);   // removal effects, credited conversions and value
        AttributionModelResult last = report.model(AttributionModel.LAST_TOUCH);

        assertEquals(80, markov.credit("search").orElseThrow().value() + markov.credit("checkout").orElseThrow().value(), 1e-9);
        assertEquals(1, last.credit("checkout").orElseThrow().conversions());
    }
}
