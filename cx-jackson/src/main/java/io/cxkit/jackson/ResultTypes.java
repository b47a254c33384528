package io.cxkit.jackson;

import java.util.List;
import java.util.Set;

/**
 * The public records of cx-core, cx-survey and cx-journey (subpackages included) the module writes. {@code ScoreSegments}
 * is left out: it holds accumulators, not results. A test checks this list against the packages,
 * so a new public record fails the build until it is added here.
 */
final class ResultTypes {
    /** Every record written, in package order. */
    static final List<Class<? extends Record>> ALL = List.of(
            // io.cxkit.core
            io.cxkit.core.Channel.class,
            io.cxkit.core.Comparison.class,
            io.cxkit.core.Interval.class,
            io.cxkit.core.JourneyStage.class,
            io.cxkit.core.MeanEstimate.class,
            io.cxkit.core.ProportionEstimate.class,
            io.cxkit.core.QuantileSummary.class,
            io.cxkit.core.RollingWindow.class,
            io.cxkit.core.SegmentKey.class,
            io.cxkit.core.Segmentation.class,
            io.cxkit.core.TimeBucket.class,
            io.cxkit.core.Touchpoint.class,
            // io.cxkit.survey
            io.cxkit.survey.trend.Alert.class,
            io.cxkit.survey.CesResult.class,
            io.cxkit.survey.trend.ControlLimits.class,
            io.cxkit.survey.CsatResult.class,
            io.cxkit.survey.drivers.DriverImportance.class,
            io.cxkit.survey.outcomes.GroupOutcome.class,
            io.cxkit.survey.drivers.ImportancePerformance.class,
            io.cxkit.survey.drivers.ImportancePerformance.Row.class,
            io.cxkit.survey.drivers.KeyDriversResult.class,
            io.cxkit.survey.NpsBands.class,
            io.cxkit.survey.planning.NpsMix.class,
            io.cxkit.survey.NpsResult.class,
            io.cxkit.survey.outcomes.OutcomeContrast.class,
            io.cxkit.survey.outcomes.OutcomeLinkageResult.class,
            io.cxkit.survey.RatingScale.class,
            io.cxkit.survey.ScoreCardResult.class,
            io.cxkit.survey.ScoredResponse.class,
            io.cxkit.survey.SurveyQuestions.class,
            io.cxkit.survey.SurveyScoresResult.class,
            io.cxkit.survey.SurveyResponse.class,
            io.cxkit.survey.trend.TrendPoint.class,
            // io.cxkit.journey
            io.cxkit.journey.attribution.AttributionJourney.class,
            io.cxkit.journey.attribution.AttributionResult.class,
            io.cxkit.journey.attribution.AttributionModelResult.class,
            io.cxkit.journey.retention.ChurnPeriod.class,
            io.cxkit.journey.retention.CohortRow.class,
            io.cxkit.journey.CustomerJourney.class,
            io.cxkit.journey.funnel.FunnelResult.class,
            io.cxkit.journey.funnel.FunnelStepResult.class,
            io.cxkit.journey.satisfaction.HiddenPain.class,
            io.cxkit.journey.JourneyEvent.class,
            io.cxkit.journey.JourneyFacts.class,
            io.cxkit.journey.satisfaction.JourneySatisfactionResult.class,
            io.cxkit.journey.satisfaction.JourneyScore.class,
            io.cxkit.journey.JourneySummaryResult.class,
            io.cxkit.journey.survival.LogRankGroup.class,
            io.cxkit.journey.survival.LogRankTest.class,
            io.cxkit.journey.survival.MedianSurvival.class,
            io.cxkit.journey.paths.PathCount.class,
            io.cxkit.journey.paths.PathVariantsResult.class,
            io.cxkit.journey.retention.RetentionCell.class,
            io.cxkit.journey.retention.RetentionResult.class,
            io.cxkit.journey.service.ServiceMetricsResult.class,
            io.cxkit.journey.survival.SurvivalCurve.class,
            io.cxkit.journey.survival.SurvivalResult.class,
            io.cxkit.journey.survival.SurvivalStep.class,
            io.cxkit.journey.service.TicketEvent.class,
            io.cxkit.journey.service.TicketFacts.class,
            io.cxkit.journey.service.TicketRecord.class,
            io.cxkit.journey.service.TicketRecordResult.class,
            io.cxkit.journey.service.TicketSatisfactionResult.class,
            io.cxkit.journey.service.TicketTimes.class,
            io.cxkit.journey.paths.TopPaths.class,
            io.cxkit.journey.attribution.TouchpointCredit.class,
            io.cxkit.journey.satisfaction.TouchpointImpact.class,
            io.cxkit.journey.paths.TouchpointRepeats.class,
            io.cxkit.journey.paths.Transition.class,
            io.cxkit.journey.paths.TransitionGraphResult.class,
            // io.cxkit.journey.value
            io.cxkit.journey.value.Acquisition.Result.class,
            io.cxkit.journey.value.Acquisition.Row.class,
            io.cxkit.journey.value.Acquisition.Spend.class,
            io.cxkit.journey.value.Acquisition.Unmatched.class,
            io.cxkit.journey.value.BgNbd.class,
            io.cxkit.journey.value.RepeatPurchasesResult.class,
            io.cxkit.journey.value.CustomerSummary.class,
            io.cxkit.journey.value.CustomerValue.class,
            io.cxkit.journey.value.GammaGamma.class,
            io.cxkit.journey.value.GroupValue.class,
            io.cxkit.journey.value.HoldoutComparison.class,
            io.cxkit.journey.value.HoldoutComparison.FrequencyRow.class,
            io.cxkit.journey.value.HoldoutComparison.TrackingPoint.class,
            io.cxkit.journey.value.ModelFit.class,
            io.cxkit.journey.value.Parameter.class,
            io.cxkit.journey.value.ParetoNbd.class,
            io.cxkit.journey.value.ValueByGroup.Result.class,
            io.cxkit.journey.value.ValueByGroup.ValueAtRisk.class,
            io.cxkit.journey.value.ValueTerms.class);

    /** The records with hand-written serializers (the {@code cxkit/survey-report/v1} shapes). */
    static final Set<Class<? extends Record>> WRITTEN_BY_HAND = Set.of(io.cxkit.core.Interval.class,
            io.cxkit.survey.NpsResult.class, io.cxkit.survey.CsatResult.class, io.cxkit.survey.CesResult.class,
            io.cxkit.survey.ScoreCardResult.class, io.cxkit.survey.SurveyScoresResult.class);

    private ResultTypes() {
    }
}
